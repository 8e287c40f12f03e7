import { isSwitchboardError, type ModelStreamEvent } from '@switchboard/core';
import { describe, expect, it } from 'vitest';
import { API_KEY, bodyOf, chatModel, collect, contextFor, failure, useFakeGemini, user } from './helpers.js';

const { server, provider } = useFakeGemini();

type Body = {
  systemInstruction?: unknown;
  contents: Array<{ role: string; parts: Array<Record<string, unknown>> }>;
  generationConfig?: Record<string, unknown>;
};
const lastBody = () => bodyOf<Body>(server);
const texts = (events: ModelStreamEvent[], type: 'text-delta' | 'reasoning-delta') =>
  events.flatMap((e) => (e.type === type ? [e.text] : []));

describe('chat: text', () => {
  it('generates through the real SDK and reads text, usage, finish and metadata', async () => {
    server.reply({ text: 'Hello there.', usage: { inputTokens: 7, outputTokens: 3 } });
    const result = await chatModel(provider(), server).generate({ messages: [user('Hi')] });
    expect(result.text).toBe('Hello there.');
    expect(result.finishReason).toBe('stop');
    expect(result.usage).toEqual({ inputTokens: 7, outputTokens: 3 });
    expect(result.toolCalls).toEqual([]);
    expect(result.metadata).toMatchObject({
      responseId: 'fake-response-1',
      modelVersion: 'gemini-2.5-flash',
    });
    const request = server.requests[0];
    expect(request?.method).toBe('POST');
    expect(request?.path).toBe('/v1/models/gemini-2.5-flash:generateContent');
    expect(request?.headers['x-goog-api-key']).toBe(API_KEY);
    expect(request?.query).toEqual({}); // the key travels in the header, never in the URL
  });

  it('streams text deltas over SSE, then exactly one usage and the finish', async () => {
    server.reply({ text: 'One two three', usage: { inputTokens: 5, outputTokens: 4 } });
    const events = await collect(chatModel(provider(), server).stream({ messages: [user('Count')] }));
    expect(texts(events, 'text-delta')).toEqual(['One', ' two', ' three']);
    expect(events.filter((e) => e.type === 'usage')).toHaveLength(1);
    // Earlier chunks carried a partial running usage; the last one wins.
    expect(events.at(-2)).toEqual({ type: 'usage', usage: { inputTokens: 5, outputTokens: 4 } });
    expect(events.at(-1)).toEqual({ type: 'finish', reason: 'stop' });
    expect(events[0]).toEqual({
      type: 'metadata',
      metadata: { responseId: 'fake-response-1', modelVersion: 'gemini-2.5-flash' },
    });
    expect(server.requests[0]?.path).toBe('/v1/models/gemini-2.5-flash:streamGenerateContent');
    expect(server.requests[0]?.query.alt).toBe('sse');
    expect(server.lastChatRequest()?.stream).toBe(true);
    expect(server.requests[0]?.aborted).toBe(false); // a finished stream is not cut off
  });

  it('sends the system prompt as systemInstruction, not as a turn', async () => {
    await chatModel(provider(), server).generate({
      messages: [{ role: 'system', content: 'Be terse.' }, user('Hi')],
    });
    const neutral = server.lastChatRequest();
    expect(neutral?.system).toBe('Be terse.');
    expect(neutral?.messages).toHaveLength(1);
    expect(lastBody().systemInstruction).toEqual({ parts: [{ text: 'Be terse.' }] });
  });

  it('sends multi-turn history with assistant turns as role model', async () => {
    await chatModel(provider(), server).generate({
      messages: [
        user('My name is Ada.'),
        { role: 'assistant', content: 'Hello Ada.' },
        user('What is my name?'),
      ],
    });
    expect(lastBody().contents.map((c) => c.role)).toEqual(['user', 'model', 'user']);
    expect(server.lastChatRequest()?.messages.map((m) => [m.role, m.text])).toEqual([
      ['user', 'My name is Ada.'],
      ['assistant', 'Hello Ada.'],
      ['user', 'What is my name?'],
    ]);
  });

  it('maps the generation options into generationConfig', async () => {
    await chatModel(provider(), server).generate({
      messages: [user('Hi')],
      temperature: 0.3,
      topP: 0.8,
      maxTokens: 256,
      stop: ['END'],
      seed: 42,
      metadata: { user: 'u1' },
    });
    const neutral = server.lastChatRequest();
    expect(neutral).toMatchObject({ temperature: 0.3, topP: 0.8, maxTokens: 256, stop: ['END'] });
    expect(lastBody().generationConfig?.seed).toBe(42);
    expect(server.requests.at(-1)?.rawBody).not.toContain('u1'); // Gemini has no metadata field
  });

  it('passes extra headers of the call to the server', async () => {
    await chatModel(provider(), server).generate(
      { messages: [user('Hi')] },
      { headers: { 'x-trace': 'abc' } },
    );
    expect(server.requests[0]?.headers['x-trace']).toBe('abc');
  });

  it('accepts model ids with the API resource prefix', async () => {
    await chatModel(provider(), server, 'models/gemini-2.0-flash').generate({ messages: [user('Hi')] });
    expect(server.requests[0]?.path).toBe('/v1/models/gemini-2.0-flash:generateContent');
  });
});

describe('chat: JSON output', () => {
  it('asks for application/json with the schema as responseJsonSchema', async () => {
    const schema = { type: 'object', properties: { city: { type: 'string' } }, required: ['city'] };
    server.reply({ text: '{"city":"Paris"}' });
    const result = await chatModel(provider(), server).generate({
      messages: [user('Capital of France?')],
      responseFormat: { type: 'json', schema },
    });
    expect(JSON.parse(result.text)).toEqual({ city: 'Paris' });
    expect(server.lastChatRequest()).toMatchObject({ json: true, jsonSchema: schema });
  });

  it('asks for JSON without a schema', async () => {
    await chatModel(provider(), server).generate({
      messages: [user('JSON please')],
      responseFormat: { type: 'json' },
    });
    const neutral = server.lastChatRequest();
    expect(neutral?.json).toBe(true);
    expect(neutral?.jsonSchema).toBeUndefined();
  });
});

describe('chat: reasoning and usage', () => {
  const thinking = {
    reasoning: 'First, add the numbers.',
    text: 'It is 4.',
    usage: { inputTokens: 10, outputTokens: 30, reasoningTokens: 25 },
  };

  it('reads thought parts as reasoning and counts thoughts inside the output tokens', async () => {
    server.reply(thinking);
    const result = await chatModel(provider(), server).generate({
      messages: [user('2+2?')],
      providerOptions: { gemini: { includeThoughts: true, thinkingBudget: 1024 } },
    });
    expect(result.reasoning).toBe('First, add the numbers.');
    expect(result.text).toBe('It is 4.');
    expect(result.usage).toEqual({ inputTokens: 10, outputTokens: 30, reasoningTokens: 25 });
    expect(lastBody().generationConfig?.thinkingConfig).toEqual({
      includeThoughts: true,
      thinkingBudget: 1024,
    });
  });

  it('streams thought parts as reasoning deltas before the text', async () => {
    server.reply(thinking);
    const events = await collect(
      chatModel(provider(), server).stream({
        messages: [user('2+2?')],
        providerOptions: { gemini: { includeThoughts: true, thinkingLevel: 'low' } },
      }),
    );
    expect(texts(events, 'reasoning-delta').join('')).toBe('First, add the numbers.');
    expect(texts(events, 'text-delta').join('')).toBe('It is 4.');
    const firstText = events.findIndex((e) => e.type === 'text-delta');
    expect(events.findLastIndex((e) => e.type === 'reasoning-delta')).toBeLessThan(firstText);
    expect(events.at(-2)).toEqual({
      type: 'usage',
      usage: { inputTokens: 10, outputTokens: 30, reasoningTokens: 25 },
    });
    expect(lastBody().generationConfig?.thinkingConfig).toEqual({
      includeThoughts: true,
      thinkingLevel: 'LOW',
    });
  });

  it('reports cached prompt tokens as part of the input', async () => {
    server.reply({ text: 'ok', usage: { inputTokens: 1000, outputTokens: 2, cachedInputTokens: 800 } });
    const result = await chatModel(provider(), server).generate({
      messages: [user('Hi')],
      providerOptions: { gemini: { cachedContent: 'cachedContents/abc' } },
    });
    expect(result.usage).toEqual({ inputTokens: 1000, outputTokens: 2, cacheReadTokens: 800 });
    expect(bodyOf<{ cachedContent?: string }>(server, 0).cachedContent).toBe('cachedContents/abc');
  });

  it('warns about unknown provider options and rejects malformed ones before sending', async () => {
    const model = chatModel(provider(), server);
    const result = await model.generate({
      messages: [user('Hi')],
      providerOptions: { gemini: { frobnicate: 1 } },
    });
    expect(result.warnings).toEqual([
      expect.objectContaining({ type: 'unsupported-option', option: 'providerOptions.gemini.frobnicate' }),
    ]);
    const error = await failure(
      model.generate({ messages: [user('Hi')], providerOptions: { gemini: { thinkingBudget: 'lots' } } }),
    );
    expect(error).toMatchObject({ kind: 'invalid-request', provider: 'gemini' });
    expect(String((error as Error).message)).toContain('thinkingBudget');
    expect(server.requests).toHaveLength(1);
  });
});

describe('chat: finish reasons', () => {
  it('maps MAX_TOKENS to length', async () => {
    server.reply({ text: 'Cut', finish: 'length' });
    const result = await chatModel(provider(), server).generate({ messages: [user('Long story')] });
    expect(result.finishReason).toBe('length');
    expect(result.metadata?.geminiFinishReason).toBe('MAX_TOKENS');
  });

  it.each(['SAFETY', 'RECITATION', 'BLOCKLIST', 'PROHIBITED_CONTENT', 'SPII', 'IMAGE_SAFETY'])(
    'maps finishReason %s to content-filter (generate and stream)',
    async (reason) => {
      server.contentFilter = { finishReason: reason };
      server.reply({ finish: 'content-filter' }, { text: 'Partial answer', finish: 'content-filter' });
      const model = chatModel(provider(), server);
      const result = await model.generate({ messages: [user('Something bad')] });
      expect(result).toMatchObject({ text: '', finishReason: 'content-filter' });
      expect(result.metadata?.geminiFinishReason).toBe(reason);
      const events = await collect(model.stream({ messages: [user('Something bad')] }));
      expect(texts(events, 'text-delta').join('')).toBe('Partial answer');
      expect(events.at(-1)).toEqual({ type: 'finish', reason: 'content-filter' });
    },
  );

  it('maps a prompt blocked by promptFeedback.blockReason to content-filter', async () => {
    server.contentFilter = { blockReason: 'PROHIBITED_CONTENT' };
    server.reply({ finish: 'content-filter' }, { finish: 'content-filter' });
    const model = chatModel(provider(), server);
    const result = await model.generate({ messages: [user('Something bad')] });
    expect(result).toMatchObject({ text: '', finishReason: 'content-filter' });
    expect(result.metadata?.blockReason).toBe('PROHIBITED_CONTENT');
    const events = await collect(model.stream({ messages: [user('Something bad')] }));
    expect(events.filter((e) => e.type === 'text-delta')).toEqual([]);
    expect(events).toContainEqual({ type: 'metadata', metadata: { blockReason: 'PROHIBITED_CONTENT' } });
    expect(events.slice(-2).map((e) => e.type)).toEqual(['usage', 'finish']);
    expect(events.at(-1)).toEqual({ type: 'finish', reason: 'content-filter' });
  });
});

describe('chat: vision', () => {
  const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 1, 2, 3]);

  it('sends image bytes as inlineData', async () => {
    await chatModel(provider(), server).generate({
      messages: [
        {
          role: 'user',
          content: [
            { type: 'text', text: 'What is this?' },
            { type: 'image', image: { kind: 'bytes', data: png, mimeType: 'image/png' } },
          ],
        },
      ],
    });
    const message = server.lastChatRequest()?.messages[0];
    expect(message?.text).toBe('What is this?');
    expect(message?.images).toEqual([{ base64: Buffer.from(png).toString('base64'), mimeType: 'image/png' }]);
  });

  it('sends image URLs as fileData with a MIME type, and data URLs inline', async () => {
    await chatModel(provider(), server).generate({
      messages: [
        {
          role: 'user',
          content: [
            { type: 'image', image: { kind: 'url', url: 'https://example.com/cat.webp?size=2' } },
            { type: 'image', image: { kind: 'url', url: 'data:image/gif;base64,R0lGOD' } },
          ],
        },
      ],
    });
    expect(lastBody().contents[0]?.parts).toEqual([
      { fileData: { fileUri: 'https://example.com/cat.webp?size=2', mimeType: 'image/webp' } },
      { inlineData: { mimeType: 'image/gif', data: 'R0lGOD' } },
    ]);
    expect(server.lastChatRequest()?.messages[0]?.images[0]).toEqual({
      url: 'https://example.com/cat.webp?size=2',
    });
  });

  it('refuses images for a model known to lack vision, before sending anything', async () => {
    const error = await failure(
      chatModel(provider(), server, 'gemma-3-1b-it').generate({
        messages: [
          { role: 'user', content: [{ type: 'image', image: { kind: 'url', url: 'https://x/y.png' } }] },
        ],
      }),
    );
    expect(isSwitchboardError(error)).toBe(true);
    expect(error).toMatchObject({ kind: 'invalid-request', model: 'gemma-3-1b-it', fallbackMayHelp: true });
    expect((error as Error).message).toContain('cannot read images');
    expect(server.requests).toHaveLength(0);
  });
});

describe('chat: requests Gemini would reject', () => {
  it('puts the system prompt in the first user turn for Gemma, which has no systemInstruction', async () => {
    await chatModel(provider(), server, 'gemma-3-27b-it').generate({
      messages: [{ role: 'system', content: 'Be terse.' }, user('Hi')],
    });
    expect(lastBody().systemInstruction).toBeUndefined();
    expect(lastBody().contents[0]?.parts).toEqual([{ text: 'Be terse.' }, { text: 'Hi' }]);
  });

  it('refuses a request without any turn', async () => {
    const error = await failure(
      chatModel(provider(), server).generate({ messages: [{ role: 'system', content: 'Alone' }] }),
    );
    expect(error).toMatchObject({ kind: 'invalid-request' });
    expect(server.requests).toHaveLength(0);
  });

  it('says how to set a key when none is configured, without calling the server', async () => {
    const model = provider().chatModel?.('gemini-2.5-flash', contextFor(server, { apiKey: undefined }));
    const error = await failure(model?.generate({ messages: [user('Hi')] }) ?? Promise.resolve());
    expect(error).toMatchObject({ kind: 'authentication', provider: 'gemini', action: 'set-api-key' });
    expect((error as { hint: string }).hint).toContain('GEMINI_API_KEY');
    expect(server.requests).toHaveLength(0);
  });
});
