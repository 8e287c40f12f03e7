import type { ChatRequest, Message } from '@switchboard/core';
import { describe, expect, it } from 'vitest';
import {
  chatFor,
  collect,
  contextFor,
  expectCleanError,
  modelsFolder,
  rejection,
  TOOL_SCRIPT,
  testProvider,
  WEATHER_TOOL,
} from './helpers.js';

const provider = testProvider();
const dir = await modelsFolder({ tool: { seed: 5, script: TOOL_SCRIPT }, tiny: { seed: 1 } });
const context = contextFor(dir);
const tool = chatFor(provider, 'tool', context);
const tiny = chatFor(provider, 'tiny', context);

const weather = (extra: Partial<ChatRequest> = {}): ChatRequest => ({
  messages: [{ role: 'user', content: 'What is the weather in Paris?' }],
  tools: [WEATHER_TOOL],
  maxTokens: 60,
  temperature: 0,
  ...extra,
});

describe('llama.cpp function calling', () => {
  it('returns the model’s call as a tool call instead of running it', async () => {
    const result = await tool.generate(weather());
    expect(result.finishReason).toBe('tool-calls');
    expect(result.toolCalls).toHaveLength(1);
    const [call] = result.toolCalls;
    expect(call?.name).toBe('get_weather');
    // The grammar held the random model to the schema: one of the enum's cities.
    expect(call?.args).toEqual({ city: expect.stringMatching(/^(Paris|London)$/) });
    expect(call?.id).toMatch(/^call_\w+$/);
    expect(result.text).toBe('');
  });

  it('streams the call’s arguments as deltas that add up to the final call', async () => {
    const events = await collect(tool.stream(weather()));
    const deltas = events.flatMap((event) => (event.type === 'tool-call-delta' ? [event] : []));
    const calls = events.flatMap((event) => (event.type === 'tool-call' ? [event.toolCall] : []));
    expect(deltas.length).toBeGreaterThan(0);
    expect(deltas[0]).toMatchObject({ index: 0, name: 'get_weather' });
    expect(deltas[0]?.id).toBe(calls[0]?.id);
    expect(JSON.parse(deltas.map((delta) => delta.argsTextDelta).join(''))).toEqual(calls[0]?.args);
    expect(events.slice(-2).map((event) => event.type)).toEqual(['usage', 'finish']);
  });

  it('puts tool results into the prompt, in the turn that made the call', async () => {
    const withResult = (result: string): ChatRequest => ({
      ...weather(),
      messages: [
        { role: 'user', content: 'What is the weather in Paris?' },
        {
          role: 'assistant',
          content: [{ type: 'tool-call', id: 'c1', name: 'get_weather', args: { city: 'Paris' } }],
        },
        {
          role: 'tool',
          content: [{ type: 'tool-result', toolCallId: 'c1', toolName: 'get_weather', result }],
        },
      ],
    });
    const short = await tool.countTokens?.(withResult('x'));
    const long = await tool.countTokens?.(withResult('Sunny, 25 degrees, light wind from the west'));
    expect((long ?? 0) - (short ?? 0)).toBe('Sunny, 25 degrees, light wind from the west'.length - 1);
    // The model goes on after the result (this one calls again: its script restarts after a line feed).
    const result = await tool.generate(withResult('Sunny'));
    expect(['tool-calls', 'stop', 'length']).toContain(result.finishReason);
  });

  it('refuses a tool call without a result', async () => {
    const messages: Message[] = [
      { role: 'user', content: 'Weather?' },
      {
        role: 'assistant',
        content: [{ type: 'tool-call', id: 'c9', name: 'get_weather', args: { city: 'Paris' } }],
      },
    ];
    const error = await rejection(tool.generate(weather({ messages })));
    expect(error).toMatchObject({ kind: 'invalid-request' });
    expect(error.message).toContain('c9');
    expectCleanError(error);
  });

  it("offers no tools with toolChoice 'none'", async () => {
    const result = await tool.generate(weather({ toolChoice: 'none', maxTokens: 8 }));
    expect(result.toolCalls).toEqual([]);
    expect(result.text.startsWith('||call:')).toBe(true); // the model's prefix is just text now
  });

  it('warns that a call cannot be forced', async () => {
    const events = await collect(tool.stream(weather({ toolChoice: 'required' })));
    expect(events[0]).toMatchObject({ type: 'warning', warning: { option: 'toolChoice' } });
    expect(events.some((event) => event.type === 'tool-call')).toBe(true);
  });
});

describe('llama.cpp JSON output', () => {
  it('constrains the answer to the JSON schema with a grammar', async () => {
    const schema = {
      type: 'object',
      properties: { ok: { type: 'boolean' }, mood: { type: 'string', enum: ['calm', 'busy'] } },
      required: ['ok', 'mood'],
    };
    const result = await tiny.generate({
      messages: [{ role: 'user', content: 'Status?' }],
      responseFormat: { type: 'json', schema },
      maxTokens: 60,
      temperature: 0,
    });
    const parsed = JSON.parse(result.text) as Record<string, unknown>;
    expect(Object.keys(parsed).sort()).toEqual(['mood', 'ok']);
    expect(typeof parsed.ok).toBe('boolean');
    expect(['calm', 'busy']).toContain(parsed.mood);
    expect(result.finishReason).toBe('stop');
  });

  it('keeps the tools and warns when JSON output is asked for with them', async () => {
    const events = await collect(
      tool.stream(weather({ responseFormat: { type: 'json', schema: { type: 'object' } } })),
    );
    expect(events).toContainEqual(
      expect.objectContaining({
        type: 'warning',
        warning: expect.objectContaining({ option: 'responseFormat' }),
      }),
    );
    expect(events.some((event) => event.type === 'tool-call')).toBe(true);
  });
});
