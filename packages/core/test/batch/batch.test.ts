import { describe, expect, it } from 'vitest';
import { batchAsCompleted } from '../../src/batch/as-completed.js';
import { runBatch } from '../../src/batch/run-batch.js';
import type { BatchResult } from '../../src/batch/types.js';
import { isSwitchboardErrorOfKind } from '../../src/errors/errors.js';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A worker that counts how many run at once. */
function tracked<I, O>(work: (item: I, index: number, signal: AbortSignal) => Promise<O>) {
  const state = { inFlight: 0, peak: 0, started: [] as number[] };
  const worker = async (item: I, index: number, signal: AbortSignal) => {
    state.inFlight++;
    state.peak = Math.max(state.peak, state.inFlight);
    state.started.push(index);
    try {
      return await work(item, index, signal);
    } finally {
      state.inFlight--;
    }
  };
  return { state, worker };
}

const values = <O>(results: Array<BatchResult<O>>) => results.map((r) => (r.ok ? r.value : 'ERR'));

describe('runBatch', () => {
  it('returns results in input order despite random delays, never exceeding the concurrency', async () => {
    const items = Array.from({ length: 20 }, (_, i) => i);
    const { state, worker } = tracked(async (n: number) => {
      await sleep(Math.random() * 15);
      return n * 10;
    });
    const results = await runBatch(items, worker, { concurrency: 3 });
    expect(values(results)).toEqual(items.map((n) => n * 10));
    expect(state.peak).toBe(3);
  });

  it('defaults to four at a time', async () => {
    const { state, worker } = tracked(async () => sleep(5));
    await runBatch(Array.from({ length: 10 }), worker);
    expect(state.peak).toBe(4);
  });

  it('keeps going when an item in the middle fails', async () => {
    const boom = new Error('boom');
    const results = await runBatch(['a', 'b', 'c'], async (item) => {
      if (item === 'b') throw boom;
      return item.toUpperCase();
    });
    expect(results).toEqual([
      { ok: true, value: 'A' },
      { ok: false, error: boom },
      { ok: true, value: 'C' },
    ]);
  });

  it('stops starting items after an abort; those resolve as cancelled', async () => {
    const controller = new AbortController();
    const { state, worker } = tracked(async (n: number, _index, signal) => {
      if (n === 1) controller.abort();
      await sleep(5);
      return signal.aborted ? `${n} (saw abort)` : n;
    });
    const results = await runBatch([0, 1, 2, 3, 4, 5], worker, { concurrency: 2, signal: controller.signal });
    expect(state.started).toEqual([0, 1]);
    expect(values(results.slice(0, 2))).toEqual(['0 (saw abort)', '1 (saw abort)']);
    for (const result of results.slice(2)) {
      expect(result.ok).toBe(false);
      expect(!result.ok && isSwitchboardErrorOfKind(result.error, 'cancelled')).toBe(true);
    }
  });

  it('starts nothing when already aborted, and handles an empty list', async () => {
    const controller = new AbortController();
    controller.abort();
    const { state, worker } = tracked(async () => 1);
    const results = await runBatch([1, 2], worker, { signal: controller.signal });
    expect(state.started).toEqual([]);
    expect(results.every((r) => !r.ok)).toBe(true);
    expect(await runBatch([], worker)).toEqual([]);
  });

  it('rejects a nonsense concurrency', async () => {
    await expect(runBatch([1], async (n) => n, { concurrency: 0 })).rejects.toThrow(RangeError);
  });
});

describe('batchAsCompleted', () => {
  it('yields in completion order with input indexes', async () => {
    const delays = [30, 5, 15, 0];
    const seen: Array<[number, unknown]> = [];
    for await (const { index, result } of batchAsCompleted(
      delays,
      async (ms) => {
        await sleep(ms);
        return `waited ${ms}`;
      },
      { concurrency: 4 },
    )) {
      seen.push([index, result.ok ? result.value : result.error]);
    }
    expect(seen).toEqual([
      [3, 'waited 0'],
      [1, 'waited 5'],
      [2, 'waited 15'],
      [0, 'waited 30'],
    ]);
  });

  it('yields failures too, and respects the concurrency', async () => {
    const { state, worker } = tracked(async (n: number) => {
      await sleep(Math.random() * 10);
      if (n % 3 === 0) throw new Error(`bad ${n}`);
      return n;
    });
    const indexes: number[] = [];
    let failures = 0;
    for await (const { index, result } of batchAsCompleted([0, 1, 2, 3, 4, 5, 6], worker, {
      concurrency: 2,
    })) {
      indexes.push(index);
      if (!result.ok) failures++;
    }
    expect(indexes.sort()).toEqual([0, 1, 2, 3, 4, 5, 6]);
    expect(failures).toBe(3);
    expect(state.peak).toBe(2);
  });

  it('aborts the rest when the consumer stops early', async () => {
    const aborted: number[] = [];
    const { state, worker } = tracked(async (n: number, _index, signal) => {
      await sleep(n === 0 ? 0 : 20);
      if (signal.aborted) aborted.push(n);
      return n;
    });
    for await (const { index } of batchAsCompleted([0, 1, 2, 3], worker, { concurrency: 2 })) {
      expect(index).toBe(0);
      break;
    }
    await sleep(40);
    // Item 2 may have started in the moment between 0 finishing and the break; 3 never does.
    expect(state.started).not.toContain(3);
    expect(aborted).toEqual(state.started.filter((n) => n !== 0));
    expect(aborted).toContain(1);
  });

  it('stops starting items when the outer signal aborts', async () => {
    const controller = new AbortController();
    const results: Array<BatchResult<number>> = [];
    for await (const { result } of batchAsCompleted(
      [1, 2, 3],
      async (n) => {
        controller.abort();
        return n;
      },
      { concurrency: 1, signal: controller.signal },
    )) {
      results.push(result);
    }
    expect(results[0]).toEqual({ ok: true, value: 1 });
    expect(results.slice(1).every((r) => !r.ok && isSwitchboardErrorOfKind(r.error, 'cancelled'))).toBe(true);
  });
});
