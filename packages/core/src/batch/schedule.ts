import pLimit from 'p-limit';
import { SwitchboardError } from '../errors/errors.js';
import type { BatchResult, BatchWorker } from './types.js';

/**
 * Starts every item under a concurrency limit and returns one promise per item, in input order.
 * The promises never reject: a worker's failure becomes `{ ok: false }`, and an item whose turn
 * comes after `signal` aborted is never started and becomes a `cancelled` error.
 */
export function scheduleItems<I, O>(
  items: readonly I[],
  worker: BatchWorker<I, O>,
  concurrency: number,
  signal: AbortSignal,
): Array<Promise<BatchResult<O>>> {
  if (!(Number.isInteger(concurrency) && concurrency >= 1) && concurrency !== Number.POSITIVE_INFINITY) {
    throw new RangeError(`concurrency must be a whole number >= 1, got ${concurrency}`);
  }
  const limit = pLimit(concurrency);
  return items.map((item, index) =>
    limit(async (): Promise<BatchResult<O>> => {
      if (signal.aborted) {
        return {
          ok: false,
          error: new SwitchboardError(
            'cancelled',
            `Batch item ${index} was not started: the batch was cancelled.`,
            {
              cause: signal.reason,
            },
          ),
        };
      }
      try {
        return { ok: true, value: await worker(item, index, signal) };
      } catch (error) {
        return { ok: false, error };
      }
    }),
  );
}
