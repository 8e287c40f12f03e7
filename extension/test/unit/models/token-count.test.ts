import { type ChatRequest, estimatePromptTokens, messageText } from '@switchboard/core';
import { describe, expect, it } from 'vitest';
import { countTokens, messageTokens, textTokens } from '../../../src/features/models/token-count.js';

// A counter with visible framing: 10 per request, 4 per message, one token per character.
const framed = async (request: ChatRequest) =>
  10 + request.messages.reduce((sum, message) => sum + 4 + messageText(message).length, 0);

describe('token counts', () => {
  it('counts a text without the request framing', async () => {
    expect(await textTokens('hello', framed)).toBe(5);
    expect(await textTokens('', framed)).toBe(0);
  });

  it('counts messages with their own framing but not the request framing', async () => {
    const messages = [
      { role: 'user' as const, content: 'abc' },
      { role: 'assistant' as const, content: 'de' },
    ];
    expect(await messageTokens(messages, framed)).toBe(4 + 3 + 4 + 2);
    expect(await messageTokens([], framed)).toBe(0);
  });

  it('does not subtract a baseline the counter refuses', async () => {
    const refusesEmpty = async (request: ChatRequest) => {
      if (request.messages.length === 0) throw new Error('template needs a message');
      return framed(request);
    };
    expect(await messageTokens([{ role: 'user', content: 'abc' }], refusesEmpty)).toBe(10 + 4 + 3);
  });

  it('falls back to the next counter when one fails', async () => {
    const broken = async () => {
      throw new Error('model did not load');
    };
    expect(await countTokens('hello', [broken, framed])).toBe(5);
    await expect(countTokens('hello', [broken])).rejects.toThrow('model did not load');
  });

  it("counts with core's tokenizer for OpenAI models", async () => {
    const estimate = (request: ChatRequest) => estimatePromptTokens(request, 'openai/gpt-4o-mini');
    // "hello world" is two tokens in o200k_base.
    expect(await countTokens('hello world', [estimate])).toBe(2);
    const toolCall = [
      {
        role: 'assistant' as const,
        content: [{ type: 'tool-call' as const, id: 'c1', name: 'read_file', args: { path: 'a.ts' } }],
      },
    ];
    expect(await countTokens(toolCall, [estimate])).toBeGreaterThan(5);
  });
});
