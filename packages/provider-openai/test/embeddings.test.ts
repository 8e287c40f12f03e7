import OpenAI from 'openai';
import { describe, expect, it } from 'vitest';
import { API_KEY, embeddingModel, useFakeServer } from './helpers.js';

const fake = useFakeServer();
// Not representable in float32: they come back unchanged only as JSON floats.
const vectors = [
  [0.1, -0.2, 0.3, 0.7],
  [0.11, 2.2, -3.3, 0.05],
];

describe('embeddings', () => {
  it('asks OpenAI for floats and returns the vectors exactly as sent', async () => {
    fake.server.reply({ embeddings: vectors, usage: { inputTokens: 11, outputTokens: 0 } });
    const result = await embeddingModel(fake.server, 'text-embedding-3-small').embed(['alpha', 'beta']);
    expect(result.embeddings).toEqual(vectors);
    expect(result.usage).toEqual({ inputTokens: 11 });
    const request = fake.server.lastRequestTo('/embeddings');
    expect(request?.body).toEqual({
      model: 'text-embedding-3-small',
      input: ['alpha', 'beta'],
      encoding_format: 'float',
    });
  });

  it('the fake answers the SDK’s default base64 request with little-endian float32', async () => {
    const exact = [
      [0.5, -0.25, 1.5, 0],
      [0.125, 2, -3.75, 0.0625],
    ];
    fake.server.reply({ embeddings: exact }, { embeddings: vectors });
    const client = new OpenAI({ apiKey: API_KEY, baseURL: fake.server.url, maxRetries: 0 });
    const decoded = await client.embeddings.create({ model: 'text-embedding-3-small', input: ['a', 'b'] });
    expect(fake.server.lastRequestTo('/embeddings')?.body).toMatchObject({ encoding_format: 'base64' });
    expect(decoded.data.map((item) => Array.from(item.embedding))).toEqual(exact);
    const rounded = await client.embeddings.create({ model: 'text-embedding-3-small', input: ['a', 'b'] });
    expect(rounded.data.map((item) => Array.from(item.embedding))).toEqual(
      vectors.map((vector) => vector.map(Math.fround)),
    );
  });

  it('asks compatible servers for floats and passes dimensions', async () => {
    fake.server.reply({ embeddings: vectors });
    const result = await embeddingModel(fake.server, 'nomic-embed-text', 'lmstudio').embed(['a', 'b'], {
      dimensions: 4,
    });
    expect(result.embeddings).toEqual(vectors);
    expect(fake.server.lastRequestTo('/embeddings')?.body).toMatchObject({
      encoding_format: 'float',
      dimensions: 4,
    });
  });

  it('uses the Azure deployment path', async () => {
    fake.server.reply({ embeddings: [vectors[0] ?? []] });
    const result = await embeddingModel(fake.server, 'my-embedder', 'azure').embed(['a']);
    expect(result.embeddings).toEqual([vectors[0]]);
    const request = fake.server.lastRequestTo('/embeddings');
    expect(request?.path).toBe('/openai/deployments/my-embedder/embeddings');
    expect(request?.query['api-version']).toBe('2024-10-21');
  });

  it('sends nothing for no input', async () => {
    expect(await embeddingModel(fake.server, 'text-embedding-3-small').embed([])).toEqual({
      embeddings: [],
      usage: { inputTokens: 0 },
    });
    expect(fake.server.requests).toHaveLength(0);
  });
});
