import { describe, expect, it } from 'vitest';
import { BudgetGuard, MemoryLedgerStore, UsageLedger } from '../../src/cost/index.js';
import { isSwitchboardErrorOfKind } from '../../src/errors/errors.js';
import type { HookEvents } from '../../src/hooks/hooks.js';
import { Hooks } from '../../src/hooks/hooks.js';
import { clock } from './ledger-fixtures.js';

const local = (y: number, m: number, d: number, h = 12) => new Date(y, m - 1, d, h);

async function setup(options: { dailyUsd?: number; monthlyUsd?: number; mode?: 'warn' | 'block' }) {
  const time = clock(local(2025, 6, 10));
  const ledger = new UsageLedger({ store: new MemoryLedgerStore(), now: time.now });
  const hooks = new Hooks();
  const warnings: HookEvents['budget-warning'][] = [];
  hooks.on('budget-warning', (event) => warnings.push(event));
  const guard = new BudgetGuard({ ledger, hooks, ...options });
  const spend = (usd: number) =>
    ledger.record({
      provider: 'openai',
      model: 'openai/gpt-4o',
      usage: { inputTokens: 1, outputTokens: 1 },
      costUsd: usd,
    });
  return { time, ledger, guard, warnings, spend };
}

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected a rejection');
}

describe('BudgetGuard in block mode', () => {
  it('lets calls through below the limit and blocks the one that would exceed it', async () => {
    const { guard, spend, time } = await setup({ dailyUsd: 1 });
    await spend(0.9);
    await expect(guard.check(0.1, time.now())).resolves.toBeUndefined(); // exactly at the limit is allowed
    const error = await rejection(guard.check(0.1234, time.now()));
    expect(isSwitchboardErrorOfKind(error, 'budget-exceeded')).toBe(true);
    expect((error as Error).message).toBe(
      'Daily budget reached: $0.90 spent of $1.00, and this call is estimated at $0.1234.',
    );
  });

  it('blocks on the monthly limit even when the daily one has room', async () => {
    const { guard, spend, time } = await setup({ dailyUsd: 5, monthlyUsd: 10 });
    time.set(local(2025, 6, 1));
    await spend(4);
    time.set(local(2025, 6, 2));
    await spend(4);
    time.set(local(2025, 6, 3));
    await spend(1.5);
    const error = await rejection(guard.check(1, time.now()));
    expect((error as Error).message).toMatch(/^Monthly budget reached: \$9\.50 spent of \$10\.00/);
    // Next month starts from zero.
    await expect(guard.check(1, local(2025, 7, 1))).resolves.toBeUndefined();
  });

  it('blocks on the daily limit; the next day starts from zero', async () => {
    const { guard, spend, time } = await setup({ dailyUsd: 1, monthlyUsd: 100 });
    await spend(0.95);
    await expect(guard.check(0.1, time.now())).rejects.toThrow(/^Daily budget reached/);
    await expect(guard.check(0.1, local(2025, 6, 11))).resolves.toBeUndefined();
  });

  it('free calls pass even a zero budget', async () => {
    const { guard, time } = await setup({ dailyUsd: 0 });
    await expect(guard.check(0, time.now())).resolves.toBeUndefined();
    await expect(guard.check(0.0001, time.now())).rejects.toThrow(/budget/);
  });
});

describe('BudgetGuard warnings', () => {
  it('warns once per period when spend reaches the warning share', async () => {
    const { guard, spend, warnings, time } = await setup({ dailyUsd: 1 });
    await spend(0.5);
    await guard.check(0.01, time.now());
    expect(warnings).toEqual([]);
    await spend(0.32);
    await guard.check(0.01, time.now());
    await spend(0.05);
    await guard.check(0.01, time.now());
    await guard.check(0.01, time.now());
    expect(warnings).toEqual([{ period: 'day', spentUsd: expect.closeTo(0.82, 12), limitUsd: 1 }]);
    // A new day is a new period: it warns again once its own spend gets there.
    time.set(local(2025, 6, 11));
    await guard.check(0.01, time.now());
    expect(warnings).toHaveLength(1);
    await spend(0.85);
    await guard.check(0.01, time.now());
    await guard.check(0.01, time.now());
    expect(warnings).toHaveLength(2);
  });

  it('honours a custom warning share', async () => {
    const time = clock(local(2025, 6, 10));
    const ledger = new UsageLedger({ store: new MemoryLedgerStore(), now: time.now });
    const hooks = new Hooks();
    const seen: string[] = [];
    hooks.on('budget-warning', (e) => seen.push(e.period));
    const guard = new BudgetGuard({ ledger, hooks, monthlyUsd: 10, warnAtFraction: 0.5 });
    await ledger.record({
      provider: 'x',
      model: 'x/y',
      usage: { inputTokens: 1, outputTokens: 1 },
      costUsd: 4.9,
    });
    await guard.check(0, time.now());
    expect(seen).toEqual([]);
    await ledger.record({
      provider: 'x',
      model: 'x/y',
      usage: { inputTokens: 1, outputTokens: 1 },
      costUsd: 0.1,
    });
    await guard.check(0, time.now());
    expect(seen).toEqual(['month']);
  });
});

describe('BudgetGuard in warn mode', () => {
  it('lets a call past the limit through and warns once about it', async () => {
    const { guard, spend, warnings, time } = await setup({ dailyUsd: 1, mode: 'warn' });
    await spend(0.99);
    await expect(guard.check(0.5, time.now())).resolves.toBeUndefined();
    await expect(guard.check(0.5, time.now())).resolves.toBeUndefined();
    expect(warnings).toEqual([{ period: 'day', spentUsd: 0.99, limitUsd: 1 }]);
  });
});

describe('BudgetGuard.remainingUsd', () => {
  it('is the smallest room left across limits, never negative', async () => {
    const { guard, spend, time } = await setup({ dailyUsd: 2, monthlyUsd: 3 });
    time.set(local(2025, 6, 1));
    await spend(1.5);
    expect(await guard.remainingUsd(local(2025, 6, 1))).toBeCloseTo(0.5, 12); // day: 0.5, month: 1.5
    expect(await guard.remainingUsd(local(2025, 6, 2))).toBeCloseTo(1.5, 12); // day: 2, month: 1.5
    await spend(1.6);
    expect(await guard.remainingUsd(local(2025, 6, 1))).toBe(0);
  });

  it('is Infinity without limits', async () => {
    const { guard } = await setup({});
    expect(await guard.remainingUsd()).toBe(Number.POSITIVE_INFINITY);
    await expect(guard.check(1_000_000)).resolves.toBeUndefined();
  });
});
