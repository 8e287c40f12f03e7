import type { SummaryRow } from '@switchboard/core';
import { describe, expect, it } from 'vitest';
import { costReport } from '../../../src/features/chat/cost-report.js';

const row = (model: string, costUsd: number, requests: number, unpricedRequests = 0): SummaryRow => ({
  model,
  day: '2025-01-02',
  requests,
  inputTokens: 1500 * requests,
  outputTokens: 200 * requests,
  cacheReadTokens: 0,
  cacheWriteTokens: 0,
  reasoningTokens: 0,
  costUsd,
  unpricedRequests,
});

const noBudget = { mode: 'warn' as const, warnAtFraction: 0.8 };

describe('costReport', () => {
  it('shows spend without budgets', () => {
    const report = costReport({ spend: { todayUsd: 0.12, monthUsd: 3.4 }, today: [], budget: noBudget });
    expect(report).toContain('**Today:** \\$0.120 (no daily budget)');
    expect(report).toContain('**This month:** \\$3.40 (no monthly budget)');
    expect(report).toContain('No requests today.');
    expect(report).not.toContain('Budgets');
  });

  it('shows the share of each budget and the mode', () => {
    const report = costReport({
      spend: { todayUsd: 0.5, monthUsd: 3 },
      today: [],
      budget: { dailyUsd: 2, monthlyUsd: 10, mode: 'block', warnAtFraction: 0.9 },
    });
    expect(report).toContain('**Today:** \\$0.500 of the \\$2.00 daily budget (25%)');
    expect(report).toContain('**This month:** \\$3.00 of the \\$10.00 monthly budget (30%)');
    expect(report).toContain('Budgets **block** requests that would pass a limit (warning at 90%).');
  });

  it('lists the most expensive models first, at most `top`', () => {
    const report = costReport({
      spend: { todayUsd: 1, monthUsd: 1 },
      today: [
        row('a/cheap', 0.01, 9),
        row('b/dear', 0.9, 1),
        row('c/local', 0, 3),
        row('d/unpriced', 0, 2, 2),
      ],
      budget: noBudget,
      top: 3,
    });
    const lines = report.split('\n').filter((line) => line.startsWith('| `'));
    expect(lines).toEqual([
      '| `b/dear` | 1 | 1.5K / 200 | \\$0.900 |',
      '| `a/cheap` | 9 | 14K / 1.8K | \\$0.010 |',
      '| `c/local` | 3 | 4.5K / 600 | \\$0 |',
    ]);
  });

  it('counts requests without a price separately', () => {
    const report = costReport({
      spend: { todayUsd: 0, monthUsd: 0 },
      today: [row('x/y', 0, 2, 2)],
      budget: noBudget,
    });
    expect(report).toContain('| \\$0 + 2 unpriced |');
  });
});
