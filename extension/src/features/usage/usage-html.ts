// The "Show Usage" page as one HTML string: summary, chart, legend and tables. A strict CSP (no
// network, style and script only with the nonce), theme colours through `--vscode-*` variables,
// and every text from the ledger (model names) escaped.
import type { SummaryRow } from '@switchboard/core';
import { formatTokens, formatUsd } from '../../shared/format.js';
import {
  buildSeries,
  chooseMetric,
  escapeXml as escapeHtml,
  formatMetric,
  lastDays,
  MAX_SERIES,
  stackedBarsSvg,
} from './usage-chart.js';

export { escapeHtml };

export interface UsagePage {
  rows: SummaryRow[];
  days: number;
  today: Date;
  nonce: string;
}

const COLORS = ['blue', 'orange', 'green', 'purple', 'red', 'yellow'];

export function usageHtml(page: UsagePage): string {
  const days = lastDays(page.today, page.days);
  const rows = page.rows.filter((row) => row.day !== undefined && days.includes(row.day));
  const metric = chooseMetric(rows);
  const series = buildSeries(rows, days, metric);
  const csp = [
    "default-src 'none'",
    'img-src data:',
    `style-src 'nonce-${page.nonce}'`,
    `script-src 'nonce-${page.nonce}'`,
  ].join('; ');
  const body =
    rows.length === 0
      ? `<p class="empty">No requests in the last ${page.days} days. Usage appears here once a model has answered.</p>`
      : `${summary(rows, page.days)}
<section>
  <h2>${metric === 'cost' ? 'Spend' : 'Tokens'} per day</h2>
  ${stackedBarsSvg(days, series, metric)}
  <ul class="legend">${series
    .map((s, index) => `<li><span class="swatch series-${index}"></span>${escapeHtml(s.name)}</li>`)
    .join('')}</ul>
</section>
<section>
  <h2>By model</h2>
  ${modelTable(rows)}
</section>
<section>
  <h2>By day</h2>
  ${dayTable(rows)}
</section>`;
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<title>Switchboard Usage</title>
<style nonce="${page.nonce}">${styles()}</style>
</head>
<body>
<header>
  <h1>Usage, last ${page.days} days</h1>
  <button id="refresh" type="button">Refresh</button>
</header>
${body}
<script nonce="${page.nonce}">
  const vscode = acquireVsCodeApi();
  document.getElementById('refresh').addEventListener('click', () => vscode.postMessage({ type: 'refresh' }));
</script>
</body>
</html>`;
}

interface Totals {
  requests: number;
  inputTokens: number;
  outputTokens: number;
  costUsd: number;
  unpricedRequests: number;
}

function add(into: Totals, row: SummaryRow): Totals {
  into.requests += row.requests;
  into.inputTokens += row.inputTokens;
  into.outputTokens += row.outputTokens;
  into.costUsd += row.costUsd;
  into.unpricedRequests += row.unpricedRequests;
  return into;
}

const empty = (): Totals => ({
  requests: 0,
  inputTokens: 0,
  outputTokens: 0,
  costUsd: 0,
  unpricedRequests: 0,
});

function summary(rows: SummaryRow[], days: number): string {
  const total = rows.reduce(add, empty());
  const unpriced =
    total.unpricedRequests > 0
      ? ` <span class="note">${total.unpricedRequests} ${total.unpricedRequests === 1 ? 'request' : 'requests'} of models without a known price are not included.</span>`
      : '';
  return `<p class="summary"><strong>${formatUsd(total.costUsd)}</strong> in ${days} days · ${total.requests} requests · ${formatTokens(total.inputTokens)} tokens in, ${formatTokens(total.outputTokens)} out.${unpriced}</p>`;
}

function modelTable(rows: SummaryRow[]): string {
  const byModel = new Map<string, Totals>();
  for (const row of rows) {
    const name = row.model ?? 'unknown';
    byModel.set(name, add(byModel.get(name) ?? empty(), row));
  }
  const lines = [...byModel]
    .sort(([a, x], [b, y]) => y.costUsd - x.costUsd || y.requests - x.requests || a.localeCompare(b))
    .map(([name, t]) => `<tr><td>${escapeHtml(name)}</td>${numbers(t)}</tr>`);
  return table(['Model', 'Requests', 'Tokens in', 'Tokens out', 'Cost'], lines);
}

function dayTable(rows: SummaryRow[]): string {
  const lines = [...rows]
    .sort((a, b) => (b.day ?? '').localeCompare(a.day ?? '') || b.costUsd - a.costUsd)
    .map(
      (row) =>
        `<tr><td>${escapeHtml(row.day ?? '')}</td><td>${escapeHtml(row.model ?? 'unknown')}</td>${numbers(row)}</tr>`,
    );
  return table(['Day', 'Model', 'Requests', 'Tokens in', 'Tokens out', 'Cost'], lines);
}

function numbers(t: Totals): string {
  const cost =
    t.unpricedRequests > 0 && t.costUsd === 0
      ? 'price unknown'
      : `${formatMetric(t.costUsd, 'cost')}${t.unpricedRequests > 0 ? ' + unpriced' : ''}`;
  return [t.requests, t.inputTokens.toLocaleString('en-US'), t.outputTokens.toLocaleString('en-US'), cost]
    .map((value) => `<td class="num">${escapeHtml(String(value))}</td>`)
    .join('');
}

function table(headings: string[], lines: string[]): string {
  return `<table><thead><tr>${headings
    .map((heading, index) => `<th${index >= headings.length - 4 ? ' class="num"' : ''}>${heading}</th>`)
    .join('')}</tr></thead><tbody>${lines.join('')}</tbody></table>`;
}

function styles(): string {
  const series = Array.from(
    { length: MAX_SERIES },
    (_, index) =>
      `.series-${index} { fill: var(--vscode-charts-${COLORS[index]}); background: var(--vscode-charts-${COLORS[index]}); }`,
  ).join('\n');
  return `
body { font-family: var(--vscode-font-family); font-size: var(--vscode-font-size); color: var(--vscode-foreground); background: var(--vscode-editor-background); padding: 0 20px 20px; }
header { display: flex; align-items: center; justify-content: space-between; }
h1 { font-size: 1.4em; font-weight: 600; }
h2 { font-size: 1.1em; font-weight: 600; margin-top: 1.6em; }
button { color: var(--vscode-button-foreground); background: var(--vscode-button-background); border: none; padding: 4px 12px; cursor: pointer; }
button:hover { background: var(--vscode-button-hoverBackground); }
.summary strong { font-size: 1.3em; }
.note, .empty { color: var(--vscode-descriptionForeground); }
.chart { width: 100%; max-width: 900px; height: auto; }
.chart .grid { stroke: var(--vscode-charts-lines); stroke-width: 0.5; opacity: 0.5; }
.chart .axis { fill: var(--vscode-descriptionForeground); font-size: 11px; }
.legend { list-style: none; padding: 0; display: flex; flex-wrap: wrap; gap: 4px 16px; }
.swatch { display: inline-block; width: 10px; height: 10px; margin-right: 6px; }
table { border-collapse: collapse; width: 100%; max-width: 900px; }
th, td { text-align: left; padding: 3px 10px 3px 0; border-bottom: 1px solid var(--vscode-widget-border, var(--vscode-editorGroup-border)); }
th { font-weight: 600; }
.num { text-align: right; font-variant-numeric: tabular-nums; }
${series}
`;
}
