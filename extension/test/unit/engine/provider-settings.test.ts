import type { ProviderDefinition } from '@switchboard/core';
import { describe, expect, it } from 'vitest';
import { parseSettings } from '../../../src/config/settings.js';
import {
  missingRequired,
  resolveProviderSettings,
  secretSource,
} from '../../../src/engine/provider-settings.js';

const openai: ProviderDefinition = {
  id: 'openai',
  displayName: 'OpenAI',
  settings: [
    { key: 'apiKey', label: 'API key', secret: true, required: true, env: ['OPENAI_API_KEY'] },
    { key: 'baseUrl', label: 'Base URL', env: ['OPENAI_BASE_URL'], default: 'https://api.openai.com/v1' },
  ],
  listModels: async () => [],
};

const llamacpp: ProviderDefinition = {
  id: 'llamacpp',
  displayName: 'llama.cpp',
  local: true,
  settings: [
    { key: 'modelsDir', label: 'Models', env: ['SWITCHBOARD_MODELS_DIR'] },
    { key: 'gpuLayers', label: 'GPU layers', default: 'auto' },
    { key: 'contextSize', label: 'Context', default: 'auto' },
  ],
  listModels: async () => [],
};

const secrets =
  (values: Record<string, string>) =>
  async (providerId: string, key: string): Promise<string | undefined> =>
    values[`${providerId}.${key}`];

describe('resolveProviderSettings', () => {
  it('prefers secret storage, then settings, then environment, then defaults', async () => {
    const settings = parseSettings((key) =>
      key === 'providers' ? { openai: { baseUrl: 'http://127.0.0.1:9/v1' } } : undefined,
    );
    const env = { OPENAI_API_KEY: 'sk-env', OPENAI_BASE_URL: 'http://env/v1' };
    expect(
      await resolveProviderSettings(openai, settings, secrets({ 'openai.apiKey': 'sk-stored' }), env),
    ).toEqual({
      apiKey: 'sk-stored',
      baseUrl: 'http://127.0.0.1:9/v1',
    });
    expect(
      await resolveProviderSettings(
        openai,
        parseSettings(() => undefined),
        secrets({}),
        env,
      ),
    ).toEqual({
      apiKey: 'sk-env',
      baseUrl: 'http://env/v1',
    });
    expect(
      await resolveProviderSettings(
        openai,
        parseSettings(() => undefined),
        secrets({}),
        {},
      ),
    ).toEqual({
      baseUrl: 'https://api.openai.com/v1',
    });
  });

  it('maps the local-model settings onto the llama.cpp provider', async () => {
    const settings = parseSettings(
      (key) => ({ 'local.gpuLayers': 0, 'local.contextSize': 2048, 'local.modelsDir': '/models' })[key],
    );
    expect(
      await resolveProviderSettings(llamacpp, settings, secrets({}), { SWITCHBOARD_MODELS_DIR: '/env' }),
    ).toEqual({
      modelsDir: '/models',
      gpuLayers: '0',
      contextSize: '2048',
    });
  });

  it('says where a key comes from and what is missing', async () => {
    expect(await secretSource(openai, 'apiKey', secrets({ 'openai.apiKey': 'k' }), {})).toBe(
      'secret-storage',
    );
    expect(await secretSource(openai, 'apiKey', secrets({}), { OPENAI_API_KEY: 'k' })).toBe('environment');
    expect(await secretSource(openai, 'apiKey', secrets({}), {})).toBe('none');
    expect(missingRequired(openai, { baseUrl: 'x' })).toEqual(['apiKey']);
    expect(missingRequired(openai, { apiKey: 'k' })).toEqual([]);
  });
});
