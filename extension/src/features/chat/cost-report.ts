// /cost as Markdown: today's and this month's spend against the budgets, and today's top models.
import type { SummaryRow } from '@switchboard/core';
import type { ExtensionSettings } from '../../config/settings.js';
import type { SpendSummary } from '../../engine/index.js';
import { formatTokens, formatUsd } from '../../shared/format.js';

export interface CostReportInput {
  spend: SpendSummary;
  /** Today's usage rows, grouped by model. */
  today: readonly SummaryRow[];
  budget: ExtensionSettings['budget'];
  /** How many models to list; default 5. */
  top?: number;
}

export function costReport(input: CostReportInput): string {
  const { spend, budget } = input;
  const lines = [
    `**Today:** ${spendLine(spend.todayUsd, budget.dailyUsd, 'daily')}`,
    `**This month:** ${spendLine(spend.monthUsd, budget.monthlyUsd, 'monthly')}`,
  ];
  if (budget.dailyUsd !== undefined || budget.monthlyUsd !== undefined) {
    const warnAt = `${Math.round(budget.warnAtFraction * 100)}%`;
    lines.push(
      budget.mode === 'block'
        ? `Budgets **block** requests that would pass a limit (warning at ${warnAt}).`
        : `Budgets **warn** at ${warnAt} and let requests through.`,
    );
  }
  const sections = [lines.join('  \n')];
  const rows = [...input.today]
    .filter((row) => row.requests > 0)
    .sort((a, b) => b.costUsd - a.costUsd || b.requests - a.requests)
    .slice(0, input.top ?? 5);
  if (rows.length === 0) {
    sections.push('No requests today.');
  } else {
    sections.push(
      [
        '### Top models today',
        '',
        '| Model | Requests | Tokens in / out | Cost |',
        '|---|---:|---:|---:|',
        ...rows.map(
          (row) =>
            `| \`${row.model ?? row.provider ?? '?'}\` | ${row.requests} | ${formatTokens(row.inputTokens)} / ${formatTokens(
              row.outputTokens,
            )} | ${rowCost(row)} |`,
        ),
      ].join('\n'),
    );
  }
  return sections.join('\n\n');
}

function spendLine(spent: number, limit: number | undefined, period: 'daily' | 'monthly'): string {
  // `$` is escaped so chat's math rendering never takes two prices for a formula.
  const amount = usd(spent);
  if (limit === undefined) return `${amount} (no ${period} budget)`;
  if (limit === 0) return `${amount} of a ${period} budget of ${usd(0)}`;
  return `${amount} of the ${usd(limit)} ${period} budget (${Math.round((spent / limit) * 100)}%)`;
}

function rowCost(row: SummaryRow): string {
  const priced = usd(row.costUsd);
  if (row.unpricedRequests === 0) return priced;
  return `${priced} + ${row.unpricedRequests} unpriced`;
}

function usd(value: number): string {
  return formatUsd(value).replace('$', '\\$');
}
