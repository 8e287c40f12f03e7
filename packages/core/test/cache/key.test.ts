import { describe, expect, it } from 'vitest';
import { canonicalJson, canonicalRequestKey } from '../../src/cache/key.js';
import type { ChatRequest } from '../../src/types/request.js';

const base = (): ChatRequest => ({
  messages: [
    { role: 'system', content: 'Be brief.' },
    {
      role: 'user',
      content: [
        { type: 'text', text: 'What is this?' },
        { type: 'image', image: { kind: 'bytes', data: new Uint8Array([1, 2, 3]), mimeType: 'image/png' } },
      ],
    },
  ],
  temperature: 0.2,
  tools: [{ name: 'lookup', parameters: { type: 'object', properties: { q: { type: 'string' } } } }],
  providerOptions: { openai: { reasoning_effort: 'low' } },
});

const key = (request: ChatRequest, model = 'openai/gpt-4o') => canonicalRequestKey(model, request);

describe('canonicalRequestKey', () => {
  it('is a sha256 hex digest', () => {
    expect(key(base())).toMatch(/^[0-9a-f]{64}$/);
  });

  it('ignores key order and undefined values', () => {
    const reordered: ChatRequest = {
      providerOptions: { openai: { reasoning_effort: 'low' } },
      tools: [{ parameters: { properties: { q: { type: 'string' } }, type: 'object' }, name: 'lookup' }],
      temperature: 0.2,
      topP: undefined,
      messages: base().messages,
    };
    expect(key(reordered)).toBe(key(base()));
  });

  it('ignores metadata tags', () => {
    expect(key({ ...base(), metadata: { user: 'alice' } })).toBe(key(base()));
  });

  it('changes with anything the model sees', () => {
    const original = key(base());
    const variants: ChatRequest[] = [
      { ...base(), temperature: 0.3 },
      { ...base(), messages: [...base().messages, { role: 'assistant', content: 'A cat.' }] },
      { ...base(), tools: [] },
      { ...base(), providerOptions: { openai: { reasoning_effort: 'high' } } },
      { ...base(), seed: 1 },
    ];
    for (const variant of variants) expect(key(variant)).not.toBe(original);
    expect(key(base(), 'openai/gpt-4o-mini')).not.toBe(original);
  });

  it('changes with the image bytes', () => {
    const other = base();
    const user = other.messages[1];
    if (user?.role !== 'user' || typeof user.content === 'string') throw new Error('fixture');
    user.content[1] = {
      type: 'image',
      image: { kind: 'bytes', data: new Uint8Array([1, 2, 4]), mimeType: 'image/png' },
    };
    expect(key(other)).not.toBe(key(base()));
  });

  it('keeps message order significant', () => {
    const a: ChatRequest = {
      messages: [
        { role: 'user', content: 'a' },
        { role: 'user', content: 'b' },
      ],
    };
    const b: ChatRequest = {
      messages: [
        { role: 'user', content: 'b' },
        { role: 'user', content: 'a' },
      ],
    };
    expect(key(a)).not.toBe(key(b));
  });
});

describe('canonicalJson', () => {
  it('sorts keys recursively', () => {
    expect(canonicalJson({ b: 1, a: { d: [{ z: 1, y: 2 }], c: undefined } })).toBe(
      '{"a":{"d":[{"y":2,"z":1}]},"b":1}',
    );
  });
});
