import { geminiError } from '@switchboard/testkit';
import { describe, expect, it } from 'vitest';
import { GEMINI_MODELS } from '../src/models.js';
import { contextFor, failure, useFakeGemini } from './helpers.js';

const { server, provider } = useFakeGemini();

const list = (live: boolean, signal?: AbortSignal) =>
  provider().listModels(contextFor(server), { live, ...(signal ? { signal } : {}) });

describe('listModels', () => {
  it('returns the static list without asking the server (and without a key)', async () => {
    const models = await provider().listModels(contextFor(server, { apiKey: undefined }));
    expect(models.map((m) => m.id)).toEqual(GEMINI_MODELS.map((m) => m.id));
    expect(models.find((m) => m.id === 'gemini-2.5-flash')).toMatchObject({
      kind: 'chat',
      contextWindow: 1_048_576,
      capabilities: { vision: true, tools: true, json: true, reasoning: true },
    });
    expect(models.filter((m) => m.kind === 'embedding').map((m) => m.id)).toEqual([
      'gemini-embedding-001',
      'text-embedding-004',
    ]);
    expect(models.some((m) => m.kind === 'image' && m.capabilities.imageGeneration)).toBe(true);
    expect(server.requests).toHaveLength(0);
  });

  it('lists live models, merging the static facts with the live limits', async () => {
    server.models = server.models.map((m) =>
      m.name === 'models/gemini-2.5-flash'
        ? { ...m, inputTokenLimit: 2_000_000, displayName: 'Flash (live)' }
        : m,
    );
    const models = await list(true);
    expect(models.map((m) => [m.id, m.kind])).toEqual([
      ['gemini-2.5-pro', 'chat'],
      ['gemini-2.5-flash', 'chat'],
      ['gemini-2.0-flash', 'chat'],
      ['gemini-2.5-flash-image', 'image'],
      ['gemini-embedding-001', 'embedding'],
      // imagen-4.0-generate-001 answers `predict` only: not servable here, so not listed
    ]);
    expect(models[1]).toMatchObject({
      displayName: 'Flash (live)',
      contextWindow: 2_000_000,
      maxOutputTokens: 65_536,
      qualityRank: 80,
      capabilities: { reasoning: true, vision: true },
    });
    expect(models[4]?.maxOutputTokens).toBeUndefined();
    expect(server.requests[0]?.path).toBe('/v1/models');
  });

  it('reads unknown live models by their methods and names', async () => {
    const base = {
      version: '1',
      supportedGenerationMethods: ['generateContent'],
      inputTokenLimit: 1000,
      outputTokenLimit: 100,
    };
    server.models = [
      { ...base, name: 'models/gemini-9-ultra', thinking: true },
      { ...base, name: 'models/gemini-9-flash-image' },
      { ...base, name: 'models/gemini-9-flash-preview-tts' },
      { ...base, name: 'models/gemma-9-2b-it' },
      { ...base, name: 'models/embedding-9', supportedGenerationMethods: ['embedContent'] },
      { ...base, name: 'models/veo-9', supportedGenerationMethods: ['predictLongRunning'] },
    ];
    const models = await list(true);
    expect(models.map((m) => [m.id, m.kind, m.capabilities])).toEqual([
      ['gemini-9-ultra', 'chat', { vision: true, tools: true, json: true, reasoning: true }],
      ['gemini-9-flash-image', 'image', { imageGeneration: true, vision: true }],
      ['gemini-9-flash-preview-tts', 'speech', { speech: true }],
      ['gemma-9-2b-it', 'chat', {}],
      ['embedding-9', 'embedding', { embeddings: true }],
    ]);
  });

  it('follows nextPageToken across every page', async () => {
    server.models = Array.from({ length: 120 }, (_, i) => ({
      name: `models/gemini-test-${i}`,
      version: '1',
      supportedGenerationMethods: ['generateContent'],
    }));
    const models = await list(true);
    expect(models).toHaveLength(120);
    expect(models.at(-1)?.id).toBe('gemini-test-119');
    expect(server.requests.map((r) => Boolean(r.query.pageToken))).toEqual([false, true, true]);
  });

  it('maps a failing list to a Switchboard error', async () => {
    server.listError = geminiError(403, { message: 'Permission denied on resource project.' });
    expect(await failure(list(true))).toMatchObject({ kind: 'permission-denied', provider: 'gemini' });
  });

  it('needs a key for the live list', async () => {
    const error = await failure(
      provider().listModels(contextFor(server, { apiKey: undefined }), { live: true }),
    );
    expect(error).toMatchObject({ kind: 'authentication' });
  });
});
