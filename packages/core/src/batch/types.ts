export type BatchResult<O> = { ok: true; value: O } | { ok: false; error: unknown };

export type BatchWorker<I, O> = (item: I, index: number, signal: AbortSignal) => Promise<O>;

export interface BatchOptions {
  /** Items in flight at once. Default 4. */
  concurrency?: number;
  /** Stops starting new items; items not started resolve as `cancelled` errors. */
  signal?: AbortSignal;
}
