import type { ChatRequest, ModelStreamEvent, ToolCall } from '@switchboard/core';
import { describe, expect, it } from 'vitest';
import { collect, textOf, useOllama } from './helpers.js';

const weather = {
  name: 'get_weather',
  description: 'Get the weather in a given city',
  parameters: { type: 'object', properties: { city: { type: 'string' } }, required: ['city'] },
};
const ask: ChatRequest = {
  messages: [{ role: 'user', content: 'Weather in Tokyo and Paris?' }],
  tools: [weather],
};
const tokyo = { id: 'call_tokyo001', name: 'get_weather', args: { city: 'Tokyo' } };
const paris = { id: 'call_paris001', name: 'get_weather', args: { city: 'Paris' } };

type Delta = Extract<ModelStreamEvent, { type: 'tool-call-delta' }>;
const deltas = (events: ModelStreamEvent[]) => events.filter((e): e is Delta => e.type === 'tool-call-delta');
const calls = (events: ModelStreamEvent[]): ToolCall[] =>
  events.flatMap((e) => (e.type === 'tool-call' ? [e.toolCall] : []));

describe('ollama tools with a server that sends call ids', () => {
  const ollama = useOllama();

  it('sends the tools as functions', async () => {
    await ollama.chat().generate(ask);
    expect(ollama.server.lastChatRequest()?.tools).toEqual(['get_weather']);
    const body = ollama.server.requests.at(-1)?.body as { tools: unknown[] };
    expect(body.tools[0]).toEqual({ type: 'function', function: weather });
  });

  it('streams a tool call as one delta then the call, and finishes tool-calls although Ollama says stop', async () => {
    ollama.server.reply({ text: 'Checking.', toolCalls: [tokyo] });
    const events = await collect(ollama.chat().stream(ask));
    expect(textOf(events)).toBe('Checking.');
    expect(deltas(events)).toEqual([
      {
        type: 'tool-call-delta',
        index: 0,
        id: 'call_tokyo001',
        name: 'get_weather',
        argsTextDelta: '{"city":"Tokyo"}',
      },
    ]);
    expect(calls(events)).toEqual([tokyo]);
    const deltaAt = events.findIndex((e) => e.type === 'tool-call-delta');
    expect(events[deltaAt + 1]?.type).toBe('tool-call');
    expect(events.at(-1)).toEqual({ type: 'finish', reason: 'tool-calls' });
  });

  it('keeps parallel calls apart by index, in separate lines or in one', async () => {
    ollama.server.reply({ toolCalls: [tokyo, paris] });
    const separate = await collect(ollama.chat().stream(ask));
    expect(deltas(separate).map((d) => [d.index, d.id])).toEqual([
      [0, 'call_tokyo001'],
      [1, 'call_paris001'],
    ]);
    expect(calls(separate)).toEqual([tokyo, paris]);

    ollama.server.toolCallRendering.chunks = 'together';
    ollama.server.reply({ toolCalls: [tokyo, paris] });
    const together = await collect(ollama.chat().stream(ask));
    expect(deltas(together).map((d) => [d.index, d.id])).toEqual([
      [0, 'call_tokyo001'],
      [1, 'call_paris001'],
    ]);
    expect(together.at(-1)).toEqual({ type: 'finish', reason: 'tool-calls' });
  });

  it('returns tool calls from generate with the finish reason tool-calls', async () => {
    ollama.server.reply({ toolCalls: [tokyo, paris] });
    const result = await ollama.chat().generate(ask);
    expect(result.toolCalls).toEqual([tokyo, paris]);
    expect(result.finishReason).toBe('tool-calls');
  });

  it('round-trips tool results as role tool with tool_name and tool_call_id', async () => {
    ollama.server.reply({ text: 'Tokyo is 11°C, Paris is sunny.' });
    const result = await ollama.chat().generate({
      ...ask,
      messages: [
        ...ask.messages,
        {
          role: 'assistant',
          content: [
            { type: 'tool-call', ...tokyo },
            { type: 'tool-call', ...paris },
          ],
        },
        {
          role: 'tool',
          content: [
            {
              type: 'tool-result',
              toolCallId: tokyo.id,
              toolName: 'get_weather',
              result: '11 degrees celsius',
            },
            { type: 'tool-result', toolCallId: paris.id, toolName: 'get_weather', result: { sky: 'sunny' } },
          ],
        },
      ],
    });
    expect(result.text).toBe('Tokyo is 11°C, Paris is sunny.');
    const sent = ollama.server.lastChatRequest();
    expect(sent?.messages[1]?.toolCalls).toEqual([
      { id: tokyo.id, name: 'get_weather', args: { city: 'Tokyo' } },
      { id: paris.id, name: 'get_weather', args: { city: 'Paris' } },
    ]);
    expect(sent?.messages.slice(2).map((m) => m.toolResults[0])).toEqual([
      { id: tokyo.id, name: 'get_weather', content: '11 degrees celsius' },
      { id: paris.id, name: 'get_weather', content: '{"sky":"sunny"}' },
    ]);
    // Arguments go back as an object, as Ollama requires.
    const body = ollama.server.requests.at(-1)?.body as {
      messages: Array<{ tool_calls?: Array<{ function: { arguments: unknown } }> }>;
    };
    expect(body.messages[1]?.tool_calls?.[0]?.function.arguments).toEqual({ city: 'Tokyo' });
  });

  it('marks failed tool results so the model can tell', async () => {
    await ollama.chat().generate({
      ...ask,
      messages: [
        ...ask.messages,
        { role: 'assistant', content: [{ type: 'tool-call', ...tokyo }] },
        {
          role: 'tool',
          content: [
            {
              type: 'tool-result',
              toolCallId: tokyo.id,
              toolName: 'get_weather',
              result: 'timeout',
              isError: true,
            },
          ],
        },
      ],
    });
    expect(ollama.server.lastChatRequest()?.messages.at(-1)?.toolResults[0]?.content).toBe('Error: timeout');
  });

  it('refuses tool-call arguments that are not an object before sending', async () => {
    await expect(
      ollama.chat().generate({
        messages: [
          { role: 'assistant', content: [{ type: 'tool-call', id: 'c1', name: 'f', args: [1, 2] }] },
        ],
      }),
    ).rejects.toMatchObject({ kind: 'invalid-request' });
    expect(ollama.server.requests).toHaveLength(0);
  });

  it('honours toolChoice "none" by not offering the tools', async () => {
    await ollama.chat().generate({ ...ask, toolChoice: 'none' });
    expect(ollama.server.lastChatRequest()?.tools).toEqual([]);
  });
});

describe('ollama tools with an older server that sends no call ids', () => {
  const ollama = useOllama({ toolCallIds: false });

  it('makes one id per call and uses it for the delta and the call alike', async () => {
    ollama.server.reply({ toolCalls: [tokyo, paris] });
    const events = await collect(ollama.chat().stream(ask));
    const [first, second] = deltas(events);
    const [call1, call2] = calls(events);
    expect(first?.id).toMatch(/^call_[a-z0-9]{8}$/);
    expect(second?.id).toMatch(/^call_[a-z0-9]{8}$/);
    expect(first?.id).not.toBe(second?.id);
    expect(call1).toEqual({ id: first?.id, name: 'get_weather', args: { city: 'Tokyo' } });
    expect(call2).toEqual({ id: second?.id, name: 'get_weather', args: { city: 'Paris' } });
    expect(events.at(-1)).toEqual({ type: 'finish', reason: 'tool-calls' });
  });

  it('makes ids in generate too', async () => {
    ollama.server.reply({ toolCalls: [tokyo] });
    const result = await ollama.chat().generate(ask);
    expect(result.toolCalls[0]).toMatchObject({ name: 'get_weather', args: { city: 'Tokyo' } });
    expect(result.toolCalls[0]?.id).toMatch(/^call_[a-z0-9]{8}$/);
  });
});
