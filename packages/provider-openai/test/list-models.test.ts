import { describe, expect, it } from 'vitest';
import { context, failureOf, provider, settingsFor, useFakeServer } from './helpers.js';

const fake = useFakeServer();

describe('listModels', () => {
  it('lists the static models without a key and without a request', async () => {
    const models = await provider('openai').listModels(context({}));
    expect(models.find((m) => m.id === 'gpt-4o-mini')).toMatchObject({
      kind: 'chat',
      capabilities: { vision: true, tools: true },
      contextWindow: 128_000,
    });
    expect(models.some((m) => m.kind === 'embedding')).toBe(true);
    expect(fake.server.requests).toHaveLength(0);
  });

  it('merges the live list with the static facts; live-only ids get no capability claims', async () => {
    fake.server.setModels([
      'gpt-4o-mini',
      'ft:gpt-4o-mini:acme::abc',
      'text-embedding-3-large',
      'my-embed-v2',
      'tts-2',
    ]);
    const models = await provider('openai').listModels(context(settingsFor(fake.server)), { live: true });
    expect(models.map((m) => [m.id, m.kind])).toEqual([
      ['gpt-4o-mini', 'chat'],
      ['ft:gpt-4o-mini:acme::abc', 'chat'],
      ['text-embedding-3-large', 'embedding'],
      ['my-embed-v2', 'embedding'],
      ['tts-2', 'speech'],
    ]);
    expect(models[0]?.contextWindow).toBe(128_000);
    expect(models[1]).toEqual({ id: 'ft:gpt-4o-mini:acme::abc', kind: 'chat', capabilities: {} });
    expect(fake.server.lastRequestTo('/models')?.method).toBe('GET');
  });

  it('marks a local server’s models as local', async () => {
    fake.server.setModels(['qwen2.5-7b-instruct']);
    const models = await provider('lmstudio').listModels(context({ baseUrl: fake.server.url }), {
      live: true,
    });
    expect(models).toEqual([{ id: 'qwen2.5-7b-instruct', kind: 'chat', capabilities: {}, local: true }]);
    expect(fake.server.lastRequestTo('/models')?.headers.authorization).toBeUndefined();
  });

  it('does not ask Azure, whose list names base models rather than the deployments one calls', async () => {
    const models = await provider('azure').listModels(context(settingsFor(fake.server, 'azure')), {
      live: true,
    });
    expect(models).toEqual([]);
    expect(fake.server.requests).toHaveLength(0);
  });

  it('maps a failing live list into the error taxonomy', async () => {
    fake.server.modelsError = { kind: 'error', status: 401 };
    const error = await failureOf(
      provider('openai').listModels(context(settingsFor(fake.server)), { live: true }),
    );
    expect(error.kind).toBe('authentication');
  });
});
