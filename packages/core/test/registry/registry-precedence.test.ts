import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ProviderPlugin } from '../../src/plugin/types.js';
import { discoverPlugins, ProviderRegistry, type RegistryChange } from '../../src/registry/index.js';
import { buildWorld, imports, removeDir, resetProbes, type World } from './fixtures.js';

/** An in-memory plugin, as the extension registers its built-ins: a plain object. */
function memoryPlugin(name: string, ids: string[], onDispose?: (id: string) => void): ProviderPlugin {
  return {
    apiVersion: 1,
    name,
    providers: ids.map((id) => ({
      id,
      displayName: id,
      listModels: async () => [{ id: 'm', kind: 'chat' as const, capabilities: {} }],
      chatModel: (modelId: string) => ({
        provider: id,
        modelId,
        plugin: name,
        generate: async () => ({}) as never,
        stream: async function* () {},
      }),
      dispose: () => onDispose?.(id),
    })),
  };
}

describe('ProviderRegistry: precedence between plugins claiming one provider id', () => {
  let world: World;
  beforeEach(async () => {
    resetProbes();
    world = await buildWorld();
  });
  afterEach(() => removeDir(world.base));

  const discoverBoth = (first: string, second: string) =>
    discoverPlugins([
      { path: first, source: first === world.rootA ? 'bundled' : 'user' },
      { path: second, source: second === world.rootA ? 'bundled' : 'user' },
    ]);

  it('gives the id to the plugin of the earlier root, and lists the other as shadowed by it', async () => {
    const registry = new ProviderRegistry();
    registry.addDiscovered(await discoverBoth(world.rootA, world.rootB));
    expect(await registry.chatModel('dup/m1')).toMatchObject({ plugin: 'sb-dup-a' });

    const loser = registry.list().find((s) => s.name === 'aaa-dup-b');
    expect(loser).toMatchObject({ status: 'shadowed', shadowedIds: ['dup'], source: 'user' });
    expect(loser?.reason).toBe(
      'provider "dup" is served by "sb-dup-a" (bundled): its plugin folder "bundled" comes before "user"',
    );
    expect(imports()).toEqual({ 'sb-dup-a': 1 });
  });

  it('follows root order, not package names or the order plugins were added', async () => {
    const registry = new ProviderRegistry();
    registry.addDiscovered(await discoverBoth(world.rootB, world.rootA));
    expect(await registry.chatModel('dup/m1')).toMatchObject({ plugin: 'aaa-dup-b' });
    expect(registry.list().find((s) => s.name === 'sb-dup-a')?.status).toBe('shadowed');
  });

  it('lets a registered plugin win only with a higher priority; at equal priority discovered ones win', async () => {
    const registry = new ProviderRegistry();
    registry.addDiscovered(await discoverBoth(world.rootA, world.rootB));

    const plain = registry.register(memoryPlugin('builtin-dup', ['dup']));
    expect(plain.status).toBe('shadowed');
    expect(plain.reason).toBe(
      'provider "dup" is served by "sb-dup-a" (bundled): discovered plugins come before register()ed ones at equal priority',
    );

    const strong = registry.register(memoryPlugin('builtin-dup', ['dup']), {
      priority: 1,
      source: 'builtin',
    });
    expect(strong).toMatchObject({ status: 'loaded', source: 'builtin', origin: 'registered' });
    expect(registry.list().filter((s) => s.name === 'builtin-dup')).toHaveLength(1);
    expect(await registry.chatModel('dup/m')).toMatchObject({ plugin: 'builtin-dup' });
    expect(registry.list().find((s) => s.name === 'sb-dup-a')?.reason).toBe(
      'provider "dup" is served by "builtin-dup" (builtin): higher priority (1 > 0)',
    );
  });

  it('orders registered plugins by registration, and reports partial shadowing', () => {
    const registry = new ProviderRegistry();
    registry.register(memoryPlugin('first', ['a', 'b']));
    const second = registry.register(memoryPlugin('second', ['b', 'c']));
    expect(second).toMatchObject({ status: 'loaded', shadowedIds: ['b'] });
    expect(second.reason).toBe('provider "b" is served by "first" (in-memory): it was registered first');
    expect(registry.providerIds()).toEqual(['a', 'b', 'c']);
  });

  it('hands the id to the next claimant when the winner fails to load', async () => {
    const registry = new ProviderRegistry();
    registry.addDiscovered(await discoverPlugins([world.rootA]));
    registry.register(memoryPlugin('fallback-broken', ['broken']));
    expect(registry.list().find((s) => s.name === 'fallback-broken')?.status).toBe('shadowed');
    const provider = await registry.getProvider('broken');
    expect(provider.displayName).toBe('broken');
    expect(registry.list().find((s) => s.name === 'sb-broken')?.status).toBe('failed');
    expect(registry.list().find((s) => s.name === 'fallback-broken')?.status).toBe('loaded');
  });

  it('unregisters a plugin: its provider goes, a shadowed one comes back, dispose runs, listeners hear it', async () => {
    const registry = new ProviderRegistry();
    const changes: RegistryChange[] = [];
    const stop = registry.onDidChange((change) => changes.push(change));
    registry.addDiscovered(await discoverBoth(world.rootA, world.rootB));
    await registry.getProvider('dup');

    expect(registry.unregister('sb-dup-a')).toBe(true);
    expect(registry.unregister('sb-dup-a')).toBe(false);
    expect(globalThis.__sbDisposed).toEqual(['dup']);
    expect(registry.list().find((s) => s.name === 'aaa-dup-b')?.status).toBe('discovered');
    expect(await registry.chatModel('dup/m1')).toMatchObject({ plugin: 'aaa-dup-b' });

    stop();
    registry.register(memoryPlugin('late', ['late']));
    expect(changes).toEqual([
      { type: 'discovered' },
      { type: 'loaded', pluginName: 'sb-dup-a' },
      { type: 'unregister', pluginName: 'sb-dup-a' },
      { type: 'loaded', pluginName: 'aaa-dup-b' },
    ]);
  });

  it('fires onDidChange on register and settings invalidation, and survives a throwing listener', () => {
    const registry = new ProviderRegistry();
    const changes: RegistryChange[] = [];
    registry.onDidChange(() => {
      throw new Error('listener bug');
    });
    registry.onDidChange((change) => changes.push(change));
    registry.register(memoryPlugin('p', ['p']));
    registry.invalidateSettings('p');
    registry.invalidateSettings();
    expect(changes).toEqual([
      { type: 'register', pluginName: 'p' },
      { type: 'settings', providerId: 'p' },
      { type: 'settings' },
    ]);
  });

  it('lists an invalid registered plugin as failed instead of throwing', () => {
    const registry = new ProviderRegistry();
    const status = registry.register({ apiVersion: 1, name: 'bad', providers: [{ id: 'bad' }] } as never);
    expect(status.status).toBe('failed');
    expect(status.reason).toBe(
      'Plugin "bad" is not a valid Switchboard plugin: providers[0].displayName must be a string; providers[0].listModels must be a function.',
    );
    expect(registry.providerIds()).toEqual([]);
  });

  it('dispose() disposes every loaded provider once and empties the registry', async () => {
    const disposed: string[] = [];
    const registry = new ProviderRegistry();
    registry.register(memoryPlugin('mem', ['x', 'y'], (id) => disposed.push(id)));
    registry.addDiscovered(await discoverPlugins([world.rootA]));
    await registry.getProvider('good');
    await registry.dispose();
    expect(disposed.sort()).toEqual(['x', 'y']);
    expect(globalThis.__sbDisposed).toEqual(['good']);
    expect(registry.providerIds()).toEqual([]);
    expect(registry.list()).toEqual([]);
  });
});
