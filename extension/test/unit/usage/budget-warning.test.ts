import { describe, expect, it } from 'vitest';
import { budgetWarningKey, budgetWarningText } from '../../../src/features/usage/budget-warning.js';

describe('budgetWarningText', () => {
  it('says how close spend is to the limit', () => {
    expect(budgetWarningText({ period: 'day', spentUsd: 4.1, limitUsd: 5 }, 'warn')).toBe(
      'Switchboard: $4.10 spent today, 82% of your daily budget of $5.00.',
    );
  });

  it('says when the limit is passed and what happens to requests in each mode', () => {
    const over = { period: 'month', spentUsd: 120, limitUsd: 100 } as const;
    expect(budgetWarningText(over, 'warn')).toBe(
      'Switchboard: $120 spent this month, past your monthly budget of $100. Requests still go through (budget mode "warn").',
    );
    expect(budgetWarningText(over, 'block')).toContain('refused');
  });
});

describe('budgetWarningKey', () => {
  const now = new Date(2025, 0, 31, 23, 59);

  it('is per kind and period, so a rebuilt Switchboard does not warn twice', () => {
    expect(budgetWarningKey({ period: 'day', spentUsd: 4, limitUsd: 5 }, now)).toBe(
      'threshold:day:2025-01-31',
    );
    expect(budgetWarningKey({ period: 'day', spentUsd: 6, limitUsd: 5 }, now)).toBe('limit:day:2025-01-31');
    expect(budgetWarningKey({ period: 'month', spentUsd: 6, limitUsd: 5 }, now)).toBe('limit:month:2025-01');
  });

  it('changes with the period', () => {
    const next = new Date(2025, 1, 1, 0, 1);
    const warning = { period: 'day', spentUsd: 4, limitUsd: 5 } as const;
    expect(budgetWarningKey(warning, next)).not.toBe(budgetWarningKey(warning, now));
  });
});
