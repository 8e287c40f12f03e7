import { describe, expect, it } from 'vitest';
import type { ModelEntry } from '../../../src/engine/index.js';
import { modelWith } from '../../../src/engine/model-choice.js';

function model(id: string, kind: 'chat' | 'image', vision = false): ModelEntry {
  const provider = id.slice(0, id.indexOf('/'));
  return {
    id,
    provider,
    providerName: provider,
    info: {
      id: id.slice(provider.length + 1),
      kind,
      capabilities: { imageGeneration: kind === 'image', vision },
    },
    pricing: null,
  };
}

describe('modelWith', () => {
  const xaiOnly = [model('xai/grok-3', 'chat'), model('xai/grok-2-image', 'image')];
  const openai = [model('openai/gpt-4o', 'chat', true), model('openai/gpt-image-1', 'image')];

  it('keeps the preferred model when it is listed, or its provider is set up', () => {
    expect(modelWith(openai, 'imageGeneration', 'openai/gpt-image-1')).toBe('openai/gpt-image-1');
    expect(modelWith(openai, 'imageGeneration', 'openai/dall-e-3')).toBe('openai/dall-e-3');
    expect(modelWith(openai, 'vision', 'openai/gpt-4o')).toBe('openai/gpt-4o');
  });

  it("uses another set-up model when the preferred one's provider is not set up", () => {
    expect(modelWith(xaiOnly, 'imageGeneration', 'openai/gpt-image-1')).toBe('xai/grok-2-image');
  });

  it('passes over a listed model without the capability', () => {
    expect(modelWith([...xaiOnly, ...openai], 'vision', 'xai/grok-3')).toBe('openai/gpt-4o');
  });

  it('finds none when nothing set up has the capability', () => {
    expect(
      modelWith([model('anthropic/claude', 'chat')], 'imageGeneration', 'openai/gpt-image-1'),
    ).toBeUndefined();
    expect(modelWith(xaiOnly, 'vision')).toBeUndefined();
  });

  it('passes an alias through for the router', () => {
    expect(modelWith([], 'imageGeneration', 'draw')).toBe('draw');
  });
});
