import type { SwitchboardErrorLike } from '../errors/errors.js';
import { backoffDelay, RETRY_DEFAULTS } from './backoff.js';
import type { RetryOptions } from './types.js';

export type FailureDecision =
  | { action: 'retry'; delayMs: number }
  | { action: 'fallback' }
  | { action: 'throw' };

/**
 * What to do after a failed try: retry the same model, move to the next candidate, or give up.
 * A Retry-After is honoured per model: with a sibling left we move on at once (the model cools down
 * until then) rather than make the user wait; without one we wait, if the wait is reasonable.
 */
export function decideAfterFailure(
  error: SwitchboardErrorLike,
  attempt: number,
  hasMoreCandidates: boolean,
  options: RetryOptions = {},
  random?: () => number,
): FailureDecision {
  if (error.kind === 'cancelled' || error.kind === 'budget-exceeded') return { action: 'throw' };
  const maxAttempts =
    options.maxAttemptsByKind?.[error.kind] ?? options.maxAttempts ?? RETRY_DEFAULTS.maxAttempts;
  if (error.retryable && attempt < maxAttempts) {
    if (error.retryAfterMs !== undefined) {
      const maxWait = options.maxRetryAfterMs ?? RETRY_DEFAULTS.maxRetryAfterMs;
      if (hasMoreCandidates || error.retryAfterMs > maxWait) return { action: 'fallback' };
      return { action: 'retry', delayMs: error.retryAfterMs };
    }
    return { action: 'retry', delayMs: backoffDelay(attempt, options, random) };
  }
  return error.fallbackMayHelp ? { action: 'fallback' } : { action: 'throw' };
}
