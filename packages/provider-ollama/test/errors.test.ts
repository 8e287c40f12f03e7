import type { SwitchboardErrorLike } from '@switchboard/core';
import type { OllamaScriptedReply } from '@switchboard/testkit';
import { describe, expect, it } from 'vitest';
import { createOllamaProvider } from '../src/index.js';
import { closedPort, failure, streamFailure, textOf, useOllama } from './helpers.js';

const hello = { messages: [{ role: 'user' as const, content: 'Hello?' }] };
const KEY = 'ollama-proxy-key-5f2c9e7d1a';

/** Nothing a user sees may carry the key or a stack trace. */
function expectClean(error: SwitchboardErrorLike) {
  for (const text of [error.message, error.hint, error.userMessage, JSON.stringify(error)]) {
    expect(text).not.toContain(KEY);
    expect(text).not.toMatch(/\n\s+at /);
  }
}

describe('ollama HTTP errors', () => {
  const ollama = useOllama();

  it('maps a missing model (404) to not-found with the pull command', async () => {
    ollama.server.reply({ kind: 'error', status: 404 });
    const error = await failure(() => ollama.chat('llama9').generate(hello));
    expect(error).toMatchObject({ kind: 'not-found', status: 404, provider: 'ollama', retryable: false });
    expect(error.message).toBe('ollama answered 404: model "llama9" not found, try pulling it first');
    expect(error.hint).toBe('Download it with `ollama pull llama9`, or pick another model.');
  });

  it('maps 404 in a stream the same way (Ollama answers errors before streaming with a status)', async () => {
    ollama.server.reply({ kind: 'error', status: 404 });
    const { error, before } = await streamFailure(ollama.chat('llama9').stream(hello));
    expect(error.kind).toBe('not-found');
    expect(before).toEqual([]);
  });

  it.each([
    [400, 'invalid request', 'invalid-request', false],
    [500, 'an error was encountered while running the model', 'service-unavailable', true],
    [503, 'server busy, please try again.  maximum pending requests exceeded', 'service-unavailable', true],
  ])('maps %i to %s', async (status, text, kind, retryable) => {
    ollama.server.reply({ kind: 'error', status }, { kind: 'error', status });
    const error = await failure(() => ollama.chat().generate(hello));
    expect(error).toMatchObject({ kind, status, retryable });
    expect(error.message).toBe(`ollama answered ${status}: ${text}`);
    const streamed = await streamFailure(ollama.chat().stream(hello));
    expect(streamed.error).toMatchObject({ kind, status });
  });

  it('honours Retry-After on 429 (hosted Ollama rate limits)', async () => {
    ollama.server.reply({ kind: 'error', status: 429, headers: { 'retry-after': '7' } });
    const error = await failure(() => ollama.chat().generate(hello));
    expect(error).toMatchObject({ kind: 'rate-limit', retryable: true, retryAfterMs: 7000 });
  });

  // Phrasings from https://github.com/ollama/ollama/blob/main/server/routes.go and llm/llama_server.go.
  it('maps a context-length refusal to context-window-exceeded, whatever the status', async () => {
    ollama.server.reply(
      { kind: 'error', status: 400, message: 'the input length exceeds the context length' },
      {
        kind: 'error',
        status: 500,
        message: 'the prompt is longer than the context length currently available to the model',
      },
    );
    expect((await failure(() => ollama.chat().generate(hello))).kind).toBe('context-window-exceeded');
    expect((await failure(() => ollama.chat().generate(hello))).kind).toBe('context-window-exceeded');
  });

  // https://github.com/ollama/ollama/blob/main/server/images.go (CheckCapabilities) and server/routes.go.
  it('says which capability a model lacks, and lets fallback try another model', async () => {
    ollama.server.reply({
      kind: 'error',
      status: 400,
      message: 'registry.ollama.ai/library/gemma:2b does not support tools',
    });
    const error = await failure(() => ollama.chat('gemma:2b').generate(hello));
    expect(error).toMatchObject({ kind: 'invalid-request', fallbackMayHelp: true });
    expect(error.hint).toContain('cannot do tools');
  });

  it('reads a plain-text error body (a proxy in front of Ollama)', async () => {
    ollama.server.reply({ kind: 'error', status: 502, rawBody: 'Bad Gateway' });
    const error = await failure(() => ollama.chat().generate(hello));
    expect(error).toMatchObject({ kind: 'service-unavailable', status: 502 });
    expect(error.message).toContain('Bad Gateway');
  });

  // https://github.com/ollama/ollama/blob/main/docs/api/errors.mdx#errors-that-occur-while-streaming
  it('throws a mid-stream {"error"} line as a Switchboard error after the text before it', async () => {
    const step: OllamaScriptedReply = {
      text: 'Yes. I can',
      midStreamError: { afterChunks: 2, message: 'an error was encountered while running the model' },
    };
    ollama.server.reply(step);
    const { error, before } = await streamFailure(ollama.chat().stream(hello));
    expect(textOf(before)).toBe('Yes. I');
    expect(before.some((e) => e.type === 'usage' || e.type === 'finish')).toBe(false);
    expect(error).toMatchObject({ kind: 'service-unavailable', retryable: true });
    expect(error.message).toBe(
      'Ollama failed while answering: an error was encountered while running the model',
    );
  });

  it('recognises a context-length error line mid-stream', async () => {
    const step: OllamaScriptedReply = {
      text: 'partial',
      midStreamError: { afterChunks: 0, message: 'context size has been exceeded' },
    };
    ollama.server.reply(step);
    const { error } = await streamFailure(ollama.chat().stream(hello));
    expect(error.kind).toBe('context-window-exceeded');
  });
});

describe('ollama optional API key', () => {
  const ollama = useOllama();

  it('sends the key as a bearer token only when set', async () => {
    await ollama.chat().generate(hello);
    expect(ollama.server.requests.at(-1)?.headers.authorization).toBeUndefined();
    await ollama.chat('llama3.2', { apiKey: KEY }).generate(hello);
    expect(ollama.server.requests.at(-1)?.headers.authorization).toBe(`Bearer ${KEY}`);
  });

  it('never shows the key, even when the server echoes it back', async () => {
    ollama.server.reply(
      { kind: 'error', status: 401, message: `unauthorized: key ${KEY} is not valid` },
      { kind: 'error', status: 403, rawBody: `Forbidden for Authorization: Bearer ${KEY}` },
    );
    const unauthorized = await failure(() => ollama.chat('llama3.2', { apiKey: KEY }).generate(hello));
    expect(unauthorized.kind).toBe('authentication');
    expectClean(unauthorized);
    const forbidden = await failure(() => ollama.chat('llama3.2', { apiKey: KEY }).generate(hello));
    expect(forbidden.kind).toBe('permission-denied');
    expectClean(forbidden);
  });

  it('keeps the key out of connection errors', async () => {
    const port = await closedPort();
    const chat = ollama.provider.chatModel?.('llama3.2', {
      settings: { baseUrl: `http://127.0.0.1:${port}`, apiKey: KEY },
    });
    const error = await failure(async () => chat?.generate(hello));
    expect(error.kind).toBe('connection');
    expectClean(error);
  });
});

describe('ollama not running', () => {
  it('says how to start it when nothing listens on the port, for every kind of call', async () => {
    const port = await closedPort();
    const provider = createOllamaProvider();
    const context = { settings: { baseUrl: `127.0.0.1:${port}` } };
    const expected = `Ollama is not running at http://127.0.0.1:${port}; start it with \`ollama serve\` or set OLLAMA_HOST.`;

    const chat = provider.chatModel?.('llama3.2', context);
    const generate = await failure(async () => chat?.generate(hello));
    expect(generate).toMatchObject({ kind: 'connection', retryable: true, message: expected });
    const stream = await failure(async () => {
      for await (const _ of chat?.stream(hello) ?? []) {
        // drain
      }
    });
    expect(stream.message).toBe(expected);
    const list = await failure(() => provider.listModels(context, { live: true }));
    expect(list.message).toBe(expected);
    const embed = await failure(async () =>
      provider.embeddingModel?.('nomic-embed-text', context).embed(['x']),
    );
    expect(embed.message).toBe(expected);
  });
});
