import { describe, expect, it } from 'vitest';
import { isSwitchboardErrorOfKind } from '../../src/errors/errors.js';
import { checkAliases, DEFAULT_ALIASES, resolveAlias } from '../../src/router/aliases.js';

function errorOf(fn: () => unknown): { kind: string; message: string } {
  try {
    fn();
  } catch (error) {
    return error as { kind: string; message: string };
  }
  throw new Error('expected a throw');
}

describe('resolveAlias', () => {
  it('passes a full id through, even when no aliases exist', () => {
    expect(resolveAlias('openai/gpt-4o-mini', DEFAULT_ALIASES)).toEqual(['openai/gpt-4o-mini']);
    expect(resolveAlias('openrouter/anthropic/claude-3.5-sonnet', {})).toEqual([
      'openrouter/anthropic/claude-3.5-sonnet',
    ]);
  });

  it('expands a chain in order', () => {
    const aliases = { smart: ['anthropic/claude', 'openai/gpt-4o'] };
    expect(resolveAlias('smart', aliases)).toEqual(['anthropic/claude', 'openai/gpt-4o']);
  });

  it('expands nested aliases depth-first and drops duplicates, keeping the first place', () => {
    const aliases = {
      cheap: 'openai/gpt-4o-mini',
      local: 'ollama/llama3.2',
      fast: ['groq/llama', 'cheap'],
      smart: ['anthropic/claude', 'fast', 'openai/gpt-4o-mini', 'local'],
    };
    expect(resolveAlias('smart', aliases)).toEqual([
      'anthropic/claude',
      'groq/llama',
      'openai/gpt-4o-mini',
      'ollama/llama3.2',
    ]);
  });

  it('reports a cycle as invalid-request, naming it', () => {
    const aliases = { a: ['x/one', 'b'], b: 'c', c: 'a' };
    const error = errorOf(() => resolveAlias('a', aliases));
    expect(isSwitchboardErrorOfKind(error, 'invalid-request')).toBe(true);
    expect(error.message).toContain('a -> b -> c -> a');
  });

  it('reports a self-reference as a cycle', () => {
    expect(errorOf(() => resolveAlias('me', { me: 'me' })).message).toContain('me -> me');
  });

  it('reports an unknown name as not-found, listing the aliases', () => {
    const error = errorOf(() => resolveAlias('gpt4', { fast: 'x/y', smart: 'x/z' }));
    expect(isSwitchboardErrorOfKind(error, 'not-found')).toBe(true);
    expect(error.message).toContain('neither a provider/model id nor a configured alias');
    expect(error.message).toContain('fast, smart');
  });

  it('names the alias that refers to an unknown name', () => {
    const error = errorOf(() => resolveAlias('smart', { smart: ['x/y', 'typo'] }));
    expect(error.message).toContain('"typo" (used by the alias "smart")');
  });

  it('does not treat Object prototype names as aliases', () => {
    expect(
      isSwitchboardErrorOfKind(
        errorOf(() => resolveAlias('constructor', {})),
        'not-found',
      ),
    ).toBe(true);
  });

  it('rejects an empty chain', () => {
    expect(
      isSwitchboardErrorOfKind(
        errorOf(() => resolveAlias('none', { none: [] })),
        'invalid-request',
      ),
    ).toBe(true);
  });
});

describe('checkAliases', () => {
  it('lists every problem once', () => {
    const problems = checkAliases({ ok: 'x/y', loop: 'loop', bad: 'nowhere' });
    expect(problems).toHaveLength(2);
    expect(checkAliases({ ok: 'x/y', chain: ['ok', 'p/q'] })).toEqual([]);
  });
});
