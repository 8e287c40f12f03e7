import { describe, expect, it } from 'vitest';
import type { ProviderState } from '../../../src/engine/index.js';
import { providerItems } from '../../../src/features/providers/provider-items.js';

const state = (over: Partial<ProviderState>): ProviderState => ({
  id: 'openai',
  displayName: 'OpenAI',
  local: false,
  pluginName: '@switchboard/provider-openai',
  readiness: 'ready',
  keyEnv: ['OPENAI_API_KEY'],
  missing: [],
  ...over,
});

describe('providerItems', () => {
  it('groups providers by readiness and says what to do for the ones not set up', () => {
    const items = providerItems(
      [
        state({ keySource: 'environment' }),
        state({
          id: 'anthropic',
          displayName: 'Anthropic',
          readiness: 'needs-setup',
          keyEnv: ['ANTHROPIC_API_KEY'],
          reason: 'Needs apiKey.',
        }),
        state({
          id: 'ollama',
          displayName: 'Ollama',
          local: true,
          readiness: 'unavailable',
          keyEnv: [],
          reason: 'Ollama is not running.',
        }),
      ],
      { statuses: [], problems: [] },
    );
    expect(items.map((item) => (item.separator ? `-- ${item.label}` : item.providerId))).toEqual([
      '-- Ready',
      'openai',
      '-- Not set up',
      'anthropic',
      '-- Not available',
      'ollama',
    ]);
    expect(items[1]?.detail).toBe('Key from OPENAI_API_KEY');
    expect(items[3]?.detail).toBe('Needs apiKey. Select to set an API key or set ANTHROPIC_API_KEY.');
    expect(items[5]?.detail).toBe('Ollama is not running.');
  });

  it('lists broken plugins after the providers', () => {
    const items = providerItems([], {
      statuses: [
        {
          name: 'provider-bad',
          status: 'failed',
          providerIds: ['bad'],
          source: 'user',
          origin: 'discovered',
          reason: 'SyntaxError in index.js',
        },
        { name: 'ok', status: 'loaded', providerIds: ['ok'], source: 'bundled', origin: 'discovered' },
      ],
      problems: [
        {
          kind: 'invalid-json',
          dir: '/p/x',
          source: 'user',
          rootIndex: 1,
          reason: '/p/x/package.json is not valid JSON.',
        },
        { kind: 'missing-root', dir: '/nope', source: 'user', rootIndex: 1, reason: 'missing' },
      ],
    });
    expect(items.map((item) => item.label)).toEqual([
      'Plugin problems',
      '$(warning) /p/x/package.json is not valid JSON.',
      '$(warning) provider-bad (user): SyntaxError in index.js',
    ]);
  });
});
