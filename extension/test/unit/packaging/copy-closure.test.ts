// scripts/copy-closure.mjs on a small pnpm-shaped store: symlinked packages, two versions of one
// dependency, platform-specific optional packages, files to prune.
import { existsSync, lstatSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, rm, symlink, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyProductionClosure } from '../../../scripts/copy-closure.mjs';

let root: string;
const store = () => join(root, 'store', '.pnpm');

/** A package's real folder in the store: `.pnpm/<name>@<version>/node_modules/<name>`. */
async function storePackage(
  name: string,
  version: string,
  manifest: Record<string, unknown>,
  files: Record<string, string>,
): Promise<string> {
  const dir = join(store(), `${name}@${version}`, 'node_modules', name);
  await mkdir(dir, { recursive: true });
  await writeFile(join(dir, 'package.json'), JSON.stringify({ name, version, ...manifest }));
  for (const [file, text] of Object.entries(files)) {
    await mkdir(dirname(join(dir, file)), { recursive: true });
    await writeFile(join(dir, file), text);
  }
  return dir;
}

/** pnpm links a package's dependencies next to it, inside its store entry. */
async function link(from: string, to: string): Promise<void> {
  await mkdir(dirname(from), { recursive: true });
  await symlink(to, from, 'dir');
}

const here = { os: [process.platform], cpu: [process.arch] };
const version = (text: string) => `module.exports = { version: '${text}' };`;

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'switchboard-closure-'));
  const a = await storePackage(
    'a',
    '1.0.0',
    {
      // npm also lists optional dependencies here; the absent one must not fail the copy.
      dependencies: { b: '1', c: '1', 'bin-absent': '1' },
      optionalDependencies: { 'bin-here': '1', 'bin-elsewhere': '1', 'bin-skipped': '1', 'bin-absent': '1' },
    },
    {
      'index.js':
        "module.exports = { c: require('c').version, b: require('b'), bin: require('bin-here').version };",
      'README.md': '# a',
      'types.d.ts': 'export {};',
      'index.js.map': '{}',
      'LICENSE.md': 'MIT',
      'docs/guide.txt': 'long',
      'node_modules/.bin/tool': '#!/bin/sh',
    },
  );
  const b = await storePackage(
    'b',
    '1.0.0',
    { dependencies: { c: '2' } },
    { 'index.js': "module.exports = require('c').version;" },
  );
  const c1 = await storePackage('c', '1.0.0', {}, { 'index.js': version('1.0.0') });
  const c2 = await storePackage('c', '2.0.0', {}, { 'index.js': version('2.0.0') });
  const binHere = await storePackage('bin-here', '1.0.0', here, { 'index.js': version('here') });
  const elsewhere = await storePackage('bin-elsewhere', '1.0.0', { os: ['aix'], cpu: ['ppc64'] }, {});
  const skipped = await storePackage('bin-skipped', '1.0.0', here, {});
  const entry = dirname(a);
  await link(join(entry, 'b'), b);
  await link(join(entry, 'c'), c1);
  await link(join(entry, 'bin-here'), binHere);
  await link(join(entry, 'bin-elsewhere'), elsewhere);
  await link(join(entry, 'bin-skipped'), skipped);
  await link(join(dirname(b), 'c'), c2);
  await link(join(root, 'app', 'node_modules', 'a'), a);
});
afterAll(() => rm(root, { recursive: true, force: true }));

describe('copyProductionClosure', () => {
  let copied: string[];
  const out = () => join(root, 'out');
  beforeAll(async () => {
    copied = await copyProductionClosure({
      fromDir: join(root, 'app'),
      names: ['a'],
      targetDir: out(),
      prune: (name, relative) => name === 'a' && relative === 'docs',
      skipPackage: (name) => name === 'bin-skipped',
    });
  });

  it('copies the package and its dependencies, both versions of a shared one', () => {
    expect(copied.sort()).toEqual(['a@1.0.0', 'b@1.0.0', 'bin-here@1.0.0', 'c@1.0.0', 'c@2.0.0']);
  });

  it('hoists where it can and nests a conflicting version under its dependent', async () => {
    expect((await readdir(join(out(), 'node_modules'))).sort()).toEqual(['a', 'b', 'bin-here', 'c']);
    expect(await readdir(join(out(), 'node_modules', 'b', 'node_modules'))).toEqual(['c']);
  });

  it('resolves every package the way it did in the store', async () => {
    await writeFile(join(out(), 'probe.cjs'), '');
    const loaded = createRequire(join(out(), 'probe.cjs'))('a');
    expect(loaded).toEqual({ c: '1.0.0', b: '2.0.0', bin: 'here' });
  });

  it('writes real files and folders, no symlinks', async () => {
    const walk = async (dir: string): Promise<string[]> => {
      const links: string[] = [];
      for (const entry of await readdir(dir, { withFileTypes: true })) {
        const path = join(dir, entry.name);
        if (lstatSync(path).isSymbolicLink()) links.push(path);
        else if (entry.isDirectory()) links.push(...(await walk(path)));
      }
      return links;
    };
    expect(await walk(out())).toEqual([]);
  });

  it('leaves out docs, types, source maps, pruned paths and the store’s own .bin; keeps licences', () => {
    const a = join(out(), 'node_modules', 'a');
    expect(existsSync(join(a, 'index.js'))).toBe(true);
    expect(existsSync(join(a, 'LICENSE.md'))).toBe(true);
    for (const gone of ['README.md', 'types.d.ts', 'index.js.map', 'docs', 'node_modules']) {
      expect(existsSync(join(a, gone)), gone).toBe(false);
    }
  });

  it('fails when a required dependency is not installed', async () => {
    await storePackage('broken', '1.0.0', { dependencies: { nowhere: '1' } }, {});
    await link(
      join(root, 'app', 'node_modules', 'broken'),
      join(store(), 'broken@1.0.0', 'node_modules', 'broken'),
    );
    await expect(
      copyProductionClosure({ fromDir: join(root, 'app'), names: ['broken'], targetDir: join(root, 'out2') }),
    ).rejects.toThrow(/nowhere: it is not installed/);
  });
});
