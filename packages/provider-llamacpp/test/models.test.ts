import { copyFile, mkdir, stat, writeFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { resolveSettingsFromEnv } from '@switchboard/core';
import { GENERAL_CHAT_TEMPLATE } from '@switchboard/testkit';
import { describe, expect, it } from 'vitest';
import type { LlamaCppModelInfo } from '../src/index.js';
import { parseSettings } from '../src/llamacpp-settings.js';
import { chatFor, contextFor, embeddingsFor, modelsFolder, testProvider } from './helpers.js';

const provider = testProvider();
const dir = await modelsFolder({
  tiny: { seed: 1, name: 'Tiny One' },
  'long-context': { seed: 2, contextLength: 32768, chatTemplate: null },
});
await writeFile(join(dir, 'notes.txt'), 'not a model');
await writeFile(join(dir, 'broken.gguf'), 'GGUF but nothing else');

describe('models from the models folder', () => {
  it('lists each .gguf as a model, with ModelInfo from its metadata', async () => {
    const context = contextFor(dir);
    const models = (await provider.listModels(context)) as LlamaCppModelInfo[];
    expect(models.map((model) => model.id)).toEqual(['long-context', 'tiny']);
    const tiny = models.find((model) => model.id === 'tiny');
    expect(tiny).toMatchObject({
      kind: 'chat',
      local: true,
      contextWindow: 2048, // the contextSize setting
      capabilities: { tools: true, json: true, embeddings: true, vision: false },
      pricing: { inputPerMTok: 0, outputPerMTok: 0 },
    });
    expect(tiny?.displayName).toMatch(/^Tiny One \(llama, \d+ KB\)$/);
    expect(tiny?.gguf).toMatchObject({
      path: join(dir, 'tiny.gguf'),
      architecture: 'llama',
      sizeBytes: (await stat(join(dir, 'tiny.gguf'))).size,
      trainContextLength: 2048,
      embeddingLength: 64,
      blockCount: 2,
      chatTemplate: GENERAL_CHAT_TEMPLATE,
      name: 'Tiny One',
    });
    const long = models.find((model) => model.id === 'long-context');
    expect(long?.gguf.trainContextLength).toBe(32768);
    expect(long?.gguf.chatTemplate).toBeUndefined();
    // The broken file is skipped with a warning, not a failed listing.
    expect(
      context.logs.some((line) => line.startsWith('warn: Skipping') && line.includes('broken.gguf')),
    ).toBe(true);
  });

  it("caps an 'auto' context window at 8192 tokens", async () => {
    const models = await provider.listModels(contextFor(dir, { contextSize: 'auto' }));
    expect(models.find((model) => model.id === 'long-context')?.contextWindow).toBe(8192);
    expect(models.find((model) => model.id === 'tiny')?.contextWindow).toBe(2048);
  });

  it('lists nothing for a models folder that does not exist yet', async () => {
    expect(await provider.listModels(contextFor(join(dir, 'missing')))).toEqual([]);
  });

  it('runs a model given by its absolute path', async () => {
    const elsewhere = join(dir, 'elsewhere', 'copy.gguf');
    await mkdir(join(dir, 'elsewhere'));
    await copyFile(join(dir, 'tiny.gguf'), elsewhere);
    const model = chatFor(provider, elsewhere, contextFor(join(dir, 'missing')));
    const result = await model.generate({ messages: [{ role: 'user', content: 'Hi' }], maxTokens: 2 });
    expect(result.usage.outputTokens).toBe(2);
  });

  it('finds the folder in SWITCHBOARD_MODELS_DIR, else under the home folder', () => {
    const resolved = resolveSettingsFromEnv(provider, { SWITCHBOARD_MODELS_DIR: dir });
    expect(parseSettings(resolved).modelsDir).toBe(dir);
    expect(parseSettings(resolveSettingsFromEnv(provider, {})).modelsDir).toBe(
      join(homedir(), '.switchboard', 'models'),
    );
  });
});

describe('embeddings', () => {
  it('embeds each value with the model, deterministically', async () => {
    const model = embeddingsFor(provider, 'tiny', contextFor(dir));
    const result = await model.embed(['hello', 'world', 'hello']);
    expect(result.embeddings).toHaveLength(3);
    expect(result.embeddings.every((vector) => vector.length === 64)).toBe(true);
    expect(result.embeddings.flat().every(Number.isFinite)).toBe(true);
    expect(result.embeddings[0]).toEqual(result.embeddings[2]);
    expect(result.embeddings[0]).not.toEqual(result.embeddings[1]);
    expect(result.usage?.inputTokens).toBeGreaterThanOrEqual(3);
  });

  it('refuses dimensions the model does not make', async () => {
    const model = embeddingsFor(provider, 'tiny', contextFor(dir));
    await expect(model.embed(['hello'], { dimensions: 16 })).rejects.toMatchObject({
      kind: 'invalid-request',
      message: expect.stringContaining('64-dimensional'),
    });
  });
});
