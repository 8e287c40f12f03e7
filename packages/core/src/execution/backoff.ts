import { SwitchboardError } from '../errors/errors.js';
import type { RetryOptions } from './types.js';

export const RETRY_DEFAULTS = {
  maxAttempts: 3,
  baseDelayMs: 500,
  maxDelayMs: 20_000,
  jitter: true,
  maxRetryAfterMs: 60_000,
} as const;

/** Exponential backoff with full jitter (AWS architecture blog's "full jitter"). `attempt` is 1-based. */
export function backoffDelay(
  attempt: number,
  options: RetryOptions = {},
  random: () => number = Math.random,
): number {
  const base = options.baseDelayMs ?? RETRY_DEFAULTS.baseDelayMs;
  const max = options.maxDelayMs ?? RETRY_DEFAULTS.maxDelayMs;
  const ceiling = Math.min(max, base * 2 ** (attempt - 1));
  return (options.jitter ?? RETRY_DEFAULTS.jitter) ? Math.round(random() * ceiling) : ceiling;
}

/** Resolves after `ms`, or rejects with a `cancelled` error when the signal aborts first. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(cancelledError(signal));
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(cancelledError(signal));
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

export function cancelledError(signal?: AbortSignal): SwitchboardError {
  const reason = signal?.reason;
  if (reason instanceof SwitchboardError) return reason;
  return new SwitchboardError('cancelled', 'The request was cancelled.', { cause: reason });
}
