import { describe, expect, it } from 'vitest';
import type { RecordUsageInput } from '../../src/cost/index.js';
import { MemoryLedgerStore, UsageLedger } from '../../src/cost/index.js';
import { clock } from './ledger-fixtures.js';

const call = (
  model: string,
  costUsd: number | null,
  inputTokens = 100,
  outputTokens = 10,
): RecordUsageInput => ({
  provider: model.slice(0, model.indexOf('/')),
  model,
  usage: { inputTokens, outputTokens, cacheReadTokens: 40, reasoningTokens: 5 },
  costUsd,
});

/** Local-time dates, so `day` is the same wherever the test runs. */
const local = (y: number, m: number, d: number, h = 12) => new Date(y, m - 1, d, h);

describe('UsageLedger.record', () => {
  it('writes a complete record with a random id, the local day and this session', async () => {
    const store = new MemoryLedgerStore();
    const ledger = new UsageLedger({ store, sessionId: 'window-1', now: () => local(2025, 3, 4, 23) });
    const written = await ledger.record({ ...call('openai/gpt-4o-mini', 0.25), requestId: 'req-1' });
    expect(written).toEqual({
      id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      ts: local(2025, 3, 4, 23).toISOString(),
      day: '2025-03-04',
      provider: 'openai',
      model: 'openai/gpt-4o-mini',
      sessionId: 'window-1',
      requestId: 'req-1',
      inputTokens: 100,
      outputTokens: 10,
      cacheReadTokens: 40,
      cacheWriteTokens: 0,
      reasoningTokens: 5,
      costUsd: 0.25,
    });
    expect(await store.readAll()).toEqual([written]);
    const second = await ledger.record(call('openai/gpt-4o-mini', 0));
    expect(second.id).not.toBe(written.id);
  });

  it('gives each ledger its own session id unless told one', () => {
    const store = new MemoryLedgerStore();
    expect(new UsageLedger({ store }).sessionId).not.toBe(new UsageLedger({ store }).sessionId);
  });
});

describe('UsageLedger.spent', () => {
  it('sums the local day and the local month, ignoring unpriced calls', async () => {
    const time = clock(local(2025, 1, 31));
    const ledger = new UsageLedger({ store: new MemoryLedgerStore(), now: time.now });
    await ledger.record(call('openai/gpt-4o', 1));
    time.set(local(2025, 2, 1, 0));
    await ledger.record(call('openai/gpt-4o', 2));
    await ledger.record(call('openai/gpt-4o', null));
    time.set(local(2025, 2, 14));
    await ledger.record(call('anthropic/claude-sonnet-4-5', 4));

    expect(await ledger.spent('day', local(2025, 1, 31))).toBe(1);
    expect(await ledger.spent('day', local(2025, 2, 1, 18))).toBe(2);
    expect(await ledger.spent('day', local(2025, 2, 2))).toBe(0);
    expect(await ledger.spent('month', local(2025, 2, 20))).toBe(6);
    expect(await ledger.spent('month', local(2025, 1, 5))).toBe(1);
    expect(await ledger.spent('day')).toBe(4); // defaults to the ledger's clock: Feb 14
  });

  it('does not reread the store for every question, but refresh() picks up other writers', async () => {
    const store = new MemoryLedgerStore();
    let reads = 0;
    const counting = {
      append: (r: Parameters<typeof store.append>[0]) => store.append(r),
      readAll: () => {
        reads++;
        return store.readAll();
      },
    };
    const mine = new UsageLedger({ store: counting, now: () => local(2025, 5, 5) });
    const otherWindow = new UsageLedger({ store, now: () => local(2025, 5, 5) });
    await mine.record(call('openai/gpt-4o', 1));
    for (let i = 0; i < 5; i++) expect(await mine.spent('day')).toBe(1);
    expect(reads).toBe(1);

    await otherWindow.record(call('openai/gpt-4o', 2));
    expect(await mine.spent('day')).toBe(1);
    await mine.refresh();
    expect(await mine.spent('day')).toBe(3); // its own record is not counted twice
    expect(await mine.all()).toHaveLength(2);
  });
});

describe('UsageLedger.summary', () => {
  async function seeded() {
    const time = clock(local(2025, 4, 1));
    const ledger = new UsageLedger({ store: new MemoryLedgerStore(), sessionId: 's-a', now: time.now });
    await ledger.record(call('openai/gpt-4o-mini', 0.1, 1000, 100));
    await ledger.record(call('anthropic/claude-sonnet-4-5', 0.5, 2000, 200));
    time.set(local(2025, 4, 2));
    await ledger.record(call('openai/gpt-4o-mini', 0.2, 3000, 300));
    await ledger.record(call('openai/gpt-4o', null, 10, 1));
    time.set(local(2025, 4, 3));
    await ledger.record(call('ollama/llama3.2', 0, 50, 5));
    return ledger;
  }

  it('groups by provider with token and cost totals, sorted by key', async () => {
    const rows = await (await seeded()).summary({ groupBy: ['provider'] });
    expect(rows.map((r) => r.provider)).toEqual(['anthropic', 'ollama', 'openai']);
    expect(rows[2]).toEqual({
      provider: 'openai',
      requests: 3,
      inputTokens: 4010,
      outputTokens: 401,
      cacheReadTokens: 120,
      cacheWriteTokens: 0,
      reasoningTokens: 15,
      costUsd: expect.closeTo(0.3, 12),
      unpricedRequests: 1,
    });
  });

  it('groups by day and model, days oldest first', async () => {
    const rows = await (await seeded()).summary({ groupBy: ['day', 'model'] });
    expect(rows.map((r) => [r.day, r.model, r.requests])).toEqual([
      ['2025-04-01', 'anthropic/claude-sonnet-4-5', 1],
      ['2025-04-01', 'openai/gpt-4o-mini', 1],
      ['2025-04-02', 'openai/gpt-4o', 1],
      ['2025-04-02', 'openai/gpt-4o-mini', 1],
      ['2025-04-03', 'ollama/llama3.2', 1],
    ]);
    expect(Object.keys(rows[0] ?? {})).not.toContain('provider');
  });

  it('filters by time: since inclusive, until exclusive; no groups gives one total row', async () => {
    const ledger = await seeded();
    const rows = await ledger.summary({
      since: local(2025, 4, 2, 0),
      until: local(2025, 4, 3, 0),
      groupBy: [],
    });
    expect(rows).toEqual([
      expect.objectContaining({ requests: 2, inputTokens: 3010, costUsd: expect.closeTo(0.2, 12) }),
    ]);
    expect(await ledger.summary({ since: local(2026, 1, 1), groupBy: ['model'] })).toEqual([]);
    const bySession = await ledger.summary({ groupBy: ['session'] });
    expect(bySession).toEqual([expect.objectContaining({ session: 's-a', requests: 5 })]);
  });
});
