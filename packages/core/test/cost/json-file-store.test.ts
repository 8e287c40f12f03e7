import { appendFile, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { UsageRecord } from '../../src/cost/index.js';
import { JsonFileLedgerStore, MemoryLedgerStore, UsageLedger } from '../../src/cost/index.js';
import { useTempDir } from './ledger-fixtures.js';

const tempDir = useTempDir();

const sample = (id: string, costUsd: number | null = 0.01): UsageRecord => ({
  id,
  ts: '2025-03-04T10:00:00.000Z',
  day: '2025-03-04',
  provider: 'openai',
  model: 'openai/gpt-4o-mini',
  sessionId: 's1',
  inputTokens: 100,
  outputTokens: 20,
  cacheReadTokens: 0,
  cacheWriteTokens: 0,
  reasoningTokens: 0,
  costUsd,
});

describe('JsonFileLedgerStore', () => {
  it('creates missing folders and writes one JSON line per record', async () => {
    const file = join(await tempDir(), 'deep', 'er', 'usage.jsonl');
    const store = new JsonFileLedgerStore(file);
    expect(await store.readAll()).toEqual([]);
    await store.append(sample('a'));
    await store.append({ ...sample('b', null), requestId: 'r-2' });
    const lines = (await readFile(file, 'utf8')).split('\n');
    expect(lines).toHaveLength(3);
    expect(lines[2]).toBe('');
    expect(JSON.parse(lines[0] ?? '')).toEqual(sample('a'));
    expect(await store.readAll()).toEqual([sample('a'), { ...sample('b', null), requestId: 'r-2' }]);
  });

  it('a new store on the same file sees the old records (persistence across restarts)', async () => {
    const file = join(await tempDir(), 'usage.jsonl');
    const first = new UsageLedger({ store: new JsonFileLedgerStore(file), sessionId: 'before' });
    await first.record({
      provider: 'openai',
      model: 'openai/gpt-4o-mini',
      usage: { inputTokens: 10, outputTokens: 5 },
      costUsd: 0.5,
    });
    const reopened = new UsageLedger({ store: new JsonFileLedgerStore(file), sessionId: 'after' });
    expect(await reopened.spent('day')).toBeCloseTo(0.5, 12);
    const [row] = await reopened.summary({ groupBy: ['session'] });
    expect(row).toMatchObject({ session: 'before', requests: 1, inputTokens: 10, outputTokens: 5 });
  });

  it('skips a torn last line (a crash mid-write) and keeps appending after it', async () => {
    const file = join(await tempDir(), 'usage.jsonl');
    const store = new JsonFileLedgerStore(file);
    await store.append(sample('a'));
    const torn = JSON.stringify(sample('torn')).slice(0, 40);
    await appendFile(file, torn);
    expect((await store.readAll()).map((r) => r.id)).toEqual(['a']);
    // The next record starts on its own line instead of fusing with the torn one.
    await store.append(sample('b'));
    expect((await store.readAll()).map((r) => r.id)).toEqual(['a', 'b']);
  });

  it('skips garbage, foreign JSON and duplicate ids', async () => {
    const file = join(await tempDir(), 'usage.jsonl');
    await writeFile(
      file,
      [
        JSON.stringify(sample('a')),
        'not json at all',
        '{"id":"x","hello":"world"}',
        JSON.stringify({ ...sample('neg'), costUsd: -1 }),
        JSON.stringify(sample('a')),
        '',
        '   ',
        JSON.stringify(sample('b')),
      ].join('\n'),
    );
    expect((await new JsonFileLedgerStore(file).readAll()).map((r) => r.id)).toEqual(['a', 'b']);
  });

  it('keeps all of 200 concurrent record() calls', async () => {
    const file = join(await tempDir(), 'usage.jsonl');
    const ledger = new UsageLedger({ store: new JsonFileLedgerStore(file) });
    await Promise.all(
      Array.from({ length: 200 }, (_, i) =>
        ledger.record({
          provider: 'openai',
          model: 'openai/gpt-4o-mini',
          usage: { inputTokens: i, outputTokens: 1 },
          costUsd: 0.001,
          requestId: `r${i}`,
        }),
      ),
    );
    const records = await new JsonFileLedgerStore(file).readAll();
    expect(records).toHaveLength(200);
    expect(new Set(records.map((r) => r.requestId)).size).toBe(200);
    const lines = (await readFile(file, 'utf8')).split('\n').filter(Boolean);
    expect(lines).toHaveLength(200);
    expect(await ledger.spent('day')).toBeCloseTo(0.2, 9);
  });
});

describe('MemoryLedgerStore', () => {
  it('returns copies, so callers cannot alter what was stored', async () => {
    const store = new MemoryLedgerStore();
    await store.append(sample('a'));
    const [copy] = await store.readAll();
    if (copy) copy.costUsd = 99;
    expect((await store.readAll())[0]?.costUsd).toBe(0.01);
  });
});
