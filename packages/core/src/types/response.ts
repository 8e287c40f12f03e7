import type { ToolCall } from './messages.js';
import type { CallWarning, FinishReason } from './stream.js';
import type { Usage } from './usage.js';

/** What a provider's `ChatModel.generate()` returns. */
export interface GenerateResult {
  text: string;
  reasoning?: string;
  toolCalls: ToolCall[];
  usage: Usage;
  finishReason: FinishReason;
  warnings?: CallWarning[];
  metadata?: Record<string, unknown>;
}

/**
 * Where a stream failed: before the provider sent anything, after it answered but before any
 * content, or after content reached the caller (the only case that cannot fail over invisibly).
 */
export type StreamPhase = 'before-first-byte' | 'before-first-content' | 'after-content';

/** One try at one model, as the fallback executor saw it. */
export interface AttemptRecord {
  /** Full model id, `provider/model`. */
  model: string;
  /** 1-based try number for this model. */
  attempt: number;
  outcome: 'success' | 'error' | 'cancelled';
  /** Error kind (see `ErrorKind`) when the try failed. */
  errorKind?: string;
  /** For streams: how far the try got before it failed. */
  phase?: StreamPhase;
  message?: string;
  latencyMs: number;
}

/** The normalized response Switchboard returns for every provider. */
export interface ChatResponse {
  text: string;
  reasoning?: string;
  toolCalls: ToolCall[];
  usage: Usage;
  finishReason: FinishReason;
  /** Full id of the model that answered, `provider/model`. */
  model: string;
  provider: string;
  /** Price of the call in USD; null when no price is known for the model. */
  costUsd: number | null;
  latencyMs: number;
  attempts: AttemptRecord[];
  /** The model first asked for, when another one answered after a fallback. */
  fallbackFrom?: string;
  warnings: CallWarning[];
  metadata: Record<string, unknown>;
  /** True when served from the response cache. */
  cached: boolean;
}
