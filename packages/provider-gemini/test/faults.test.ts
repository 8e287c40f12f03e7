import { setTimeout as sleep } from 'node:timers/promises';
import { type ModelStreamEvent, SwitchboardError } from '@switchboard/core';
import type { RecordedRequest } from '@switchboard/testkit';
import { describe, expect, it } from 'vitest';
import { chatModel, collect, failure, useFakeGemini, user } from './helpers.js';

const { server, provider } = useFakeGemini();

const ask = { messages: [user('Hi')] };

/** Waits until the server has seen the client go away. */
async function abortSeen(request: () => RecordedRequest | undefined): Promise<void> {
  for (let waited = 0; waited < 3_000; waited += 20) {
    if (request()?.aborted) return;
    await sleep(20);
  }
  throw new Error('the server never saw the request aborted');
}

/** Reads a stream until it fails; returns what came before and the error. */
async function readUntilFailure(stream: AsyncIterable<ModelStreamEvent>) {
  const events: ModelStreamEvent[] = [];
  try {
    for await (const event of stream) events.push(event);
  } catch (error) {
    return { events, error };
  }
  throw new Error('expected the stream to fail');
}

const textOf = (events: ModelStreamEvent[]) =>
  events.map((e) => (e.type === 'text-delta' ? e.text : '')).join('');

describe('faults', () => {
  it('waits out latency before the answer', async () => {
    server.reply({ text: 'late', faults: { latencyMs: 300 } });
    const started = Date.now();
    const result = await chatModel(provider(), server).generate(ask);
    expect(result.text).toBe('late');
    expect(Date.now() - started).toBeGreaterThanOrEqual(280);
  });

  it('cancels a hung request when the caller aborts, and the server sees the abort', async () => {
    server.reply({ faults: { hang: true } });
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 100);
    const error = await failure(chatModel(provider(), server).generate(ask, { signal: controller.signal }));
    expect(error).toMatchObject({ kind: 'cancelled', provider: 'gemini' });
    await abortSeen(() => server.requests[0]);
  });

  it('cancels a hung stream too', async () => {
    server.reply({ faults: { hang: true } });
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 100);
    const error = await failure(chatModel(provider(), server).stream(ask, { signal: controller.signal }));
    expect(error).toMatchObject({ kind: 'cancelled' });
    await abortSeen(() => server.requests[0]);
  });

  it("keeps core's own error when core aborts with one (its timeouts do)", async () => {
    server.reply({ faults: { hang: true } });
    const controller = new AbortController();
    setTimeout(
      () => controller.abort(new SwitchboardError('timeout', 'gemini/x sent nothing within 100 ms.')),
      100,
    );
    const error = await failure(chatModel(provider(), server).generate(ask, { signal: controller.signal }));
    expect(error).toMatchObject({ kind: 'timeout', message: 'gemini/x sent nothing within 100 ms.' });
  });

  it('sends nothing when the signal is already aborted', async () => {
    const error = await failure(chatModel(provider(), server).generate(ask, { signal: AbortSignal.abort() }));
    expect(error).toMatchObject({ kind: 'cancelled' });
    expect(server.requests).toHaveLength(0);
  });

  it('reports a reset before the first byte as a connection error (generate and stream)', async () => {
    server.reply({ faults: { resetAfterChunks: 0 } }, { faults: { resetAfterChunks: 0 } });
    expect(await failure(chatModel(provider(), server).generate(ask))).toMatchObject({
      kind: 'connection',
      retryable: true,
    });
    expect(await failure(chatModel(provider(), server).stream(ask))).toMatchObject({ kind: 'connection' });
  });

  it('reports a reset mid-stream as a connection error after the text that arrived', async () => {
    server.reply({ text: 'one two three four five', faults: { resetAfterChunks: 2 } });
    const { events, error } = await readUntilFailure(chatModel(provider(), server).stream(ask));
    expect(textOf(events)).toBe('one two');
    expect(events.some((e) => e.type === 'finish' || e.type === 'usage')).toBe(false);
    expect(error).toMatchObject({ kind: 'connection', provider: 'gemini' });
  });

  it('reports a malformed stream chunk as an invalid response', async () => {
    server.reply({ text: 'one two three', faults: { malformedChunkAt: 1 } });
    const { events, error } = await readUntilFailure(chatModel(provider(), server).stream(ask));
    expect(textOf(events)).toBe('one');
    expect(error).toMatchObject({ kind: 'invalid-response', retryable: true });
  });

  it('reports a malformed JSON body as an invalid response', async () => {
    server.reply({ text: 'whole', faults: { malformedChunkAt: 0 } });
    expect(await failure(chatModel(provider(), server).generate(ask))).toMatchObject({
      kind: 'invalid-response',
    });
  });

  it('ends a stalled stream with a timeout when the abort signal times out', async () => {
    server.reply({ text: 'one two three', faults: { stallAfterChunks: 1 } });
    const { events, error } = await readUntilFailure(
      chatModel(provider(), server).stream(ask, { signal: AbortSignal.timeout(400) }),
    );
    expect(textOf(events)).toBe('one');
    expect(error).toMatchObject({ kind: 'timeout', retryable: true });
    await abortSeen(() => server.requests[0]);
  });

  it('reads a slow drip to the end', async () => {
    server.reply({ text: 'a b c d', faults: { dripMs: 80 } });
    const started = Date.now();
    const events = await collect(chatModel(provider(), server).stream(ask));
    expect(textOf(events)).toBe('a b c d');
    expect(events.at(-1)).toEqual({ type: 'finish', reason: 'stop' });
    expect(Date.now() - started).toBeGreaterThanOrEqual(220);
  });

  it('closes the HTTP response when the consumer stops reading early', async () => {
    server.reply({ text: 'a b c d e f g h', faults: { dripMs: 100 } });
    for await (const event of chatModel(provider(), server).stream(ask)) {
      if (event.type === 'text-delta') break;
    }
    await abortSeen(() => server.requests[0]);
  });

  it('fails a stream that ends cleanly without a finish reason', async () => {
    // A raw body is the script's way to send exact bytes: here a 200 SSE stream cut short, whose
    // chunk lacks the finishReason Google puts on the last one
    // (https://ai.google.dev/api/generate-content#method:-models.streamgeneratecontent).
    server.reply({
      kind: 'error',
      status: 200,
      rawBody: 'data: {"candidates":[{"content":{"role":"model","parts":[{"text":"cut"}]},"index":0}]}\n\n',
      headers: { 'content-type': 'text/event-stream' },
    });
    const { events, error } = await readUntilFailure(chatModel(provider(), server).stream(ask));
    expect(textOf(events)).toBe('cut');
    expect(error).toMatchObject({ kind: 'invalid-response' });
  });
});
