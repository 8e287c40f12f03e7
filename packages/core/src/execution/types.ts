import type { ErrorKind, SwitchboardErrorLike } from '../errors/errors.js';
import type { ModelStreamEvent } from '../types/stream.js';

export interface RetryOptions {
  /** Tries per model, the first included. Default 3. */
  maxAttempts?: number;
  /** Per error kind overrides of `maxAttempts` (e.g. `{ 'rate-limit': 5, timeout: 1 }`). */
  maxAttemptsByKind?: Partial<Record<ErrorKind, number>>;
  /** First backoff delay; doubles each retry. Default 500 ms. */
  baseDelayMs?: number;
  /** Backoff ceiling. Default 20 s. */
  maxDelayMs?: number;
  /** Full jitter (a random delay between 0 and the backoff) spreads out retrying clients. Default true. */
  jitter?: boolean;
  /** A Retry-After longer than this is not waited for: the model cools down and the next one answers. Default 60 s. */
  maxRetryAfterMs?: number;
}

export interface TimeoutOptions {
  /** Until the provider sends anything (the HTTP response began). */
  connectMs?: number;
  /** Until the first content (text, reasoning or tool call). */
  firstTokenMs?: number;
  /** Longest silence between two events once content flows. */
  idleMs?: number;
  /** The whole call, every retry and fallback included. */
  totalMs?: number;
}

export interface HedgeOptions {
  /** Start the next candidate when the current one has sent no content after this long. */
  afterMs: number;
  /** How many calls may run at once; default 2. */
  maxParallel?: number;
}

export interface CooldownOptions {
  /** Consecutive failures that open the circuit. Default 3. */
  failureThreshold?: number;
  /** How long a failing model is skipped. Default 30 s. */
  cooldownMs?: number;
}

/** What to do when a stream fails after content was already delivered. */
export type PartialFailureMode =
  /** Emit an `interrupted` event carrying the partial text; never a clean finish. */
  | 'interrupt'
  /** For plain text only (never after tool calls): ask the next candidate to continue the text. */
  | 'continue-on-fallback';

export interface ExecutionOptions {
  retry?: RetryOptions;
  timeouts?: TimeoutOptions;
  hedge?: HedgeOptions;
  /** Extra candidates tried when a model says the prompt is too long (larger-context models). */
  contextWindowFallbacks?: string[];
  /** Extra candidates tried when a model's content filter blocks the request. */
  contentFilterFallbacks?: string[];
  onPartialFailure?: PartialFailureMode;
}

/** Events of a Switchboard stream: the model's own events plus where they came from. */
export type SwitchboardStreamEvent =
  | ModelStreamEvent
  /** Which model answers; sent once content is about to flow (after any transparent failover). */
  | { type: 'start'; model: string; attempt: number; fallbackFrom?: string }
  /** The stream broke after content; `partialText` is everything delivered. No `finish` follows. */
  | { type: 'interrupted'; model: string; error: SwitchboardErrorLike; partialText: string }
  /** With `continue-on-fallback`: another model continues the text from here. */
  | { type: 'continued'; from: string; to: string; error: SwitchboardErrorLike };
