import type { ChatRequest, ModelStreamEvent } from '@switchboard/core';
import { describe, expect, it } from 'vitest';
import {
  captureError,
  collect,
  expectModelInfo,
  expectSwitchboardError,
  expectWellFormedStream,
  rejectionWithin,
} from './checks.js';
import { itIfSupported, type LocalContext } from './context.js';

/** A local model may be slow on a busy machine; an abort must still end it promptly. */
const LOCAL_ABORT_WITHIN_MS = 2_000;

/**
 * For an in-process model nothing can be scripted, so only invariants are checked: the answers
 * are whatever the model says, but their shape, usage, cancellation and listing must hold.
 */
export function describeUnscripted(ctx: LocalContext): void {
  const supports = ctx.target.supports ?? {};
  const streaming = supports.streaming ?? true;
  const request = (text: string, extra: Partial<ChatRequest> = {}): ChatRequest => ({
    maxTokens: 16,
    ...ctx.target.requestOptions,
    ...extra,
    messages: [{ role: 'user', content: text }],
  });

  describe('local model invariants', () => {
    it('generate gives non-empty text and usage', async () => {
      const result = await (await ctx.chat()).generate(request('Say hello.'));
      expect(result.text.length).toBeGreaterThan(0);
      expect(result.toolCalls).toEqual([]);
      expect(result.usage.inputTokens).toBeGreaterThan(0);
      expect(result.usage.outputTokens).toBeGreaterThan(0);
      expect(['stop', 'length']).toContain(result.finishReason);
    });

    itIfSupported(
      ctx,
      streaming,
      'a stream has text deltas, exactly one usage event and finish last',
      async () => {
        const events = await collect((await ctx.chat()).stream(request('Say hello.')));
        expectWellFormedStream(events);
        expect(events.some((e) => e.type === 'text-delta' && e.text.length > 0)).toBe(true);
        const usage = events.find((e) => e.type === 'usage');
        expect(usage?.type === 'usage' && usage.usage.outputTokens > 0, 'output tokens are counted').toBe(
          true,
        );
      },
    );

    itIfSupported(ctx, streaming, 'aborting a stream ends it promptly with "cancelled"', async () => {
      const controller = new AbortController();
      const seen: ModelStreamEvent[] = [];
      const model = await ctx.chat();
      const stream = model.stream(request('Tell me a long story.', { maxTokens: 512 }), {
        signal: controller.signal,
      });
      const pending = (async () => {
        for await (const event of stream) {
          seen.push(event);
          controller.abort(); // after the first event: generation is under way
        }
      })();
      const error = await rejectionWithin(pending, LOCAL_ABORT_WITHIN_MS, 'after abort() the stream');
      expectSwitchboardError(error, 'cancelled');
      expect(seen.length, 'the stream produced an event before the abort').toBeGreaterThan(0);
      expect(
        seen.some((e) => e.type === 'finish'),
        'an aborted stream must not finish normally',
      ).toBe(false);
    });

    it('an already aborted signal rejects with "cancelled"', async () => {
      const controller = new AbortController();
      controller.abort();
      const error = await captureError(async () =>
        (await ctx.chat()).generate(request('Hello?'), { signal: controller.signal }),
      );
      expectSwitchboardError(error, 'cancelled');
    });

    it('countTokens, where the model has it, is a positive integer', async ({ skip }) => {
      const model = await ctx.chat();
      if (!model.countTokens) return skip('the model has no countTokens');
      const count = await model.countTokens(request('How many tokens is this?'));
      expect(Number.isInteger(count) && count > 0, `countTokens returned ${count}`).toBe(true);
    });

    it('listModels returns valid ModelInfo with bare ids', async () => {
      const models = await ctx.registry.listModels(ctx.target.providerId);
      expect(models.length).toBeGreaterThan(0);
      for (const model of models) expectModelInfo(model.info, ctx.target.providerId);
    });
  });
}
