import { describe, expect, it } from 'vitest';
import { buildPickEntries, type PickEntry } from '../../../src/features/models/picker-items.js';
import { model, provider } from './fixtures.js';

const models = [
  model('openai/gpt-4o-mini', {
    displayName: 'GPT-4o mini',
    contextWindow: 128_000,
    capabilities: { vision: true, tools: true, json: true },
  }),
  model('openai/gpt-image-1', { kind: 'image' }),
  model('ollama/llama3.2', { local: true, capabilities: { tools: true } }, null, 'Ollama'),
];
const providers = [
  provider('openai', 'ready', { displayName: 'OpenAI' }),
  provider('anthropic', 'needs-setup', {
    displayName: 'Anthropic',
    missing: ['apiKey'],
    keyEnv: ['ANTHROPIC_API_KEY'],
  }),
  provider('ollama', 'ready', { displayName: 'Ollama', local: true }),
  provider('llamacpp', 'unavailable', { displayName: 'llama.cpp', local: true, reason: 'No models found.' }),
  provider('gemini', 'failed', { displayName: 'Gemini', reason: 'Plugin failed to load.' }),
];
const labels = (entries: PickEntry[]) =>
  entries.map((entry) => (entry.kind === 'separator' ? `-- ${entry.label}` : entry.label));

describe('buildPickEntries', () => {
  it('groups aliases first, then models by provider, then providers to set up', () => {
    const entries = buildPickEntries({
      models,
      providers,
      aliases: { fast: ['ollama/llama3.2', 'anthropic/claude'] },
      current: 'openai/gpt-4o-mini',
    });
    expect(labels(entries)).toEqual([
      '-- Aliases',
      'fast',
      '-- OpenAI',
      '$(check) GPT-4o mini',
      '-- Ollama',
      'llama3.2',
      '-- Not set up',
      '$(key) Set up Anthropic',
      '$(cloud-download) Add a local model',
      '$(error) Gemini',
    ]);
  });

  it('describes models by capabilities, context and price', () => {
    const entries = buildPickEntries({ models, providers: [], aliases: {}, current: undefined });
    const gpt = entries.find((entry) => entry.kind === 'model' && entry.id === 'openai/gpt-4o-mini');
    expect(gpt).toMatchObject({
      description: 'openai/gpt-4o-mini',
      detail:
        '$(eye) vision  $(tools) tools  $(json) json · 128K context · $0.15 in / $0.6 out per 1M tokens',
      current: false,
    });
    const local = entries.find((entry) => entry.kind === 'model' && entry.id === 'ollama/llama3.2');
    expect(local).toMatchObject({ detail: '$(tools) tools  $(vm) local · free' });
  });

  it('shows an alias chain and marks it current', () => {
    const [, alias] = buildPickEntries({
      models,
      providers: [],
      aliases: { fast: ['ollama/llama3.2', 'anthropic/claude'] },
      current: 'fast',
    });
    expect(alias).toMatchObject({
      kind: 'model',
      id: 'fast',
      label: '$(check) fast',
      detail: '→ ollama/llama3.2, anthropic/claude  (not set up: anthropic/claude)',
      current: true,
    });
  });

  it('runs the right command for each provider not set up', () => {
    const setups = buildPickEntries({ models: [], providers, aliases: {}, current: undefined }).filter(
      (entry) => entry.kind === 'setup',
    );
    expect(setups.map((entry) => [entry.providerId, entry.command, entry.args])).toEqual([
      ['anthropic', 'switchboard.setApiKey', ['anthropic']],
      ['llamacpp', 'switchboard.addLocalModel', []],
      ['gemini', 'switchboard.showProviders', []],
    ]);
    expect(setups[0]?.detail).toBe('Store an API key for Anthropic (or set ANTHROPIC_API_KEY).');
  });

  it('has no empty groups', () => {
    expect(buildPickEntries({ models: [], providers: [], aliases: {}, current: undefined })).toEqual([]);
  });
});
