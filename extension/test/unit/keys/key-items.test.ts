import { describe, expect, it } from 'vitest';
import type { ModelEntry, ProviderState } from '../../../src/engine/index.js';
import {
  keyCheckOutcome,
  keyPickItems,
  keyPrompt,
  keyStatus,
  missingBesidesKey,
  ollamaHost,
  ollamaStatus,
  shouldOpenWalkthrough,
  validateApiKey,
} from '../../../src/features/keys/key-items.js';

function state(id: string, over: Partial<ProviderState> = {}): ProviderState {
  return {
    id,
    displayName: id.toUpperCase(),
    local: false,
    pluginName: 'p',
    readiness: 'needs-setup',
    keyEnv: [],
    missing: [],
    ...over,
  };
}

function model(provider: string, id: string): ModelEntry {
  return {
    id: `${provider}/${id}`,
    provider,
    providerName: provider,
    info: { id, kind: 'chat', capabilities: {} },
    pricing: null,
  };
}

const branded = (kind: string) =>
  Object.assign(new Error(kind), { [Symbol.for('switchboard.error')]: true, kind });

describe('keyPickItems', () => {
  const states = [
    state('ollama', { local: true, keySource: 'none', readiness: 'ready' }),
    state('groq', { keySource: 'none' }),
    state('lmstudio', { local: true }), // no secret setting: nothing to set
    state('anthropic', { keySource: 'secret-storage', readiness: 'ready' }),
    state('openai', { keySource: 'environment', keyEnv: ['OPENAI_API_KEY'], readiness: 'ready' }),
    state('azure', { keySource: 'none', missing: ['apiKey', 'baseUrl'] }),
  ];

  it('lists providers with a key setting, the big cloud ones first and local ones last', () => {
    const items = keyPickItems(states, [], {}, '127.0.0.1:11434');
    expect(items.map((item) => item.providerId)).toEqual(['openai', 'anthropic', 'azure', 'groq', 'ollama']);
  });

  it('says where each key comes from', () => {
    const items = keyPickItems(states, [], { OPENAI_API_KEY: 'x' }, 'h');
    const byId = Object.fromEntries(items.map((item) => [item.providerId, item]));
    expect(byId.openai?.description).toBe('from $OPENAI_API_KEY');
    expect(byId.anthropic?.description).toBe('key set');
    expect(byId.groq?.description).toBe('not set');
    expect(byId.azure?.detail).toContain('baseUrl');
  });

  it('shows whether Ollama runs and how many models it has', () => {
    const items = keyPickItems(
      states,
      [model('ollama', 'a'), model('ollama', 'b'), model('openai', 'c')],
      {},
      'h',
    );
    expect(items.find((item) => item.providerId === 'ollama')?.description).toBe('running, 2 models');
  });
});

describe('keyStatus', () => {
  it('names the environment variable that is actually set', () => {
    const s = state('azure', { keySource: 'environment', keyEnv: ['AZURE_API_KEY', 'AZURE_OPENAI_API_KEY'] });
    expect(keyStatus(s, { AZURE_OPENAI_API_KEY: 'k' })).toBe('from $AZURE_OPENAI_API_KEY');
  });
});

describe('ollamaStatus', () => {
  it('tells a stopped Ollama from one without models', () => {
    const stopped = state('ollama', {
      readiness: 'unavailable',
      reason: 'Ollama is not running at http://x',
    });
    const empty = state('ollama', { readiness: 'unavailable', reason: 'No models found.' });
    expect(ollamaStatus(stopped, [], '127.0.0.1:11434')).toBe('not running on 127.0.0.1:11434');
    expect(ollamaStatus(empty, [], 'h')).toMatch(/^running, no models/);
    expect(ollamaStatus(state('ollama', { readiness: 'ready' }), [model('ollama', 'a')], 'h')).toBe(
      'running, 1 model',
    );
  });
});

describe('ollamaHost', () => {
  it('prefers the setting, then OLLAMA_HOST, then the default, without the scheme', () => {
    expect(ollamaHost({ ollama: { baseUrl: 'http://box:11434/' } }, { OLLAMA_HOST: 'other' })).toBe(
      'box:11434',
    );
    expect(ollamaHost({}, { OLLAMA_HOST: '0.0.0.0:9999' })).toBe('0.0.0.0:9999');
    expect(ollamaHost({}, {})).toBe('127.0.0.1:11434');
  });
});

describe('keyPrompt', () => {
  it('names the provider and where to get a key', () => {
    const prompt = keyPrompt('openai', 'OpenAI', 'OpenAI API key');
    expect(prompt.title).toBe('Switchboard: OpenAI API key');
    expect(prompt.prompt).toContain('https://platform.openai.com/api-keys');
    expect(prompt.placeholder).toBe('sk-...');
  });

  it('puts the provider name before a generic label, and calls the llama.cpp secret a token', () => {
    expect(keyPrompt('ollama', 'Ollama', 'API key (optional)').what).toBe('Ollama API key (optional)');
    expect(keyPrompt('llamacpp', 'llama.cpp', 'Hugging Face token').what).toBe('Hugging Face token');
    expect(keyPrompt('custom', 'Custom').what).toBe('Custom API key');
  });
});

describe('validateApiKey', () => {
  it('accepts a key with stray spaces around it, but not an empty one or one with spaces inside', () => {
    expect(validateApiKey('  sk-abc123\n')).toBeUndefined();
    expect(validateApiKey('   ')).toBeDefined();
    expect(validateApiKey('sk-abc 123')).toBeDefined();
    expect(validateApiKey('sk-abc\n123')).toBeDefined();
  });
});

describe('missingBesidesKey', () => {
  it('leaves out the secret just set', () => {
    expect(missingBesidesKey(state('azure', { missing: ['apiKey', 'baseUrl'] }), ['apiKey'])).toEqual([
      'baseUrl',
    ]);
    expect(missingBesidesKey(state('openai', { missing: ['apiKey'] }), ['apiKey'])).toEqual([]);
  });
});

describe('keyCheckOutcome', () => {
  it('counts only authentication and permission errors as a rejected key', () => {
    expect(keyCheckOutcome(branded('authentication'))).toBe('rejected');
    expect(keyCheckOutcome(branded('permission-denied'))).toBe('rejected');
    expect(keyCheckOutcome(branded('connection'))).toBe('unchecked');
    expect(keyCheckOutcome(branded('timeout'))).toBe('unchecked');
    expect(keyCheckOutcome(Object.assign(new Error('x'), { kind: 'authentication' }))).toBe('unchecked');
  });
});

describe('shouldOpenWalkthrough', () => {
  it('opens only when no provider is ready', () => {
    expect(shouldOpenWalkthrough([state('openai'), state('ollama', { readiness: 'unavailable' })])).toBe(
      true,
    );
    expect(shouldOpenWalkthrough([])).toBe(true);
    expect(shouldOpenWalkthrough([state('openai'), state('ollama', { readiness: 'ready' })])).toBe(false);
  });
});
