// The budget warning as text, and when a warning is news: once per period and kind (nearing the
// limit, past it), even when core builds a new Switchboard (a settings change) that warns again.
import { formatUsd } from '../../shared/format.js';

export interface BudgetWarning {
  period: 'day' | 'month';
  spentUsd: number;
  limitUsd: number;
}

export function budgetWarningText(warning: BudgetWarning, mode: 'warn' | 'block'): string {
  const when = warning.period === 'day' ? 'today' : 'this month';
  const budget = `${warning.period === 'day' ? 'daily' : 'monthly'} budget of ${formatUsd(warning.limitUsd)}`;
  const spent = `${formatUsd(warning.spentUsd)} spent ${when}`;
  if (warning.spentUsd >= warning.limitUsd) {
    const after =
      mode === 'warn'
        ? ' Requests still go through (budget mode "warn").'
        : ' Requests that would cost more are refused.';
    return `Switchboard: ${spent}, past your ${budget}.${after}`;
  }
  const percent = warning.limitUsd > 0 ? Math.floor((warning.spentUsd / warning.limitUsd) * 100) : 100;
  return `Switchboard: ${spent}, ${percent}% of your ${budget}.`;
}

/** `threshold:day:2025-01-31`, `limit:month:2025-01`. */
export function budgetWarningKey(warning: BudgetWarning, now: Date): string {
  const day = `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
  const kind = warning.spentUsd >= warning.limitUsd ? 'limit' : 'threshold';
  return `${kind}:${warning.period}:${warning.period === 'day' ? day : day.slice(0, 7)}`;
}
