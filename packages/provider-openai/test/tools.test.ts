import type { ToolDefinition } from '@switchboard/core';
import { describe, expect, it } from 'vitest';
import { chatModel, collect, useFakeServer } from './helpers.js';

const fake = useFakeServer();

const weather: ToolDefinition = {
  name: 'get_weather',
  description: 'Weather for a city',
  parameters: { type: 'object', properties: { city: { type: 'string' } }, required: ['city'] },
};
const time: ToolDefinition = { name: 'get_time', parameters: { type: 'object', properties: {} } };
const ask = [{ role: 'user' as const, content: 'Weather in Oslo and the time?' }];

describe('tools', () => {
  it('sends tool definitions and each kind of tool choice', async () => {
    const model = chatModel(fake.server);
    const choices = [
      ['auto', 'auto'],
      ['none', 'none'],
      ['required', 'required'],
      [
        { type: 'tool', name: 'get_time' },
        { type: 'function', function: { name: 'get_time' } },
      ],
    ] as const;
    for (const [toolChoice, wire] of choices) {
      await model.generate({ messages: ask, tools: [weather, time], toolChoice });
      const body = fake.server.lastRequestTo('/chat/completions')?.body;
      expect(body).toMatchObject({
        tools: [
          {
            type: 'function',
            function: {
              name: 'get_weather',
              description: 'Weather for a city',
              parameters: weather.parameters,
            },
          },
          { type: 'function', function: { name: 'get_time', parameters: time.parameters } },
        ],
        tool_choice: wire,
      });
    }
    expect(fake.server.lastChatRequest()?.tools).toEqual(['get_weather', 'get_time']);
  });

  it('returns parallel tool calls from generate with parsed arguments', async () => {
    fake.server.reply({
      toolCalls: [
        { id: 'call_1', name: 'get_weather', args: { city: 'Oslo' } },
        { id: 'call_2', name: 'get_time', args: {} },
      ],
    });
    const result = await chatModel(fake.server).generate({ messages: ask, tools: [weather, time] });
    expect(result.finishReason).toBe('tool-calls');
    expect(result.toolCalls).toEqual([
      { id: 'call_1', name: 'get_weather', args: { city: 'Oslo' } },
      { id: 'call_2', name: 'get_time', args: {} },
    ]);
  });

  it('streams tool-call deltas by index, then complete tool calls, then finish', async () => {
    fake.server.reply({
      toolCalls: [
        { id: 'call_a', name: 'get_weather', args: { city: 'Oslo', unit: 'celsius' } },
        { id: 'call_b', name: 'get_time', args: { zone: 'Europe/Oslo' } },
      ],
    });
    const events = await collect(chatModel(fake.server).stream({ messages: ask, tools: [weather, time] }));
    const deltas = events.flatMap((e) => (e.type === 'tool-call-delta' ? [e] : []));
    expect(deltas.length).toBeGreaterThan(2);
    const first = deltas.filter((d) => d.id !== undefined);
    expect(first.map((d) => [d.index, d.id, d.name])).toEqual([
      [0, 'call_a', 'get_weather'],
      [1, 'call_b', 'get_time'],
    ]);
    const argsOf = (index: number) =>
      deltas
        .filter((d) => d.index === index)
        .map((d) => d.argsTextDelta)
        .join('');
    expect(JSON.parse(argsOf(0))).toEqual({ city: 'Oslo', unit: 'celsius' });
    expect(JSON.parse(argsOf(1))).toEqual({ zone: 'Europe/Oslo' });
    const calls = events.flatMap((e) => (e.type === 'tool-call' ? [e.toolCall] : []));
    expect(calls).toEqual([
      { id: 'call_a', name: 'get_weather', args: { city: 'Oslo', unit: 'celsius' } },
      { id: 'call_b', name: 'get_time', args: { zone: 'Europe/Oslo' } },
    ]);
    const lastDelta = events.findLastIndex((e) => e.type === 'tool-call-delta');
    const firstCall = events.findIndex((e) => e.type === 'tool-call');
    expect(firstCall).toBeGreaterThan(lastDelta);
    expect(events.at(-1)).toEqual({ type: 'finish', reason: 'tool-calls' });
  });

  it('sends tool calls and their results back in the next turn', async () => {
    fake.server.reply({ text: 'It is 12°C in Oslo at noon.' });
    const result = await chatModel(fake.server).generate({
      tools: [weather, time],
      messages: [
        ...ask,
        {
          role: 'assistant',
          content: [
            { type: 'tool-call', id: 'call_a', name: 'get_weather', args: { city: 'Oslo' } },
            { type: 'tool-call', id: 'call_b', name: 'get_time', args: {} },
          ],
        },
        {
          role: 'tool',
          content: [
            { type: 'tool-result', toolCallId: 'call_a', toolName: 'get_weather', result: { celsius: 12 } },
            { type: 'tool-result', toolCallId: 'call_b', toolName: 'get_time', result: '12:00' },
          ],
        },
      ],
    });
    expect(result.text).toBe('It is 12°C in Oslo at noon.');
    const sent = fake.server.lastChatRequest();
    expect(sent?.messages.map((m) => m.role)).toEqual(['user', 'assistant', 'tool', 'tool']);
    expect(sent?.messages[1]?.toolCalls).toEqual([
      { id: 'call_a', name: 'get_weather', args: { city: 'Oslo' } },
      { id: 'call_b', name: 'get_time', args: {} },
    ]);
    expect(sent?.messages.slice(2).map((m) => m.toolResults[0])).toEqual([
      { id: 'call_a', content: '{"celsius":12}' },
      { id: 'call_b', content: '12:00' },
    ]);
  });
});
