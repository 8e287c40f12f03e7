// The usage chart as an inline SVG string: one stacked bar per day, a segment per model. No
// script and no external file: the webview has no internet. Colours come from CSS classes
// (`series-0`...), which the page maps onto the theme's chart colours.
import type { SummaryRow } from '@switchboard/core';
import { formatTokens, formatUsd } from '../../shared/format.js';

export type Metric = 'cost' | 'tokens';

export interface Series {
  /** A model id, or `Other` for the models beyond the largest few. */
  name: string;
  /** One value per day, in the order of the days. */
  values: number[];
}

/** The most series a chart shows; the rest are summed into `Other`. */
export const MAX_SERIES = 6;

/** `YYYY-MM-DD` of the last `count` local days, oldest first, ending with `today`. */
export function lastDays(today: Date, count: number): string[] {
  const days: string[] = [];
  for (let back = count - 1; back >= 0; back--) {
    const day = new Date(today.getFullYear(), today.getMonth(), today.getDate() - back);
    days.push(
      `${day.getFullYear()}-${String(day.getMonth() + 1).padStart(2, '0')}-${String(day.getDate()).padStart(2, '0')}`,
    );
  }
  return days;
}

/** Spend when anything cost money; tokens when every model was free or unpriced (local ones). */
export function chooseMetric(rows: SummaryRow[]): Metric {
  return rows.some((row) => row.costUsd > 0) ? 'cost' : 'tokens';
}

export function metricOf(row: SummaryRow, metric: Metric): number {
  return metric === 'cost' ? row.costUsd : row.inputTokens + row.outputTokens;
}

/** Per model, the value of each day; the largest models first, the rest as `Other`. */
export function buildSeries(rows: SummaryRow[], days: string[], metric: Metric): Series[] {
  const dayIndex = new Map(days.map((day, index) => [day, index]));
  const byModel = new Map<string, number[]>();
  for (const row of rows) {
    const index = row.day === undefined ? undefined : dayIndex.get(row.day);
    if (index === undefined) continue;
    const name = row.model ?? 'unknown';
    let values = byModel.get(name);
    if (!values) {
      values = days.map(() => 0);
      byModel.set(name, values);
    }
    values[index] = (values[index] ?? 0) + metricOf(row, metric);
  }
  const total = (values: number[]) => values.reduce((sum, value) => sum + value, 0);
  const sorted = [...byModel]
    .map(([name, values]) => ({ name, values }))
    .filter((series) => total(series.values) > 0)
    .sort((a, b) => total(b.values) - total(a.values) || a.name.localeCompare(b.name));
  if (sorted.length <= MAX_SERIES) return sorted;
  const kept = sorted.slice(0, MAX_SERIES - 1);
  const other = days.map((_, index) =>
    sorted.slice(MAX_SERIES - 1).reduce((sum, series) => sum + (series.values[index] ?? 0), 0),
  );
  return [...kept, { name: 'Other', values: other }];
}

export function formatMetric(value: number, metric: Metric): string {
  return metric === 'cost' ? formatUsd(value) : `${formatTokens(Math.round(value))} tokens`;
}

const WIDTH = 760;
const HEIGHT = 260;
const LEFT = 64;
const RIGHT = 12;
const TOP = 12;
const BOTTOM = 28;

/** The chart; each segment has a tooltip (day, model, value). */
export function stackedBarsSvg(days: string[], series: Series[], metric: Metric): string {
  const totals = days.map((_, index) => series.reduce((sum, s) => sum + (s.values[index] ?? 0), 0));
  const top = niceCeiling(Math.max(0, ...totals));
  const plotWidth = WIDTH - LEFT - RIGHT;
  const plotHeight = HEIGHT - TOP - BOTTOM;
  const slot = plotWidth / Math.max(1, days.length);
  const barWidth = Math.max(2, slot * 0.7);
  const y = (value: number) => TOP + plotHeight - (top > 0 ? (value / top) * plotHeight : 0);
  const parts: string[] = [];

  for (let step = 0; step <= 4; step++) {
    const value = (top / 4) * step;
    const at = y(value).toFixed(1);
    parts.push(`<line class="grid" x1="${LEFT}" x2="${WIDTH - RIGHT}" y1="${at}" y2="${at}"/>`);
    parts.push(
      `<text class="axis" x="${LEFT - 6}" y="${at}" text-anchor="end" dominant-baseline="middle">${escapeXml(axisLabel(value, metric))}</text>`,
    );
  }
  days.forEach((day, index) => {
    const x = LEFT + index * slot + (slot - barWidth) / 2;
    let base = 0;
    series.forEach((s, seriesIndex) => {
      const value = s.values[index] ?? 0;
      if (value <= 0) return;
      const y0 = y(base);
      const y1 = y(base + value);
      base += value;
      const tooltip = `${day} · ${s.name}: ${formatMetric(value, metric)}`;
      parts.push(
        `<rect class="series-${seriesIndex}" x="${x.toFixed(1)}" y="${y1.toFixed(1)}" width="${barWidth.toFixed(1)}" height="${Math.max(0.5, y0 - y1).toFixed(1)}"><title>${escapeXml(tooltip)}</title></rect>`,
      );
    });
    // A label every fifth day, and always the last (today).
    if ((days.length - 1 - index) % 5 === 0) {
      parts.push(
        `<text class="axis" x="${(x + barWidth / 2).toFixed(1)}" y="${HEIGHT - 8}" text-anchor="middle">${escapeXml(day.slice(5))}</text>`,
      );
    }
  });
  const label = metric === 'cost' ? 'Spend per day by model' : 'Tokens per day by model';
  return `<svg class="chart" role="img" aria-label="${label}" viewBox="0 0 ${WIDTH} ${HEIGHT}" xmlns="http://www.w3.org/2000/svg">${parts.join('')}</svg>`;
}

/** `$0`, `$0.25`, `$2.5`, `$1000`: the axis steps are round, so no fixed decimals. */
export function axisLabel(value: number, metric: Metric): string {
  return metric === 'cost' ? `$${Number(value.toPrecision(6))}` : formatTokens(Math.round(value));
}

/** 1, 2, 2.5 or 5 times a power of ten, at least `value`: round numbers on the axis. */
export function niceCeiling(value: number): number {
  if (value <= 0) return 0;
  const power = 10 ** Math.floor(Math.log10(value));
  for (const factor of [1, 2, 2.5, 5, 10]) {
    if (factor * power >= value) return factor * power;
  }
  return 10 * power;
}

export function escapeXml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}
