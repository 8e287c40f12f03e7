import { symlink } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { discoverPlugins } from '../../src/registry/index.js';
import {
  buildWorld,
  imports,
  removeDir,
  resetProbes,
  simplePlugin,
  tempDir,
  type World,
  writePackage,
} from './fixtures.js';

describe('discoverPlugins', () => {
  let world: World;
  beforeEach(async () => {
    resetProbes();
    world = await buildWorld();
  });
  afterEach(() => removeDir(world.base));

  const scan = () =>
    discoverPlugins([
      { path: world.rootA, source: 'bundled' },
      { path: world.rootB, source: 'user' },
    ]);

  it('finds plain, scoped, symlinked and exports-mapped packages without importing any of them', async () => {
    const result = await scan();
    expect(result.plugins.map((p) => p.packageName).sort()).toEqual([
      '@acme/switchboard-provider-x',
      'aaa-dup-b',
      'sb-broken',
      'sb-dup-a',
      'sb-good',
      'sb-linked',
      'sb-runtime-future',
      'sb-syntax',
      'sb-wrong-ids',
    ]);
    expect(imports()).toEqual({});

    const scoped = result.plugins.find((p) => p.packageName === '@acme/switchboard-provider-x');
    expect(scoped?.entryPath).toBe(
      path.join(world.rootA, 'node_modules/@acme/switchboard-provider-x/dist/index.js'),
    );
    expect(scoped?.manifest.providers).toEqual([{ id: 'acme-x' }]);
    expect(scoped).toMatchObject({ source: 'bundled', rootIndex: 0, version: '1.0.0' });

    const linked = result.plugins.find((p) => p.packageName === 'sb-linked');
    expect(linked?.dir).toBe(path.join(world.rootA, 'linked'));

    const dupB = result.plugins.find((p) => p.packageName === 'aaa-dup-b');
    expect(dupB).toMatchObject({ source: 'user', rootIndex: 1 });
  });

  it('reports each bad package with a reason naming it, and ignores packages without the field', async () => {
    const { problems } = await scan();
    const byName = Object.fromEntries(problems.map((p) => [p.packageName ?? path.basename(p.dir), p]));
    expect(Object.keys(byName).sort()).toEqual(['bad-json', 'sb-future', 'sb-invalid', 'sb-missing-entry']);

    expect(byName['sb-future']).toMatchObject({ kind: 'incompatible', manifest: { apiVersion: 99 } });
    expect(byName['sb-future']?.reason).toBe(
      'Plugin "sb-future" needs a newer Switchboard (plugin API v99, this Switchboard speaks v1).',
    );
    expect(byName['sb-invalid']?.kind).toBe('invalid-manifest');
    expect(byName['sb-invalid']?.reason).toContain('Package "sb-invalid"');
    expect(byName['sb-invalid']?.reason).toContain('switchboard.providers[0].id must be lower-case');
    expect(byName['sb-missing-entry']?.kind).toBe('missing-entry');
    expect(byName['sb-missing-entry']?.reason).toContain(path.join('missing-entry', 'dist', 'index.js'));
    expect(byName['bad-json']?.kind).toBe('invalid-json');
    expect(byName['bad-json']?.reason).toMatch(/package\.json is not valid JSON/);
    expect(problems.some((p) => p.packageName === 'left-pad')).toBe(false);
  });

  it('reports a root that does not exist, unless the root is optional, and never throws', async () => {
    const missing = path.join(world.base, 'nope');
    const result = await discoverPlugins([
      { path: missing, source: 'settings' },
      { path: path.join(world.base, 'also-nope'), source: 'user', optional: true },
      world.rootB,
    ]);
    expect(result.problems).toEqual([
      {
        kind: 'missing-root',
        dir: missing,
        source: 'settings',
        rootIndex: 0,
        reason: `Plugin folder "${missing}" (settings) does not exist.`,
      },
    ]);
    expect(result.plugins.map((p) => [p.packageName, p.rootIndex, p.source])).toEqual([
      ['aaa-dup-b', 2, world.rootB],
    ]);
  });

  it('treats a root that is itself a plugin package as one, and reports one package reached twice once', async () => {
    const pluginDir = path.join(world.base, 'root-b', 'dup-b');
    const result = await discoverPlugins([pluginDir, world.rootB]);
    expect(result.plugins.map((p) => [p.packageName, p.rootIndex])).toEqual([['aaa-dup-b', 0]]);
    expect(result.problems).toEqual([]);
  });

  it('resolves entries from manifest.entry, exports, module, main and index.js', async () => {
    const root = await tempDir();
    try {
      const cases: Array<[string, Record<string, unknown>, string]> = [
        ['entry', {}, 'lib/plugin.js'],
        ['exports-string', { exports: './e.js' }, 'e.js'],
        ['exports-conditions', { exports: { node: { import: './n.mjs' }, default: './d.js' } }, 'n.mjs'],
        ['exports-default', { exports: { '.': { require: './r.cjs', default: './d.js' } } }, 'd.js'],
        ['module', { module: './m.js', main: './main.js' }, 'm.js'],
        ['main', { main: './main.js' }, 'main.js'],
        ['fallback', {}, 'index.js'],
      ];
      for (const [folder, packageJson, file] of cases) {
        await writePackage(root, {
          ...simplePlugin(folder, `sb-${folder}`, folder),
          manifest: {
            apiVersion: 1,
            providers: [{ id: folder }],
            ...(folder === 'entry' ? { entry: './lib/plugin.js' } : {}),
          },
          packageJson,
          files: { [file]: '' },
        });
      }
      const { plugins, problems } = await discoverPlugins([root]);
      expect(problems).toEqual([]);
      const entries = Object.fromEntries(plugins.map((p) => [p.manifest.providers[0]?.id, p.entryPath]));
      for (const [folder, , file] of cases) expect(entries[folder]).toBe(path.join(root, folder, file));
    } finally {
      await removeDir(root);
    }
  });

  it('refuses an entry outside its package and ignores dangling symlinks', async () => {
    const root = await tempDir();
    try {
      await writePackage(root, {
        ...simplePlugin('escape', 'sb-escape', 'escape'),
        manifest: { apiVersion: 1, providers: [{ id: 'escape' }], entry: '../../etc/passwd' },
      });
      await symlink(path.join(root, 'gone'), path.join(root, 'dangling'), 'dir');
      const { plugins, problems } = await discoverPlugins([root]);
      expect(plugins).toEqual([]);
      expect(problems).toHaveLength(1);
      expect(problems[0]?.reason).toBe(
        'Plugin "sb-escape" names entry "../../etc/passwd", which is outside its package.',
      );
    } finally {
      await removeDir(root);
    }
  });
});
