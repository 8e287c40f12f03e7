import { describe, expect, it } from 'vitest';
import { formatModelId, isModelId, parseModelId } from '../../src/registry/index.js';

describe('parseModelId', () => {
  it('splits on the first slash only', () => {
    expect(parseModelId('openrouter/anthropic/claude-3.5-sonnet')).toEqual({
      provider: 'openrouter',
      model: 'anthropic/claude-3.5-sonnet',
    });
    expect(parseModelId('openai/gpt-4o-mini')).toEqual({ provider: 'openai', model: 'gpt-4o-mini' });
    expect(formatModelId(parseModelId('openrouter/anthropic/claude-3.5-sonnet'))).toBe(
      'openrouter/anthropic/claude-3.5-sonnet',
    );
  });

  it('refuses bare words and dangling slashes, which may be aliases or typos', () => {
    expect(isModelId('fast')).toBe(false);
    expect(isModelId('/gpt')).toBe(false);
    expect(isModelId('openai/')).toBe(false);
    expect(() => parseModelId('fast')).toThrow(/"fast" is not a model id/);
  });
});
