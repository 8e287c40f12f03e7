// What the build put where: activation stays lean, the engine holds core without any SDK, each
// plugin carries its own SDK, and the llama.cpp plugin ships real files for this platform only.
import { readdir, readFile, stat } from 'node:fs/promises';
import { isBuiltin } from 'node:module';
import { join } from 'node:path';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { DIST, EXTENSION_DIR, PLUGIN_NAMES } from './dist.js';

const read = (file: string) => readFile(join(DIST, file), 'utf8');
const [extension, engine] = await Promise.all([read('extension.cjs'), read('engine.cjs')]);

/** A string only that library's code contains, and the bundle that must contain it (the control). */
const MARKERS: Array<{ library: string; marker: string; home: string }> = [
  { library: 'openai SDK', marker: 'OpenAIError', home: 'plugins/openai/index.js' },
  { library: '@anthropic-ai/sdk', marker: 'AnthropicError', home: 'plugins/anthropic/index.js' },
  { library: '@google/genai', marker: 'GoogleGenAI', home: 'plugins/gemini/index.js' },
  { library: 'ollama', marker: 'class Ollama', home: 'plugins/ollama/index.js' },
  { library: 'node-llama-cpp', marker: 'getLlama', home: 'plugins/llamacpp/worker/worker-main.js' },
  { library: 'zod', marker: 'ZodError', home: 'engine.cjs' },
  { library: '@pydantic/genai-prices', marker: 'input_mtok', home: 'engine.cjs' },
];

describe('dist/extension.cjs (loaded at activation)', () => {
  it.each(MARKERS)('holds no $library', async ({ marker, home }) => {
    expect(await read(home)).toContain(marker);
    expect(extension).not.toContain(marker);
  });

  it('loads the engine bundle by require at run time instead of inlining it', () => {
    expect(extension).toContain('require("./engine.cjs")');
    expect(extension).not.toContain('discoverPlugins');
  });

  it('is small', async () => {
    const bytes = (await stat(join(DIST, 'extension.cjs'))).size;
    console.log(`dist/extension.cjs: ${(bytes / 1024).toFixed(1)} KiB (engine.cjs: ${engine.length} bytes)`);
    // Far under the engine (core + price data): a regression here means core leaked into activation.
    expect(bytes).toBeLessThan(512 * 1024);
    expect(bytes * 10).toBeLessThan(engine.length);
  });
});

describe('dist/engine.cjs', () => {
  it.each(MARKERS.filter((entry) => entry.home !== 'engine.cjs'))('holds no $library', ({ marker }) => {
    expect(engine).not.toContain(marker);
  });

  it('imports plugins with a real dynamic import(), not require()', () => {
    expect(engine).toMatch(/importModule: \(\w+\) => import\(\s*(\/\*[^*]*\*\/\s*)?\w+\s*\)/);
    expect(engine).not.toMatch(/require\(\s*url\d*\s*\)/);
  });
});

describe('dist/plugins', () => {
  it('holds exactly the built-in plugins', async () => {
    expect((await readdir(join(DIST, 'plugins'))).sort()).toEqual(PLUGIN_NAMES);
  });

  it.each(PLUGIN_NAMES)('%s: has the manifest of its source package and an ES module entry', async (name) => {
    const staged = JSON.parse(await read(`plugins/${name}/package.json`));
    const source = JSON.parse(
      await readFile(join(EXTENSION_DIR, 'node_modules', staged.name, 'package.json'), 'utf8'),
    );
    expect(staged).toMatchObject({
      name: source.name,
      version: source.version,
      type: 'module',
      main: './index.js',
      switchboard: source.switchboard,
    });
    expect(staged.name).toBe(`@switchboard/provider-${name}`);
  });

  it.each(PLUGIN_NAMES)('%s: inlines core and its SDK (imports only Node built-ins)', async (name) => {
    // ws (in @google/genai) tries its optional native helpers inside try/catch and runs without them.
    const allowed = [...(name === 'llamacpp' ? ['node-llama-cpp'] : []), 'bufferutil', 'utf-8-validate'];
    for (const file of name === 'llamacpp' ? ['index.js', 'worker/worker-main.js'] : ['index.js']) {
      const imports = await packageImports(join(DIST, 'plugins', name, file));
      expect(imports.filter((specifier) => !allowed.includes(specifier))).toEqual([]);
    }
  });
});

describe('dist/plugins/llamacpp', () => {
  const pluginDir = join(DIST, 'plugins', 'llamacpp');
  const modules = join(pluginDir, 'node_modules');

  it('has the worker where the bundled provider forks it', async () => {
    expect((await stat(join(pluginDir, 'worker', 'worker-main.js'))).isFile()).toBe(true);
    expect(await read('plugins/llamacpp/index.js')).toContain('"./worker/worker-main.js", import.meta.url');
  });

  it('ships node-llama-cpp and its dependencies as real files, no symlinks', async () => {
    const links = (await walk(modules)).filter((entry) => entry.symlink);
    expect(links.map((entry) => entry.path)).toEqual([]);
    for (const dependency of ['lifecycle-utils', 'ipull', 'chalk']) {
      expect((await stat(join(modules, dependency, 'package.json'))).isFile()).toBe(true);
    }
  });

  it("carries only this platform's llama.cpp binaries", async () => {
    const variants = await readdir(join(modules, '@node-llama-cpp'));
    const platform = `${{ darwin: 'mac', win32: 'win' }[process.platform as string] ?? process.platform}-${
      { arm: 'armv7l' }[process.arch as string] ?? process.arch
    }`;
    expect(variants).toContain(platform);
    expect(variants.filter((variant) => !variant.startsWith(platform))).toEqual([]);
  });

  it("leaves out llama.cpp's sources, typescript and docs", async () => {
    const llama = await readdir(join(modules, 'node-llama-cpp', 'llama'));
    expect(llama.sort()).toEqual([
      'binariesGithubRelease.json',
      'grammars',
      'llama.cpp.info.json',
      'package.json',
    ]);
    const files = (await walk(modules)).map((entry) => entry.path);
    expect(files.filter((file) => file.startsWith('typescript/'))).toEqual([]);
    const licence = /(^|\/)licen[cs]e[^/]*$/i;
    expect(files.filter((file) => /\.(md|d\.ts|map)$/.test(file) && !licence.test(file))).toEqual([]);
    expect(files).toContain('node-llama-cpp/LICENSE');
  });
});

/** Packages a module imports or requires by name, Node's built-ins aside (esbuild parses it). */
async function packageImports(file: string): Promise<string[]> {
  const result = await build({
    entryPoints: [file],
    bundle: true,
    write: false,
    metafile: true,
    platform: 'node',
    format: 'esm',
    packages: 'external',
    logLevel: 'silent',
  });
  const parsed = Object.values(result.metafile.inputs)
    .flatMap((input) => input.imports)
    .filter((entry) => entry.external)
    .map((entry) => entry.path);
  // Inlined CommonJS code calls esbuild's require shim, which a parser does not see as require().
  const shimmed = [...(await readFile(file, 'utf8')).matchAll(/__require\("([^"]+)"\)/g)].map(
    (m) => m[1] ?? '',
  );
  return [...new Set([...parsed, ...shimmed])].filter((specifier) => !isBuiltin(specifier));
}

async function walk(dir: string, prefix = ''): Promise<Array<{ path: string; symlink: boolean }>> {
  const out: Array<{ path: string; symlink: boolean }> = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = `${prefix}${entry.name}`;
    out.push({ path, symlink: entry.isSymbolicLink() });
    if (entry.isDirectory()) out.push(...(await walk(join(dir, entry.name), `${path}/`)));
  }
  return out;
}
