import { readFileSync } from 'node:fs';
import { ProviderRegistry, resolveSettingsFromEnv } from '@switchboard/core';
import { afterEach, describe, expect, it, vi } from 'vitest';
import plugin from '../src/index.js';
import {
  API_KEY,
  chatModel,
  collect,
  context,
  failureOf,
  provider,
  settingsFor,
  useFakeServer,
} from './helpers.js';

const fake = useFakeServer();
const messages = [{ role: 'user' as const, content: 'Hi' }];

/** provider id -> [key env vars, base URL env vars, default base URL, local]. */
const table: Array<[string, string[], string[], string | undefined, boolean]> = [
  ['openai', ['OPENAI_API_KEY'], ['OPENAI_BASE_URL'], 'https://api.openai.com/v1', false],
  [
    'azure',
    ['AZURE_API_KEY', 'AZURE_OPENAI_API_KEY'],
    ['AZURE_API_BASE', 'AZURE_OPENAI_ENDPOINT'],
    undefined,
    false,
  ],
  ['lmstudio', [], ['LM_STUDIO_BASE_URL'], 'http://127.0.0.1:1234/v1', true],
  ['vllm', ['VLLM_API_KEY'], ['VLLM_BASE_URL'], 'http://127.0.0.1:8000/v1', true],
  ['groq', ['GROQ_API_KEY'], ['GROQ_BASE_URL'], 'https://api.groq.com/openai/v1', false],
  ['openrouter', ['OPENROUTER_API_KEY'], ['OPENROUTER_BASE_URL'], 'https://openrouter.ai/api/v1', false],
  ['deepseek', ['DEEPSEEK_API_KEY'], ['DEEPSEEK_BASE_URL'], 'https://api.deepseek.com/v1', false],
  [
    'together',
    ['TOGETHER_API_KEY', 'TOGETHERAI_API_KEY'],
    ['TOGETHER_BASE_URL'],
    'https://api.together.xyz/v1',
    false,
  ],
  ['mistral', ['MISTRAL_API_KEY'], ['MISTRAL_BASE_URL'], 'https://api.mistral.ai/v1', false],
  ['xai', ['XAI_API_KEY'], ['XAI_BASE_URL'], 'https://api.x.ai/v1', false],
  [
    'fireworks',
    ['FIREWORKS_API_KEY', 'FIREWORKS_AI_API_KEY'],
    ['FIREWORKS_BASE_URL'],
    'https://api.fireworks.ai/inference/v1',
    false,
  ],
  ['openai-compatible', ['OPENAI_COMPATIBLE_API_KEY'], ['OPENAI_COMPATIBLE_BASE_URL'], undefined, false],
];
const keyRequired = new Set([
  'openai',
  'azure',
  'groq',
  'openrouter',
  'deepseek',
  'together',
  'mistral',
  'xai',
  'fireworks',
]);

afterEach(() => {
  vi.unstubAllEnvs();
});

describe('presets', () => {
  it('serves exactly the provider ids its package.json manifest lists', () => {
    const manifest = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {
      switchboard: { providers: Array<{ id: string; local?: boolean }> };
    };
    expect(manifest.switchboard.providers.map((p) => p.id)).toEqual(plugin.providers.map((p) => p.id));
    expect(manifest.switchboard.providers.filter((p) => p.local).map((p) => p.id)).toEqual([
      'lmstudio',
      'vllm',
    ]);
  });

  it.each(table)(
    '%s resolves its env vars and default base URL',
    (id, keyEnv, baseEnv, defaultBase, local) => {
      const definition = provider(id);
      const apiKey = definition.settings?.find((s) => s.key === 'apiKey');
      const baseUrl = definition.settings?.find((s) => s.key === 'baseUrl');
      expect(apiKey?.env ?? []).toEqual(keyEnv);
      expect(apiKey?.secret ?? true).toBe(true);
      expect(apiKey?.required ?? false).toBe(keyRequired.has(id));
      expect(baseUrl?.env).toEqual(baseEnv);
      expect(baseUrl?.default).toBe(defaultBase);
      expect(baseUrl?.required).toBe(defaultBase === undefined);
      expect(definition.local ?? false).toBe(local);

      expect(resolveSettingsFromEnv(definition, {}).baseUrl).toBe(defaultBase);
      const env: Record<string, string> = {};
      if (keyEnv.at(-1)) env[keyEnv.at(-1) as string] = 'key-from-env';
      if (baseEnv.at(-1)) env[baseEnv.at(-1) as string] = 'https://env.example/v1';
      const resolved = resolveSettingsFromEnv(definition, env);
      expect(resolved.baseUrl).toBe('https://env.example/v1');
      if (keyEnv.length) expect(resolved.apiKey).toBe('key-from-env');
    },
  );

  it('resolves the Azure API version from AZURE_API_VERSION, with a GA default', () => {
    expect(resolveSettingsFromEnv(provider('azure'), {}).apiVersion).toBe('2024-10-21');
    expect(
      resolveSettingsFromEnv(provider('azure'), { AZURE_API_VERSION: '2025-04-01-preview' }).apiVersion,
    ).toBe('2025-04-01-preview');
  });

  it.each([...keyRequired])(
    '%s without a key fails with an authentication error naming the env var and the command',
    async (id) => {
      const model = provider(id).chatModel?.('some-model', context({ baseUrl: fake.server.url }));
      const error = await failureOf(model?.generate({ messages }) ?? Promise.resolve());
      expect(error.kind).toBe('authentication');
      const envVar = table.find(([candidate]) => candidate === id)?.[1][0] ?? '';
      expect(error.userMessage).toContain(envVar);
      expect(error.userMessage).toContain('Switchboard: Set API Key');
      expect(fake.server.requests).toHaveLength(0);
    },
  );

  it('groq sends its key as a bearer token to the OpenAI paths', async () => {
    fake.server.reply({ text: 'fast' });
    const result = await chatModel(fake.server, 'llama-3.3-70b-versatile', 'groq').generate({ messages });
    expect(result.text).toBe('fast');
    const request = fake.server.lastRequestTo('/chat/completions');
    expect(request?.headers.authorization).toBe(`Bearer ${API_KEY}`);
    expect(request?.body).toMatchObject({ model: 'llama-3.3-70b-versatile' });
  });

  it('openrouter keeps the slashes of a model id that came through the registry', async () => {
    const registry = new ProviderRegistry({
      resolveSettings: (definition) =>
        definition.id === 'openrouter' ? settingsFor(fake.server, 'openrouter') : {},
    });
    registry.register(plugin);
    const model = await registry.chatModel('openrouter/anthropic/claude-3.5-sonnet');
    const events = await collect(model.stream({ messages }));
    expect(events.at(-1)).toEqual({ type: 'finish', reason: 'stop' });
    const request = fake.server.lastRequestTo('/chat/completions');
    expect(fake.server.lastChatRequest()?.model).toBe('anthropic/claude-3.5-sonnet');
    expect(request?.headers['x-title']).toBe('Switchboard');
    const info = await registry.getModelInfo('openrouter/anthropic/claude-3.5-sonnet');
    expect(info?.capabilities.vision).toBe(true);
  });

  it('azure calls the deployment path with api-version and the api-key header', async () => {
    fake.server.reply({ text: 'from azure' }, { text: 'streamed from azure' });
    const model = chatModel(fake.server, 'my-gpt-4o', 'azure', { apiVersion: '2025-01-01-preview' });
    expect((await model.generate({ messages })).text).toBe('from azure');
    const events = await collect(model.stream({ messages }));
    expect(events.at(-1)).toEqual({ type: 'finish', reason: 'stop' });
    for (const request of fake.server.requests) {
      expect(request.path).toBe('/openai/deployments/my-gpt-4o/chat/completions');
      expect(request.query['api-version']).toBe('2025-01-01-preview');
      expect(request.headers['api-key']).toBe(API_KEY);
      expect(request.headers.authorization).toBeUndefined();
    }
    expect(fake.server.lastChatRequest()).toMatchObject({ model: 'my-gpt-4o', stream: true });
  });

  it('azure accepts an endpoint that already ends in /openai', async () => {
    const model = chatModel(fake.server, 'dep', 'azure', { baseUrl: `${fake.server.origin}/openai/` });
    await model.generate({ messages });
    expect(fake.server.lastRequestTo('/chat/completions')?.path).toBe(
      '/openai/deployments/dep/chat/completions',
    );
  });

  it('azure applies OpenAI’s reasoning-model rules to deployments named after them', async () => {
    await chatModel(fake.server, 'o3-mini', 'azure').generate({ messages, maxTokens: 100 });
    expect(fake.server.lastRequestTo('/chat/completions')?.body).toMatchObject({
      max_completion_tokens: 100,
    });
  });

  it('openai-compatible needs a base URL and works without a key (no Authorization header)', async () => {
    const missing = await failureOf(
      provider('openai-compatible').chatModel?.('m', context({})).generate({ messages }) ?? Promise.resolve(),
    );
    expect(missing.kind).toBe('invalid-request');
    expect(missing.userMessage).toContain('OPENAI_COMPATIBLE_BASE_URL');

    const keyless = provider('openai-compatible').chatModel?.('m', context({ baseUrl: fake.server.url }));
    await keyless?.generate({ messages });
    expect(fake.server.lastRequestTo('/chat/completions')?.headers.authorization).toBeUndefined();

    await chatModel(fake.server, 'm', 'openai-compatible').generate({ messages });
    expect(fake.server.lastRequestTo('/chat/completions')?.headers.authorization).toBe(`Bearer ${API_KEY}`);
  });

  it('mistral gets random_seed and no stream_options', async () => {
    await collect(chatModel(fake.server, 'mistral-small-latest', 'mistral').stream({ messages, seed: 42 }));
    const body = fake.server.lastRequestTo('/chat/completions')?.body;
    expect(body).toMatchObject({ random_seed: 42 });
    expect(body).not.toHaveProperty('seed');
    expect(body).not.toHaveProperty('stream_options');
  });

  it('never lets the SDK’s OpenAI env vars leak into another service’s requests', async () => {
    vi.stubEnv('OPENAI_API_KEY', 'sk-should-never-be-sent-0000000000');
    vi.stubEnv('OPENAI_BASE_URL', 'http://127.0.0.1:9/never');
    vi.stubEnv('OPENAI_ORG_ID', 'org-should-not-leak');
    await chatModel(fake.server, 'llama-3.1-8b-instant', 'groq').generate({ messages });
    const request = fake.server.lastRequestTo('/chat/completions');
    expect(request?.headers.authorization).toBe(`Bearer ${API_KEY}`);
    expect(request?.headers['openai-organization']).toBeUndefined();
  });

  it('sends the OpenAI organization and project when set', async () => {
    await chatModel(fake.server, 'gpt-4o-mini', 'openai', {
      organization: 'org-1',
      project: 'proj-1',
    }).generate({
      messages,
    });
    const request = fake.server.lastRequestTo('/chat/completions');
    expect(request?.headers['openai-organization']).toBe('org-1');
    expect(request?.headers['openai-project']).toBe('proj-1');
  });

  it('offers embedding, image and speech models only where the service has them', () => {
    const kinds = (id: string) =>
      (['embeddingModel', 'imageModel', 'speechModel'] as const).filter(
        (k) => typeof provider(id)[k] === 'function',
      );
    expect(kinds('openai')).toEqual(['embeddingModel', 'imageModel', 'speechModel']);
    expect(kinds('azure')).toEqual(['embeddingModel', 'imageModel', 'speechModel']);
    expect(kinds('deepseek')).toEqual([]);
    expect(kinds('groq')).toEqual([]);
    expect(kinds('mistral')).toEqual(['embeddingModel']);
    expect(kinds('xai')).toEqual(['imageModel']);
  });
});
