import { describe, expect, it } from 'vitest';
import { mapGeminiFinishReason } from '../src/map-gemini-finish-reason.js';
import { mapGeminiUsage } from '../src/map-gemini-usage.js';

describe('mapGeminiFinishReason', () => {
  const plain = { hasToolCalls: false, promptBlocked: false };
  it.each([
    ['STOP', 'stop'],
    ['MAX_TOKENS', 'length'],
    ['SAFETY', 'content-filter'],
    ['RECITATION', 'content-filter'],
    ['BLOCKLIST', 'content-filter'],
    ['PROHIBITED_CONTENT', 'content-filter'],
    ['SPII', 'content-filter'],
    ['IMAGE_SAFETY', 'content-filter'],
    ['IMAGE_PROHIBITED_CONTENT', 'content-filter'],
    ['MALFORMED_FUNCTION_CALL', 'error'],
    ['UNEXPECTED_TOOL_CALL', 'error'],
    ['TOO_MANY_TOOL_CALLS', 'error'],
    ['LANGUAGE', 'other'],
    ['OTHER', 'other'],
    [undefined, 'other'],
  ])('%s -> %s', (reason, expected) => {
    expect(mapGeminiFinishReason(reason, plain)).toBe(expected);
  });

  it('says tool-calls for a STOP with calls, but keeps length and filters', () => {
    const calls = { hasToolCalls: true, promptBlocked: false };
    expect(mapGeminiFinishReason('STOP', calls)).toBe('tool-calls');
    expect(mapGeminiFinishReason('MAX_TOKENS', calls)).toBe('length');
    expect(mapGeminiFinishReason('SAFETY', calls)).toBe('content-filter');
  });

  it('says content-filter for a blocked prompt, which has no finish reason', () => {
    expect(mapGeminiFinishReason(undefined, { hasToolCalls: false, promptBlocked: true })).toBe(
      'content-filter',
    );
  });
});

describe('mapGeminiUsage', () => {
  it('keeps cached tokens inside the input and adds thoughts and tool-use prompts', () => {
    expect(
      mapGeminiUsage({
        promptTokenCount: 100,
        cachedContentTokenCount: 60,
        toolUsePromptTokenCount: 5,
        candidatesTokenCount: 20,
        thoughtsTokenCount: 30,
        totalTokenCount: 155,
      }),
    ).toEqual({ inputTokens: 105, outputTokens: 50, cacheReadTokens: 60, reasoningTokens: 30 });
  });

  it('reads a missing usage as zero', () => {
    expect(mapGeminiUsage(undefined)).toEqual({ inputTokens: 0, outputTokens: 0 });
  });
});
