// Builds what the .vsix ships, into dist/:
//   extension.cjs  activation: features and VS Code adapters only (loads engine.cjs on first use)
//   engine.cjs     core, its price data and plugin discovery
//   plugins/<id>/  the built-in provider plugins (scripts/stage-plugins.mjs)
// Both bundles are CommonJS, as VS Code loads extensions; `vscode` comes from the host. They are
// not minified: the .vsix is dominated by llama.cpp's binaries, and readable code keeps a user's
// stack trace meaningful without shipping source maps.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { formatBytes, sizeOf } from './scripts/sizes.mjs';
import { describeStaged, stagePlugins } from './scripts/stage-plugins.mjs';

const extensionDir = path.dirname(fileURLToPath(import.meta.url));
const dist = path.join(extensionDir, 'dist');
const started = performance.now();

const common = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node22',
  sourcemap: 'linked',
  minify: false,
  logLevel: 'warning',
  absWorkingDir: extensionDir,
  // Plugins are ES modules on disk: the registry's `import(url)` must stay a real dynamic import
  // in this CommonJS output, never a require() (checked after the build, below).
  supported: { 'dynamic-import': true },
};

await Promise.all([
  build({
    ...common,
    entryPoints: ['src/extension.ts'],
    outfile: 'dist/extension.cjs',
    // Loaded with require('./engine.cjs') on first use (host/engine-loader.ts).
    external: ['vscode', './engine.cjs'],
  }),
  build({
    ...common,
    entryPoints: ['src/engine/index.ts'],
    outfile: 'dist/engine.cjs',
    external: ['vscode'],
  }),
]);
await checkDynamicImport(path.join(dist, 'engine.cjs'));
const staged = await stagePlugins({ extensionDir, outDir: path.join(dist, 'plugins') });

console.log(
  [
    `Built in ${Math.round(performance.now() - started)} ms:`,
    `  dist/extension.cjs: ${formatBytes(await sizeOf(path.join(dist, 'extension.cjs')))}`,
    `  dist/engine.cjs: ${formatBytes(await sizeOf(path.join(dist, 'engine.cjs')))}`,
    ...describeStaged(staged),
  ].join('\n'),
);

/** Fails the build if esbuild turned the plugin import into a require() (plugins are ESM). */
async function checkDynamicImport(file) {
  const code = await readFile(file, 'utf8');
  // `import(\n /* comment */\n url2\n)`, not `Promise.resolve().then(() => require(url))`.
  if (!/\bimport\(\s*(\/\*[^*]*\*\/\s*)?\w+\s*\)/.test(code)) {
    throw new Error(`${file} has no real import(url): plugins could not be loaded.`);
  }
}
