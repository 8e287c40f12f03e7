import { ProviderRegistry } from '@switchboard/core';
import { collectUntilError } from '@switchboard/testkit/conformance';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import plugin from '../index.js';
import { FakeCohereServer } from './fake-cohere-server.js';

// What the conformance suite cannot see: Cohere's own wire details. The suite covers the contract.

const PNG = new Uint8Array([137, 80, 78, 71, 13, 10, 26, 10]);

/** @type {FakeCohereServer} */
let server;
/** @type {Record<string, string>} */
let settings;
/** @type {ProviderRegistry} */
let registry;

beforeAll(async () => {
  server = await new FakeCohereServer().start();
  settings = { apiKey: 'co-wire-test-8c41d2aa', baseUrl: server.url };
  registry = new ProviderRegistry({ resolveSettings: () => settings });
  registry.register(plugin);
});

beforeEach(() => server.reset());

afterAll(async () => {
  await registry.dispose();
  await server.close();
});

const chat = (id = 'command-a-plus-05-2026') => registry.chatModel(`cohere/${id}`);
const lastBody = () => server.requests.at(-1)?.body;

/**
 * A 200 answer with a body written by hand (the scripted "error" step carries any status and body).
 * @param {Array<Record<string, unknown>>} events
 */
const rawStream = (events) => ({
  kind: /** @type {const} */ ('error'),
  status: 200,
  headers: { 'content-type': 'text/event-stream' },
  rawBody: events.map((data) => `event: ${data.type}\ndata: ${JSON.stringify(data)}\n\n`).join(''),
});

describe('request body', () => {
  it('sends the key as a bearer token and options under Cohere names', async () => {
    await (await chat()).generate({
      messages: [{ role: 'user', content: 'Hi' }],
      topP: 0.5,
      stop: ['END'],
      seed: 7,
      providerOptions: { cohere: { safety_mode: 'STRICT' } },
    });
    expect(server.requests[0]?.headers.authorization).toBe('Bearer co-wire-test-8c41d2aa');
    expect(lastBody()).toMatchObject({
      p: 0.5,
      stop_sequences: ['END'],
      seed: 7,
      safety_mode: 'STRICT',
      stream: false,
    });
  });

  it('sends tools as functions, and "use this tool" as REQUIRED with only that tool', async () => {
    const tool = (name) => ({ name, parameters: { type: 'object', properties: {} } });
    await (await chat()).generate({
      messages: [{ role: 'user', content: 'Hi' }],
      tools: [tool('a'), tool('b')],
      toolChoice: { type: 'tool', name: 'b' },
    });
    expect(lastBody()).toMatchObject({
      tools: [{ type: 'function', function: { name: 'b', parameters: { type: 'object', properties: {} } } }],
      tool_choice: 'REQUIRED',
    });
    expect(lastBody().tools).toHaveLength(1);
  });

  it('sends image bytes as a data URI, tool calls as JSON strings and each result as a tool message', async () => {
    await (await chat()).generate({
      messages: [
        {
          role: 'user',
          content: [{ type: 'image', image: { kind: 'bytes', data: PNG, mimeType: 'image/png' } }],
        },
        { role: 'assistant', content: [{ type: 'tool-call', id: 'c1', name: 'lookup', args: { q: 'x' } }] },
        {
          role: 'tool',
          content: [{ type: 'tool-result', toolCallId: 'c1', toolName: 'lookup', result: 'plain text' }],
        },
      ],
    });
    expect(lastBody().messages).toEqual([
      {
        role: 'user',
        content: [
          {
            type: 'image_url',
            image_url: { url: `data:image/png;base64,${Buffer.from(PNG).toString('base64')}` },
          },
        ],
      },
      {
        role: 'assistant',
        tool_calls: [{ id: 'c1', type: 'function', function: { name: 'lookup', arguments: '{"q":"x"}' } }],
      },
      { role: 'tool', tool_call_id: 'c1', content: 'plain text' },
    ]);
  });

  it('embeds with float vectors for stored documents, in the dimension asked for', async () => {
    server.reply({ embeddings: [[1, 2]], usage: { inputTokens: 3, outputTokens: 0 } });
    const result = await (await registry.embeddingModel('cohere/embed-v4.0')).embed(['doc'], {
      dimensions: 256,
    });
    expect(result).toEqual({ embeddings: [[1, 2]], usage: { inputTokens: 3 } });
    expect(lastBody()).toEqual({
      model: 'embed-v4.0',
      texts: ['doc'],
      input_type: 'search_document',
      embedding_types: ['float'],
      output_dimension: 256,
    });
  });
});

describe('answers', () => {
  it('reads the tool plan as reasoning, streamed and not', async () => {
    const step = {
      reasoning: 'I will look it up.',
      toolCalls: [{ id: 't1', name: 'lookup', args: { q: 'x' } }],
    };
    server.reply(step, step);
    const model = await chat();
    expect((await model.generate({ messages: [{ role: 'user', content: 'Q' }] })).reasoning).toBe(
      'I will look it up.',
    );
    const { events } = await collectUntilError(model.stream({ messages: [{ role: 'user', content: 'Q' }] }));
    const reasoning = events.map((e) => (e.type === 'reasoning-delta' ? e.text : '')).join('');
    expect(reasoning).toBe('I will look it up.');
  });

  it('throws when Cohere ends the stream with finish_reason ERROR, after the text it sent', async () => {
    server.reply(
      rawStream([
        { type: 'message-start', id: 'm1' },
        { type: 'content-delta', index: 0, delta: { message: { content: { text: 'Par' } } } },
        { type: 'message-end', delta: { finish_reason: 'ERROR', error: 'internal failure' } },
      ]),
    );
    const { events, error } = await collectUntilError(
      (await chat()).stream({ messages: [{ role: 'user', content: 'Q' }] }),
    );
    expect(events.map((e) => e.type)).toEqual(['metadata', 'text-delta']);
    expect(error).toMatchObject({ kind: 'service-unavailable', retryable: true });
    expect(error.message).toContain('internal failure');
  });

  it('treats a stream that ends without message-end as broken, not finished', async () => {
    server.reply(
      rawStream([{ type: 'content-delta', index: 0, delta: { message: { content: { text: 'Cut' } } } }]),
    );
    const { events, error } = await collectUntilError(
      (await chat()).stream({ messages: [{ role: 'user', content: 'Q' }] }),
    );
    expect(events.some((e) => e.type === 'finish')).toBe(false);
    expect(error).toMatchObject({ kind: 'invalid-response', retryable: true });
  });

  it('lists live chat and embedding models only, reading unknown ones by their features', async () => {
    const models = await registry.listModels('cohere', { live: true });
    expect(models.map((m) => m.info.id)).toEqual([
      'command-a-plus-05-2026',
      'command-a-03-2025',
      'c4ai-aya-vision-32b',
      'embed-v4.0',
    ]);
    expect(models.find((m) => m.info.id === 'c4ai-aya-vision-32b')?.info).toEqual({
      id: 'c4ai-aya-vision-32b',
      kind: 'chat',
      capabilities: { vision: true, tools: false, json: false },
      contextWindow: 16384,
    });
  });
});

describe('errors', () => {
  it('maps 498 (blocked output) to content-filtered', async () => {
    server.reply({
      kind: 'error',
      status: 498,
      message: 'blocked output: please adjust your prompt and try again',
    });
    const { error } = await collectUntilError(
      (await chat()).stream({ messages: [{ role: 'user', content: 'Q' }] }),
    );
    expect(error).toMatchObject({ kind: 'content-filtered', provider: 'cohere' });
  });

  it('keeps "max tokens must be ..." an invalid request, not a full context window', async () => {
    server.reply({
      kind: 'error',
      status: 400,
      message:
        'too many tokens: max tokens must be less than or equal to 4096, the maximum output for this model - received 8192.',
    });
    const { error } = await collectUntilError(
      (await chat()).stream({ messages: [{ role: 'user', content: 'Q' }] }),
    );
    expect(error).toMatchObject({ kind: 'invalid-request' });
  });

  it('says how to set the key when none is set, without calling Cohere', async () => {
    const keyless = new ProviderRegistry({ resolveSettings: () => ({ baseUrl: server.url }) });
    keyless.register(plugin);
    const { error } = await collectUntilError(
      (await keyless.chatModel('cohere/command-a-03-2025')).stream({
        messages: [{ role: 'user', content: 'Q' }],
      }),
    );
    expect(error).toMatchObject({ kind: 'authentication' });
    expect(error.hint).toContain('CO_API_KEY');
    expect(server.requests).toEqual([]);
    await keyless.dispose();
  });

  it('the fake server, like Cohere, refuses a request without a key with 401', async () => {
    const response = await fetch(`${server.url}/v2/chat`, { method: 'POST', body: '{}' });
    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({ message: 'no api key supplied' });
  });
});
