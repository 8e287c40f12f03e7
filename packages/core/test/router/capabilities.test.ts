import { describe, expect, it } from 'vitest';
import { checkCapabilities } from '../../src/router/capabilities.js';
import { ask, askWithImage, chatModel } from './fixtures.js';

const tool = { name: 'lookup', parameters: { type: 'object' } };

describe('checkCapabilities', () => {
  it('rejects images for a model without vision, with a readable reason', () => {
    const rejection = checkCapabilities({
      id: 'openai/gpt-3.5-turbo',
      info: chatModel('openai/gpt-3.5-turbo', { vision: false }),
      request: askWithImage('what is this?'),
      estimatedInputTokens: 10,
    });
    expect(rejection).toEqual({
      id: 'openai/gpt-3.5-turbo',
      category: 'vision',
      reason: 'openai/gpt-3.5-turbo: the request has images and this model has no vision',
    });
  });

  it('keeps a vision model for images', () => {
    const info = chatModel('openai/gpt-4o', { vision: true });
    expect(
      checkCapabilities({ id: 'openai/gpt-4o', info, request: askWithImage('x'), estimatedInputTokens: 10 }),
    ).toBeUndefined();
  });

  it('rejects tools for a model without tool calling, and only when tools are sent', () => {
    const info = chatModel('a/b', { tools: false });
    expect(
      checkCapabilities({ id: 'a/b', info, request: ask('hi', { tools: [tool] }), estimatedInputTokens: 5 })
        ?.category,
    ).toBe('tools');
    expect(
      checkCapabilities({ id: 'a/b', info, request: ask('hi', { tools: [] }), estimatedInputTokens: 5 }),
    ).toBeUndefined();
  });

  it('rejects JSON output only where json is known to be false', () => {
    const request = ask('hi', { responseFormat: { type: 'json', schema: { type: 'object' } } });
    const no = chatModel('a/no', { json: false });
    const unknown = chatModel('a/unknown', {});
    expect(checkCapabilities({ id: 'a/no', info: no, request, estimatedInputTokens: 5 })?.category).toBe(
      'json',
    );
    expect(
      checkCapabilities({ id: 'a/unknown', info: unknown, request, estimatedInputTokens: 5 }),
    ).toBeUndefined();
  });

  it('rejects when prompt plus maxTokens exceed the context window', () => {
    const info = chatModel('a/small', {}, { contextWindow: 1000 });
    const fits = checkCapabilities({
      id: 'a/small',
      info,
      request: ask('x', { maxTokens: 200 }),
      estimatedInputTokens: 800,
    });
    const over = checkCapabilities({
      id: 'a/small',
      info,
      request: ask('x', { maxTokens: 201 }),
      estimatedInputTokens: 800,
    });
    expect(fits).toBeUndefined();
    expect(over?.category).toBe('context-window');
    expect(over?.reason).toBe(
      'a/small: the request needs about 1001 tokens (~800 prompt + 201 output tokens) and the context window is 1000',
    );
  });

  it('rejects a model that is not a chat model', () => {
    const info = { id: 'embed', kind: 'embedding' as const, capabilities: { embeddings: true } };
    expect(
      checkCapabilities({ id: 'a/embed', info, request: ask('x'), estimatedInputTokens: 1 })?.reason,
    ).toBe('a/embed: this is an embedding model, not a chat model');
  });

  it('passes what it cannot judge: unknown model, unknown capabilities, unknown context window', () => {
    const big = ask('x', { tools: [tool], maxTokens: 1e9, responseFormat: { type: 'json' } });
    expect(
      checkCapabilities({ id: 'a/b', info: undefined, request: big, estimatedInputTokens: 1e9 }),
    ).toBeUndefined();
    expect(
      checkCapabilities({
        id: 'a/b',
        info: chatModel('a/b'),
        request: askWithImage('x'),
        estimatedInputTokens: 1e9,
      }),
    ).toBeUndefined();
    expect(
      checkCapabilities({ id: 'a/b', info: chatModel('a/b'), request: big, estimatedInputTokens: 1e9 }),
    ).toBeUndefined();
  });

  it('for image generation wants an image model instead', () => {
    const image = { id: 'gpt-image-1', kind: 'image' as const, capabilities: { imageGeneration: true } };
    const chat = chatModel('openai/gpt-4o');
    const task = 'image-generation' as const;
    expect(
      checkCapabilities({
        id: 'openai/gpt-image-1',
        info: image,
        request: ask('draw'),
        estimatedInputTokens: 1,
        task,
      }),
    ).toBeUndefined();
    expect(
      checkCapabilities({
        id: 'openai/gpt-4o',
        info: chat,
        request: ask('draw'),
        estimatedInputTokens: 1,
        task,
      })?.category,
    ).toBe('kind');
  });
});
