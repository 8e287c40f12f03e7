import { scheduleItems } from './schedule.js';
import type { BatchOptions, BatchResult, BatchWorker } from './types.js';

/**
 * Runs `worker` over `items`, at most `concurrency` at a time, and returns every outcome in input
 * order. One item's failure does not sink the others. Aborting `signal` stops starting new items
 * (they come back as `cancelled` errors); running ones get the signal and decide for themselves.
 */
export async function runBatch<I, O>(
  items: readonly I[],
  worker: BatchWorker<I, O>,
  options: BatchOptions = {},
): Promise<Array<BatchResult<O>>> {
  const signal = options.signal ?? new AbortController().signal;
  return Promise.all(scheduleItems(items, worker, options.concurrency ?? 4, signal));
}
