import { SwitchboardError } from '../errors/errors.js';
import type { Hooks } from '../hooks/hooks.js';
import type { SpendPeriod, UsageLedger } from './ledger.js';
import { formatUsd } from './money.js';
import { localDay, localMonth } from './usage-record.js';

export interface BudgetOptions {
  ledger: Pick<UsageLedger, 'spent'>;
  /** USD per local calendar day; unset means no daily limit. */
  dailyUsd?: number;
  /** USD per local calendar month; unset means no monthly limit. */
  monthlyUsd?: number;
  /** Share of a limit at which `budget-warning` fires (once per period). */
  warnAtFraction?: number;
  /** `block` refuses a call that would exceed a limit; `warn` lets it through and warns. */
  mode?: 'warn' | 'block';
  hooks?: Hooks;
}

interface Limit {
  period: SpendPeriod;
  usd: number;
}

const PERIOD_NAME: Record<SpendPeriod, string> = { day: 'Daily', month: 'Monthly' };

const validLimit = (usd: number | undefined): usd is number =>
  usd !== undefined && Number.isFinite(usd) && usd >= 0;

/** Checks a call's estimated price against daily and monthly limits before the call is made. */
export class BudgetGuard {
  private readonly ledger: Pick<UsageLedger, 'spent'>;
  private readonly limits: Limit[] = [];
  private readonly warnAtFraction: number;
  readonly mode: 'warn' | 'block';
  private readonly hooks: Hooks | undefined;
  /** `threshold:day:2025-01-31`, `limit:month:2025-01`: warnings already given, so each fires once per period. */
  private readonly warned = new Set<string>();

  constructor(options: BudgetOptions) {
    this.ledger = options.ledger;
    if (validLimit(options.dailyUsd)) this.limits.push({ period: 'day', usd: options.dailyUsd });
    if (validLimit(options.monthlyUsd)) this.limits.push({ period: 'month', usd: options.monthlyUsd });
    this.warnAtFraction = options.warnAtFraction ?? 0.8;
    this.mode = options.mode ?? 'block';
    this.hooks = options.hooks;
  }

  /**
   * Throws `budget-exceeded` (mode `block`) when the estimate would take spend past a limit.
   * Emits `budget-warning` once per period when spend has reached the warning share, and, in
   * mode `warn`, once more when a call goes past the limit.
   */
  async check(estimatedCostUsd: number, now: Date = new Date()): Promise<void> {
    const estimate = Number.isFinite(estimatedCostUsd) && estimatedCostUsd > 0 ? estimatedCostUsd : 0;
    for (const limit of this.limits) {
      const spent = await this.ledger.spent(limit.period, now);
      const periodKey = `${limit.period}:${limit.period === 'day' ? localDay(now) : localMonth(now)}`;
      if (spent + estimate > limit.usd) {
        if (this.mode === 'block') {
          throw new SwitchboardError(
            'budget-exceeded',
            `${PERIOD_NAME[limit.period]} budget reached: ${formatUsd(spent)} spent of ${formatUsd(limit.usd)}, ` +
              `and this call is estimated at ${formatUsd(estimate)}.`,
          );
        }
        this.warnOnce(`limit:${periodKey}`, limit, spent);
        // Past the limit, the earlier warning would only repeat the news.
        this.warned.add(`threshold:${periodKey}`);
      } else if (spent >= limit.usd * this.warnAtFraction) {
        this.warnOnce(`threshold:${periodKey}`, limit, spent);
      }
    }
  }

  /** USD left before the nearest limit (never negative); Infinity when no limit is set. */
  async remainingUsd(now: Date = new Date()): Promise<number> {
    let remaining = Number.POSITIVE_INFINITY;
    for (const limit of this.limits) {
      const spent = await this.ledger.spent(limit.period, now);
      remaining = Math.min(remaining, Math.max(0, limit.usd - spent));
    }
    return remaining;
  }

  private warnOnce(key: string, limit: Limit, spentUsd: number): void {
    if (this.warned.has(key)) return;
    this.warned.add(key);
    this.hooks?.emit('budget-warning', { period: limit.period, spentUsd, limitUsd: limit.usd });
  }
}
