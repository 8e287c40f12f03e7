import type { ToolCall } from '@switchboard/core';
import { describe, expect } from 'vitest';
import { collect, expectToolDeltasBeforeCalls, expectWellFormedStream, toolCallsOf } from './checks.js';
import { itIfSupported, type ScriptedContext } from './context.js';
import { ask, TOOL_ROUND_TRIP, WEATHER_TOOL } from './fixtures.js';

const PARIS = { id: 'call_1', name: 'get_weather', args: { city: 'Paris' } };
const TOKYO = { id: 'call_2', name: 'get_weather', args: { city: 'Tokyo' } };

/** Tool calling: definitions out, calls back (whole and streamed), results out again. */
export function describeTools(ctx: ScriptedContext): void {
  const { supports } = ctx.target;
  const ids = supports.toolCallIds ?? true;
  const deltas = supports.toolCallDeltas ?? supports.tools;
  const weather = (text: string) => ask(text, { tools: [WEATHER_TOOL] });

  /** The vendor's id when it has ids; any non-empty id otherwise (the provider makes one up). */
  const expectCall = (call: ToolCall | undefined, expected: typeof PARIS) => {
    expect(call).toMatchObject({ name: expected.name, args: expected.args });
    expect(typeof call?.id === 'string' && call.id.length > 0, 'a tool call has an id').toBe(true);
    if (ids) expect(call?.id, "the vendor's tool call id is kept").toBe(expected.id);
  };

  describe('tools', () => {
    itIfSupported(ctx, supports.tools, 'tool definitions reach the server', async () => {
      ctx.server.reply({ text: 'No tool needed.' });
      await (await ctx.chat()).generate(weather('Hi.'));
      expect(ctx.lastChat().tools).toEqual(['get_weather']);
    });

    itIfSupported(
      ctx,
      supports.tools,
      'a tool call comes back with parsed arguments and finish reason "tool-calls"',
      async () => {
        ctx.server.reply({ toolCalls: [PARIS] });
        const result = await (await ctx.chat()).generate(weather('Weather in Paris?'));
        expect(result.toolCalls).toHaveLength(1);
        expectCall(result.toolCalls[0], PARIS);
        expect(result.finishReason).toBe('tool-calls');
      },
    );

    itIfSupported(
      ctx,
      supports.tools && supports.streaming,
      'a streamed tool call ends in a complete tool-call event and finish reason "tool-calls"',
      async () => {
        ctx.server.reply({ toolCalls: [PARIS] });
        const events = await collect((await ctx.chat()).stream(weather('Weather in Paris?')));
        expectWellFormedStream(events);
        const calls = toolCallsOf(events);
        expect(calls).toHaveLength(1);
        expectCall(calls[0], PARIS);
        expect(events.at(-1)).toEqual({ type: 'finish', reason: 'tool-calls' });
      },
    );

    itIfSupported(
      ctx,
      supports.tools && supports.streaming && deltas,
      'streamed tool-call deltas join to the arguments and come before the complete call',
      async () => {
        ctx.server.reply({ toolCalls: [PARIS] });
        const events = await collect((await ctx.chat()).stream(weather('Weather in Paris?')));
        expectToolDeltasBeforeCalls(events);
      },
    );

    itIfSupported(ctx, supports.parallelToolCalls, 'parallel tool calls come back in order', async () => {
      ctx.server.reply({ toolCalls: [PARIS, TOKYO] });
      const result = await (await ctx.chat()).generate(weather('Weather in Paris and Tokyo?'));
      expect(result.toolCalls).toHaveLength(2);
      expectCall(result.toolCalls[0], PARIS);
      expectCall(result.toolCalls[1], TOKYO);
      expect(result.finishReason).toBe('tool-calls');
    });

    itIfSupported(
      ctx,
      supports.parallelToolCalls && supports.streaming,
      'parallel tool calls stream as separate calls (deltas kept apart by index)',
      async () => {
        ctx.server.reply({ toolCalls: [PARIS, TOKYO] });
        const events = await collect((await ctx.chat()).stream(weather('Weather in Paris and Tokyo?')));
        expectWellFormedStream(events);
        const calls = toolCallsOf(events);
        expect(calls).toHaveLength(2);
        expectCall(calls[0], PARIS);
        expectCall(calls[1], TOKYO);
        if (deltas) expectToolDeltasBeforeCalls(events);
      },
    );

    itIfSupported(
      ctx,
      supports.tools,
      'a tool-result round trip: the assistant call and the result reach the server',
      async () => {
        ctx.server.reply({ text: 'It is sunny in Paris, 21°C.' });
        const result = await (await ctx.chat()).generate({
          messages: TOOL_ROUND_TRIP,
          tools: [WEATHER_TOOL],
        });
        expect(result.text).toBe('It is sunny in Paris, 21°C.');
        const messages = ctx.lastChat().messages;
        const callAt = messages.findIndex((m) => m.toolCalls.length > 0);
        const resultAt = messages.findIndex((m) => m.toolResults.length > 0);
        expect(callAt, 'the assistant tool call was sent').toBeGreaterThanOrEqual(0);
        expect(resultAt, 'the tool result was sent after the call').toBeGreaterThan(callAt);
        const call = messages[callAt]?.toolCalls[0];
        const sentResult = messages[resultAt]?.toolResults[0];
        expect(messages[callAt]?.role).toBe('assistant');
        expect(call).toMatchObject({ name: 'get_weather', args: { city: 'Paris' } });
        expect(sentResult?.content).toContain('sunny');
        if (ids) {
          expect(call?.id).toBe('call_1');
          expect(sentResult?.id).toBe('call_1');
        }
      },
    );
  });
}
