import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { SwitchboardError } from '../../src/errors/errors.js';

declare global {
  /** Plugin name -> how many times its module was evaluated (set by the fixture modules). */
  var __sbImports: Record<string, number> | undefined;
  /** Provider ids whose dispose() ran. */
  var __sbDisposed: string[] | undefined;
}

export function resetProbes(): void {
  globalThis.__sbImports = {};
  globalThis.__sbDisposed = [];
}

export const imports = (): Record<string, number> => ({ ...(globalThis.__sbImports ?? {}) });

export async function tempDir(): Promise<string> {
  return mkdtemp(path.join(tmpdir(), 'sb-registry-'));
}

export async function removeDir(dir: string): Promise<void> {
  await rm(dir, { recursive: true, force: true });
}

export async function writeFiles(dir: string, files: Record<string, string>): Promise<void> {
  for (const [name, content] of Object.entries(files)) {
    const file = path.join(dir, name);
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, content);
  }
}

export interface FixtureProvider {
  id: string;
  models?: string[];
  /** `settings` array of the provider definition, as JSON. */
  settings?: unknown[];
}

export interface FixtureModule {
  name: string;
  providers: FixtureProvider[];
  apiVersion?: number;
  /** The module throws while being evaluated. */
  throwOnImport?: boolean;
}

/**
 * Plain-JS ESM source of a plugin: no import of core, just an object (the brand-based design
 * means a plugin need not share core's classes). Counts its evaluations in `__sbImports`.
 * Model "explode" makes the chat factory throw a message holding the apiKey setting; model
 * list "fail" makes listModels throw.
 */
export function pluginSource(module: FixtureModule): string {
  const providers = module.providers.map((provider) => ({
    id: provider.id,
    models: provider.models ?? ['m1'],
    settings: provider.settings ?? [],
  }));
  return `
const name = ${JSON.stringify(module.name)};
globalThis.__sbImports ??= {};
globalThis.__sbImports[name] = (globalThis.__sbImports[name] ?? 0) + 1;
${module.throwOnImport ? "throw new Error('boom: ' + name + ' refuses to load');" : ''}
const makeProvider = ({ id, models, settings }) => ({
  id,
  displayName: id.toUpperCase(),
  settings,
  async listModels(context, options) {
    if (models.includes('fail')) throw new Error('listing is down for ' + id);
    const live = options && options.live ? [{ id: 'live-only', kind: 'chat', capabilities: {} }] : [];
    return [...models.map((m) => ({ id: m, kind: 'chat', capabilities: { tools: true }, contextWindow: 8192 })), ...live];
  },
  chatModel(modelId, context) {
    if (modelId === 'explode') throw new Error('upstream refused key ' + context.settings.apiKey);
    return {
      provider: id,
      modelId,
      plugin: name,
      settings: context.settings,
      async generate() { return { text: 'hi from ' + name }; },
      async *stream() {},
    };
  },
  dispose() {
    globalThis.__sbDisposed ??= [];
    globalThis.__sbDisposed.push(id);
  },
});
export default {
  apiVersion: ${module.apiVersion ?? 1},
  name,
  providers: ${JSON.stringify(providers)}.map(makeProvider),
};
`;
}

export interface FixturePackage {
  /** Folder relative to the root, e.g. `good` or `node_modules/@acme/x`. */
  folder: string;
  name: string;
  /** The `switchboard` field; omitted = a package that is no plugin. */
  manifest?: unknown;
  /** Extra package.json fields (exports, main...). */
  packageJson?: Record<string, unknown>;
  /** Files relative to the package; default: `index.js` from `module`. */
  files?: Record<string, string>;
  module?: FixtureModule;
}

export async function writePackage(root: string, pkg: FixturePackage): Promise<string> {
  const dir = path.join(root, pkg.folder);
  const json = {
    name: pkg.name,
    version: '1.0.0',
    type: 'module',
    ...(pkg.manifest === undefined ? {} : { switchboard: pkg.manifest }),
    ...pkg.packageJson,
  };
  const files = pkg.files ?? (pkg.module ? { 'index.js': pluginSource(pkg.module) } : {});
  await writeFiles(dir, { 'package.json': JSON.stringify(json, null, 2), ...files });
  return dir;
}

/** A package for one provider: manifest and module agree. */
export function simplePlugin(
  folder: string,
  name: string,
  providerId: string,
  extra: Partial<FixturePackage> = {},
) {
  return {
    folder,
    name,
    manifest: { apiVersion: 1, providers: [{ id: providerId }] },
    module: { name, providers: [{ id: providerId }] },
    ...extra,
  } satisfies FixturePackage;
}

export interface World {
  base: string;
  rootA: string;
  rootB: string;
}

/**
 * Two plugin roots:
 * A: good, @acme scoped under node_modules (entry via exports), broken (throws on import),
 *    syntax error, apiVersion 99 in the manifest, apiVersion 99 only in the module, invalid
 *    manifest, manifest claiming an id the module lacks, missing entry, invalid JSON, a
 *    package without the field, a symlinked package, and `sb-dup-a` claiming "dup";
 * B: `aaa-dup-b` also claiming "dup" (sorts first by name, but its root comes second).
 */
export async function buildWorld(): Promise<World> {
  const base = await tempDir();
  const rootA = path.join(base, 'root-a');
  const rootB = path.join(base, 'root-b');
  const packages: FixturePackage[] = [
    simplePlugin('good', 'sb-good', 'good'),
    simplePlugin('node_modules/@acme/switchboard-provider-x', '@acme/switchboard-provider-x', 'acme-x', {
      packageJson: { exports: { '.': { types: './dist/index.d.ts', import: './dist/index.js' } } },
      files: {
        'dist/index.js': pluginSource({
          name: '@acme/switchboard-provider-x',
          providers: [{ id: 'acme-x' }],
        }),
      },
    }),
    simplePlugin('broken', 'sb-broken', 'broken', {
      module: { name: 'sb-broken', providers: [{ id: 'broken' }], throwOnImport: true },
    }),
    simplePlugin('syntax', 'sb-syntax', 'syntax', {
      files: { 'index.js': 'export default {{{ not javascript' },
    }),
    {
      folder: 'future',
      name: 'sb-future',
      manifest: { apiVersion: 99, providers: [{ id: 'future' }] },
      module: { name: 'sb-future', providers: [{ id: 'future' }], apiVersion: 99 },
    },
    simplePlugin('runtime-future', 'sb-runtime-future', 'runtime-future', {
      module: { name: 'sb-runtime-future', providers: [{ id: 'runtime-future' }], apiVersion: 99 },
    }),
    { folder: 'invalid', name: 'sb-invalid', manifest: { apiVersion: 1, providers: [{ id: 'Bad Id' }] } },
    simplePlugin('wrong-ids', 'sb-wrong-ids', 'promised', {
      module: { name: 'sb-wrong-ids', providers: [{ id: 'other' }] },
    }),
    simplePlugin('missing-entry', 'sb-missing-entry', 'missing', {
      packageJson: { main: './dist/index.js' },
      files: {},
    }),
    { folder: 'plain', name: 'left-pad', files: { 'index.js': 'export default 1;' } },
    simplePlugin('dup-a', 'sb-dup-a', 'dup'),
  ];
  for (const pkg of packages) await writePackage(rootA, pkg);
  await writeFiles(rootA, { 'bad-json/package.json': '{ "name": "sb-bad-json", "switchboard": ' });
  const linkedDir = await writePackage(base, simplePlugin('elsewhere/linked', 'sb-linked', 'linked'));
  await symlink(linkedDir, path.join(rootA, 'linked'), 'dir');
  await writePackage(rootB, simplePlugin('dup-b', 'aaa-dup-b', 'dup'));
  return { base, rootA, rootB };
}

/** The error a promise rejects with; fails the test when it resolves. */
export async function rejection(promise: Promise<unknown>): Promise<SwitchboardError> {
  try {
    await promise;
  } catch (error) {
    return error as SwitchboardError;
  }
  throw new Error('expected a rejection');
}
