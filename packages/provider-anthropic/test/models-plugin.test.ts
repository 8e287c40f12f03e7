import { readFileSync } from 'node:fs';
import { PLUGIN_API_VERSION, ProviderRegistry, resolveSettingsFromEnv } from '@switchboard/core';
import { FakeAnthropicServer, fakeModel } from '@switchboard/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import plugin, { anthropicModels, anthropicProvider } from '../src/index.js';
import { API_KEY, ask, collect, failure, useFakeAnthropic } from './helpers.js';

const fake = useFakeAnthropic();

describe('listModels', () => {
  it('without live, returns the static Claude list and sends nothing', async () => {
    const models = await anthropicProvider.listModels({ settings: {} });
    expect(models.map((m) => m.id)).toContain('claude-opus-5-5');
    expect(models.map((m) => m.id)).toContain('claude-haiku-4-5');
    for (const model of models) {
      expect(model.kind).toBe('chat');
      expect(model.contextWindow).toBeGreaterThan(0);
      expect(model.maxOutputTokens).toBeGreaterThan(0);
      expect(model.capabilities).toMatchObject({ vision: true, tools: true });
      expect(model.unsupportedOptions).toEqual(['temperature', 'topP', 'seed']);
      expect(model.capabilities.embeddings ?? false).toBe(false);
    }
    expect(models.find((m) => m.id === 'claude-haiku-4-5')).toMatchObject({
      contextWindow: 200_000,
      maxOutputTokens: 64_000,
    });
    expect(anthropicModels()).toEqual(models);
    expect(fake.server.requests).toHaveLength(0);
  });

  it('live: follows every page of GET /v1/models and merges the answers with the static table', async () => {
    const paged = new FakeAnthropicServer({ apiKey: API_KEY, modelsPageSize: 2 });
    await paged.start();
    try {
      paged.setModels([
        fakeModel('claude-fable-5-2', { displayName: 'Claude Fable 5.2' }),
        fakeModel('claude-opus-5-5', { displayName: 'Claude Opus 5.5 (live)', maxInputTokens: 500_000 }),
        fakeModel('claude-sonnet-5-5'),
        fakeModel('claude-brand-new', { displayName: 'Brand New', maxTokens: 32_000, thinking: false }),
        fakeModel('claude-haiku-5-5', { structuredOutputs: false }),
      ]);
      const models = await anthropicProvider.listModels(
        { settings: { apiKey: API_KEY, baseUrl: paged.url } },
        { live: true },
      );
      expect(models.map((m) => m.id)).toEqual([
        'claude-fable-5-2',
        'claude-opus-5-5',
        'claude-sonnet-5-5',
        'claude-brand-new',
        'claude-haiku-5-5',
      ]);
      const pages = paged.requests.filter((r) => r.path === '/v1/models');
      expect(pages.map((r) => r.query.after_id)).toEqual([undefined, 'claude-opus-5-5', 'claude-brand-new']);
      const opus = models.find((m) => m.id === 'claude-opus-5-5');
      expect(opus).toMatchObject({
        displayName: 'Claude Opus 5.5 (live)',
        contextWindow: 500_000,
        qualityRank: 96,
      });
      expect(models.find((m) => m.id === 'claude-brand-new')).toMatchObject({
        kind: 'chat',
        displayName: 'Brand New',
        maxOutputTokens: 32_000,
        capabilities: { tools: true, vision: true, reasoning: false },
        unsupportedOptions: ['temperature', 'topP', 'seed'],
      });
      expect(models.find((m) => m.id === 'claude-haiku-5-5')?.capabilities.json).toBe(false);
    } finally {
      await paged.close();
    }
  });

  it('live: errors are Switchboard errors (a bad key is authentication)', async () => {
    const error = await failure(() =>
      anthropicProvider.listModels(
        { settings: { apiKey: 'sk-ant-bad-0000000000', baseUrl: fake.server.url } },
        { live: true },
      ),
    );
    expect(error.kind).toBe('authentication');
  });

  it('what the live list teaches about thinking applies to later requests', async () => {
    fake.server.setModels([fakeModel('claude-sonnet-5-5')]);
    await anthropicProvider.listModels({ settings: fake.settings() }, { live: true });
    fake.server.reply({ text: 'ok' });
    // The fake reports thinking.types.enabled unsupported, so a budget becomes adaptive thinking.
    await fake
      .model()
      .generate(ask('Think.', { providerOptions: { anthropic: { thinking: { budgetTokens: 2048 } } } }));
    expect(fake.lastBody().thinking).toMatchObject({ type: 'adaptive' });
  });
});

describe('the plugin', () => {
  it('is a valid plugin whose manifest lists every provider it serves', () => {
    expect(plugin.apiVersion).toBe(PLUGIN_API_VERSION);
    expect(plugin.name).toBe('@switchboard/provider-anthropic');
    const manifest = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {
      switchboard: { providers: Array<{ id: string }> };
    };
    expect(manifest.switchboard.providers.map((p) => p.id)).toEqual(plugin.providers.map((p) => p.id));
    expect(plugin.providers.map((p) => p.id)).toEqual(['anthropic']);
  });

  it('declares its settings with the documented environment variables and a secret key', () => {
    expect(anthropicProvider.settings).toEqual([
      expect.objectContaining({ key: 'apiKey', secret: true, env: ['ANTHROPIC_API_KEY'] }),
      expect.objectContaining({
        key: 'baseUrl',
        env: ['ANTHROPIC_BASE_URL'],
        default: 'https://api.anthropic.com',
      }),
    ]);
  });

  it('has no embedding, image or speech models (Anthropic offers none)', () => {
    expect(anthropicProvider.embeddingModel).toBeUndefined();
    expect(anthropicProvider.imageModel).toBeUndefined();
    expect(anthropicProvider.speechModel).toBeUndefined();
  });

  describe('loaded by the registry, configured from the environment', () => {
    let registry: ProviderRegistry;
    beforeAll(() => {
      registry = new ProviderRegistry({
        resolveSettings: (provider) =>
          resolveSettingsFromEnv(provider, {
            ANTHROPIC_API_KEY: API_KEY,
            ANTHROPIC_BASE_URL: fake.server.url,
          }),
      });
      registry.register(plugin);
    });
    afterAll(() => registry.dispose());

    it('streams a chat through anthropic/<model>', async () => {
      fake.server.reply({ text: 'Through the registry.' });
      const model = await registry.chatModel('anthropic/claude-opus-5-5');
      const events = await collect(model.stream(ask('Hi.')));
      expect(events.at(-1)).toEqual({ type: 'finish', reason: 'stop' });
      expect(fake.server.lastChatRequest()?.model).toBe('claude-opus-5-5');
      expect(fake.server.lastApiKey()).toBe(API_KEY);
    });

    it('says it has no embedding models when asked for one', async () => {
      await expect(registry.embeddingModel('anthropic/claude-opus-5-5')).rejects.toMatchObject({
        kind: 'invalid-request',
      });
    });

    it('knows the model info for routing', async () => {
      expect(await registry.getModelInfo('anthropic/claude-sonnet-5-5')).toMatchObject({
        contextWindow: 1_000_000,
        capabilities: { vision: true, tools: true, json: true, reasoning: true },
      });
    });
  });
});
