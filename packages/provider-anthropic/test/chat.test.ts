import { ANTHROPIC_API_VERSION } from '@switchboard/testkit';
import { describe, expect, it } from 'vitest';
import { DEFAULT_MAX_TOKENS } from '../src/index.js';
import { API_KEY, ask, collect, MODEL, textOf, useFakeAnthropic } from './helpers.js';

const fake = useFakeAnthropic();

describe('chat: generate and stream', () => {
  it('generate returns text, usage, finish and metadata from one non-streaming request', async () => {
    fake.server.reply({ text: 'Hello there, friend.', usage: { inputTokens: 9, outputTokens: 4 } });
    const result = await fake.model().generate(ask('Say hello.'));
    expect(result.text).toBe('Hello there, friend.');
    expect(result.finishReason).toBe('stop');
    expect(result.toolCalls).toEqual([]);
    expect(result.usage).toEqual({ inputTokens: 9, outputTokens: 4 });
    expect(result.metadata).toMatchObject({ model: MODEL, id: expect.stringMatching(/^msg_/) });
    expect(fake.server.requests).toHaveLength(1);
    const sent = fake.server.lastChatRequest();
    expect(sent).toMatchObject({
      model: MODEL,
      stream: false,
      messages: [{ role: 'user', text: 'Say hello.' }],
    });
  });

  it('stream yields text deltas that join to the answer, one usage, then finish', async () => {
    const chunks = ['Streaming ', 'works ', 'piece ', 'by ', 'piece.'];
    fake.server.reply({
      text: chunks.join(''),
      textChunks: chunks,
      usage: { inputTokens: 11, outputTokens: 5 },
    });
    const events = await collect(fake.model().stream(ask('Stream something.')));
    expect(
      events.filter((e) => e.type === 'text-delta').map((e) => (e.type === 'text-delta' ? e.text : '')),
    ).toEqual(chunks);
    expect(textOf(events)).toBe('Streaming works piece by piece.');
    expect(events.filter((e) => e.type === 'usage')).toEqual([
      { type: 'usage', usage: { inputTokens: 11, outputTokens: 5 } },
    ]);
    expect(events.at(-2)?.type).toBe('usage');
    expect(events.at(-1)).toEqual({ type: 'finish', reason: 'stop' });
    expect(events[0]).toMatchObject({ type: 'metadata', metadata: { model: MODEL } });
    expect(fake.server.lastChatRequest()?.stream).toBe(true);
  });

  it('sends the API key and the anthropic-version header the SDK speaks', async () => {
    fake.server.reply({ text: 'ok' });
    await fake.model().generate(ask('Hi.'));
    expect(fake.server.lastApiKey()).toBe(API_KEY);
    expect(fake.server.requests[0]?.headers['anthropic-version']).toBe(ANTHROPIC_API_VERSION);
  });

  it('passes per-call headers through to the request', async () => {
    fake.server.reply({ text: 'ok' });
    await fake.model().generate(ask('Hi.'), { headers: { 'x-trace-id': 'trace-42' } });
    expect(fake.server.requests[0]?.headers['x-trace-id']).toBe('trace-42');
  });

  it('puts system messages in the top-level system field', async () => {
    fake.server.reply({ text: 'Terse.' });
    await fake.model().generate({
      messages: [
        { role: 'system', content: 'You are terse.' },
        { role: 'user', content: 'Explain gravity.' },
      ],
    });
    expect(fake.lastBody().system).toBe('You are terse.');
    expect(fake.server.lastChatRequest()?.messages).toHaveLength(1);
  });

  it('sends several system messages as separate system text blocks', async () => {
    fake.server.reply({ text: 'ok' });
    await fake.model().generate({
      messages: [
        { role: 'system', content: 'Rule one.' },
        { role: 'user', content: 'Hi.' },
        { role: 'system', content: 'Rule two.' },
      ],
    });
    expect(fake.lastBody().system).toEqual([
      { type: 'text', text: 'Rule one.' },
      { type: 'text', text: 'Rule two.' },
    ]);
  });

  it('keeps a multi-turn history and merges consecutive same-role messages into one turn', async () => {
    fake.server.reply({ text: 'Paris, still.' });
    await fake.model().generate({
      messages: [
        { role: 'user', content: 'What is the capital of France?' },
        { role: 'assistant', content: 'Paris.' },
        { role: 'user', content: 'Are you sure?' },
        { role: 'user', content: [{ type: 'text', text: 'Answer in one word.' }] },
      ],
    });
    const body = fake.lastBody();
    expect(body.messages).toEqual([
      { role: 'user', content: [{ type: 'text', text: 'What is the capital of France?' }] },
      { role: 'assistant', content: [{ type: 'text', text: 'Paris.' }] },
      {
        role: 'user',
        content: [
          { type: 'text', text: 'Are you sure?' },
          { type: 'text', text: 'Answer in one word.' },
        ],
      },
    ]);
  });

  it('drops empty assistant turns instead of sending empty text blocks', async () => {
    fake.server.reply({ text: 'ok' });
    await fake.model().generate({
      messages: [
        { role: 'user', content: 'One.' },
        { role: 'assistant', content: '' },
        { role: 'user', content: 'Two.' },
      ],
    });
    expect(fake.lastBody().messages).toEqual([
      {
        role: 'user',
        content: [
          { type: 'text', text: 'One.' },
          { type: 'text', text: 'Two.' },
        ],
      },
    ]);
  });

  it('defaults max_tokens (required by the API) to the model limit, bounded', async () => {
    fake.server.reply({ text: 'ok' }, { text: 'ok' });
    await fake.model().generate(ask('Hi.'));
    expect(fake.lastBody().max_tokens).toBe(DEFAULT_MAX_TOKENS);
    await fake.model().generate(ask('Hi.', { maxTokens: 300 }));
    expect(fake.lastBody().max_tokens).toBe(300);
  });

  it('sends stop sequences and a user id from metadata', async () => {
    fake.server.reply({ text: 'ok' });
    await fake.model().generate(ask('Count.', { stop: ['10'], metadata: { user_id: 'u-123', team: 'x' } }));
    const body = fake.lastBody();
    expect(body.stop_sequences).toEqual(['10']);
    expect(body.metadata).toEqual({ user_id: 'u-123' });
  });

  it('does not send temperature, topP or seed (API 2026-10-21 rejects them) and warns instead', async () => {
    fake.server.reply({ text: 'ok' }, { text: 'ok' });
    const result = await fake.model().generate(ask('Hi.', { temperature: 0.2, topP: 0.9, seed: 7 }));
    const body = fake.lastBody();
    expect(body).not.toHaveProperty('temperature');
    expect(body).not.toHaveProperty('top_p');
    expect(result.warnings?.map((w) => (w.type === 'unsupported-option' ? w.option : ''))).toEqual([
      'temperature',
      'topP',
      'seed',
    ]);
    const events = await collect(fake.model().stream(ask('Hi.', { temperature: 0.2 })));
    expect(events[0]).toMatchObject({
      type: 'warning',
      warning: { type: 'unsupported-option', option: 'temperature' },
    });
  });

  it('turns on automatic prompt caching with providerOptions.anthropic.cacheControl', async () => {
    fake.server.reply({ text: 'ok' });
    await fake
      .model()
      .generate(ask('Hi.', { providerOptions: { anthropic: { cacheControl: { ttl: '1h' } } } }));
    expect(fake.lastBody().cache_control).toEqual({ type: 'ephemeral', ttl: '1h' });
  });

  it('rejects malformed providerOptions with an invalid-request error before sending', async () => {
    const model = fake.model();
    await expect(
      model.generate(ask('Hi.', { providerOptions: { anthropic: { effort: 'extreme' } } })),
    ).rejects.toMatchObject({
      kind: 'invalid-request',
      message: expect.stringContaining('effort'),
    });
    expect(fake.server.requests).toHaveLength(0);
  });

  it('counts tokens with the API token counter', async () => {
    fake.server.setTokenCount(1234);
    const model = fake.model();
    expect(await model.countTokens?.(ask('How long is this?'))).toBe(1234);
    const request = fake.server.requests[0];
    expect(request?.path).toBe('/v1/messages/count_tokens');
    expect(request?.body).toMatchObject({ model: MODEL, messages: [{ role: 'user' }] });
    expect(request?.body).not.toHaveProperty('max_tokens');
    fake.server.setTokenCount(undefined);
  });
});
