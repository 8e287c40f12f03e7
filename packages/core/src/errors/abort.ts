import { toSwitchboardError } from './classify.js';
import { type ErrorDetails, isSwitchboardError, SwitchboardError } from './errors.js';

/**
 * What an aborted call means, the same for every provider: core's own abort reason (a hedge
 * loser, a first-token timeout) passes through as it is; a deadline from `AbortSignal.timeout`
 * is a `timeout`; anything else is the caller cancelling.
 */
export function errorFromAbort(
  reason: unknown,
  details: ErrorDetails,
  vendor = details.provider ?? 'the provider',
): SwitchboardError {
  if (isSwitchboardError(reason)) return toSwitchboardError(reason, details);
  if ((reason as { name?: unknown } | undefined)?.name === 'TimeoutError') {
    return new SwitchboardError('timeout', `${vendor} did not answer within the time allowed for the call.`, {
      ...details,
      cause: reason,
    });
  }
  return new SwitchboardError('cancelled', `The request to ${vendor} was cancelled.`, {
    ...details,
    cause: reason,
  });
}
