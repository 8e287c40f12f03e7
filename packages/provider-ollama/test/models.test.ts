import { readFile } from 'node:fs/promises';
import { ProviderRegistry, resolveSettingsFromEnv, Switchboard } from '@switchboard/core';
import { DEFAULT_FAKE_OLLAMA_MODELS, type FakeOllamaModel } from '@switchboard/testkit';
import { describe, expect, it } from 'vitest';
import plugin from '../src/index.js';
import { failure, useOllama } from './helpers.js';

describe('ollama listModels', () => {
  const ollama = useOllama();

  it('lists the pulled models with capabilities and context window from /api/show, local and free', async () => {
    const models = await ollama.provider.listModels(ollama.settings(), { live: true });
    expect(models.map((m) => m.id)).toEqual(['llama3.2', 'llava:7b', 'qwen3:8b', 'nomic-embed-text']);
    expect(models[0]).toEqual({
      id: 'llama3.2',
      displayName: 'llama3.2:latest (3.2B Q4_K_M)',
      kind: 'chat',
      capabilities: { vision: false, tools: true, json: true, embeddings: false, reasoning: false },
      contextWindow: 131072,
      local: true,
      pricing: { inputPerMTok: 0, outputPerMTok: 0 },
    });
    expect(models[1]?.capabilities).toMatchObject({ vision: true, tools: false });
    expect(models[2]?.capabilities).toMatchObject({ tools: true, reasoning: true });
    expect(models[3]).toMatchObject({
      kind: 'embedding',
      capabilities: { embeddings: true },
      contextWindow: 2048,
    });
  });

  it('asks /api/show once per model, and again only after a re-pull changes the digest', async () => {
    const shows = () => ollama.server.requests.filter((r) => r.path === '/api/show').length;
    await ollama.provider.listModels(ollama.settings(), { live: true });
    expect(shows()).toBe(4);
    await ollama.provider.listModels(ollama.settings(), { live: true });
    expect(shows()).toBe(4);
    const [first, ...rest] = ollama.server.models;
    if (!first) throw new Error('no model');
    ollama.server.models = [{ ...first, digest: 'ab'.repeat(32), contextLength: 8192 }, ...rest];
    const models = await ollama.provider.listModels(ollama.settings(), { live: true });
    expect(shows()).toBe(5);
    expect(models[0]?.contextWindow).toBe(8192);
  });

  it('claims no capabilities when the server is too old to report them', async () => {
    ollama.server.models = [
      { ...DEFAULT_FAKE_OLLAMA_MODELS[0], name: 'old:latest', capabilities: undefined } as FakeOllamaModel,
    ];
    const [model] = await ollama.provider.listModels(ollama.settings(), { live: true });
    expect(model).toMatchObject({ id: 'old', kind: 'chat', capabilities: {}, contextWindow: 131072 });
  });

  it('still lists a model whose /api/show fails, claiming nothing, and asks again next time', async () => {
    ollama.server.failShow({ kind: 'error', status: 500 });
    const failed = await ollama.provider.listModels(ollama.settings(), { live: true });
    expect(failed[1]).toMatchObject({ id: 'llava:7b', capabilities: {} });
    expect(failed[1]?.contextWindow).toBeUndefined();
    ollama.server.failShow(undefined);
    const listed = await ollama.provider.listModels(ollama.settings(), { live: true });
    expect(listed[1]).toMatchObject({ capabilities: { vision: true }, contextWindow: 4096 });
  });

  it('maps a failing /api/tags into the taxonomy', async () => {
    ollama.server.failModelList({ kind: 'error', status: 500, message: 'disk on fire' });
    const error = await failure(() => ollama.provider.listModels(ollama.settings(), { live: true }));
    expect(error).toMatchObject({
      kind: 'service-unavailable',
      message: 'ollama answered 500: disk on fire',
    });
  });

  it('cancels a listing with the caller’s signal', async () => {
    ollama.server.failModelList({ kind: 'error', status: 500, faults: { hang: true } });
    const controller = new AbortController();
    const pending = failure(() =>
      ollama.provider.listModels(ollama.settings(), { live: true, signal: controller.signal }),
    );
    setTimeout(() => controller.abort(), 50);
    expect((await pending).kind).toBe('cancelled');
  });
});

describe('ollama embeddings', () => {
  const ollama = useOllama();

  it('embeds several inputs in one /api/embed call with usage', async () => {
    ollama.server.reply({
      embeddings: [
        [0.1, 0.2],
        [0.3, 0.4],
      ],
      usage: { inputTokens: 8, outputTokens: 0 },
    });
    const result = await ollama
      .embedder()
      .embed(['Why is the sky blue?', 'Why is grass green?'], { dimensions: 2 });
    expect(result).toEqual({
      embeddings: [
        [0.1, 0.2],
        [0.3, 0.4],
      ],
      usage: { inputTokens: 8 },
    });
    const body = ollama.server.requests.at(-1);
    expect(body?.path).toBe('/api/embed');
    expect(body?.body).toEqual({
      model: 'nomic-embed-text',
      input: ['Why is the sky blue?', 'Why is grass green?'],
      dimensions: 2,
    });
  });

  it('sends nothing for no inputs', async () => {
    expect(await ollama.embedder().embed([])).toEqual({ embeddings: [] });
    expect(ollama.server.requests).toHaveLength(0);
  });

  it('maps a missing embedding model to not-found with the pull hint', async () => {
    ollama.server.reply({ kind: 'error', status: 404 });
    const error = await failure(() => ollama.embedder('mxbai-embed-large').embed(['x']));
    expect(error.kind).toBe('not-found');
    expect(error.hint).toContain('ollama pull mxbai-embed-large');
  });

  it('cancels an embedding on abort (the client itself takes no signal for embed)', async () => {
    ollama.server.reply({ faults: { hang: true } });
    const controller = new AbortController();
    const pending = failure(() => ollama.embedder().embed(['x'], { signal: controller.signal }));
    setTimeout(() => controller.abort(), 50);
    expect((await pending).kind).toBe('cancelled');
  });
});

describe('the ollama plugin', () => {
  const ollama = useOllama();

  it('serves the provider ids its manifest declares, local and keyless', async () => {
    const manifest = JSON.parse(await readFile(new URL('../package.json', import.meta.url), 'utf8')) as {
      switchboard: { providers: Array<{ id: string }> };
    };
    expect(plugin.providers.map((p) => p.id)).toEqual(manifest.switchboard.providers.map((p) => p.id));
    const [provider] = plugin.providers;
    expect(provider).toMatchObject({ id: 'ollama', local: true });
    expect(provider?.settings?.map((s) => [s.key, s.env, s.secret ?? false, s.required ?? false])).toEqual([
      ['baseUrl', ['OLLAMA_HOST'], false, false],
      ['apiKey', ['OLLAMA_API_KEY'], true, false],
    ]);
    expect(provider?.imageModel).toBeUndefined();
  });

  it('works through core: settings from OLLAMA_HOST, routing, zero cost and model info', async () => {
    const registry = new ProviderRegistry({
      // The env the user would have: OLLAMA_HOST without a scheme, as `ollama serve` documents it.
      resolveSettings: (provider) =>
        resolveSettingsFromEnv(provider, { OLLAMA_HOST: ollama.server.url.replace('http://', '') }),
    });
    registry.register(plugin);
    const sb = new Switchboard({ registry, defaultModel: 'ollama/llama3.2' });
    ollama.server.reply({ text: 'Hello from core.' });
    const answer = await sb.chat({ messages: [{ role: 'user', content: 'hi' }] });
    expect(answer).toMatchObject({
      text: 'Hello from core.',
      model: 'ollama/llama3.2',
      finishReason: 'stop',
    });
    expect(answer.costUsd).toBe(0);
    const info = await registry.getModelInfo('ollama/llava:7b');
    expect(info?.capabilities.vision).toBe(true);
  });

  it('lets core’s first-token timeout cut a stalled Ollama stream', async () => {
    const registry = new ProviderRegistry({ resolveSettings: () => ({ baseUrl: ollama.server.url }) });
    registry.register(plugin);
    const sb = new Switchboard({
      registry,
      defaultModel: 'ollama/llama3.2',
      execution: { retry: { maxAttempts: 1 }, timeouts: { firstTokenMs: 200 } },
    });
    ollama.server.reply({ text: 'never', faults: { stallAfterChunks: 0 } });
    const error = await failure(() => sb.chat({ messages: [{ role: 'user', content: 'hi' }] }));
    expect(error.kind).toBe('timeout');
    await expect.poll(() => ollama.server.requests.find((r) => r.path === '/api/chat')?.aborted).toBe(true);
  });
});
