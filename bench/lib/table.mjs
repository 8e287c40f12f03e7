// Renders scenario rows as one Markdown table: a row per metric, a column per contender, each
// cell "median (min–max)" plus the ratio to the raw SDK where the row asks for one.
import { COLUMNS, NAMES } from './contenders.mjs';

/** 1234567 -> "1,234,567"; small numbers keep a few significant digits. */
export function fmt(value) {
  if (value === undefined || value === null || Number.isNaN(value)) return '—';
  const abs = Math.abs(value);
  if (abs >= 1000) return Math.round(value).toLocaleString('en-US');
  if (abs >= 100) return value.toFixed(0);
  if (abs >= 10) return value.toFixed(1);
  return value.toFixed(2);
}

/** The ratio of a cell's median to the raw column's median (always "x times raw", whatever is better). */
export function ratioOf(row, key) {
  const base = row.cells.raw;
  const cell = row.cells[key];
  if (!row.ratio || key === 'raw' || !base?.median || cell?.median === undefined) return undefined;
  return cell.median / base.median;
}

function cellText(row, key) {
  const cell = row.cells[key];
  if (cell === undefined) return '';
  if (cell.na) return `n/a (${cell.na})`;
  if (cell.text) return cell.text;
  const spread = cell.n > 1 ? ` (${fmt(cell.min)}–${fmt(cell.max)})` : '';
  const ratio = ratioOf(row, key);
  return `${fmt(cell.median)}${spread}${ratio === undefined ? '' : ` **${ratio.toFixed(2)}x**`}`;
}

const escapePipes = (text) => String(text).replaceAll('|', '\\|');

/** The whole results table as Markdown, columns padded to their width (as formatters lay it out). */
export function markdownTable(scenarios) {
  const header = ['Scenario', 'Metric', ...COLUMNS.map((key) => NAMES[key]), 'Target'];
  const body = [];
  for (const scenario of scenarios) {
    scenario.rows.forEach((row, index) => {
      body.push([
        index === 0 ? scenario.title : '',
        row.metric,
        ...COLUMNS.map((key) => cellText(row, key)),
        row.target ?? '',
      ]);
    });
  }
  const rows = [header, ...body].map((cells) => cells.map(escapePipes));
  const widths = header.map((_, column) => Math.max(3, ...rows.map((cells) => cells[column].length)));
  const line = (cells) => `| ${cells.map((cell, column) => cell.padEnd(widths[column])).join(' | ')} |`;
  return [line(rows[0]), line(widths.map((width) => '-'.repeat(width))), ...rows.slice(1).map(line)].join(
    '\n',
  );
}

/** Notes of every scenario, as a Markdown list under the table. */
export function markdownNotes(scenarios) {
  const lines = [];
  for (const scenario of scenarios) {
    for (const note of scenario.notes ?? []) lines.push(`- **${scenario.title}**: ${note}`);
    const load = scenario.loadAverage;
    if (load) {
      lines.push(
        `- **${scenario.title}**: 1-minute load average while it ran: ${load.median.toFixed(1)} (${load.min.toFixed(1)}–${load.max.toFixed(1)}).`,
      );
    }
  }
  return lines.join('\n');
}

/** "met" / "missed" with the number that decided it, for the Target column. */
export function verdict(ok, text) {
  return `${text}: ${ok ? '**met**' : '**missed**'}`;
}
