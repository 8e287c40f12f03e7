// Stages the built-in provider plugins into dist/plugins/<name>/, where the extension's plugin
// discovery finds them: a package.json with the `switchboard` manifest and one ES module with the
// provider's SDK and its own copy of core inlined (errors are recognised by a brand, so copies of
// core interoperate). Native code (node-llama-cpp) stays external and is copied as real files.
import { existsSync } from 'node:fs';
import { mkdir, readFile, realpath, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { build } from 'esbuild';
import { copyProductionClosure } from './copy-closure.mjs';
import { formatBytes, isSourceMap, sizeOf } from './sizes.mjs';

/**
 * `native`: packages left external and shipped in the plugin's node_modules.
 * `workers`: extra entry points (staged path → source path); the llamacpp provider forks
 * `worker/worker-main.js` next to its module (DEFAULT_WORKER_PATH).
 */
export const BUILT_IN_PLUGINS = [
  { name: 'openai', packageName: '@switchboard/provider-openai' },
  { name: 'anthropic', packageName: '@switchboard/provider-anthropic' },
  { name: 'gemini', packageName: '@switchboard/provider-gemini' },
  { name: 'ollama', packageName: '@switchboard/provider-ollama' },
  {
    name: 'llamacpp',
    packageName: '@switchboard/provider-llamacpp',
    native: ['node-llama-cpp'],
    workers: { 'worker/worker-main.js': 'src/worker/worker-main.ts' },
  },
];

/**
 * Inlined CommonJS dependencies call `require()` for Node built-ins; an ES module has none, so
 * the bundle makes one (esbuild's require shim uses it when it exists).
 */
const REQUIRE_SHIM =
  "import { createRequire as __switchboardCreateRequire } from 'node:module';\n" +
  'const require = __switchboardCreateRequire(import.meta.url);';

/**
 * node-llama-cpp ships llama.cpp's sources (a 34 MB git bundle, CMake files) to compile them when
 * no prebuilt binary fits. The plugin never compiles (`build: 'never'`); at run time it reads only
 * the release info and the grammar files.
 */
const LLAMA_RUNTIME_FILES = ['binariesGithubRelease.json', 'llama.cpp.info.json', 'package.json', 'grammars'];

/**
 * node-llama-cpp's prebuilt binaries are optional dependencies named `<os>-<arch>[-<gpu>]`; some
 * declare extra CPUs (linux-arm64 says x64 too, for cross builds), so `cpu` alone keeps them.
 */
const LLAMA_PLATFORM = `${{ darwin: 'mac', win32: 'win' }[process.platform] ?? process.platform}-${
  { arm: 'armv7l' }[process.arch] ?? process.arch
}`;

function otherPlatformBinary(packageName) {
  if (!packageName.startsWith('@node-llama-cpp/')) return false;
  const variant = packageName.slice('@node-llama-cpp/'.length);
  return variant !== LLAMA_PLATFORM && !variant.startsWith(`${LLAMA_PLATFORM}-`);
}

function pruneNative(packageName, relative) {
  if (packageName !== 'node-llama-cpp' || !relative.startsWith('llama/')) return false;
  return !LLAMA_RUNTIME_FILES.includes(relative.split('/')[1]);
}

/** Stages every built-in plugin into `outDir`; returns the staged size of each. */
export async function stagePlugins({ extensionDir, outDir }) {
  await rm(outDir, { recursive: true, force: true });
  return Promise.all(BUILT_IN_PLUGINS.map((plugin) => stagePlugin(plugin, extensionDir, outDir)));
}

async function stagePlugin(plugin, extensionDir, outDir) {
  const sourceDir = await packageDir(plugin.packageName, extensionDir);
  const source = JSON.parse(await readFile(path.join(sourceDir, 'package.json'), 'utf8'));
  const target = path.join(outDir, plugin.name);
  await mkdir(target, { recursive: true });

  const manifest = {
    name: source.name,
    version: source.version,
    description: source.description,
    license: source.license,
    type: 'module',
    main: './index.js',
    switchboard: source.switchboard,
    // What sits in this plugin's node_modules (for people reading it; nothing installs it).
    ...(plugin.native ? { dependencies: pick(source.dependencies, plugin.native) } : {}),
  };
  await writeFile(path.join(target, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);

  const entries = { 'index.js': entryOf(sourceDir, source), ...(plugin.workers ?? {}) };
  await Promise.all(
    Object.entries(entries).map(([out, entry]) =>
      bundleModule(path.resolve(sourceDir, entry), path.join(target, out), plugin.native ?? []),
    ),
  );

  const copied = plugin.native
    ? await copyProductionClosure({
        fromDir: sourceDir,
        names: plugin.native,
        targetDir: target,
        prune: pruneNative,
        skipPackage: otherPlatformBinary,
      })
    : [];
  return {
    name: plugin.name,
    dir: target,
    bytes: await sizeOf(target, (file) => !isSourceMap(file)),
    mapBytes: await sizeOf(target, isSourceMap),
    nodeModules: copied,
  };
}

function bundleModule(entry, outfile, external) {
  return build({
    entryPoints: [entry],
    outfile,
    bundle: true,
    format: 'esm',
    platform: 'node',
    target: 'node22',
    external,
    banner: { js: REQUIRE_SHIM },
    sourcemap: 'linked',
    logLevel: 'warning',
  });
}

/** The provider's TypeScript entry (never stale against its sources), else its built module. */
function entryOf(sourceDir, source) {
  return existsSync(path.join(sourceDir, 'src', 'index.ts')) ? 'src/index.ts' : (source.main ?? 'index.js');
}

/** Provider packages are the extension's devDependencies: workspace links in its node_modules. */
async function packageDir(packageName, extensionDir) {
  try {
    return await realpath(path.join(extensionDir, 'node_modules', packageName));
  } catch {
    throw new Error(`${packageName} is not installed in extension/node_modules (run pnpm install).`);
  }
}

function pick(record = {}, keys) {
  return Object.fromEntries(keys.map((key) => [key, record[key]]));
}

export function describeStaged(staged) {
  return staged.map(({ name, bytes, mapBytes, nodeModules }) => {
    const modules = nodeModules.length > 0 ? `, node_modules: ${nodeModules.length} packages` : '';
    return `  dist/plugins/${name}: ${formatBytes(bytes)} (+ ${formatBytes(mapBytes)} source maps${modules})`;
  });
}
