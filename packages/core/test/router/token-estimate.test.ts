import { describe, expect, it } from 'vitest';
import { roughPromptTokens, TOKENS_PER_IMAGE } from '../../src/router/token-estimate.js';

describe('roughPromptTokens', () => {
  it('is ceil(chars / 4) plus 4 per message', () => {
    const tokens = roughPromptTokens({
      messages: [
        { role: 'system', content: 'abcde' },
        { role: 'user', content: 'abc' },
      ],
    });
    expect(tokens).toBe(Math.ceil(8 / 4) + 8);
  });

  it('counts images and tool traffic', () => {
    const tokens = roughPromptTokens({
      messages: [
        {
          role: 'user',
          content: [
            { type: 'text', text: 'abcd' },
            { type: 'image', image: { kind: 'url', url: 'https://x/y.png' } },
          ],
        },
        { role: 'assistant', content: [{ type: 'tool-call', id: '1', name: 'f', args: { a: 1 } }] },
        { role: 'tool', content: [{ type: 'tool-result', toolCallId: '1', toolName: 'f', result: 'ok' }] },
      ],
    });
    // text 4 + tool-call "f" 1 + '{"a":1}' 7 + '"ok"' 4 = 16 chars -> 4 tokens.
    expect(tokens).toBe(4 + 3 * 4 + TOKENS_PER_IMAGE);
  });
});
