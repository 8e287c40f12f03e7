export {
  captureError,
  collect,
  collectUntilError,
  expectModelInfo,
  expectSafeForUsers,
  expectSwitchboardError,
  expectToolDeltasBeforeCalls,
  expectWellFormedStream,
  reasoningOf,
  rejectionWithin,
  textOf,
  toolCallsOf,
  toolDeltaArgs,
  waitFor,
} from './checks.js';
export { describeProviderConformance } from './describe.js';
export type {
  ConformanceSupport,
  ConformanceTarget,
  ConformanceTargetBase,
  LocalConformanceTarget,
  ScriptedConformanceTarget,
} from './types.js';
