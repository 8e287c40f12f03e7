import { describe, expect, it } from 'vitest';
import { MAX_BATCH } from '../src/gemini-embedding-model.js';
import { bodyOf, contextFor, failure, useFakeGemini } from './helpers.js';

const { server, provider } = useFakeGemini();

const embedder = (model = 'gemini-embedding-001') => {
  const model_ = provider().embeddingModel?.(model, contextFor(server));
  if (!model_) throw new Error('the gemini provider has embedding models');
  return model_;
};

type BatchBody = {
  requests: Array<{
    model: string;
    content: { parts: Array<{ text: string }> };
    outputDimensionality?: number;
  }>;
};

describe('embeddings', () => {
  it('embeds several texts in one batchEmbedContents call', async () => {
    server.reply({
      embeddings: [
        [0.1, 0.2],
        [0.3, 0.4],
      ],
    });
    const result = await embedder().embed(['alpha', 'beta']);
    expect(result.embeddings).toEqual([
      [0.1, 0.2],
      [0.3, 0.4],
    ]);
    const request = server.requests[0];
    expect(request?.path).toBe('/v1/models/gemini-embedding-001:batchEmbedContents');
    const body = bodyOf<BatchBody>(server, 0);
    expect(body.requests.map((r) => [r.model, r.content.parts[0]?.text])).toEqual([
      ['models/gemini-embedding-001', 'alpha'],
      ['models/gemini-embedding-001', 'beta'],
    ]);
  });

  it('asks for the requested dimensionality', async () => {
    const result = await embedder('text-embedding-004').embed(['alpha'], { dimensions: 4 });
    expect(result.embeddings[0]).toHaveLength(4);
    expect(bodyOf<BatchBody>(server, 0).requests[0]?.outputDimensionality).toBe(4);
  });

  it(`splits more than ${MAX_BATCH} texts into batches, keeping the order`, async () => {
    const texts = Array.from({ length: MAX_BATCH + 3 }, (_, i) => `text ${i}`);
    server.reply(
      { embeddings: texts.slice(0, MAX_BATCH).map((_, i) => [i]) },
      { embeddings: texts.slice(MAX_BATCH).map((_, i) => [MAX_BATCH + i]) },
    );
    const result = await embedder().embed(texts);
    expect(result.embeddings.map((v) => v[0])).toEqual(texts.map((_, i) => i));
    expect(server.requests).toHaveLength(2);
  });

  it('calls nothing for no texts', async () => {
    expect(await embedder().embed([])).toEqual({ embeddings: [] });
    expect(server.requests).toHaveLength(0);
  });

  it('rejects an answer with the wrong number of vectors', async () => {
    server.reply({ embeddings: [[1]] });
    expect(await failure(embedder().embed(['a', 'b']))).toMatchObject({ kind: 'invalid-response' });
  });

  it('maps errors and cancellation like chat does', async () => {
    server.reply({ kind: 'error', status: 429, headers: { 'retry-after': '3' } });
    expect(await failure(embedder().embed(['a']))).toMatchObject({ kind: 'rate-limit', retryAfterMs: 3_000 });
    server.reply({ faults: { hang: true } });
    const error = await failure(embedder().embed(['a'], { signal: AbortSignal.timeout(150) }));
    expect(error).toMatchObject({ kind: 'timeout' });
  });
});
