import { describe, expect, it } from 'vitest';
import { SwitchboardError } from '../../src/errors/errors.js';
import { StreamWatchdog } from '../../src/execution/stream-watchdog.js';

const idleError = () => new SwitchboardError('timeout', 'idle');
const totalError = () => new SwitchboardError('timeout', 'total');

/** An iterator whose next() never settles and ignores every signal: a hung SDK call. */
const hung: AsyncIterator<number> = { next: () => new Promise<IteratorResult<number>>(() => {}) };

/** Yields `count` values, one every `everyMs`. */
function ticking(count: number, everyMs: number): AsyncIterator<number> {
  let n = 0;
  return {
    next: () =>
      new Promise((resolve) =>
        setTimeout(
          () => resolve(n < count ? { done: false, value: n++ } : { done: true, value: undefined }),
          everyMs,
        ),
      ),
  };
}

async function drain(watchdog: StreamWatchdog<number>, iterator: AsyncIterator<number>): Promise<number[]> {
  const seen: number[] = [];
  try {
    for (;;) {
      const result = await watchdog.pull(iterator);
      if (result.done) return seen;
      seen.push(result.value);
    }
  } finally {
    watchdog.dispose();
  }
}

describe('StreamWatchdog', () => {
  it('passes a stream through untouched when no limit passes', async () => {
    const watchdog = new StreamWatchdog<number>({
      signal: new AbortController().signal,
      idleError,
      totalError,
    });
    expect(await drain(watchdog, ticking(5, 1))).toEqual([0, 1, 2, 3, 4]);
  });

  it('a stream that keeps flowing outlives several idle periods (the one timer re-arms)', async () => {
    const watchdog = new StreamWatchdog<number>({
      idleMs: 40,
      signal: new AbortController().signal,
      idleError,
      totalError,
    });
    // 12 events 10 ms apart: 120 ms in all, three times the idle limit, never 40 ms silent.
    expect(await drain(watchdog, ticking(12, 10))).toHaveLength(12);
  });

  it('a hung pull is rejected at the idle limit, even though the iterator never answers', async () => {
    const watchdog = new StreamWatchdog<number>({
      idleMs: 30,
      signal: new AbortController().signal,
      idleError,
      totalError,
    });
    const started = Date.now();
    await expect(drain(watchdog, hung)).rejects.toThrow('idle');
    expect(Date.now() - started).toBeGreaterThanOrEqual(25);
  });

  it('a hung pull is rejected at the total deadline', async () => {
    const watchdog = new StreamWatchdog<number>({
      deadline: Date.now() + 30,
      idleMs: 10_000,
      signal: new AbortController().signal,
      idleError,
      totalError,
    });
    await expect(drain(watchdog, hung)).rejects.toThrow('total');
  });

  it('the total deadline ends a stream that never goes silent', async () => {
    const watchdog = new StreamWatchdog<number>({
      deadline: Date.now() + 50,
      idleMs: 40,
      signal: new AbortController().signal,
      idleError,
      totalError,
    });
    await expect(drain(watchdog, ticking(1000, 5))).rejects.toThrow('total');
  });

  it('an abort rejects a hung pull at once, and every later pull', async () => {
    const controller = new AbortController();
    const watchdog = new StreamWatchdog<number>({ signal: controller.signal, idleError, totalError });
    const pull = watchdog.pull(hung);
    controller.abort();
    await expect(pull).rejects.toMatchObject({ kind: 'cancelled' });
    await expect(watchdog.pull(ticking(1, 1))).rejects.toMatchObject({ kind: 'cancelled' });
    watchdog.dispose();
  });

  it('an already aborted signal refuses the first pull without calling the iterator', async () => {
    const controller = new AbortController();
    controller.abort();
    let called = false;
    const watchdog = new StreamWatchdog<number>({ signal: controller.signal, idleError, totalError });
    const pull = watchdog.pull({
      next: () => {
        called = true;
        return hung.next();
      },
    });
    await expect(pull).rejects.toMatchObject({ kind: 'cancelled' });
    expect(called).toBe(false);
    watchdog.dispose();
  });

  it('an iterator error is passed on as is', async () => {
    const watchdog = new StreamWatchdog<number>({
      idleMs: 1000,
      signal: new AbortController().signal,
      idleError,
      totalError,
    });
    await expect(drain(watchdog, { next: () => Promise.reject(new Error('reset')) })).rejects.toThrow(
      'reset',
    );
  });
});
