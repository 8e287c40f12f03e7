import { describe, expect, it } from 'vitest';
import { responsePartOf, toolInput } from '../../../src/features/models/stream-parts.js';

describe('responsePartOf', () => {
  it('passes text deltas and complete tool calls on', () => {
    expect(responsePartOf({ type: 'text-delta', text: 'Hel' })).toEqual({ kind: 'text', text: 'Hel' });
    expect(
      responsePartOf({ type: 'tool-call', toolCall: { id: 'c1', name: 'read_file', args: { path: 'a' } } }),
    ).toEqual({ kind: 'tool-call', callId: 'c1', name: 'read_file', input: { path: 'a' } });
  });

  it('ignores everything VS Code has no part for', () => {
    expect(responsePartOf({ type: 'text-delta', text: '' })).toBeUndefined();
    expect(responsePartOf({ type: 'reasoning-delta', text: 'hmm' })).toBeUndefined();
    expect(responsePartOf({ type: 'tool-call-delta', index: 0, argsTextDelta: '{"' })).toBeUndefined();
    expect(responsePartOf({ type: 'usage', usage: { inputTokens: 1, outputTokens: 1 } })).toBeUndefined();
    expect(responsePartOf({ type: 'finish', reason: 'stop' })).toBeUndefined();
  });
});

describe('toolInput', () => {
  it('always gives VS Code an object', () => {
    expect(toolInput('{"a":1}')).toEqual({ a: 1 });
    expect(toolInput('not json')).toEqual({ value: 'not json' });
    expect(toolInput('')).toEqual({});
    expect(toolInput(null)).toEqual({});
    expect(toolInput([1, 2])).toEqual({ value: [1, 2] });
    expect(toolInput(3)).toEqual({ value: 3 });
  });
});
