import type { GenerateContentResponseUsageMetadata } from '@google/genai';
import type { Usage } from '@switchboard/core';

/**
 * Gemini's promptTokenCount already includes cached content (cachedContentTokenCount is the part
 * that was cached), which is core's convention for inputTokens. Tokens of server-side tool results
 * are prompt tokens too. candidatesTokenCount leaves thoughts out, while core's outputTokens
 * counts them, so thoughtsTokenCount is added (https://ai.google.dev/api/generate-content#UsageMetadata).
 */
export function mapGeminiUsage(usage: GenerateContentResponseUsageMetadata | undefined): Usage {
  const thoughts = usage?.thoughtsTokenCount;
  const mapped: Usage = {
    inputTokens: (usage?.promptTokenCount ?? 0) + (usage?.toolUsePromptTokenCount ?? 0),
    outputTokens: (usage?.candidatesTokenCount ?? 0) + (thoughts ?? 0),
  };
  if (usage?.cachedContentTokenCount !== undefined) mapped.cacheReadTokens = usage.cachedContentTokenCount;
  if (thoughts !== undefined) mapped.reasoningTokens = thoughts;
  return mapped;
}
