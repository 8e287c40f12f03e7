// The staged built-in plugins, copied out of the workspace, found by the discovery of the bundled
// engine and answering through the testkit's fake vendor servers and a tiny GGUF model: what an
// installed .vsix does, without VS Code.
import { mkdir } from 'node:fs/promises';
import { join, relative } from 'node:path';
import type { ProviderRegistry, SettingsValues } from '@switchboard/core';
import {
  FakeAnthropicServer,
  FakeGeminiServer,
  type FakeHttpServer,
  FakeOllamaServer,
  FakeOpenAIServer,
  writeTinyGguf,
} from '@switchboard/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseSettings } from '../../../src/config/settings.js';
import { copyOfPlugins, EXTENSION_DIR, loadEngineBundle, PLUGIN_NAMES } from './dist.js';

const OPENAI_KEY = 'sk-proj-staged0123456789abcdefghijklmnopqrstuvwxyz';
const ANTHROPIC_KEY = 'sk-ant-staged-0123456789abcdef';
const GEMINI_KEY = 'AIzaSyStaged-gemini-key-0123456789abcdef';

const { core, Engine } = loadEngineBundle();
const { root, plugins } = await copyOfPlugins();
const modelsDir = join(root, 'models');
await mkdir(modelsDir);
await writeTinyGguf(join(modelsDir, 'tiny.gguf'), { seed: 1 });

const openai = new FakeOpenAIServer();
const anthropic = new FakeAnthropicServer({ apiKey: ANTHROPIC_KEY });
const gemini = new FakeGeminiServer();
const ollama = new FakeOllamaServer();
const servers = [openai, anthropic, gemini, ollama];
beforeAll(() => Promise.all(servers.map((server) => server.start())));
afterAll(() => Promise.all(servers.map((server) => server.close())));

function settingsFor(providerId: string): SettingsValues {
  switch (providerId) {
    case 'openai':
      return { apiKey: OPENAI_KEY, baseUrl: openai.url };
    case 'anthropic':
      return { apiKey: ANTHROPIC_KEY, baseUrl: anthropic.url };
    case 'gemini':
      return { apiKey: GEMINI_KEY, baseUrl: gemini.url };
    case 'ollama':
      return { baseUrl: ollama.url };
    default:
      return { modelsDir, threads: '1', contextSize: '1024' };
  }
}

describe('the staged plugins, outside the workspace', () => {
  let registry: ProviderRegistry;
  afterAll(() => registry?.dispose());

  it('lie outside the workspace, so nothing resolves from its node_modules', () => {
    expect(relative(EXTENSION_DIR, plugins).startsWith('..')).toBe(true);
    expect(relative(join(EXTENSION_DIR, '..'), plugins).startsWith('..')).toBe(true);
  });

  it('are all found by discovery, with no problems', async () => {
    const found = await core.discoverPlugins([{ path: plugins, source: 'bundled' }]);
    expect(found.problems).toEqual([]);
    expect(found.plugins.map((plugin) => relative(plugins, plugin.dir)).sort()).toEqual(PLUGIN_NAMES);
    expect(found.plugins.flatMap((plugin) => plugin.manifest.providers.map((p) => p.id))).toEqual(
      expect.arrayContaining(['openai', 'groq', 'anthropic', 'gemini', 'ollama', 'llamacpp']),
    );
    registry = new core.ProviderRegistry({ resolveSettings: (provider) => settingsFor(provider.id) });
    registry.addDiscovered(found);
    expect(registry.list().every((status) => status.status === 'discovered')).toBe(true);
  });

  const cases: Array<[provider: string, model: string, server: FakeHttpServer]> = [
    ['openai', 'openai/gpt-4o-mini', openai],
    ['anthropic', 'anthropic/claude-haiku-4-5', anthropic],
    ['gemini', 'gemini/gemini-2.5-flash', gemini],
    ['ollama', 'ollama/llama3.2', ollama],
  ];
  for (const [provider, model, server] of cases) {
    it(`serve ${provider} chat through its real SDK, inlined in the plugin`, async () => {
      server.reply({ text: `Hello from ${provider}.` });
      const answer = await (await registry.chatModel(model)).generate({
        messages: [{ role: 'user', content: 'Hi' }],
      });
      expect(answer.text).toBe(`Hello from ${provider}.`);
      expect(server.requests).toHaveLength(1);
      expect(registry.list().find((status) => status.providerIds.includes(provider))?.status).toBe('loaded');
    });
  }

  it('serve llamacpp on a tiny GGUF through the staged worker and node-llama-cpp', async () => {
    expect((await registry.listModels('llamacpp')).map((model) => model.id)).toEqual(['llamacpp/tiny']);
    const answer = await (await registry.chatModel('llamacpp/tiny')).generate({
      messages: [{ role: 'user', content: 'Hi' }],
      maxTokens: 3,
    });
    expect(answer.usage.outputTokens).toBe(3);
    expect(answer.metadata).toMatchObject({ chatWrapper: expect.any(String) });
  }, 60_000);

  it("raise errors that the engine's own copy of core recognises by their brand", async () => {
    const wrongKey = new core.ProviderRegistry({
      resolveSettings: () => ({ apiKey: 'sk-ant-wrong-key-0000', baseUrl: anthropic.url }),
    });
    wrongKey.addDiscovered(await core.discoverPlugins([plugins]));
    const model = await wrongKey.chatModel('anthropic/claude-haiku-4-5');
    const error = await model.generate({ messages: [{ role: 'user', content: 'Hi' }] }).catch((e) => e);
    await wrongKey.dispose();
    expect(error).not.toBeInstanceOf(core.SwitchboardError); // another copy of core made it
    expect(core.isSwitchboardError(error)).toBe(true);
    expect(error).toMatchObject({ kind: 'authentication', provider: 'anthropic' });
    expect(String(error.message)).not.toContain('sk-ant-wrong-key-0000');
  });
});

describe('the bundled engine on the staged plugins', () => {
  it('answers a chat the way the extension runs it', async () => {
    openai.reply({ text: 'Routed through the engine.' });
    const settings = parseSettings((key) =>
      key === 'providers'
        ? { openai: { baseUrl: openai.url } }
        : key === 'local.modelsDir'
          ? modelsDir
          : undefined,
    );
    const logs: string[] = [];
    const engine = await Engine.create({
      settings: () => settings,
      readSecret: async () => undefined,
      pluginRoots: () => [{ path: plugins, source: 'bundled' }],
      storageDir: join(root, 'storage'),
      env: { OPENAI_API_KEY: OPENAI_KEY },
      log: (level, message) => logs.push(`${level}: ${message}`),
    });
    try {
      expect(engine.plugins().problems).toEqual([]);
      const response = await engine.switchboard.chat({
        model: 'openai/gpt-4o-mini',
        messages: [{ role: 'user', content: 'Hi' }],
      });
      expect(response).toMatchObject({ text: 'Routed through the engine.', model: 'openai/gpt-4o-mini' });
      expect(openai.requests.at(-1)?.headers.authorization).toBe(`Bearer ${OPENAI_KEY}`);
    } finally {
      await engine.dispose();
    }
  });
});
