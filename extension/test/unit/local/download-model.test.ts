import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { PluginStatus } from '@switchboard/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Engine } from '../../../src/engine/index.js';
import { downloadLocalModel } from '../../../src/features/local/download-model.js';

let root: string;

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'sb-download-'));
  // A plugin module like @switchboard/provider-llamacpp's: it exports downloadModel by name.
  await writeFile(
    join(root, 'with-download.mjs'),
    `export async function downloadModel(uri, options) {
       options.onProgress({ downloadedBytes: 5, totalBytes: 10 });
       globalThis.lastDownload = { uri, directory: options.directory, token: options.huggingFaceToken, aborted: options.signal.aborted };
       return options.directory + '/Qwen2.5-0.5B-Q4_K_M.gguf';
     }
     export default { providers: [] };`,
  );
  await writeFile(join(root, 'without-download.mjs'), 'export default { providers: [] };');
});
afterAll(() => rm(root, { recursive: true, force: true }));

function fakeEngine(statuses: Partial<PluginStatus>[], countTokens?: () => Promise<number>) {
  const used: string[] = [];
  const engine = {
    providerRegistry: {
      getProvider: async () => ({ id: 'llamacpp' }),
      chatModel: async (id: string) => {
        used.push(id);
        return { countTokens };
      },
    },
    plugins: () => ({ statuses, problems: [] }),
  };
  return { engine: engine as unknown as Engine, used };
}

const options = (progress: number[][] = []) => ({
  directory: '/models',
  signal: new AbortController().signal,
  huggingFaceToken: 'hf_x',
  onProgress: (done: number, total: number) => progress.push([done, total]),
});

describe('downloadLocalModel', () => {
  it("uses the serving plugin's downloadModel, with progress, and names the model after the file", async () => {
    const progress: number[][] = [];
    const { engine, used } = fakeEngine([
      {
        status: 'shadowed',
        providerIds: ['llamacpp'],
        shadowedIds: ['llamacpp'],
        entryPath: join(root, 'x.mjs'),
      },
      { status: 'loaded', providerIds: ['llamacpp'], entryPath: join(root, 'with-download.mjs') },
    ]);
    const result = await downloadLocalModel(
      engine,
      'hf:Qwen/Qwen2.5-0.5B-Instruct-GGUF:Q4_K_M',
      options(progress),
    );
    expect(result).toEqual({ modelId: 'Qwen2.5-0.5B-Q4_K_M', path: '/models/Qwen2.5-0.5B-Q4_K_M.gguf' });
    expect(progress).toEqual([[5, 10]]);
    expect((globalThis as { lastDownload?: unknown }).lastDownload).toEqual({
      uri: 'hf:Qwen/Qwen2.5-0.5B-Instruct-GGUF:Q4_K_M',
      directory: '/models',
      token: 'hf_x',
      aborted: false,
    });
    expect(used).toEqual([]);
  });

  it('falls back to a first use of llamacpp/<uri> when the plugin exports no downloader', async () => {
    let counted = 0;
    const { engine, used } = fakeEngine(
      [{ status: 'loaded', providerIds: ['llamacpp'], entryPath: join(root, 'without-download.mjs') }],
      async () => ++counted,
    );
    expect(await downloadLocalModel(engine, 'hf:u/r:Q4_K_M', options())).toEqual({
      modelId: 'hf:u/r:Q4_K_M',
    });
    expect(used).toEqual(['llamacpp/hf:u/r:Q4_K_M']);
    expect(counted).toBe(1);
  });

  it('says so when the plugin can neither download nor count tokens', async () => {
    const { engine } = fakeEngine([]);
    await expect(downloadLocalModel(engine, 'hf:u/r', options())).rejects.toThrow(/cannot download/);
  });
});
