import type { ErrorKind, ModelStreamEvent } from '@switchboard/core';
import { describe, expect, it } from 'vitest';
import {
  captureError,
  collect,
  collectUntilError,
  expectSwitchboardError,
  expectWellFormedStream,
  rejectionWithin,
  textOf,
  waitFor,
} from './checks.js';
import { itIfSupported, type ScriptedContext } from './context.js';
import { ask, LONG_TEXT } from './fixtures.js';

/** How fast an abort must end a call. */
const ABORT_WITHIN_MS = 1_000;
/** A broken connection: core retries both, and may fall back. */
const BROKEN: ErrorKind[] = ['connection', 'invalid-response'];

/** What goes wrong on the wire: resets, garbage, hangs, slowness; and cancellation. */
export function describeFaults(ctx: ScriptedContext): void {
  const { supports } = ctx.target;

  /** Aborts once the server holds the request, then expects `pending` to reject as cancelled, fast. */
  const expectCancelledAfterAbort = async (pending: Promise<unknown>, controller: AbortController) => {
    await waitFor(() => ctx.server.requests.length > 0, 'the server received the request');
    controller.abort();
    const error = await rejectionWithin(pending, ABORT_WITHIN_MS, 'after abort() the call');
    expectSwitchboardError(error, 'cancelled');
    await waitFor(() => ctx.server.requests.at(-1)?.aborted === true, 'the server saw the request aborted');
  };

  describe('faults', () => {
    it('a connection reset before the first byte is a retryable connection error (no SDK retry)', async () => {
      ctx.server.reply({ text: 'never sent', faults: { resetAfterChunks: 0 } });
      const error = await captureError(async () => (await ctx.chat()).generate(ask('Hello?')));
      expectSwitchboardError(error, BROKEN);
      expect(error.retryable).toBe(true);
      expect(ctx.server.requests, 'one HTTP request: the SDK must not retry by itself').toHaveLength(1);
    });

    itIfSupported(
      ctx,
      supports.streaming,
      'a reset after 2 chunks of a stream is a retryable error, with no finish',
      async () => {
        ctx.server.reply({ text: LONG_TEXT, faults: { resetAfterChunks: 2 } });
        const { events, error } = await collectUntilError((await ctx.chat()).stream(ask('Count.')));
        expectSwitchboardError(error, BROKEN);
        expect(error.retryable).toBe(true);
        expect(
          events.some((e) => e.type === 'finish'),
          'a broken stream must not look finished',
        ).toBe(false);
      },
    );

    it('a malformed JSON body is an error, not a silent wrong answer', async () => {
      ctx.server.reply({ text: 'Hello', faults: { malformedChunkAt: 0 } });
      const error = await captureError(async () => (await ctx.chat()).generate(ask('Hello?')));
      expectSwitchboardError(error);
    });

    itIfSupported(
      ctx,
      supports.streaming,
      'a malformed stream chunk is an error, not a silent wrong answer',
      async () => {
        ctx.server.reply({ text: LONG_TEXT, faults: { malformedChunkAt: 1 } });
        const { events, error } = await collectUntilError((await ctx.chat()).stream(ask('Count.')));
        expectSwitchboardError(error);
        expect(
          events.some((e) => e.type === 'finish'),
          'a broken stream must not look finished',
        ).toBe(false);
      },
    );

    it('aborting a hung request rejects with "cancelled" within a second; the server sees the abort', async () => {
      ctx.server.reply({ text: 'never sent', faults: { hang: true } });
      const controller = new AbortController();
      const model = await ctx.chat();
      const pending = model.generate(ask('Hello?'), { signal: controller.signal });
      pending.catch(() => {}); // observed below; keeps Node from reporting it as unhandled meanwhile
      await expectCancelledAfterAbort(pending, controller);
    });

    itIfSupported(
      ctx,
      supports.streaming,
      'aborting a hung stream rejects with "cancelled" within a second',
      async () => {
        ctx.server.reply({ text: 'never sent', faults: { hang: true } });
        const controller = new AbortController();
        const stream = (await ctx.chat()).stream(ask('Hello?'), { signal: controller.signal });
        const pending = collect(stream);
        pending.catch(() => {});
        await expectCancelledAfterAbort(pending, controller);
      },
    );

    itIfSupported(
      ctx,
      supports.streaming,
      'aborting a stream that stalled after some text rejects with "cancelled" within a second',
      async () => {
        ctx.server.reply({ text: LONG_TEXT, faults: { stallAfterChunks: 3 } });
        const controller = new AbortController();
        const seen: ModelStreamEvent[] = [];
        const stream = (await ctx.chat()).stream(ask('Count.'), { signal: controller.signal });
        const pending = (async () => {
          for await (const event of stream) seen.push(event);
        })();
        pending.catch(() => {});
        await waitFor(() => seen.some((e) => e.type === 'text-delta'), 'the first text arrived');
        await expectCancelledAfterAbort(pending, controller);
        expect(seen.some((e) => e.type === 'finish')).toBe(false);
      },
    );

    it('an already aborted signal rejects with "cancelled"', async () => {
      const controller = new AbortController();
      controller.abort();
      const error = await captureError(async () =>
        (await ctx.chat()).generate(ask('Hello?'), { signal: controller.signal }),
      );
      expectSwitchboardError(error, 'cancelled');
    });

    it('latency before the answer still gives the full answer', async () => {
      ctx.server.reply({ text: 'Worth the wait.', faults: { latencyMs: 300 } });
      const result = await (await ctx.chat()).generate(ask('Hello?'));
      expect(result.text).toBe('Worth the wait.');
    });

    itIfSupported(ctx, supports.streaming, 'a slow drip still streams the full answer', async () => {
      ctx.server.reply({ text: LONG_TEXT, faults: { dripMs: 40, latencyMs: 100 } });
      const events = await collect((await ctx.chat()).stream(ask('Count slowly.')));
      expectWellFormedStream(events);
      expect(textOf(events)).toBe(LONG_TEXT);
    });
  });
}
