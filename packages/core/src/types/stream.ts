import type { ToolCall } from './messages.js';
import type { Usage } from './usage.js';

export type FinishReason = 'stop' | 'length' | 'tool-calls' | 'content-filter' | 'error' | 'other';

/** Something the model could not honour, reported instead of being silently dropped. */
export type CallWarning =
  | { type: 'unsupported-option'; option: string; details?: string }
  | { type: 'other'; message: string };

/** Events a provider's `ChatModel.stream()` yields. Failures are thrown, as Switchboard errors. */
export type ModelStreamEvent =
  | { type: 'text-delta'; text: string }
  | { type: 'reasoning-delta'; text: string }
  /** A piece of a tool call's JSON arguments; `index` tells parallel calls apart. */
  | { type: 'tool-call-delta'; index: number; id?: string; name?: string; argsTextDelta: string }
  | { type: 'tool-call'; toolCall: ToolCall }
  | { type: 'usage'; usage: Usage }
  | { type: 'warning'; warning: CallWarning }
  /** Vendor facts worth keeping (response id, served model, system fingerprint...). */
  | { type: 'metadata'; metadata: Record<string, unknown> }
  | { type: 'finish'; reason: FinishReason };

/** True for events that carry content the user sees (the point after which failover is no longer invisible). */
export function isContentEvent(event: ModelStreamEvent): boolean {
  return (
    event.type === 'text-delta' ||
    event.type === 'reasoning-delta' ||
    event.type === 'tool-call-delta' ||
    event.type === 'tool-call'
  );
}
