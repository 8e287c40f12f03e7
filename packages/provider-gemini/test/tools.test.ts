import type { Message, ModelStreamEvent, ToolDefinition } from '@switchboard/core';
import { fakeThoughtSignature } from '@switchboard/testkit';
import { describe, expect, it } from 'vitest';
import { bodyOf, chatModel, collect, useFakeGemini, user } from './helpers.js';

const { server, provider } = useFakeGemini();

const weather: ToolDefinition = {
  name: 'get_weather',
  description: 'Weather for a city',
  parameters: { type: 'object', properties: { city: { type: 'string' } }, required: ['city'] },
};
const time: ToolDefinition = { name: 'get_time', parameters: { type: 'object', properties: {} } };

type Part = Record<string, unknown>;
type Body = {
  tools?: Array<{ functionDeclarations: unknown[] }>;
  toolConfig?: unknown;
  contents: Array<{ role: string; parts: Part[] }>;
};
const lastBody = () => bodyOf<Body>(server);

describe('tools: declarations and choice', () => {
  it('declares tools with their JSON schema as parametersJsonSchema', async () => {
    await chatModel(provider(), server).generate({ messages: [user('Weather?')], tools: [weather, time] });
    expect(lastBody().tools).toEqual([
      {
        functionDeclarations: [
          {
            name: 'get_weather',
            description: 'Weather for a city',
            parametersJsonSchema: weather.parameters,
          },
          { name: 'get_time', parametersJsonSchema: time.parameters },
        ],
      },
    ]);
    expect(lastBody().toolConfig).toBeUndefined();
    expect(server.lastChatRequest()?.tools).toEqual(['get_weather', 'get_time']);
  });

  it.each([
    ['auto', { mode: 'AUTO' }],
    ['none', { mode: 'NONE' }],
    ['required', { mode: 'ANY' }],
    [
      { type: 'tool', name: 'get_time' },
      { mode: 'ANY', allowedFunctionNames: ['get_time'] },
    ],
  ] as const)('maps toolChoice %j to functionCallingConfig', async (toolChoice, config) => {
    await chatModel(provider(), server).generate({
      messages: [user('Hi')],
      tools: [weather, time],
      toolChoice,
    });
    expect(lastBody().toolConfig).toEqual({ functionCallingConfig: config });
  });
});

describe('tools: calls in answers', () => {
  const call = { id: 'call-1', name: 'get_weather', args: { city: 'Paris' } };

  it('reads a function call from a whole answer and finishes with tool-calls', async () => {
    server.reply({ toolCalls: [call] });
    const result = await chatModel(provider(), server).generate({
      messages: [user('Weather?')],
      tools: [weather],
    });
    expect(result.toolCalls).toEqual([call]);
    expect(result.finishReason).toBe('tool-calls');
    expect(result.metadata?.geminiFinishReason).toBe('STOP'); // Gemini itself says STOP
  });

  it('streams each call as one delta with the whole arguments, then the call', async () => {
    server.reply({ text: 'Checking.', toolCalls: [call] });
    const events = await collect(
      chatModel(provider(), server).stream({ messages: [user('Weather?')], tools: [weather] }),
    );
    const calls = events.filter((e) => e.type === 'tool-call-delta' || e.type === 'tool-call');
    expect(calls).toEqual([
      {
        type: 'tool-call-delta',
        index: 0,
        id: 'call-1',
        name: 'get_weather',
        argsTextDelta: '{"city":"Paris"}',
      },
      { type: 'tool-call', toolCall: call },
    ]);
    expect(events.at(-1)).toEqual({ type: 'finish', reason: 'tool-calls' });
  });

  it('reads parallel calls in order, with their own indexes', async () => {
    const second = { id: 'call-2', name: 'get_time', args: {} };
    server.reply({ toolCalls: [call, second] }, { toolCalls: [call, second] });
    const model = chatModel(provider(), server);
    const result = await model.generate({ messages: [user('Both')], tools: [weather, time] });
    expect(result.toolCalls).toEqual([call, second]);
    const events = await collect(model.stream({ messages: [user('Both')], tools: [weather, time] }));
    const deltas = events.flatMap((e) =>
      e.type === 'tool-call-delta' ? [[e.index, e.name, e.argsTextDelta]] : [],
    );
    expect(deltas).toEqual([
      [0, 'get_weather', '{"city":"Paris"}'],
      [1, 'get_time', '{}'],
    ]);
  });

  it('gives id-less calls (Gemini 2.x) ids that are stable within an answer and unique across answers', async () => {
    server.functionCallIds = false;
    server.reply({ toolCalls: [call, { ...call, args: { city: 'Rome' } }] }, { toolCalls: [call] });
    const model = chatModel(provider(), server);
    const events = await collect(model.stream({ messages: [user('Weather?')], tools: [weather] }));
    const deltaIds = events.flatMap((e) => (e.type === 'tool-call-delta' ? [e.id] : []));
    const callIds = events.flatMap((e) => (e.type === 'tool-call' ? [e.toolCall.id] : []));
    expect(deltaIds).toEqual(callIds);
    expect(new Set(callIds).size).toBe(2);
    const again = await model.generate({ messages: [user('Weather?')], tools: [weather] });
    expect(again.toolCalls[0]?.id).toBeTruthy();
    expect(callIds).not.toContain(again.toolCalls[0]?.id);
  });
});

describe('tools: results in the history', () => {
  const history = (id: string): Message[] => [
    user('Weather in Paris and the time?'),
    {
      role: 'assistant',
      content: [
        { type: 'text', text: 'Let me check.' },
        { type: 'tool-call', id, name: 'get_weather', args: { city: 'Paris' } },
        { type: 'tool-call', id: `${id}-b`, name: 'get_time', args: {} },
      ],
    },
    {
      role: 'tool',
      content: [
        { type: 'tool-result', toolCallId: id, toolName: 'get_weather', result: { temp: 21 } },
        {
          type: 'tool-result',
          toolCallId: `${id}-b`,
          toolName: 'get_time',
          result: 'clock broken',
          isError: true,
        },
      ],
    },
  ];

  it('sends calls as functionCall parts and results as functionResponse parts of one user turn', async () => {
    server.reply({ text: 'Sunny, 21°C.' });
    const result = await chatModel(provider(), server).generate({
      messages: history('call-9'),
      tools: [weather, time],
    });
    expect(result.text).toBe('Sunny, 21°C.');
    const body = lastBody();
    expect(body.contents.map((c) => c.role)).toEqual(['user', 'model', 'user']);
    expect(body.contents[1]?.parts).toEqual([
      { text: 'Let me check.' },
      { functionCall: { id: 'call-9', name: 'get_weather', args: { city: 'Paris' } } },
      { functionCall: { id: 'call-9-b', name: 'get_time', args: {} } },
    ]);
    expect(body.contents[2]?.parts).toEqual([
      { functionResponse: { id: 'call-9', name: 'get_weather', response: { output: { temp: 21 } } } },
      { functionResponse: { id: 'call-9-b', name: 'get_time', response: { error: 'clock broken' } } },
    ]);
    const neutral = server.lastChatRequest();
    expect(neutral?.messages.map((m) => m.role)).toEqual(['user', 'assistant', 'tool']);
    expect(neutral?.messages[2]?.toolResults[0]).toEqual({
      id: 'call-9',
      name: 'get_weather',
      // The neutral reading unwraps Gemini's `output` envelope (the raw body above keeps it).
      content: '{"temp":21}',
    });
  });

  it('leaves generated ids out, so Gemini matches those results by name', async () => {
    server.functionCallIds = false;
    server.reply(
      { toolCalls: [{ id: 'unused', name: 'get_weather', args: { city: 'Paris' } }] },
      { text: 'Done' },
    );
    const model = chatModel(provider(), server);
    const first = await model.generate({ messages: [user('Weather?')], tools: [weather] });
    const generated = first.toolCalls[0];
    if (!generated) throw new Error('expected a tool call');
    await model.generate({
      messages: [
        user('Weather?'),
        { role: 'assistant', content: [{ type: 'tool-call', ...generated }] },
        {
          role: 'tool',
          content: [
            { type: 'tool-result', toolCallId: generated.id, toolName: 'get_weather', result: 'sunny' },
          ],
        },
      ],
      tools: [weather],
    });
    const [, modelTurn, toolTurn] = lastBody().contents;
    expect(modelTurn?.parts[0]?.functionCall).toEqual({ name: 'get_weather', args: { city: 'Paris' } });
    expect(toolTurn?.parts[0]?.functionResponse).toEqual({
      name: 'get_weather',
      response: { output: 'sunny' },
    });
  });

  it('sends Gemini 3 thought signatures back on the calls they came with', async () => {
    server.reply(
      { toolCalls: [{ id: 'c1', name: 'get_weather', args: { city: 'Oslo' } }] },
      { text: 'Cold.' },
    );
    const model = chatModel(provider(), server, 'gemini-3-pro-preview');
    const events: ModelStreamEvent[] = await collect(
      model.stream({ messages: [user('Oslo?')], tools: [weather] }),
    );
    const toolCall = events.find((e) => e.type === 'tool-call');
    if (toolCall?.type !== 'tool-call') throw new Error('expected a tool call');
    await model.generate({
      messages: [
        user('Oslo?'),
        { role: 'assistant', content: [{ type: 'tool-call', ...toolCall.toolCall }] },
        {
          role: 'tool',
          content: [{ type: 'tool-result', toolCallId: 'c1', toolName: 'get_weather', result: -3 }],
        },
      ],
      tools: [weather],
    });
    expect(lastBody().contents[1]?.parts[0]?.thoughtSignature).toBe(fakeThoughtSignature('fake-response-1'));
  });

  it("stands in Google's skip value for a Gemini 3 call whose signature is unknown, and nothing for Gemini 2.5", async () => {
    const messages = history('from-another-model');
    await chatModel(provider(), server, 'gemini-3-flash-preview').generate({
      messages,
      tools: [weather, time],
    });
    const gemini3Calls = lastBody().contents[1]?.parts.filter((p) => p.functionCall) ?? [];
    expect(gemini3Calls.map((p) => p.thoughtSignature)).toEqual([
      'skip_thought_signature_validator',
      undefined,
    ]);
    await chatModel(provider(), server, 'gemini-2.5-flash').generate({ messages, tools: [weather, time] });
    const gemini25Calls = lastBody().contents[1]?.parts.filter((p) => p.functionCall) ?? [];
    expect(gemini25Calls.map((p) => p.thoughtSignature)).toEqual([undefined, undefined]);
  });
});
