import { mkdtemp, rm, symlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { discoverPlugins, ProviderRegistry } from '@switchboard/core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { FakeCohereServer } from './fake-cohere-server.js';

const packageDir = fileURLToPath(new URL('..', import.meta.url));

// How a user installs this package: linked (or copied) into a plugin folder that Switchboard scans.
describe('discovery from a plugin folder', () => {
  /** @type {string} */
  let pluginFolder;
  /** @type {FakeCohereServer} */
  let server;

  beforeAll(async () => {
    pluginFolder = await mkdtemp(path.join(tmpdir(), 'switchboard-plugins-'));
    await symlink(packageDir, path.join(pluginFolder, 'switchboard-provider-cohere'), 'dir');
    server = await new FakeCohereServer().start();
  });

  afterAll(async () => {
    await server.close();
    await rm(pluginFolder, { recursive: true, force: true });
  });

  it('finds the package by its manifest without importing it, then loads it on first use', async () => {
    const found = await discoverPlugins([{ path: pluginFolder, source: 'user' }]);
    expect(found.problems).toEqual([]);
    expect(found.plugins).toHaveLength(1);
    expect(found.plugins[0]).toMatchObject({
      packageName: 'switchboard-provider-cohere',
      manifest: { apiVersion: 1, providers: [{ id: 'cohere', displayName: 'Cohere (example)' }] },
      source: 'user',
    });
    expect(found.plugins[0]?.entryPath).toBe(
      path.join(pluginFolder, 'switchboard-provider-cohere', 'index.js'),
    );

    const registry = new ProviderRegistry({
      resolveSettings: () => ({ apiKey: 'co-discovery-2b7e1f0c', baseUrl: server.url }),
    });
    registry.addDiscovered(found);
    expect(registry.providerIds()).toEqual(['cohere']);
    expect(registry.list()[0]?.status).toBe('discovered'); // nothing imported yet

    server.reply({ text: 'Hello from Cohere.' });
    const model = await registry.chatModel('cohere/command-a-03-2025');
    expect((await model.generate({ messages: [{ role: 'user', content: 'Hi' }] })).text).toBe(
      'Hello from Cohere.',
    );
    expect(registry.list()[0]?.status).toBe('loaded');
    await registry.dispose();
  });

  it('takes the API key and base URL from the environment when the user set none', async () => {
    vi.stubEnv('CO_API_KEY', 'co-from-env-5d1a9e33');
    vi.stubEnv('COHERE_BASE_URL', server.url);
    try {
      const registry = new ProviderRegistry(); // settings from env vars, then defaults
      registry.addDiscovered(await discoverPlugins([pluginFolder]));
      server.reply({ text: 'Configured by env.' });
      const model = await registry.chatModel('cohere/command-a-03-2025');
      expect((await model.generate({ messages: [{ role: 'user', content: 'Hi' }] })).text).toBe(
        'Configured by env.',
      );
      expect(server.requests.at(-1)?.headers.authorization).toBe('Bearer co-from-env-5d1a9e33');
      await registry.dispose();
    } finally {
      vi.unstubAllEnvs();
    }
  });
});
