import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { discoverPlugins, ProviderRegistry } from '@switchboard/core';
import { afterAll, describe, expect, it } from 'vitest';
import { modelsFolder } from './helpers.js';

const packageDir = fileURLToPath(new URL('..', import.meta.url));
const dir = await modelsFolder({ tiny: { seed: 1 } });

async function jsFiles(folder: string): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(folder, { withFileTypes: true })) {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) out.push(...(await jsFiles(path)));
    else if (entry.name.endsWith('.js')) out.push(path);
  }
  return out;
}

describe('the built package, as the editor reaches it', () => {
  const registry = new ProviderRegistry({
    resolveSettings: () => ({ modelsDir: dir, threads: '1', contextSize: '1024' }),
  });
  afterAll(() => registry.dispose());

  it('is found by plugin discovery and answers through the registry', async () => {
    const found = await discoverPlugins([packageDir]);
    const plugin = found.plugins.find((entry) => entry.packageName === '@switchboard/provider-llamacpp');
    expect(plugin?.manifest.providers).toEqual([
      { id: 'llamacpp', displayName: 'llama.cpp (local GGUF)', local: true },
    ]);
    registry.addDiscovered(found);
    expect((await registry.listModels('llamacpp')).map((model) => model.id)).toEqual(['llamacpp/tiny']);
    const model = await registry.chatModel('llamacpp/tiny');
    const result = await model.generate({ messages: [{ role: 'user', content: 'Hi' }], maxTokens: 3 });
    expect(result.usage.outputTokens).toBe(3);
  });

  it('loads node-llama-cpp only in the worker, and only with import()', async () => {
    const dist = join(packageDir, 'dist');
    for (const file of await jsFiles(dist)) {
      const code = await readFile(file, 'utf8');
      const name = relative(dist, file);
      expect(code, name).not.toMatch(/\bfrom\s+['"]node-llama-cpp['"]|require\(['"]node-llama-cpp['"]\)/);
      if (/import\(['"]node-llama-cpp['"]\)/.test(code))
        expect(name).toBe(join('worker', 'node-llama-cpp.js'));
    }
  });
});
