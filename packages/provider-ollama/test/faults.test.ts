import { SwitchboardError } from '@switchboard/core';
import { describe, expect, it, vi } from 'vitest';
import { collect, failure, streamFailure, textOf, useOllama } from './helpers.js';

const hello = { messages: [{ role: 'user' as const, content: 'Hello?' }] };
const words = 'one two three four five six seven eight';

async function until(condition: () => boolean, timeoutMs = 2000): Promise<void> {
  const start = Date.now();
  while (!condition()) {
    if (Date.now() - start > timeoutMs) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

describe('ollama under wire faults', () => {
  const ollama = useOllama();

  it('waits out latency before the first byte', async () => {
    ollama.server.reply(
      { text: 'late', faults: { latencyMs: 150 } },
      { text: 'late', faults: { latencyMs: 150 } },
    );
    let start = Date.now();
    expect((await ollama.chat().generate(hello)).text).toBe('late');
    expect(Date.now() - start).toBeGreaterThanOrEqual(140);
    start = Date.now();
    expect(textOf(await collect(ollama.chat().stream(hello)))).toBe('late');
    expect(Date.now() - start).toBeGreaterThanOrEqual(140);
  });

  it('cancels a hung stream and a hung generate on abort, and the server sees the socket go', async () => {
    ollama.server.reply({ faults: { hang: true } }, { faults: { hang: true } });
    const controller = new AbortController();
    const stream = streamFailure(ollama.chat().stream(hello, { signal: controller.signal }));
    await until(() => ollama.server.requests.length === 1);
    controller.abort();
    expect((await stream).error).toMatchObject({
      kind: 'cancelled',
      message: 'The request to Ollama was cancelled.',
    });

    const second = new AbortController();
    const generate = failure(() => ollama.chat().generate(hello, { signal: second.signal }));
    await until(() => ollama.server.requests.length === 2);
    second.abort();
    expect((await generate).kind).toBe('cancelled');
    await until(() => ollama.server.requests.every((r) => r.aborted));
  });

  it('passes core’s own abort reason through unchanged', async () => {
    ollama.server.reply({ faults: { hang: true } });
    const controller = new AbortController();
    const reason = new SwitchboardError('timeout', 'No first token within 30 s.', { provider: 'ollama' });
    const pending = streamFailure(ollama.chat().stream(hello, { signal: controller.signal }));
    await until(() => ollama.server.requests.length === 1);
    controller.abort(reason);
    expect((await pending).error).toBe(reason);
  });

  it('reports a reset before the first byte as a connection error', async () => {
    ollama.server.reply({ faults: { resetAfterChunks: 0 } }, { faults: { resetAfterChunks: 0 } });
    const generate = await failure(() => ollama.chat().generate(hello));
    expect(generate).toMatchObject({ kind: 'connection', retryable: true });
    expect(generate.message).toBe(
      `The connection to Ollama at ${ollama.server.url} failed: other side closed`,
    );
    const { error, before } = await streamFailure(ollama.chat().stream(hello));
    expect(error.kind).toBe('connection');
    expect(before).toEqual([]);
  });

  it('reports a reset mid-stream as a connection error after the text already sent', async () => {
    ollama.server.reply({ text: words, faults: { resetAfterChunks: 3 } });
    const { error, before } = await streamFailure(ollama.chat().stream(hello));
    expect(textOf(before)).toBe('one two three');
    expect(before.some((e) => e.type === 'finish')).toBe(false);
    expect(error.kind).toBe('connection');
    expect(error.message).toMatch(/^The connection to Ollama at .* broke mid-answer: /);
  });

  it('fails on a malformed NDJSON line instead of skipping it (the client would drop it silently)', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    try {
      ollama.server.reply({ text: words, faults: { malformedChunkAt: 2 } });
      const { error, before } = await streamFailure(ollama.chat().stream(hello));
      expect(textOf(before)).toBe('one two');
      expect(error).toMatchObject({ kind: 'invalid-response', retryable: true });
      expect(error.message).toContain('not JSON');
      expect(warn).not.toHaveBeenCalled();
    } finally {
      warn.mockRestore();
    }
  });

  it('fails on a malformed JSON body in generate', async () => {
    ollama.server.reply({ text: 'x', faults: { malformedChunkAt: 0 } });
    const error = await failure(() => ollama.chat().generate(hello));
    expect(error.kind).toBe('invalid-response');
  });

  it('turns a stalled stream into a timeout when the caller’s deadline aborts it', async () => {
    ollama.server.reply({ text: words, faults: { stallAfterChunks: 2 } });
    const { error, before } = await streamFailure(
      ollama.chat().stream(hello, { signal: AbortSignal.timeout(300) }),
    );
    expect(textOf(before)).toBe('one two');
    expect(error).toMatchObject({ kind: 'timeout', retryable: true });

    ollama.server.reply({ text: 'x', faults: { stallAfterChunks: 0 } });
    const generate = await failure(() => ollama.chat().generate(hello, { signal: AbortSignal.timeout(300) }));
    expect(generate.kind).toBe('timeout');
  });

  it('delivers a slow drip whole', async () => {
    ollama.server.reply({ text: words, faults: { dripMs: 25 } });
    const start = Date.now();
    const events = await collect(ollama.chat().stream(hello));
    expect(textOf(events)).toBe(words);
    expect(Date.now() - start).toBeGreaterThanOrEqual(8 * 25);
    expect(events.at(-1)).toEqual({ type: 'finish', reason: 'stop' });
  });

  it('aborts one of two concurrent streams without touching the other', async () => {
    ollama.server.reply({ text: words, faults: { dripMs: 40 } }, { text: words, faults: { dripMs: 40 } });
    const chat = ollama.chat();
    const controller = new AbortController();
    const doomed = streamFailure(chat.stream(hello, { signal: controller.signal }));
    const survivor = collect(chat.stream(hello));
    await until(() => ollama.server.requests.length === 2);
    await new Promise((resolve) => setTimeout(resolve, 90));
    controller.abort();
    const { error, before } = await doomed;
    expect(error.kind).toBe('cancelled');
    expect(textOf(before).length).toBeLessThan(words.length);
    const events = await survivor;
    expect(textOf(events)).toBe(words);
    expect(events.at(-1)).toEqual({ type: 'finish', reason: 'stop' });
  });

  it('frees the connection when the consumer stops reading early', async () => {
    ollama.server.reply({ text: words, faults: { dripMs: 30 } });
    for await (const event of ollama.chat().stream(hello)) {
      if (event.type === 'text-delta') break;
    }
    await until(() => ollama.server.requests[0]?.aborted === true);
  });
});
