/**
 * The parts of Anthropic's Messages API wire format the fake server reads and writes. The testkit
 * depends on no vendor SDK, so these are plain shapes taken from the API reference:
 * https://platform.claude.com/docs/en/api/messages (request and response bodies),
 * https://platform.claude.com/docs/en/build-with-claude/streaming (stream events).
 */

/** The API version SDK 1.x sends; it removed temperature, top_p and top_k (see `validate-request.ts`). */
export const CURRENT_API_VERSION = '2026-10-21';

export type WireBlock = { type: string } & Record<string, unknown>;

export interface WireMessageParam {
  role: string;
  content: string | WireBlock[];
}

export interface WireRequestBody {
  model?: unknown;
  max_tokens?: unknown;
  messages?: unknown;
  system?: unknown;
  tools?: unknown;
  tool_choice?: unknown;
  stream?: unknown;
  stop_sequences?: unknown;
  temperature?: unknown;
  top_p?: unknown;
  top_k?: unknown;
  output_config?: unknown;
  thinking?: unknown;
}

/** Anthropic's `stop_reason` values (Messages API reference, `stop_reason`). */
export type WireStopReason =
  | 'end_turn'
  | 'max_tokens'
  | 'stop_sequence'
  | 'tool_use'
  | 'pause_turn'
  | 'refusal'
  | 'model_context_window_exceeded';

export interface WireUsage {
  input_tokens: number;
  output_tokens: number;
  cache_creation_input_tokens: number | null;
  cache_read_input_tokens: number | null;
  cache_creation: null;
  inference_geo: null;
  output_tokens_details: { thinking_tokens: number } | null;
  server_tool_use: null;
  service_tier: 'standard';
  speed: null;
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function blocksOf(content: unknown): WireBlock[] {
  if (typeof content === 'string') return [{ type: 'text', text: content }];
  if (!Array.isArray(content)) return [];
  return content.filter((block): block is WireBlock => isRecord(block) && typeof block.type === 'string');
}
