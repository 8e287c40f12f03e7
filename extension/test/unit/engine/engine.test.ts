// The engine over the real built-in provider packages (found by discovery in packages/), their real
// SDKs talking to the testkit's fake servers, and llama.cpp on a tiny GGUF.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { FakeAnthropicServer, FakeOpenAIServer, writeTinyGguf } from '@switchboard/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ExtensionSettings, parseSettings } from '../../../src/config/settings.js';
import { Engine, type EngineHost } from '../../../src/engine/engine.js';

const packagesDir = fileURLToPath(new URL('../../../../packages', import.meta.url));

describe('Engine', () => {
  let openai: FakeOpenAIServer;
  let anthropic: FakeAnthropicServer;
  let dir: string;
  let raw: Record<string, unknown>;
  let secrets: Record<string, string>;
  let logs: string[];
  let engine: Engine;

  const host = (): EngineHost => ({
    settings: (): ExtensionSettings => parseSettings((key) => raw[key]),
    readSecret: async (providerId, key) => secrets[`${providerId}.${key}`],
    pluginRoots: () => [{ path: packagesDir, source: 'bundled' }],
    storageDir: join(dir, 'storage'),
    env: {},
    log: (level, message) => logs.push(`${level} ${message}`),
  });

  beforeAll(async () => {
    openai = await new FakeOpenAIServer().start();
    anthropic = await new FakeAnthropicServer().start();
    dir = await mkdtemp(join(tmpdir(), 'switchboard-engine-'));
    await writeTinyGguf(join(dir, 'models', 'tiny.gguf'), { seed: 3 });
    raw = {
      providers: {
        openai: { baseUrl: openai.url },
        anthropic: { baseUrl: anthropic.url },
        ollama: { baseUrl: 'http://127.0.0.1:9' }, // nothing listens: Ollama "not running"
        llamacpp: { threads: '1', contextSize: '512' },
      },
      'local.modelsDir': join(dir, 'models'),
      'retries.maxAttempts': 1,
    };
    secrets = { 'openai.apiKey': 'sk-test-stored-key-123456' };
    logs = [];
    engine = await Engine.create(host());
  });

  afterAll(async () => {
    await engine?.dispose();
    await openai?.close();
    await anthropic?.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('lists the models of set-up providers only, and says why the others are not', async () => {
    const providers = await engine.providers();
    const state = (id: string) => providers.find((provider) => provider.id === id);
    expect(state('openai')).toMatchObject({ readiness: 'ready', keySource: 'secret-storage' });
    expect(state('anthropic')).toMatchObject({
      readiness: 'needs-setup',
      keySource: 'none',
      keyEnv: ['ANTHROPIC_API_KEY'],
    });
    expect(state('ollama')?.readiness).toBe('unavailable');
    expect(state('llamacpp')?.readiness).toBe('ready');
    expect(state('groq')?.readiness).toBe('needs-setup');

    const ids = (await engine.chatModels()).map((model) => model.id);
    expect(ids).toContain('openai/gpt-4o-mini');
    expect(ids).toContain('llamacpp/tiny');
    expect(ids.some((id) => id.startsWith('anthropic/'))).toBe(false);
    const mini = (await engine.models()).find((model) => model.id === 'openai/gpt-4o-mini');
    expect(mini?.pricing?.inputPerMTok).toBeGreaterThan(0);
    expect((await engine.models()).find((model) => model.id === 'llamacpp/tiny')?.pricing).toMatchObject({
      inputPerMTok: 0,
      outputPerMTok: 0,
    });
  });

  it('answers through the router, records usage, and logs without the key', async () => {
    openai.reply({ text: 'Hello from OpenAI.', usage: { inputTokens: 1000, outputTokens: 500 } });
    const response = await engine.switchboard.chat({
      model: 'openai/gpt-4o-mini',
      messages: [{ role: 'user', content: 'Hi' }],
    });
    expect(response.text).toBe('Hello from OpenAI.');
    expect(response.costUsd).toBeGreaterThan(0);
    const spend = await engine.spend();
    expect(spend.todayUsd).toBeCloseTo(response.costUsd ?? 0, 10);
    const usage = await engine.usage(1);
    expect(usage).toEqual([
      expect.objectContaining({ model: 'openai/gpt-4o-mini', requests: 1, inputTokens: 1000 }),
    ]);
    expect(logs.some((line) => line.includes('answered by openai/gpt-4o-mini'))).toBe(true);
    expect(logs.join('\n')).not.toContain('sk-test-stored-key-123456');
  });

  it('picks up a new key: the provider becomes ready and listeners hear of it', async () => {
    let changes = 0;
    const off = engine.onDidChangeModels(() => changes++);
    secrets['anthropic.apiKey'] = 'sk-ant-test';
    engine.keysChanged('anthropic');
    off();
    expect(changes).toBe(1);
    expect((await engine.chatModels()).some((model) => model.id.startsWith('anthropic/'))).toBe(true);
  });

  it('falls back along a configured chain and applies settings changes without a restart', async () => {
    raw = { ...raw, fallbacks: { 'openai/gpt-4o-mini': ['anthropic/claude-sonnet-5-5'] } };
    await engine.settingsChanged();
    openai.reply({ kind: 'error', status: 503, message: 'overloaded' });
    anthropic.reply({ text: 'Anthropic took over.' });
    const response = await engine.switchboard.chat({
      model: 'openai/gpt-4o-mini',
      messages: [{ role: 'user', content: 'Hi' }],
    });
    expect(response.text).toBe('Anthropic took over.');
    expect(response.model).toBe('anthropic/claude-sonnet-5-5');
    expect(response.fallbackFrom).toBe('openai/gpt-4o-mini');
    expect(
      logs.some((line) => line.includes('fallback openai/gpt-4o-mini → anthropic/claude-sonnet-5-5')),
    ).toBe(true);
  });

  it('finds a model for a capability, honouring a preferred one', async () => {
    expect(await engine.modelWith('imageGeneration')).toBe('openai/gpt-image-1');
    expect(await engine.modelWith('vision', 'openai/gpt-4o')).toBe('openai/gpt-4o');
    // A listed model that cannot see images is passed over for one that can.
    const vision = await engine.modelWith('vision', 'llamacpp/tiny');
    expect(vision).not.toBe('llamacpp/tiny');
    expect(vision).toMatch(/^(openai|anthropic)\//);
  });

  it('keeps feature hook listeners across settings changes until they detach', async () => {
    const seen: string[] = [];
    const detach = engine.onHooks((hooks) => hooks.on('usage', (event) => seen.push(event.model)));
    await engine.settingsChanged(); // a new Switchboard: the listener moves with it
    openai.reply({ text: 'one' });
    await engine.switchboard.chat({
      model: 'openai/gpt-4o-mini',
      messages: [{ role: 'user', content: 'Hi' }],
    });
    detach();
    openai.reply({ text: 'two' });
    await engine.switchboard.chat({
      model: 'openai/gpt-4o-mini',
      messages: [{ role: 'user', content: 'Hi' }],
    });
    expect(seen).toEqual(['openai/gpt-4o-mini']);
  });

  it('blocks a call over budget with a clear error', async () => {
    raw = { ...raw, fallbacks: {}, 'budget.dailyUsd': 0, 'budget.mode': 'block' };
    await engine.settingsChanged();
    const call = engine.switchboard.chat({
      model: 'openai/gpt-4o-mini',
      messages: [{ role: 'user', content: 'Hi' }],
    });
    await expect(call).rejects.toMatchObject({ kind: expect.stringMatching(/budget/) });
  });
});
