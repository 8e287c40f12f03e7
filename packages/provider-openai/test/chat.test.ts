import { describe, expect, it } from 'vitest';
import { API_KEY, chatModel, collect, textOf, useFakeServer } from './helpers.js';

const fake = useFakeServer();

describe('chat: generate', () => {
  it('returns the text, usage, finish reason and response facts', async () => {
    fake.server.reply({ text: 'Hi there!', usage: { inputTokens: 9, outputTokens: 3 } });
    const result = await chatModel(fake.server).generate({ messages: [{ role: 'user', content: 'Hello' }] });
    expect(result.text).toBe('Hi there!');
    expect(result.toolCalls).toEqual([]);
    expect(result.finishReason).toBe('stop');
    expect(result.usage).toEqual({ inputTokens: 9, outputTokens: 3 });
    expect(result.metadata).toMatchObject({ servedModel: 'gpt-4o-mini', systemFingerprint: 'fp_fake' });
    const request = fake.server.lastRequestTo('/chat/completions');
    expect(request?.path).toBe('/v1/chat/completions');
    expect(request?.headers.authorization).toBe(`Bearer ${API_KEY}`);
    expect(fake.server.lastChatRequest()).toMatchObject({ model: 'gpt-4o-mini', stream: false });
  });

  it('sends the system prompt and the whole history in order', async () => {
    await chatModel(fake.server).generate({
      messages: [
        { role: 'system', content: 'Be terse.' },
        { role: 'user', content: 'What is 2+2?' },
        { role: 'assistant', content: '4' },
        { role: 'user', content: [{ type: 'text', text: 'And 3+3?' }] },
      ],
    });
    const sent = fake.server.lastChatRequest();
    expect(sent?.system).toBe('Be terse.');
    expect(sent?.messages.map((m) => [m.role, m.text])).toEqual([
      ['user', 'What is 2+2?'],
      ['assistant', '4'],
      ['user', 'And 3+3?'],
    ]);
  });

  it('sends sampling options and the token limit as max_tokens', async () => {
    await chatModel(fake.server).generate({
      messages: [{ role: 'user', content: 'x' }],
      temperature: 0.3,
      topP: 0.9,
      maxTokens: 55,
      stop: ['END'],
      seed: 7,
    });
    const body = fake.server.lastRequestTo('/chat/completions')?.body;
    expect(body).toMatchObject({ temperature: 0.3, top_p: 0.9, max_tokens: 55, stop: ['END'], seed: 7 });
    expect(body).not.toHaveProperty('max_completion_tokens');
    expect(fake.server.lastChatRequest()).toMatchObject({
      temperature: 0.3,
      topP: 0.9,
      maxTokens: 55,
      stop: ['END'],
    });
  });

  it('uses max_completion_tokens for reasoning models and drops the sampling options they reject, with warnings', async () => {
    const result = await chatModel(fake.server, 'o3-mini').generate({
      messages: [{ role: 'user', content: 'x' }],
      maxTokens: 500,
      temperature: 0.2,
      topP: 0.5,
    });
    const body = fake.server.lastRequestTo('/chat/completions')?.body;
    expect(body).toMatchObject({ max_completion_tokens: 500 });
    expect(body).not.toHaveProperty('max_tokens');
    expect(body).not.toHaveProperty('temperature');
    expect(body).not.toHaveProperty('top_p');
    expect(result.warnings?.map((w) => (w.type === 'unsupported-option' ? w.option : ''))).toEqual([
      'temperature',
      'topP',
    ]);
  });

  it('passes providerOptions for its provider id and call headers through', async () => {
    await chatModel(fake.server, 'o4-mini').generate(
      {
        messages: [{ role: 'user', content: 'x' }],
        providerOptions: { openai: { reasoning_effort: 'low' }, groq: { ignored: true } },
      },
      { headers: { 'x-trace-id': 'trace-1' } },
    );
    const request = fake.server.lastRequestTo('/chat/completions');
    expect(request?.body).toMatchObject({ reasoning_effort: 'low' });
    expect(request?.body).not.toHaveProperty('ignored');
    expect(request?.headers['x-trace-id']).toBe('trace-1');
  });
});

describe('chat: stream', () => {
  it('streams text deltas, then exactly one usage event, then finish', async () => {
    fake.server.reply({
      text: 'One two three.',
      textChunks: ['One', ' two', ' three.'],
      usage: { inputTokens: 5, outputTokens: 4 },
    });
    const events = await collect(
      chatModel(fake.server).stream({ messages: [{ role: 'user', content: 'Count' }] }),
    );
    expect(
      events.filter((e) => e.type === 'text-delta').map((e) => (e.type === 'text-delta' ? e.text : '')),
    ).toEqual(['One', ' two', ' three.']);
    expect(events.filter((e) => e.type === 'usage')).toHaveLength(1);
    expect(events.slice(-2)).toEqual([
      { type: 'usage', usage: { inputTokens: 5, outputTokens: 4 } },
      { type: 'finish', reason: 'stop' },
    ]);
    expect(events[0]).toMatchObject({ type: 'metadata', metadata: { servedModel: 'gpt-4o-mini' } });
    const body = fake.server.lastRequestTo('/chat/completions')?.body;
    expect(body).toMatchObject({ stream: true, stream_options: { include_usage: true } });
  });

  it('reports warnings as events before the content', async () => {
    const events = await collect(
      chatModel(fake.server, 'o3').stream({ messages: [{ role: 'user', content: 'x' }], temperature: 1 }),
    );
    const warningAt = events.findIndex((e) => e.type === 'warning');
    const textAt = events.findIndex((e) => e.type === 'text-delta');
    expect(warningAt).toBeGreaterThanOrEqual(0);
    expect(warningAt).toBeLessThan(textAt);
    expect(textOf(events)).toBe('Hello from the fake server.');
  });
});
