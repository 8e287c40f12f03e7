import { describe, expect } from 'vitest';
import {
  collect,
  collectUntilError,
  expectSwitchboardError,
  expectWellFormedStream,
  textOf,
} from './checks.js';
import { itIfSupported, type ScriptedContext } from './context.js';
import { ask, LONG_TEXT } from './fixtures.js';

/** The stream contract: deltas that join to the answer, one usage, finish last. */
export function describeStreaming(ctx: ScriptedContext): void {
  const { supports } = ctx.target;

  describe('streaming', () => {
    itIfSupported(
      ctx,
      supports.streaming,
      'deltas join to the text; exactly one usage event; finish comes last and nothing after it',
      async () => {
        const chunks = ['Streaming ', 'works ', 'piece ', 'by ', 'piece.'];
        ctx.server.reply({
          text: chunks.join(''),
          textChunks: chunks,
          usage: { inputTokens: 11, outputTokens: 5 },
        });
        const events = await collect((await ctx.chat()).stream(ask('Stream something.')));
        expectWellFormedStream(events);
        expect(textOf(events)).toBe('Streaming works piece by piece.');
        expect(
          events.filter((e) => e.type === 'text-delta').length,
          'the text arrives in pieces',
        ).toBeGreaterThan(1);
        expect(events.find((e) => e.type === 'usage')).toMatchObject({
          usage: { inputTokens: 11, outputTokens: 5 },
        });
        expect(events.at(-1)).toEqual({ type: 'finish', reason: 'stop' });
        expect(ctx.lastChat().stream).toBe(true);
        expect(ctx.server.requests).toHaveLength(1);
      },
    );

    itIfSupported(
      ctx,
      supports.streaming,
      'a streamed answer cut at the token limit finishes with "length"',
      async () => {
        ctx.server.reply({ text: LONG_TEXT, finish: 'length' });
        const events = await collect((await ctx.chat()).stream(ask('Go on.', { maxTokens: 10 })));
        expectWellFormedStream(events);
        expect(textOf(events)).toBe(LONG_TEXT);
        expect(events.at(-1)).toEqual({ type: 'finish', reason: 'length' });
      },
    );

    itIfSupported(
      ctx,
      supports.streaming && supports.contentFilter,
      'a streamed answer the vendor filtered finishes with "content-filter"',
      async () => {
        ctx.server.reply({ text: 'Partial ', finish: 'content-filter' });
        const events = await collect((await ctx.chat()).stream(ask('Something the filter blocks.')));
        expectWellFormedStream(events);
        expect(events.at(-1)).toEqual({ type: 'finish', reason: 'content-filter' });
      },
    );

    itIfSupported(
      ctx,
      supports.streaming && supports.httpErrors,
      'an HTTP error is thrown from the stream, never yielded as an event',
      async () => {
        ctx.server.reply({ kind: 'error', status: 503, message: 'Service temporarily unavailable' });
        const { events, error } = await collectUntilError((await ctx.chat()).stream(ask('Hello?')));
        expectSwitchboardError(error);
        expect(error.retryable).toBe(true);
        expect(events.filter((e) => e.type !== 'metadata' && e.type !== 'warning')).toEqual([]);
      },
    );
  });
}
