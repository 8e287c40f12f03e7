import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { isSwitchboardErrorOfKind } from '../../src/errors/errors.js';
import { discoverPlugins, ProviderRegistry, type RegistryOptions } from '../../src/registry/index.js';
import { buildWorld, imports, rejection, removeDir, resetProbes, type World } from './fixtures.js';

describe('ProviderRegistry: lazy loading of discovered plugins', () => {
  let world: World;
  beforeEach(async () => {
    resetProbes();
    world = await buildWorld();
  });
  afterEach(() => removeDir(world.base));

  async function registryFor(options: RegistryOptions = {}) {
    const registry = new ProviderRegistry(options);
    registry.addDiscovered(
      await discoverPlugins([
        { path: world.rootA, source: 'bundled' },
        { path: world.rootB, source: 'user' },
      ]),
    );
    return registry;
  }

  it('records plugins by manifest only: nothing is imported until a provider is used', async () => {
    const registry = await registryFor();
    expect(imports()).toEqual({});
    expect(registry.providerIds()).toEqual([
      'acme-x',
      'broken',
      'dup',
      'good',
      'linked',
      'promised',
      'runtime-future',
      'syntax',
    ]);
    const good = registry.list().find((s) => s.name === 'sb-good');
    expect(good).toMatchObject({ status: 'discovered', providerIds: ['good'], source: 'bundled' });
  });

  it('imports a plugin exactly once on first use, even when many callers race', async () => {
    const importModule = vi.fn((url: string) => import(/* @vite-ignore */ url));
    const registry = await registryFor({ importModule });
    const providers = await Promise.all(Array.from({ length: 8 }, () => registry.getProvider('good')));
    expect(new Set(providers).size).toBe(1);
    expect(providers[0]?.displayName).toBe('GOOD');
    expect(importModule).toHaveBeenCalledTimes(1);
    expect(imports()).toEqual({ 'sb-good': 1 });
    expect(registry.list().find((s) => s.name === 'sb-good')?.status).toBe('loaded');

    await registry.getProvider('good');
    expect(importModule).toHaveBeenCalledTimes(1);
  });

  it('loads the scoped and the symlinked packages', async () => {
    const registry = await registryFor();
    const scoped = await registry.chatModel('acme-x/m1');
    expect(scoped).toMatchObject({
      provider: 'acme-x',
      modelId: 'm1',
      plugin: '@acme/switchboard-provider-x',
    });
    const linked = await registry.chatModel('linked/m1');
    expect(linked).toMatchObject({ provider: 'linked', plugin: 'sb-linked' });
    expect(imports()).toEqual({ '@acme/switchboard-provider-x': 1, 'sb-linked': 1 });
  });

  it('fails a plugin that throws on import with a clear reason, while the others keep working', async () => {
    const registry = await registryFor();
    const error = await rejection(registry.getProvider('broken'));
    expect(isSwitchboardErrorOfKind(error, 'plugin')).toBe(true);
    expect(error.message).toMatch(
      /^Plugin "sb-broken" failed to import .*broken[/\\]index\.js: Error: boom: sb-broken refuses to load\.$/,
    );
    expect(error.code).toBe('plugin-failed');

    const status = registry.list().find((s) => s.name === 'sb-broken');
    expect(status).toMatchObject({ status: 'failed', providerIds: ['broken'] });
    expect(status?.reason).toBe(error.message);
    expect(registry.providerIds()).not.toContain('broken');

    const again = await rejection(registry.getProvider('broken'));
    expect(again.message).toBe(`Provider "broken" is unavailable: ${error.message}`);
    expect(imports()['sb-broken']).toBe(1);

    expect(await registry.chatModel('good/m1')).toMatchObject({ provider: 'good', plugin: 'sb-good' });
  });

  it('fails a plugin with a syntax error without affecting the rest', async () => {
    const registry = await registryFor();
    const error = await rejection(registry.chatModel('syntax/m1'));
    expect(error.kind).toBe('plugin');
    expect(error.message).toMatch(/^Plugin "sb-syntax" failed to import .*syntax[/\\]index\.js: /);
    expect(registry.list().find((s) => s.name === 'sb-syntax')?.status).toBe('failed');
    expect((await registry.getProvider('acme-x')).id).toBe('acme-x');
  });

  it('lists a plugin whose manifest wants a newer API as incompatible, with the reason', async () => {
    const registry = await registryFor();
    const status = registry.list().find((s) => s.name === 'sb-future');
    expect(status).toEqual(
      expect.objectContaining({
        status: 'incompatible',
        providerIds: ['future'],
        reason: 'Plugin "sb-future" needs a newer Switchboard (plugin API v99, this Switchboard speaks v1).',
      }),
    );
    const error = await rejection(registry.getProvider('future'));
    expect(error.kind).toBe('plugin');
    expect(error.message).toBe(
      'Provider "future" is unavailable: Plugin "sb-future" needs a newer Switchboard (plugin API v99, this Switchboard speaks v1).',
    );
    expect(imports()).toEqual({});
  });

  it('marks a module that exports a newer apiVersion than its manifest as incompatible on load', async () => {
    const registry = await registryFor();
    const error = await rejection(registry.getProvider('runtime-future'));
    expect(error.code).toBe('plugin-incompatible');
    expect(error.message).toBe(
      'Plugin "sb-runtime-future" needs a newer Switchboard (plugin API v99, this Switchboard speaks v1).',
    );
    expect(registry.list().find((s) => s.name === 'sb-runtime-future')?.status).toBe('incompatible');
  });

  it('fails a module that does not provide the ids its manifest claimed', async () => {
    const registry = await registryFor();
    const error = await rejection(registry.getProvider('promised'));
    expect(error.message).toBe(
      'Plugin "sb-wrong-ids" declares provider "promised" in package.json, but its module provides only "other".',
    );
  });

  it('lists packages discovery rejected, and keeps root problems apart', async () => {
    const registry = await registryFor();
    const byName = Object.fromEntries(registry.list().map((s) => [s.name, s]));
    expect(byName['sb-invalid']?.status).toBe('failed');
    expect(byName['sb-invalid']?.reason).toContain('invalid "switchboard" field');
    expect(byName['sb-missing-entry']).toMatchObject({ status: 'failed', providerIds: ['missing'] });
    expect(byName['left-pad']).toBeUndefined();
    expect(
      registry
        .problems()
        .map((p) => p.kind)
        .sort(),
    ).toEqual(['incompatible', 'invalid-json', 'invalid-manifest', 'missing-entry']);
  });

  it('says which providers exist when asked for an unknown one', async () => {
    const registry = await registryFor();
    const error = await rejection(registry.chatModel('nope/some-model'));
    expect(error.kind).toBe('not-found');
    expect(error.message).toBe(
      'No provider "nope" is installed. Known providers: acme-x, broken, dup, good, linked, promised, runtime-future, syntax.',
    );
  });

  it('lets a rescan update what is known without re-importing loaded plugins', async () => {
    const registry = await registryFor();
    await registry.getProvider('good');
    const changes: string[] = [];
    registry.onDidChange((change) => changes.push(change.type));
    registry.addDiscovered(await discoverPlugins([{ path: world.rootA, source: 'bundled' }]));
    expect(changes).toEqual(['discovered']);
    expect(registry.list().filter((s) => s.name === 'sb-good')).toHaveLength(1);
    expect(registry.list().find((s) => s.name === 'sb-good')?.status).toBe('loaded');
    await registry.getProvider('good');
    expect(imports()['sb-good']).toBe(1);
  });
});
