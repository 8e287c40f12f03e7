import type { SummaryRow } from '@switchboard/core';
import { describe, expect, it } from 'vitest';
import {
  axisLabel,
  buildSeries,
  chooseMetric,
  lastDays,
  MAX_SERIES,
  niceCeiling,
  stackedBarsSvg,
} from '../../../src/features/usage/usage-chart.js';

function row(day: string, model: string, costUsd: number, tokens = 100): SummaryRow {
  return {
    day,
    model,
    requests: 1,
    inputTokens: tokens,
    outputTokens: 0,
    cacheReadTokens: 0,
    cacheWriteTokens: 0,
    reasoningTokens: 0,
    costUsd,
    unpricedRequests: 0,
  };
}

describe('lastDays', () => {
  it('lists local days, oldest first, across a month end', () => {
    expect(lastDays(new Date(2025, 2, 2, 15), 4)).toEqual([
      '2025-02-27',
      '2025-02-28',
      '2025-03-01',
      '2025-03-02',
    ]);
    expect(lastDays(new Date(2025, 0, 1), 1)).toEqual(['2025-01-01']);
  });
});

describe('chooseMetric', () => {
  it('charts spend when anything cost money, else tokens', () => {
    expect(chooseMetric([row('2025-01-01', 'a/x', 0), row('2025-01-01', 'b/y', 0.1)])).toBe('cost');
    expect(chooseMetric([row('2025-01-01', 'llamacpp/x', 0)])).toBe('tokens');
  });
});

describe('buildSeries', () => {
  const days = ['2025-01-01', '2025-01-02'];

  it('puts each model on its days, the largest first, and skips days outside the range', () => {
    const series = buildSeries(
      [
        row('2025-01-01', 'a/x', 1),
        row('2025-01-02', 'b/y', 3),
        row('2025-01-02', 'a/x', 0.5),
        row('2024-12-31', 'c/z', 9),
      ],
      days,
      'cost',
    );
    expect(series).toEqual([
      { name: 'b/y', values: [0, 3] },
      { name: 'a/x', values: [1, 0.5] },
    ]);
  });

  it('sums the smallest models into Other', () => {
    const rows = Array.from({ length: MAX_SERIES + 2 }, (_, i) => row('2025-01-01', `p/m${i}`, 10 - i));
    const series = buildSeries(rows, days, 'cost');
    expect(series).toHaveLength(MAX_SERIES);
    expect(series.at(-1)).toEqual({ name: 'Other', values: [5 + 4 + 3, 0] });
  });

  it('counts tokens for the token metric', () => {
    expect(buildSeries([row('2025-01-02', 'l/m', 0, 250)], days, 'tokens')).toEqual([
      { name: 'l/m', values: [0, 250] },
    ]);
  });
});

describe('axisLabel', () => {
  it('writes round axis steps without float noise or padding', () => {
    expect(axisLabel(0, 'cost')).toBe('$0');
    expect(axisLabel(0.1 + 0.2, 'cost')).toBe('$0.3');
    expect(axisLabel(2500, 'cost')).toBe('$2500');
    expect(axisLabel(1500, 'tokens')).toBe('1.5K');
  });
});

describe('niceCeiling', () => {
  it('rounds the axis top up to 1, 2, 2.5 or 5 times a power of ten', () => {
    expect(niceCeiling(0)).toBe(0);
    expect(niceCeiling(7)).toBe(10);
    expect(niceCeiling(1.3)).toBe(2);
    expect(niceCeiling(0.3)).toBeCloseTo(0.5);
    expect(niceCeiling(2100)).toBe(2500);
  });
});

describe('stackedBarsSvg', () => {
  it('draws a segment per model and day with a tooltip, escaping names', () => {
    const svg = stackedBarsSvg(
      ['2025-01-01', '2025-01-02'],
      [
        { name: 'evil/<script>', values: [1, 0] },
        { name: 'b/y', values: [1, 2] },
      ],
      'cost',
    );
    expect(svg.match(/<rect /g)).toHaveLength(3);
    expect(svg).toContain('class="series-0"');
    expect(svg).toContain('<title>2025-01-01 · evil/&lt;script&gt;: $1.00</title>');
    expect(svg).not.toContain('<script>');
    expect(svg).toContain('>$2<'); // the axis top for a tallest bar of 2
    expect(svg).toContain('>$0.5<');
  });

  it('stacks segments: the second starts where the first ends', () => {
    const svg = stackedBarsSvg(
      ['d'],
      [
        { name: 'a', values: [1] },
        { name: 'b', values: [1] },
      ],
      'cost',
    );
    const ys = [...svg.matchAll(/<rect [^>]*y="([\d.]+)" width="[\d.]+" height="([\d.]+)"/g)].map((m) => [
      Number(m[1]),
      Number(m[2]),
    ]);
    expect(ys).toHaveLength(2);
    const [[y0, h0], [y1, h1]] = ys as [[number, number], [number, number]];
    expect(y1 + h1).toBeCloseTo(y0);
    expect(h0).toBeCloseTo(h1);
  });
});
