import { describe, expect, it } from 'vitest';
import {
  aliasInformation,
  chatInformation,
  DEFAULT_CONTEXT_WINDOW,
  DEFAULT_MAX_OUTPUT_TOKENS,
  modelInformation,
  SETUP_MODEL_ID,
  tokenLimits,
} from '../../../src/features/models/model-information.js';
import { model } from './fixtures.js';

describe('modelInformation', () => {
  it('uses the core id, display name, limits and capabilities', () => {
    const info = modelInformation(
      model('openai/gpt-4o-mini', {
        displayName: 'GPT-4o mini',
        contextWindow: 128_000,
        maxOutputTokens: 16_384,
        capabilities: { vision: true, tools: true },
      }),
    );
    expect(info).toMatchObject({
      id: 'openai/gpt-4o-mini',
      name: 'GPT-4o mini',
      family: 'gpt-4o-mini',
      maxInputTokens: 128_000 - 16_384,
      maxOutputTokens: 16_384,
      capabilities: { imageInput: true, toolCalling: true },
    });
    expect(info.detail).toBe('OpenAI · $0.15 in / $0.6 out per 1M tokens');
    expect(info.tooltip).toContain('Context 128K');
    expect(info.tooltip).toContain('vision · tools');
  });

  it('marks local models and falls back to defaults for unknown limits', () => {
    const info = modelInformation(model('llamacpp/qwen', { local: true }, null, 'llama.cpp'));
    expect(info.detail).toBe('llama.cpp · local');
    expect(info.name).toBe('qwen');
    expect(info.maxOutputTokens).toBe(DEFAULT_MAX_OUTPUT_TOKENS);
    expect(info.maxInputTokens).toBe(DEFAULT_CONTEXT_WINDOW - DEFAULT_MAX_OUTPUT_TOKENS);
    expect(info.capabilities).toEqual({ imageInput: false, toolCalling: false });
  });

  it('keeps room for input in small context windows', () => {
    expect(tokenLimits({ contextWindow: 4096, maxOutputTokens: 4096 })).toEqual({
      maxInputTokens: 3072,
      maxOutputTokens: 4096,
    });
    expect(tokenLimits({ contextWindow: 2048, maxOutputTokens: 8192 }).maxOutputTokens).toBe(2048);
  });
});

describe('aliasInformation', () => {
  const models = [
    model('openai/gpt-4o', {
      contextWindow: 128_000,
      maxOutputTokens: 16_000,
      capabilities: { vision: true, tools: true },
    }),
    model('groq/llama', { contextWindow: 32_000, maxOutputTokens: 8_000, capabilities: { tools: true } }),
  ];

  it('has what every set-up target has and the smallest limits', () => {
    const info = aliasInformation('fast', { fast: ['openai/gpt-4o', 'groq/llama', 'anthropic/x'] }, models);
    expect(info).toMatchObject({
      id: 'fast',
      name: 'fast (alias)',
      family: 'gpt-4o',
      maxInputTokens: 24_000,
      maxOutputTokens: 8_000,
      capabilities: { imageInput: false, toolCalling: true },
    });
    expect(info?.tooltip).toContain('Not set up: anthropic/x');
  });

  it('leaves out aliases with no set-up target', () => {
    expect(aliasInformation('smart', { smart: 'anthropic/claude' }, models)).toBeUndefined();
  });

  it('lists aliases first, then chat models only', () => {
    const all = [...models, model('openai/gpt-image-1', { kind: 'image' })];
    expect(chatInformation(all, { vision: 'openai/gpt-4o', broken: 'x/y' }).map((m) => m.id)).toEqual([
      'vision',
      'openai/gpt-4o',
      'groq/llama',
    ]);
  });

  it('offers one set-up entry, usable in agent mode, while no model is set up', () => {
    const [only, ...rest] = chatInformation([model('openai/gpt-image-1', { kind: 'image' })], {
      broken: 'x/y',
    });
    expect(rest).toEqual([]);
    expect(only).toMatchObject({ id: SETUP_MODEL_ID, capabilities: { toolCalling: true } });
    expect(chatInformation(models, {}).map((m) => m.id)).not.toContain(SETUP_MODEL_ID);
  });
});
