import type { Usage } from '@switchboard/core';

/** The usage fields of a `message` and of a `message_delta` event (the latter may leave input counts null). */
export interface AnthropicUsageFields {
  input_tokens?: number | null;
  output_tokens?: number | null;
  cache_read_input_tokens?: number | null;
  cache_creation_input_tokens?: number | null;
  output_tokens_details?: { thinking_tokens?: number | null } | null;
}

/**
 * Anthropic counts cache reads and writes apart from `input_tokens`; core's inputTokens includes
 * them ("Total input tokens in a request is the summation of input_tokens,
 * cache_creation_input_tokens, and cache_read_input_tokens", https://platform.claude.com/docs/en/api/messages).
 * `output_tokens` already includes thinking; `output_tokens_details.thinking_tokens` says how much.
 */
export function convertAnthropicUsage(usage: AnthropicUsageFields): Usage {
  const cacheRead = usage.cache_read_input_tokens ?? 0;
  const cacheWrite = usage.cache_creation_input_tokens ?? 0;
  const result: Usage = {
    inputTokens: (usage.input_tokens ?? 0) + cacheRead + cacheWrite,
    outputTokens: usage.output_tokens ?? 0,
  };
  if (cacheRead > 0) result.cacheReadTokens = cacheRead;
  if (cacheWrite > 0) result.cacheWriteTokens = cacheWrite;
  const thinking = usage.output_tokens_details?.thinking_tokens;
  if (typeof thinking === 'number') result.reasoningTokens = thinking;
  return result;
}

/** Stream usage: message_start has the input side, message_delta the cumulative totals (non-null fields win). */
export function mergeAnthropicUsage(
  start: AnthropicUsageFields,
  delta: AnthropicUsageFields,
): AnthropicUsageFields {
  return {
    input_tokens: delta.input_tokens ?? start.input_tokens ?? null,
    output_tokens: delta.output_tokens ?? start.output_tokens ?? null,
    cache_read_input_tokens: delta.cache_read_input_tokens ?? start.cache_read_input_tokens ?? null,
    cache_creation_input_tokens:
      delta.cache_creation_input_tokens ?? start.cache_creation_input_tokens ?? null,
    output_tokens_details: delta.output_tokens_details ?? start.output_tokens_details ?? null,
  };
}
