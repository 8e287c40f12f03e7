import type { FinishReason } from '@switchboard/core';

/** Reasons a filter stopped the answer: safety, recitation, blocklists, PII (https://ai.google.dev/api/generate-content#FinishReason). */
const FILTERED = new Set([
  'SAFETY',
  'RECITATION',
  'BLOCKLIST',
  'PROHIBITED_CONTENT',
  'SPII',
  'IMAGE_SAFETY',
  'IMAGE_PROHIBITED_CONTENT',
  'IMAGE_RECITATION',
]);

/** The model broke its own output: a call that does not parse, a call it was not allowed to make. */
const BROKEN = new Set([
  'MALFORMED_FUNCTION_CALL',
  'UNEXPECTED_TOOL_CALL',
  'TOO_MANY_TOOL_CALLS',
  'MALFORMED_RESPONSE',
]);

/**
 * Gemini finishes function-call answers with STOP, so calls in the answer decide `tool-calls`.
 * A prompt blocked by `promptFeedback.blockReason` has no candidate at all: `content-filter`.
 */
export function mapGeminiFinishReason(
  reason: string | undefined,
  facts: { hasToolCalls: boolean; promptBlocked: boolean },
): FinishReason {
  if (facts.promptBlocked) return 'content-filter';
  if (reason === 'MAX_TOKENS') return 'length';
  if (reason !== undefined && FILTERED.has(reason)) return 'content-filter';
  if (reason !== undefined && BROKEN.has(reason)) return 'error';
  if (facts.hasToolCalls) return 'tool-calls';
  return reason === 'STOP' ? 'stop' : 'other';
}
