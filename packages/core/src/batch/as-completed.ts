import { scheduleItems } from './schedule.js';
import type { BatchOptions, BatchResult, BatchWorker } from './types.js';

export interface CompletedItem<O> {
  index: number;
  result: BatchResult<O>;
}

/**
 * Like `runBatch`, but yields each item's outcome as soon as it settles, with its input index.
 * Leaving the loop early (break, throw) aborts the batch: no new items start, and running workers
 * see their signal abort, since nobody will read their results.
 */
export async function* batchAsCompleted<I, O>(
  items: readonly I[],
  worker: BatchWorker<I, O>,
  options: BatchOptions = {},
): AsyncGenerator<CompletedItem<O>, void, undefined> {
  const controller = new AbortController();
  const outer = options.signal;
  const forward = () => controller.abort(outer?.reason);
  if (outer?.aborted) forward();
  else outer?.addEventListener('abort', forward, { once: true });

  try {
    // Settled items queue up here; the loop waits only when the queue is empty.
    const settled: Array<CompletedItem<O>> = [];
    let wake: (() => void) | undefined;
    const promises = scheduleItems(items, worker, options.concurrency ?? 4, controller.signal);
    promises.forEach((promise, index) => {
      void promise.then((result) => {
        settled.push({ index, result });
        wake?.();
      });
    });
    for (let yielded = 0; yielded < promises.length; yielded++) {
      if (settled.length === 0) await new Promise<void>((resolve) => (wake = resolve));
      wake = undefined;
      yield settled.shift()!;
    }
  } finally {
    outer?.removeEventListener('abort', forward);
    controller.abort();
  }
}
