import { describe, expect, it } from 'vitest';
import { aliasTargets, isModelId, shortModelName } from '../../../src/features/models/alias-targets.js';

describe('aliasTargets', () => {
  it('expands nested aliases in order without duplicates', () => {
    const aliases = {
      fast: ['groq/llama-3.3-70b', 'openai/gpt-4o-mini'],
      smart: ['anthropic/claude-sonnet-4-5', 'fast', 'openai/gpt-4o-mini'],
    };
    expect(aliasTargets('smart', aliases)).toEqual([
      'anthropic/claude-sonnet-4-5',
      'groq/llama-3.3-70b',
      'openai/gpt-4o-mini',
    ]);
  });

  it('returns an id as itself and nothing for unknown names or cycles', () => {
    expect(aliasTargets('openai/gpt-4o', {})).toEqual(['openai/gpt-4o']);
    expect(aliasTargets('nope', { fast: 'openai/gpt-4o' })).toEqual([]);
    expect(aliasTargets('a', { a: ['b', 'openai/x'], b: 'a' })).toEqual(['openai/x']);
  });

  it('tells ids from aliases and shortens ids on the first slash', () => {
    expect(isModelId('openrouter/anthropic/claude')).toBe(true);
    expect(isModelId('fast')).toBe(false);
    expect(isModelId('openai/')).toBe(false);
    expect(shortModelName('openrouter/anthropic/claude-3.5')).toBe('anthropic/claude-3.5');
    expect(shortModelName('fast')).toBe('fast');
  });
});
