import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  adaptPlugin,
  checkApiVersion,
  PLUGIN_ADAPTERS,
  type PluginAdapterTable,
} from '../../src/plugin/index.js';
import type { ProviderPlugin } from '../../src/plugin/types.js';
import { discoverPlugins, ProviderRegistry } from '../../src/registry/index.js';
import { imports, removeDir, resetProbes, tempDir, writePackage } from './fixtures.js';

/** What a hypothetical plugin API v0 looked like: one provider, flat fields, model names only. */
const OLD_MODULE = `
globalThis.__sbImports ??= {};
globalThis.__sbImports['sb-old'] = (globalThis.__sbImports['sb-old'] ?? 0) + 1;
export default {
  apiVersion: 0,
  id: 'oldie',
  title: 'Old-timer',
  models: ['classic-1'],
  createChat: (model) => ({ provider: 'oldie', modelId: model, adapted: true, generate: async () => ({}), stream: async function* () {} }),
};
`;

interface V0Plugin {
  id: string;
  title: string;
  models: string[];
  createChat: (model: string) => never;
}

/** The adapter v2 of Switchboard would ship for v0 plugins. */
const v0Adapter = (raw: unknown): ProviderPlugin => {
  const old = raw as V0Plugin;
  return {
    apiVersion: 1,
    name: old.id,
    providers: [
      {
        id: old.id,
        displayName: old.title,
        listModels: async () => old.models.map((id) => ({ id, kind: 'chat' as const, capabilities: {} })),
        chatModel: (modelId) => old.createChat(modelId),
      },
    ],
  };
};

const withV0: PluginAdapterTable = { ...PLUGIN_ADAPTERS, 0: v0Adapter };

describe('plugin API versions', () => {
  let root: string;
  beforeEach(async () => {
    resetProbes();
    root = await tempDir();
    await writePackage(root, {
      folder: 'old',
      name: 'sb-old',
      manifest: { apiVersion: 0, providers: [{ id: 'oldie' }] },
      files: { 'index.js': OLD_MODULE },
    });
  });
  afterEach(() => removeDir(root));

  it('explains newer and older versions it cannot load', () => {
    expect(checkApiVersion(1)).toMatchObject({ ok: true });
    expect(checkApiVersion(2)).toEqual({
      ok: false,
      reason: 'needs a newer Switchboard (plugin API v2, this Switchboard speaks v1)',
    });
    expect(checkApiVersion(0)).toEqual({
      ok: false,
      reason:
        'was written for plugin API v0, which this Switchboard (plugin API v1) can no longer load; update the plugin',
    });
  });

  it('rejects an old plugin without an adapter, at discovery already', async () => {
    const { plugins, problems } = await discoverPlugins([root]);
    expect(plugins).toEqual([]);
    expect(problems[0]).toMatchObject({ kind: 'incompatible', packageName: 'sb-old' });
    expect(problems[0]?.reason).toContain('was written for plugin API v0');
  });

  it('loads an old plugin through an injected adapter, end to end', async () => {
    const discovered = await discoverPlugins([root], { adapters: withV0 });
    expect(discovered.problems).toEqual([]);
    const registry = new ProviderRegistry({ adapters: withV0 });
    registry.addDiscovered(discovered);
    expect(imports()).toEqual({});

    const model = await registry.chatModel('oldie/classic-1');
    expect(model).toMatchObject({ provider: 'oldie', modelId: 'classic-1', adapted: true });
    expect(await registry.getModelInfo('oldie/classic-1')).toMatchObject({ id: 'classic-1' });
    expect((await registry.getProvider('oldie')).displayName).toBe('Old-timer');
    expect(registry.list()[0]).toMatchObject({ name: 'sb-old', status: 'loaded' });
  });

  it('validates what an adapter returns, and reports an adapter that throws', () => {
    const sloppy: PluginAdapterTable = { ...PLUGIN_ADAPTERS, 0: () => ({ apiVersion: 1 }) as never };
    const bad = adaptPlugin({ apiVersion: 0 }, sloppy);
    expect(bad).toMatchObject({ ok: false, incompatible: false });
    expect(!bad.ok && bad.reason).toBe(
      'is not a valid Switchboard plugin: name must be a string; providers must be an array of provider definitions',
    );

    const throwing: PluginAdapterTable = {
      0: () => {
        throw new TypeError('no models field');
      },
    };
    const thrown = adaptPlugin({ apiVersion: 0 }, throwing);
    expect(!thrown.ok && thrown.reason).toBe(
      'could not be adapted from plugin API v0: TypeError: no models field',
    );
  });

  it('registers an in-memory old plugin through the adapter table too', async () => {
    const registry = new ProviderRegistry({ adapters: withV0 });
    const status = registry.register({
      apiVersion: 0,
      id: 'mem-old',
      title: 'Mem',
      models: ['x'],
      createChat: () => ({}) as never,
    } as unknown as ProviderPlugin);
    expect(status).toMatchObject({ name: 'mem-old', status: 'loaded', providerIds: ['mem-old'] });

    const strict = new ProviderRegistry();
    const refused = strict.register({ apiVersion: 3, name: 'future', providers: [] } as ProviderPlugin);
    expect(refused).toMatchObject({ status: 'incompatible' });
    expect(refused.reason).toBe(
      'Plugin "future" needs a newer Switchboard (plugin API v3, this Switchboard speaks v1).',
    );
  });
});
