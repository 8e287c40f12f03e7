export { backoffDelay, RETRY_DEFAULTS, sleep } from './backoff.js';
export { type CooldownState, CooldownTracker } from './cooldown.js';
export { decideAfterFailure, type FailureDecision } from './decide.js';
export {
  type CallSettings,
  type CallTrace,
  type ExecutorDeps,
  executeGenerate,
  executeStream,
  newTrace,
} from './executor.js';
export { fitRequestToModel } from './option-support.js';
export { ContinuationSeam, stripOverlap } from './overlap.js';
export {
  type Candidate,
  type FallbackWinner,
  runWithFallback,
  type TryContext,
} from './run-with-fallback.js';
export type * from './types.js';
