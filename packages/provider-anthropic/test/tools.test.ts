import type { Message, ToolDefinition } from '@switchboard/core';
import { describe, expect, it } from 'vitest';
import { ask, collect, failure, useFakeAnthropic } from './helpers.js';

const fake = useFakeAnthropic();

const WEATHER: ToolDefinition = {
  name: 'get_weather',
  description: 'Current weather for a city.',
  parameters: {
    type: 'object',
    properties: { city: { type: 'string' } },
    required: ['city'],
  },
};
const TIME: ToolDefinition = { name: 'get_time', parameters: { properties: { zone: { type: 'string' } } } };

describe('tools', () => {
  it('sends tool definitions as name, description and input_schema', async () => {
    fake.server.reply({ text: 'No tools needed.' });
    await fake.model().generate(ask('Hi.', { tools: [WEATHER, TIME] }));
    expect(fake.lastBody().tools).toEqual([
      { name: 'get_weather', description: 'Current weather for a city.', input_schema: WEATHER.parameters },
      // input_schema must be an object schema even when the definition leaves `type` out.
      { name: 'get_time', input_schema: { type: 'object', properties: { zone: { type: 'string' } } } },
    ]);
    expect(fake.server.lastChatRequest()?.tools).toEqual(['get_weather', 'get_time']);
    expect(fake.lastBody()).not.toHaveProperty('tool_choice');
  });

  it.each([
    ['auto', { type: 'auto' }],
    ['none', { type: 'none' }],
    ['required', { type: 'any' }],
    [
      { type: 'tool', name: 'get_weather' },
      { type: 'tool', name: 'get_weather' },
    ],
  ] as const)('maps toolChoice %j to %j', async (toolChoice, expected) => {
    fake.server.reply({ text: 'ok' });
    await fake.model().generate(ask('Weather?', { tools: [WEATHER], toolChoice }));
    if (toolChoice === 'auto') expect(fake.lastBody()).not.toHaveProperty('tool_choice');
    else expect(fake.lastBody().tool_choice).toEqual(expected);
  });

  it('can turn off parallel tool use', async () => {
    fake.server.reply({ text: 'ok' });
    await fake.model().generate(
      ask('Weather?', {
        tools: [WEATHER],
        providerOptions: { anthropic: { disableParallelToolUse: true } },
      }),
    );
    expect(fake.lastBody().tool_choice).toEqual({ type: 'auto', disable_parallel_tool_use: true });
  });

  it('refuses a toolChoice naming a tool the request does not define, before sending', async () => {
    const error = await failure(() =>
      fake
        .model()
        .generate(ask('Weather?', { tools: [WEATHER], toolChoice: { type: 'tool', name: 'nope' } })),
    );
    expect(error.kind).toBe('invalid-request');
    expect(error.message).toContain('nope');
    expect(fake.server.requests).toHaveLength(0);
  });

  it('generate returns tool calls with ids, names and parsed arguments, finish tool-calls', async () => {
    fake.server.reply({ toolCalls: [{ id: 'toolu_1', name: 'get_weather', args: { city: 'Paris' } }] });
    const result = await fake.model().generate(ask('Weather in Paris?', { tools: [WEATHER] }));
    expect(result.toolCalls).toEqual([{ id: 'toolu_1', name: 'get_weather', args: { city: 'Paris' } }]);
    expect(result.finishReason).toBe('tool-calls');
  });

  it('streams input_json_delta as tool-call deltas, then the complete call', async () => {
    fake.server.reply({
      text: 'Let me check.',
      toolCalls: [{ id: 'toolu_1', name: 'get_weather', args: { city: 'Paris', unit: 'celsius' } }],
    });
    const events = await collect(fake.model().stream(ask('Weather in Paris?', { tools: [WEATHER] })));
    const deltas = events.filter((e) => e.type === 'tool-call-delta');
    expect(deltas[0]).toEqual({
      type: 'tool-call-delta',
      index: 0,
      id: 'toolu_1',
      name: 'get_weather',
      argsTextDelta: '',
    });
    expect(deltas.length).toBeGreaterThan(2);
    const joined = deltas.map((e) => (e.type === 'tool-call-delta' ? e.argsTextDelta : '')).join('');
    expect(JSON.parse(joined)).toEqual({ city: 'Paris', unit: 'celsius' });
    const callAt = events.findIndex((e) => e.type === 'tool-call');
    expect(events[callAt]).toEqual({
      type: 'tool-call',
      toolCall: { id: 'toolu_1', name: 'get_weather', args: { city: 'Paris', unit: 'celsius' } },
    });
    expect(events.findLastIndex((e) => e.type === 'tool-call-delta')).toBeLessThan(callAt);
    expect(events.at(-1)).toEqual({ type: 'finish', reason: 'tool-calls' });
  });

  it('keeps parallel tool calls apart by index, numbered per tool (not per content block)', async () => {
    fake.server.reply({
      text: 'Checking both.',
      toolCalls: [
        { id: 'toolu_a', name: 'get_weather', args: { city: 'Paris' } },
        { id: 'toolu_b', name: 'get_time', args: { zone: 'Europe/Paris' } },
      ],
    });
    const events = await collect(fake.model().stream(ask('Weather and time?', { tools: [WEATHER, TIME] })));
    const byIndex = new Map<number, string>();
    for (const e of events) {
      if (e.type === 'tool-call-delta') byIndex.set(e.index, (byIndex.get(e.index) ?? '') + e.argsTextDelta);
    }
    expect([...byIndex.keys()]).toEqual([0, 1]);
    expect(JSON.parse(byIndex.get(0) ?? '')).toEqual({ city: 'Paris' });
    expect(JSON.parse(byIndex.get(1) ?? '')).toEqual({ zone: 'Europe/Paris' });
    expect(
      events.filter((e) => e.type === 'tool-call').map((e) => (e.type === 'tool-call' ? e.toolCall.id : '')),
    ).toEqual(['toolu_a', 'toolu_b']);
  });

  it('a tool without arguments completes with {}', async () => {
    fake.server.reply({ toolCalls: [{ id: 'toolu_1', name: 'get_time', args: {} }] });
    const events = await collect(fake.model().stream(ask('Time?', { tools: [TIME] })));
    expect(events.find((e) => e.type === 'tool-call')).toEqual({
      type: 'tool-call',
      toolCall: { id: 'toolu_1', name: 'get_time', args: {} },
    });
  });

  it('sends tool results back in a user turn right after the tool_use turn (the server checks the pairing)', async () => {
    const history: Message[] = [
      { role: 'user', content: 'Weather in Paris and in Oslo?' },
      {
        role: 'assistant',
        content: [
          { type: 'text', text: 'Checking.' },
          { type: 'tool-call', id: 'toolu_1', name: 'get_weather', args: { city: 'Paris' } },
          { type: 'tool-call', id: 'toolu_2', name: 'get_weather', args: { city: 'Oslo' } },
        ],
      },
      {
        role: 'tool',
        content: [
          { type: 'tool-result', toolCallId: 'toolu_1', toolName: 'get_weather', result: { celsius: 21 } },
          {
            type: 'tool-result',
            toolCallId: 'toolu_2',
            toolName: 'get_weather',
            result: 'station offline',
            isError: true,
          },
        ],
      },
      { role: 'user', content: 'Be brief.' },
    ];
    fake.server.reply({ text: 'Paris is 21°C; Oslo is unknown.' });
    const result = await fake.model().generate({ messages: history, tools: [WEATHER] });
    expect(result.text).toBe('Paris is 21°C; Oslo is unknown.');
    const body = fake.lastBody();
    expect(body.messages).toEqual([
      { role: 'user', content: [{ type: 'text', text: 'Weather in Paris and in Oslo?' }] },
      {
        role: 'assistant',
        content: [
          { type: 'text', text: 'Checking.' },
          { type: 'tool_use', id: 'toolu_1', name: 'get_weather', input: { city: 'Paris' } },
          { type: 'tool_use', id: 'toolu_2', name: 'get_weather', input: { city: 'Oslo' } },
        ],
      },
      {
        role: 'user',
        content: [
          { type: 'tool_result', tool_use_id: 'toolu_1', content: '{"celsius":21}' },
          { type: 'tool_result', tool_use_id: 'toolu_2', content: 'station offline', is_error: true },
          { type: 'text', text: 'Be brief.' },
        ],
      },
    ]);
    const neutral = fake.server.lastChatRequest();
    expect(neutral?.messages.map((m) => m.role)).toEqual(['user', 'assistant', 'tool', 'user']);
    expect(neutral?.messages[2]?.toolResults).toEqual([
      { id: 'toolu_1', name: 'get_weather', content: '{"celsius":21}' },
      { id: 'toolu_2', name: 'get_weather', content: 'station offline' },
    ]);
  });

  it('puts tool results before text even when the text came first in the merged user turn', async () => {
    fake.server.reply({ text: 'ok' });
    await fake.model().generate({
      messages: [
        { role: 'user', content: 'Weather?' },
        { role: 'assistant', content: [{ type: 'tool-call', id: 'toolu_1', name: 'get_weather', args: {} }] },
        { role: 'user', content: 'Hurry.' },
        {
          role: 'tool',
          content: [{ type: 'tool-result', toolCallId: 'toolu_1', toolName: 'get_weather', result: 3 }],
        },
      ],
      tools: [WEATHER],
    });
    const messages = fake.lastBody().messages as Array<{ content: Array<{ type: string }> }>;
    expect(messages[2]?.content.map((b) => b.type)).toEqual(['tool_result', 'text']);
  });

  it('the fake server rejects a tool_use left without its tool_result, and the error is invalid-request', async () => {
    const error = await failure(() =>
      fake.model().generate({
        messages: [
          { role: 'user', content: 'Weather?' },
          {
            role: 'assistant',
            content: [{ type: 'tool-call', id: 'toolu_9', name: 'get_weather', args: {} }],
          },
          { role: 'user', content: 'Never mind.' },
        ],
        tools: [WEATHER],
      }),
    );
    expect(error.kind).toBe('invalid-request');
    expect(error.status).toBe(400);
    expect(error.message).toContain('toolu_9');
  });
});
