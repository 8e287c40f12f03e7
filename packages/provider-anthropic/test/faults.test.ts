import { describe, expect, it } from 'vitest';
import {
  ask,
  type collect,
  collectUntilError,
  eventually,
  failure,
  textOf,
  useFakeAnthropic,
} from './helpers.js';

const fake = useFakeAnthropic();
const LONG_TEXT = 'one two three four five six seven eight nine ten';

describe('faults', () => {
  it('latency: a slow first byte still answers', async () => {
    fake.server.reply({ text: 'Late but fine.', faults: { latencyMs: 250 } });
    const started = Date.now();
    const result = await fake.model().generate(ask('Hi.'));
    expect(result.text).toBe('Late but fine.');
    expect(Date.now() - started).toBeGreaterThanOrEqual(200);
  });

  it('hang + abort: generate rejects as cancelled and the server sees the request go away', async () => {
    fake.server.reply({ text: 'never', faults: { hang: true } });
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 100);
    const error = await failure(() => fake.model().generate(ask('Hi.'), { signal: controller.signal }));
    expect(error.kind).toBe('cancelled');
    await eventually(() => fake.server.requests[0]?.aborted === true);
  });

  it('hang + abort: stream rejects as cancelled', async () => {
    fake.server.reply({ text: 'never', faults: { hang: true } });
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 100);
    const { events, error } = await collectUntilError(
      fake.model().stream(ask('Hi.'), { signal: controller.signal }),
    );
    expect(events).toEqual([]);
    expect(error).toMatchObject({ kind: 'cancelled' });
    await eventually(() => fake.server.requests[0]?.aborted === true);
  });

  it('a deadline (AbortSignal.timeout) reads as timeout, not cancelled', async () => {
    fake.server.reply({ text: 'never', faults: { hang: true } });
    const error = await failure(() =>
      fake.model().generate(ask('Hi.'), { signal: AbortSignal.timeout(100) }),
    );
    expect(error.kind).toBe('timeout');
    expect(error.retryable).toBe(true);
  });

  it('reset before the first byte is a retryable connection error (generate and stream)', async () => {
    fake.server.reply(
      { text: 'x', faults: { resetAfterChunks: 0 } },
      { text: 'x', faults: { resetAfterChunks: 0 } },
    );
    const error = await failure(() => fake.model().generate(ask('Hi.')));
    expect(error).toMatchObject({ kind: 'connection', retryable: true });
    expect(error.message).toMatch(/^Could not reach Anthropic/);
    const { events, error: streamed } = await collectUntilError(fake.model().stream(ask('Hi.')));
    expect(events).toEqual([]);
    expect(streamed).toMatchObject({ kind: 'connection', retryable: true });
  });

  it('reset after some chunks: the text so far arrives, then a connection error (no usage, no finish)', async () => {
    fake.server.reply({ text: LONG_TEXT, faults: { resetAfterChunks: 6 } });
    const { events, error } = await collectUntilError(fake.model().stream(ask('Count.')));
    expect(textOf(events).length).toBeGreaterThan(0);
    expect(LONG_TEXT.startsWith(textOf(events))).toBe(true);
    expect(events.some((e) => e.type === 'usage' || e.type === 'finish')).toBe(false);
    expect(error).toMatchObject({ kind: 'connection', retryable: true });
  });

  it('a malformed stream event is an invalid-response error', async () => {
    // Event 4 is the second text delta (0 message_start, 1 content_block_start, 2 delta, 3 ping).
    fake.server.reply({ text: LONG_TEXT, faults: { malformedChunkAt: 4 } });
    const { error } = await collectUntilError(fake.model().stream(ask('Count.')));
    expect(error).toMatchObject({ kind: 'invalid-response', retryable: true });
    expect((error as Error).message).toMatch(/not valid JSON/);
  });

  it('a malformed JSON body is an invalid-response error', async () => {
    fake.server.reply({ text: 'x', faults: { malformedChunkAt: 0 } });
    const error = await failure(() => fake.model().generate(ask('Hi.')));
    expect(error).toMatchObject({ kind: 'invalid-response', retryable: true });
  });

  it('stall + a deadline: the stream gives what it had, then a timeout error, and the request is dropped', async () => {
    fake.server.reply({ text: LONG_TEXT, faults: { stallAfterChunks: 5 } });
    const { events, error } = await collectUntilError(
      fake.model().stream(ask('Count.'), { signal: AbortSignal.timeout(300) }),
    );
    expect(textOf(events).length).toBeGreaterThan(0);
    expect(events.some((e) => e.type === 'finish')).toBe(false);
    expect(error).toMatchObject({ kind: 'timeout' });
    await eventually(() => fake.server.requests[0]?.aborted === true);
  });

  it('slow drip: every piece arrives, spread over time', async () => {
    const chunks = ['a ', 'b ', 'c ', 'd ', 'e'];
    fake.server.reply({ text: chunks.join(''), textChunks: chunks, faults: { dripMs: 40 } });
    const times: number[] = [];
    const events: Awaited<ReturnType<typeof collect>> = [];
    const started = Date.now();
    for await (const event of fake.model().stream(ask('Drip.'))) {
      events.push(event);
      if (event.type === 'text-delta') times.push(Date.now());
    }
    expect(textOf(events)).toBe('a b c d e');
    expect(events.at(-1)).toEqual({ type: 'finish', reason: 'stop' });
    // From the request, so a late first read on a busy machine cannot shrink it: four 40 ms waits.
    expect(times.length).toBe(chunks.length);
    expect((times.at(-1) ?? 0) - started).toBeGreaterThanOrEqual(155);
  });

  it('cancelling mid-stream rejects as cancelled and the server sees the abort', async () => {
    fake.server.reply({ text: LONG_TEXT, faults: { dripMs: 50 } });
    const controller = new AbortController();
    const events = [];
    let error: unknown;
    try {
      for await (const event of fake.model().stream(ask('Count.'), { signal: controller.signal })) {
        events.push(event);
        if (event.type === 'text-delta') controller.abort();
      }
    } catch (caught) {
      error = caught;
    }
    expect(error).toMatchObject({ kind: 'cancelled' });
    expect(events.some((e) => e.type === 'finish')).toBe(false);
    await eventually(() => fake.server.requests[0]?.aborted === true);
  });

  it('a consumer that stops reading early releases the request', async () => {
    fake.server.reply({ text: LONG_TEXT, faults: { dripMs: 50 } });
    for await (const event of fake.model().stream(ask('Count.'))) {
      if (event.type === 'text-delta') break;
    }
    await eventually(() => fake.server.requests[0]?.aborted === true);
  });
});
