/**
 * One normalized request, four vendors: each built-in provider's real SDK talks to the testkit's
 * fake server for its vendor, every server gets the same vendor-neutral script, and the answers
 * Switchboard hands back must agree — text, tool calls, finish reason, usage, error kind. The
 * servers' neutral reading of what they received must agree too, so the request was translated
 * the same way into four wire formats.
 */
import {
  type ChatRequest,
  type ChatResponse,
  ProviderRegistry,
  Switchboard,
  SwitchboardError,
} from '@switchboard/core';
import anthropic from '@switchboard/provider-anthropic';
import gemini from '@switchboard/provider-gemini';
import ollama from '@switchboard/provider-ollama';
import openai from '@switchboard/provider-openai';
import {
  FakeAnthropicServer,
  FakeGeminiServer,
  FakeOllamaServer,
  FakeOpenAIServer,
  type NeutralChatRequest,
  type ScriptableServer,
  type ScriptedStep,
} from '@switchboard/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

interface Vendor {
  provider: string;
  /** A model with tools (and vision, where the vendor's fake lists one with both). */
  model: string;
  /** A vision model, when `model` has none (Ollama's fake llava has no tools). */
  visionModel?: string;
  server: ScriptableServer;
}

const vendors: Vendor[] = [];
let sb: Switchboard;

beforeAll(async () => {
  vendors.push(
    { provider: 'openai', model: 'gpt-4o-mini', server: await new FakeOpenAIServer().start() },
    { provider: 'anthropic', model: 'claude-sonnet-5-5', server: await new FakeAnthropicServer().start() },
    { provider: 'gemini', model: 'gemini-2.5-flash', server: await new FakeGeminiServer().start() },
    {
      provider: 'ollama',
      model: 'qwen3:8b',
      visionModel: 'llava:7b',
      server: await new FakeOllamaServer().start(),
    },
  );
  const byProvider = new Map(vendors.map((vendor) => [vendor.provider, vendor.server]));
  const registry = new ProviderRegistry({
    resolveSettings: (provider) => ({
      apiKey: 'sk-cross-provider-secret',
      baseUrl: byProvider.get(provider.id)?.url,
    }),
  });
  for (const plugin of [openai, anthropic, gemini, ollama]) registry.register(plugin);
  // No retries and no fallback: each answer must come from the vendor under test.
  sb = new Switchboard({ registry, execution: { retry: { maxAttempts: 1 } } });
});

afterAll(async () => {
  await Promise.all(vendors.map((vendor) => vendor.server.close()));
});

/** Sends the same request to every vendor with the same script; returns answers and what each server read. */
async function everyVendor(
  step: ScriptedStep,
  request: Omit<ChatRequest, 'model'>,
  pick: (vendor: Vendor) => string = (vendor) => vendor.model,
): Promise<Array<{ provider: string; response: ChatResponse; received: NeutralChatRequest }>> {
  const results = [];
  for (const vendor of vendors) {
    vendor.server.reset();
    vendor.server.reply(step);
    const response = await sb.chat({ ...request, model: `${vendor.provider}/${pick(vendor)}` });
    const received = vendor.server.lastChatRequest();
    if (!received) throw new Error(`${vendor.provider}'s server saw no chat request`);
    results.push({ provider: vendor.provider, response, received });
  }
  return results;
}

/** The parts of an answer that must not depend on the vendor. */
function comparable(response: ChatResponse) {
  return {
    text: response.text,
    toolCalls: response.toolCalls.map((call) => ({ name: call.name, args: call.args })),
    finishReason: response.finishReason,
    inputTokens: response.usage.inputTokens,
    outputTokens: response.usage.outputTokens,
  };
}

/** The parts of a received request that must not depend on the vendor (ids and model names do). */
function comparableRequest(received: NeutralChatRequest) {
  return {
    system: received.system,
    messages: received.messages.map((message) => ({
      role: message.role,
      text: message.text,
      images: message.images,
      toolCalls: message.toolCalls.map((call) => ({ name: call.name, args: call.args })),
      toolResults: message.toolResults.map((result) => result.content),
    })),
    tools: received.tools,
    maxTokens: received.maxTokens,
  };
}

function expectAllEqual<T>(values: Array<{ provider: string; value: T }>): void {
  const [first, ...rest] = values;
  if (!first) throw new Error('no vendor answered');
  for (const other of rest) {
    expect({ provider: other.provider, value: other.value }).toEqual({
      provider: other.provider,
      value: first.value,
    });
  }
}

const weatherTool = {
  name: 'get_weather',
  description: 'Current weather for a city',
  parameters: { type: 'object', properties: { city: { type: 'string' } }, required: ['city'] },
};

describe('the same normalized request through all four providers', () => {
  it('a system prompt and a multi-turn history give the same answer and the same wire content', async () => {
    const results = await everyVendor(
      { text: 'Paris is the capital of France.', usage: { inputTokens: 31, outputTokens: 8 } },
      {
        messages: [
          { role: 'system', content: 'Answer in one sentence.' },
          { role: 'user', content: 'Hello!' },
          { role: 'assistant', content: 'Hi, how can I help?' },
          { role: 'user', content: 'What is the capital of France?' },
        ],
        maxTokens: 64,
      },
    );
    expect(results.map((r) => r.provider)).toEqual(['openai', 'anthropic', 'gemini', 'ollama']);
    expectAllEqual(results.map((r) => ({ provider: r.provider, value: comparable(r.response) })));
    expect(comparable(results[0]!.response)).toEqual({
      text: 'Paris is the capital of France.',
      toolCalls: [],
      finishReason: 'stop',
      inputTokens: 31,
      outputTokens: 8,
    });
    expectAllEqual(results.map((r) => ({ provider: r.provider, value: comparableRequest(r.received) })));
    expect(comparableRequest(results[0]!.received)).toMatchObject({
      system: 'Answer in one sentence.',
      messages: [
        { role: 'user', text: 'Hello!' },
        { role: 'assistant', text: 'Hi, how can I help?' },
        { role: 'user', text: 'What is the capital of France?' },
      ],
      maxTokens: 64,
    });
    for (const { provider, response } of results) expect(response.provider).toBe(provider);
  });

  it('parallel tool calls come back as the same normalized calls, and their results travel back the same way', async () => {
    const calls = [
      { id: 'call_paris', name: 'get_weather', args: { city: 'Paris' } },
      { id: 'call_tokyo', name: 'get_weather', args: { city: 'Tokyo' } },
    ];
    const asked = await everyVendor(
      { toolCalls: calls, usage: { inputTokens: 40, outputTokens: 12 } },
      { messages: [{ role: 'user', content: 'Weather in Paris and Tokyo?' }], tools: [weatherTool] },
    );
    expectAllEqual(asked.map((r) => ({ provider: r.provider, value: comparable(r.response) })));
    expect(comparable(asked[0]!.response)).toMatchObject({
      toolCalls: calls.map(({ name, args }) => ({ name, args })),
      finishReason: 'tool-calls',
    });
    for (const { received } of asked) expect(received.tools).toEqual(['get_weather']);

    // Round trip: each vendor gets its own call ids back with the results.
    const answered = [];
    for (const { provider, response } of asked) {
      const vendor = vendors.find((v) => v.provider === provider)!;
      vendor.server.reset();
      vendor.server.reply({ text: 'Sunny in Paris, rainy in Tokyo.' });
      const final = await sb.chat({
        model: `${provider}/${vendor.model}`,
        tools: [weatherTool],
        messages: [
          { role: 'user', content: 'Weather in Paris and Tokyo?' },
          {
            role: 'assistant',
            content: response.toolCalls.map((call) => ({ type: 'tool-call' as const, ...call })),
          },
          {
            role: 'tool',
            content: response.toolCalls.map((call) => ({
              type: 'tool-result' as const,
              toolCallId: call.id,
              toolName: call.name,
              result: { forecast: (call.args as { city?: string }).city === 'Paris' ? 'sunny' : 'rain' },
            })),
          },
        ],
      });
      answered.push({ provider, response: final, received: vendor.server.lastChatRequest()! });
    }
    expectAllEqual(answered.map((r) => ({ provider: r.provider, value: r.response.text })));
    const results = answered.map((r) => ({
      provider: r.provider,
      value: r.received.messages.flatMap((m) => m.toolResults.map((t) => JSON.parse(t.content) as unknown)),
    }));
    expectAllEqual(results);
    expect(results[0]!.value).toEqual([{ forecast: 'sunny' }, { forecast: 'rain' }]);
  });

  it('a streamed answer arrives as the same deltas and the same final response', async () => {
    const texts: Array<{ provider: string; value: unknown }> = [];
    for (const vendor of vendors) {
      vendor.server.reset();
      vendor.server.reply({ text: 'One two three four.', usage: { inputTokens: 5, outputTokens: 4 } });
      let streamed = '';
      let final: ChatResponse | undefined;
      for await (const event of sb.stream({
        model: `${vendor.provider}/${vendor.model}`,
        messages: [{ role: 'user', content: 'Count to four.' }],
      })) {
        if (event.type === 'text-delta') streamed += event.text;
        if (event.type === 'response') final = event.response;
      }
      expect(vendor.server.lastChatRequest()?.stream).toBe(true);
      texts.push({ provider: vendor.provider, value: { streamed, final: final && comparable(final) } });
    }
    expectAllEqual(texts);
    expect(texts[0]!.value).toEqual({
      streamed: 'One two three four.',
      final: {
        text: 'One two three four.',
        toolCalls: [],
        finishReason: 'stop',
        inputTokens: 5,
        outputTokens: 4,
      },
    });
  });

  it('an image given as bytes reaches every vendor as the same image', async () => {
    const png = Uint8Array.from(
      Buffer.from(
        'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
        'base64',
      ),
    );
    const results = await everyVendor(
      { text: 'A single pixel.' },
      {
        messages: [
          {
            role: 'user',
            content: [
              { type: 'text', text: 'What is this?' },
              { type: 'image', image: { kind: 'bytes', data: png, mimeType: 'image/png' } },
            ],
          },
        ],
      },
      (vendor) => vendor.visionModel ?? vendor.model,
    );
    const images = results.map((r) => ({ provider: r.provider, value: r.received.messages[0]?.images }));
    expectAllEqual(images);
    expect(images[0]!.value).toEqual([
      { base64: Buffer.from(png).toString('base64'), mimeType: 'image/png' },
    ]);
    expectAllEqual(results.map((r) => ({ provider: r.provider, value: r.response.text })));
  });

  it('a rate limit with Retry-After becomes the same error kind and wait, and no key shows', async () => {
    const errors = [];
    for (const vendor of vendors) {
      vendor.server.reset();
      vendor.server.reply({
        kind: 'error',
        status: 429,
        message: 'Slow down',
        headers: { 'retry-after': '7' },
      });
      const error = await sb
        .chat({ model: `${vendor.provider}/${vendor.model}`, messages: [{ role: 'user', content: 'hi' }] })
        .catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(SwitchboardError);
      const { kind, retryAfterMs, message } = error as SwitchboardError;
      expect(message).not.toContain('sk-cross-provider-secret');
      errors.push({ provider: vendor.provider, value: { kind, retryAfterMs } });
    }
    expectAllEqual(errors);
    expect(errors[0]!.value).toEqual({ kind: 'rate-limit', retryAfterMs: 7000 });
  });

  it('a blocked answer is content-filter wherever the vendor has a filter', async () => {
    const results = await everyVendor(
      { text: '', finish: 'content-filter' },
      { messages: [{ role: 'user', content: 'Something the filter blocks' }] },
      (vendor) => vendor.model,
    ).catch((error: unknown) => error);
    // Ollama has no content filter, so the fake renders its nearest finish; the three vendors that have one must agree.
    if (!Array.isArray(results)) throw results;
    const filtered = results.filter((r) => r.provider !== 'ollama');
    expect(filtered.map((r) => r.response.finishReason)).toEqual([
      'content-filter',
      'content-filter',
      'content-filter',
    ]);
  });
});
