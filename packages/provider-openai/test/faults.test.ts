import type { OpenAIScriptedReply } from '@switchboard/testkit';
import OpenAI from 'openai';
import { describe, expect, it } from 'vitest';
import { mapOpenAIError } from '../src/openai-error.js';
import {
  API_KEY,
  chatModel,
  collect,
  collectUntilError,
  context,
  eventually,
  failureOf,
  provider,
  textOf,
  useFakeServer,
} from './helpers.js';

const fake = useFakeServer();
const messages = [{ role: 'user' as const, content: 'x' }];
const story = { text: 'Once upon a time there was a tiny model.' };

describe('faults', () => {
  it('waits out latency and answers', async () => {
    fake.server.reply({ ...story, faults: { latencyMs: 300 } });
    const started = Date.now();
    const result = await chatModel(fake.server).generate({ messages });
    expect(Date.now() - started).toBeGreaterThanOrEqual(290);
    expect(result.text).toBe(story.text);
  });

  it('cancels a hung request when the signal aborts, and the server sees the abort (generate)', async () => {
    fake.server.reply({ ...story, faults: { hang: true } });
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 100);
    const error = await failureOf(
      chatModel(fake.server).generate({ messages }, { signal: controller.signal }),
    );
    expect(error.kind).toBe('cancelled');
    await eventually(() => fake.server.requests[0]?.aborted === true);
  });

  it('cancels a hung stream when the signal aborts (stream)', async () => {
    fake.server.reply({ ...story, faults: { hang: true } });
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 100);
    const { error } = await collectUntilError(
      chatModel(fake.server).stream({ messages }, { signal: controller.signal }),
    );
    expect(error.kind).toBe('cancelled');
    await eventually(() => fake.server.requests[0]?.aborted === true);
  });

  it('cancels mid-stream: the stream stops with cancelled and the server sees the request aborted', async () => {
    fake.server.reply({ ...story, faults: { dripMs: 50 } });
    const controller = new AbortController();
    const seen: string[] = [];
    const { error } = await collectUntilError(
      (async function* () {
        for await (const event of chatModel(fake.server).stream(
          { messages },
          { signal: controller.signal },
        )) {
          if (event.type === 'text-delta') {
            seen.push(event.text);
            controller.abort();
          }
          yield event;
        }
      })(),
    );
    expect(error.kind).toBe('cancelled');
    expect(seen.join('').length).toBeLessThan(story.text.length);
    await eventually(() => fake.server.requests[0]?.aborted === true);
  });

  it.each(['generate', 'stream'] as const)(
    'reports a reset before the first byte as a connection error (%s)',
    async (mode) => {
      fake.server.reply({ ...story, faults: { resetAfterChunks: 0 } });
      const model = chatModel(fake.server);
      const error =
        mode === 'generate'
          ? await failureOf(model.generate({ messages }))
          : (await collectUntilError(model.stream({ messages }))).error;
      expect(error.kind).toBe('connection');
      expect(error.retryable).toBe(true);
      expect(error.message).toContain(fake.server.url);
    },
  );

  it('reports a reset after some chunks as a connection error, after the text that did arrive', async () => {
    fake.server.reply({ ...story, faults: { resetAfterChunks: 4 } });
    const { events, error } = await collectUntilError(chatModel(fake.server).stream({ messages }));
    expect(error.kind).toBe('connection');
    expect(error.message).toContain('broke');
    const text = textOf(events);
    expect(text.length).toBeGreaterThan(0);
    expect(story.text.startsWith(text)).toBe(true);
    expect(events.some((e) => e.type === 'finish' || e.type === 'usage')).toBe(false);
  });

  it('reports a malformed chunk as invalid-response (stream)', async () => {
    fake.server.reply({ ...story, faults: { malformedChunkAt: 2 } });
    const { events, error } = await collectUntilError(chatModel(fake.server).stream({ messages }));
    expect(error.kind).toBe('invalid-response');
    expect(error.message).toContain('malformed');
    expect(textOf(events)).toBe('Once');
  });

  it('reports a malformed body as invalid-response (generate)', async () => {
    fake.server.reply({ ...story, faults: { malformedChunkAt: 0 } });
    const error = await failureOf(chatModel(fake.server).generate({ messages }));
    expect(error.kind).toBe('invalid-response');
  });

  it('turns a stall into a timeout when the caller’s AbortSignal.timeout fires', async () => {
    fake.server.reply({ ...story, faults: { stallAfterChunks: 3 } });
    const { events, error } = await collectUntilError(
      chatModel(fake.server).stream({ messages }, { signal: AbortSignal.timeout(300) }),
    );
    expect(error.kind).toBe('timeout');
    expect(textOf(events).length).toBeGreaterThan(0);
    await eventually(() => fake.server.requests[0]?.aborted === true);
  });

  it('delivers a slow drip whole', async () => {
    fake.server.reply({ ...story, faults: { dripMs: 40 } });
    const started = Date.now();
    const events = await collect(chatModel(fake.server).stream({ messages }));
    expect(textOf(events)).toBe(story.text);
    expect(Date.now() - started).toBeGreaterThanOrEqual(40 * 8);
    expect(events.at(-1)).toEqual({ type: 'finish', reason: 'stop' });
  });

  it('says how to start a local server that is not running', async () => {
    const closed = `${fake.server.origin.replace(/:\d+$/, ':9')}/v1`; // port 9 (discard) is closed here
    const model = provider('lmstudio').chatModel?.('qwen', context({ baseUrl: closed }));
    const error = await failureOf(model?.generate({ messages }) ?? Promise.resolve());
    expect(error.kind).toBe('connection');
    expect(error.message).toContain(closed);
    expect(error.hint).toContain('LM Studio');
  });

  it('maps the SDK’s own timeout (APIConnectionTimeoutError) to timeout', async () => {
    fake.server.reply({ ...story, faults: { latencyMs: 1_000 } });
    const client = new OpenAI({ apiKey: API_KEY, baseURL: fake.server.url, maxRetries: 0, timeout: 100 });
    const thrown = await client.chat.completions
      .create({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'x' }] })
      .then(
        () => undefined,
        (error: unknown) => error,
      );
    expect(thrown).toBeInstanceOf(OpenAI.APIConnectionTimeoutError);
    const error = mapOpenAIError(thrown, { provider: 'openai', model: 'gpt-4o-mini' });
    expect(error.kind).toBe('timeout');
    expect(error.retryable).toBe(true);
  });

  // https://platform.openai.com/docs/guides/error-codes — an error can arrive inside a 200 stream.
  it('throws an error object that arrives mid-stream, after the text before it, with its kind', async () => {
    const step: OpenAIScriptedReply = {
      text: 'Half an answer',
      midStreamError: {
        message: 'The server had an error while processing your request.',
        type: 'server_error',
      },
    };
    fake.server.reply(step);
    const { events, error } = await collectUntilError(chatModel(fake.server).stream({ messages }));
    expect(textOf(events)).toBe('Half an answer');
    expect(events.some((event) => event.type === 'usage' || event.type === 'finish')).toBe(false);
    expect(error).toMatchObject({ kind: 'service-unavailable', retryable: true });
    expect(error.message).toContain('The server had an error');
    expect(error.message).not.toContain(API_KEY);
  });

  it('maps a mid-stream context-length error to context-window-exceeded', async () => {
    const step: OpenAIScriptedReply = {
      text: '',
      midStreamError: {
        message:
          "This model's maximum context length is 8192 tokens. However, your messages resulted in 9000 tokens.",
        type: 'invalid_request_error',
        code: 'context_length_exceeded',
      },
    };
    fake.server.reply(step);
    const { error } = await collectUntilError(chatModel(fake.server).stream({ messages }));
    expect(error.kind).toBe('context-window-exceeded');
  });

  it('reports a stream that closes without a finish reason as a connection error, not a clean answer', async () => {
    const step: OpenAIScriptedReply = { text: 'Cut off', endWithoutFinish: true };
    fake.server.reply(step);
    const { events, error } = await collectUntilError(chatModel(fake.server).stream({ messages }));
    expect(textOf(events)).toBe('Cut off');
    expect(events.some((event) => event.type === 'finish')).toBe(false);
    expect(error).toMatchObject({ kind: 'connection', code: 'stream-truncated', retryable: true });
  });
});
