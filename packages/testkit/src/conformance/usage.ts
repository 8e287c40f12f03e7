import type { ChatModel, ChatRequest, Usage } from '@switchboard/core';
import { describe, expect, it } from 'vitest';
import type { ScriptedUsage } from '../script.js';
import { collect, expectWellFormedStream, reasoningOf } from './checks.js';
import { itIfSupported, type ScriptedContext } from './context.js';
import { ask } from './fixtures.js';

/**
 * Token usage in core's terms: inputTokens INCLUDES cache reads and writes, outputTokens INCLUDES
 * reasoning. The script states usage in the same terms; each vendor fake renders it the vendor's
 * way (Anthropic reports cache reads apart, Gemini reports thoughts apart), and the provider must
 * add it back up.
 */
export function describeUsage(ctx: ScriptedContext): void {
  const { supports } = ctx.target;

  /** The usage from generate() and from the stream's one usage event, for the same script. */
  const usageBothWays = async (usage: ScriptedUsage, request: ChatRequest = ask('Hi.')) => {
    const model: ChatModel = await ctx.chat();
    ctx.server.reply({ text: 'Counted.', usage });
    const generated = (await model.generate(request)).usage;
    if (!supports.streaming) return [generated];
    ctx.server.reply({ text: 'Counted.', usage });
    const events = await collect(model.stream(request));
    expectWellFormedStream(events);
    const streamed = events.find((event) => event.type === 'usage');
    return [generated, streamed?.type === 'usage' ? streamed.usage : undefined];
  };

  const expectEach = (usages: Array<Usage | undefined>, expected: Partial<Usage>) => {
    for (const [index, usage] of usages.entries()) {
      expect(usage, index === 0 ? 'usage from generate()' : 'usage from stream()').toMatchObject(expected);
    }
  };

  describe('usage', () => {
    it('input and output token counts reach the caller (generate and stream)', async () => {
      expectEach(await usageBothWays({ inputTokens: 120, outputTokens: 30 }), {
        inputTokens: 120,
        outputTokens: 30,
      });
    });

    itIfSupported(
      ctx,
      supports.cachedTokens,
      'cached prompt tokens are reported as cacheReadTokens and counted in inputTokens',
      async () => {
        expectEach(await usageBothWays({ inputTokens: 1200, outputTokens: 30, cachedInputTokens: 1000 }), {
          inputTokens: 1200,
          outputTokens: 30,
          cacheReadTokens: 1000,
        });
      },
    );

    itIfSupported(
      ctx,
      supports.cacheWriteTokens,
      'prompt tokens written to the cache are reported as cacheWriteTokens and counted in inputTokens',
      async () => {
        expectEach(
          await usageBothWays({
            inputTokens: 1500,
            outputTokens: 30,
            cachedInputTokens: 1000,
            cacheWriteTokens: 400,
          }),
          { inputTokens: 1500, outputTokens: 30, cacheReadTokens: 1000, cacheWriteTokens: 400 },
        );
      },
    );

    itIfSupported(
      ctx,
      supports.reasoning,
      'reasoning tokens are reported as reasoningTokens and counted in outputTokens',
      async () => {
        expectEach(await usageBothWays({ inputTokens: 50, outputTokens: 80, reasoningTokens: 60 }), {
          inputTokens: 50,
          outputTokens: 80,
          reasoningTokens: 60,
        });
      },
    );

    itIfSupported(
      ctx,
      supports.reasoningText,
      'the reasoning text comes back apart from the answer',
      async () => {
        const model = await ctx.chat();
        const script = { text: 'The answer is 4.', reasoning: 'Two plus two is four.' };
        ctx.server.reply(script);
        const result = await model.generate(ask('What is 2+2?'));
        expect(result.text).toBe('The answer is 4.');
        expect(result.reasoning).toBe('Two plus two is four.');
        if (!supports.streaming) return;
        ctx.server.reply(script);
        expect(reasoningOf(await collect(model.stream(ask('What is 2+2?'))))).toBe('Two plus two is four.');
      },
    );
  });
}
