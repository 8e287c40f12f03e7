import { describe, expect, it } from 'vitest';
import type { ModelEntry } from '../../../src/engine/index.js';
import { imageModelFor } from '../../../src/features/images/image-model.js';

function model(id: string, kind: 'chat' | 'image'): ModelEntry {
  const provider = id.slice(0, id.indexOf('/'));
  return {
    id,
    provider,
    providerName: provider,
    info: { id: id.slice(provider.length + 1), kind, capabilities: { imageGeneration: kind === 'image' } },
    pricing: null,
  };
}

describe('imageModelFor', () => {
  const xaiOnly = [model('xai/grok-3', 'chat'), model('xai/grok-2-image', 'image')];

  it('keeps the configured model when it is listed, or its provider is set up', () => {
    const openai = [model('openai/gpt-4o', 'chat'), model('openai/gpt-image-1', 'image')];
    expect(imageModelFor(openai, 'openai/gpt-image-1')).toBe('openai/gpt-image-1');
    expect(imageModelFor(openai, 'openai/dall-e-3')).toBe('openai/dall-e-3');
  });

  it("uses another set-up image model when the configured one's provider is not set up", () => {
    expect(imageModelFor(xaiOnly, 'openai/gpt-image-1')).toBe('xai/grok-2-image');
  });

  it('finds none when nothing set up can draw', () => {
    expect(imageModelFor([model('anthropic/claude', 'chat')], 'openai/gpt-image-1')).toBeUndefined();
  });

  it('passes an alias through for the router', () => {
    expect(imageModelFor([], 'draw')).toBe('draw');
  });
});
