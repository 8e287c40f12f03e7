import type { Usage } from '@switchboard/core';
import type { CompletionUsage } from 'openai/resources/completions';

/** DeepSeek reports its prompt cache in fields of its own: https://api-docs.deepseek.com/guides/kv_cache */
type WireUsage = CompletionUsage & { prompt_cache_hit_tokens?: number };

/**
 * OpenAI usage in core's terms. OpenAI already counts cached prompt tokens inside `prompt_tokens`
 * and reasoning tokens inside `completion_tokens`, which is core's convention too.
 * https://platform.openai.com/docs/api-reference/chat/object (usage)
 */
export function convertOpenAIUsage(usage: WireUsage | null | undefined): Usage {
  if (!usage) return { inputTokens: 0, outputTokens: 0 };
  const out: Usage = { inputTokens: usage.prompt_tokens ?? 0, outputTokens: usage.completion_tokens ?? 0 };
  const cached = usage.prompt_tokens_details?.cached_tokens ?? usage.prompt_cache_hit_tokens;
  const reasoning = usage.completion_tokens_details?.reasoning_tokens;
  if (cached) out.cacheReadTokens = cached;
  if (reasoning) out.reasoningTokens = reasoning;
  return out;
}
