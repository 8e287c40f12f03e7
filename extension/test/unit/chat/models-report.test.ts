import { describe, expect, it } from 'vitest';
import type { ModelEntry, ProviderState } from '../../../src/engine/index.js';
import { modelsReport, nextStep } from '../../../src/features/chat/models-report.js';

const model = (
  id: string,
  extra: Partial<ModelEntry['info']> = {},
  pricing: ModelEntry['pricing'] = null,
): ModelEntry => {
  const [provider] = id.split('/');
  return {
    id,
    provider: provider!,
    providerName: provider === 'openai' ? 'OpenAI' : 'Ollama',
    info: { id: id.slice(provider!.length + 1), kind: 'chat', capabilities: {}, ...extra },
    pricing,
  };
};

const state = (overrides: Partial<ProviderState>): ProviderState => ({
  id: 'anthropic',
  displayName: 'Anthropic',
  local: false,
  pluginName: '@switchboard/provider-anthropic',
  readiness: 'needs-setup',
  keyEnv: ['ANTHROPIC_API_KEY'],
  missing: ['apiKey'],
  ...overrides,
});

describe('modelsReport', () => {
  const models = [
    model(
      'openai/gpt-4o',
      { capabilities: { vision: true, tools: true }, contextWindow: 128_000 },
      { inputPerMTok: 2.5, outputPerMTok: 10 },
    ),
    model('openai/gpt-image-1', { kind: 'image', capabilities: { imageGeneration: true } }),
    model('ollama/llama3.2', { local: true, contextWindow: 8192 }, { inputPerMTok: 0, outputPerMTok: 0 }),
  ];

  it('groups models by provider with capabilities, context and price', () => {
    const report = modelsReport({ models, providers: [], aliases: {} });
    expect(report).toContain('### OpenAI (`openai`)');
    expect(report).toContain('### Ollama (`ollama`)');
    expect(report).toContain(
      '| `openai/gpt-4o` | chat, vision, tools | 128K | \\$2.5 in / \\$10 out per 1M tokens |',
    );
    expect(report).toContain('| `openai/gpt-image-1` | image generation | — | price unknown |');
    expect(report).toContain('| `ollama/llama3.2` | chat, local | 8.2K | free |');
    expect(report.indexOf('gpt-image-1')).toBeLessThan(report.indexOf('### Ollama'));
  });

  it('marks the current model', () => {
    const report = modelsReport({ models, providers: [], aliases: {}, current: 'ollama/llama3.2' });
    expect(report).toContain('| ▶ `ollama/llama3.2` |');
    expect(report).not.toContain('▶ `openai/gpt-4o`');
  });

  it('lists aliases with their chains', () => {
    const report = modelsReport({
      models,
      providers: [],
      aliases: { fast: 'ollama/llama3.2', smart: ['anthropic/claude-sonnet-4-5', 'openai/gpt-4o'] },
    });
    expect(report).toContain('| `fast` | `ollama/llama3.2` |');
    expect(report).toContain('| `smart` | `anthropic/claude-sonnet-4-5` → `openai/gpt-4o` |');
  });

  it('lists providers that are not ready with what to do, and says when nothing is set up', () => {
    const report = modelsReport({
      models: [],
      providers: [state({}), state({ id: 'openai', displayName: 'OpenAI', readiness: 'ready' })],
      aliases: {},
    });
    expect(report).toContain('**No models are set up yet.**');
    expect(report).toContain('- **Anthropic** (`anthropic`): ');
    expect(report).toContain('ANTHROPIC\\_API\\_KEY');
    expect(report).not.toContain('(`openai`)');
  });
});

describe('nextStep', () => {
  it('asks for a key, naming the environment variables', () => {
    expect(nextStep(state({ reason: 'Needs apiKey.' }))).toBe(
      'Needs apiKey. Set an API key with "Switchboard: Set API Key" or the environment variable ANTHROPIC_API_KEY.',
    );
  });

  it('asks for missing non-secret settings under switchboard.providers', () => {
    const step = nextStep(
      state({ id: 'azure', keyEnv: [], keySource: 'none', missing: ['apiKey', 'baseUrl', 'apiVersion'] }),
    );
    expect(step).toContain('Set an API key');
    expect(step).toContain('Add baseUrl, apiVersion under "switchboard.providers" → "azure"');
  });

  it('tells how to start a local provider and where to look when a plugin failed', () => {
    expect(
      nextStep(
        state({ id: 'ollama', local: true, readiness: 'unavailable', reason: 'Ollama is not running' }),
      ),
    ).toBe('Ollama is not running. Start it, or add a model with "Switchboard: Add Local Model".');
    expect(nextStep(state({ readiness: 'failed', reason: 'Cannot find module x.' }))).toBe(
      'Cannot find module x. See "Switchboard: Show Providers" and the log.',
    );
  });
});
