import type { ChatRequest, ModelStreamEvent } from '@switchboard/core';
import { describe, expect, it } from 'vitest';
import {
  chatFor,
  collect,
  contextFor,
  expectCleanError,
  HELLO_SCRIPT,
  modelsFolder,
  rejection,
  testProvider,
} from './helpers.js';

const provider = testProvider();
const dir = await modelsFolder({
  tiny: { seed: 1 },
  hello: { seed: 2, script: HELLO_SCRIPT },
  chatml: {
    seed: 3,
    chatTemplate:
      "{% for m in messages %}<|im_start|>{{ m['role'] }}\n{{ m['content'] }}<|im_end|>\n{% endfor %}" +
      '{% if add_generation_prompt %}<|im_start|>assistant\n{% endif %}',
  },
  plain: { seed: 4, chatTemplate: null },
  // Qwen's thought segment, as node-llama-cpp's QwenChatWrapper writes it.
  thinker: {
    seed: 5,
    script: { tokens: ['<think>\n', 'Let me see', '\n</think>', '\n\nForty-two'], ending: 'eos' },
  },
});
const context = contextFor(dir);
const tiny = chatFor(provider, 'tiny', context);
const hello = chatFor(provider, 'hello', context);

const ask = (content: string, extra: Partial<ChatRequest> = {}): ChatRequest => ({
  messages: [{ role: 'user', content }],
  maxTokens: 12,
  temperature: 0,
  ...extra,
});

describe('llama.cpp chat', () => {
  it('loads a GGUF and generates exactly maxTokens tokens of text', async () => {
    const result = await tiny.generate(ask('Hello there'));
    expect(result.text.length).toBeGreaterThan(0);
    expect(result.finishReason).toBe('length');
    expect(result.usage.outputTokens).toBe(12);
    expect(result.usage.inputTokens).toBeGreaterThan(5);
    expect(result.toolCalls).toEqual([]);
  });

  it('streams text deltas, then exactly one usage event, then finish', async () => {
    const events = await collect(tiny.stream(ask('Stream this')));
    const types = events.map((event) => event.type);
    expect(types.filter((type) => type === 'usage')).toHaveLength(1);
    expect(types.slice(-2)).toEqual(['usage', 'finish']);
    expect(types.filter((type) => type === 'text-delta').length).toBeGreaterThan(0);
    const streamed = events.map((event) => (event.type === 'text-delta' ? event.text : '')).join('');
    // Greedy decoding: the same prompt through generate() gives the same text.
    expect(streamed).toBe((await tiny.generate(ask('Stream this'))).text);
  });

  it("ends with 'stop' when the model writes end-of-text", async () => {
    const result = await hello.generate(ask('Greet me', { maxTokens: 30 }));
    expect(result.text).toBe('Hello world!');
    expect(result.finishReason).toBe('stop');
    expect(result.usage.outputTokens).toBe(4); // three pieces and the end-of-text token
  });

  it('stops at a stop sequence, without including it', async () => {
    const result = await hello.generate(ask('Greet me', { maxTokens: 30, stop: [' world'] }));
    expect(result.text).toBe('Hello');
    expect(result.finishReason).toBe('stop');
  });

  it('counts tokens exactly as the prompt the model is given', async () => {
    const request: ChatRequest = {
      messages: [
        { role: 'system', content: 'You are terse.' },
        { role: 'user', content: 'First question' },
        { role: 'assistant', content: 'First answer' },
        { role: 'user', content: 'Second question' },
      ],
      maxTokens: 3,
      temperature: 0,
    };
    const counted = await tiny.countTokens?.(request);
    const result = await tiny.generate(request);
    expect(counted).toBe(result.usage.inputTokens);
    // System prompt and history are part of it: dropping them shrinks the count.
    const shorter = await tiny.countTokens?.({ ...request, messages: request.messages.slice(3) });
    expect(shorter).toBeLessThan(counted ?? 0);
  });

  it('reports the reused prompt prefix as cache reads', async () => {
    const request = ask('Cache me if you can', { maxTokens: 2 });
    await tiny.generate(request);
    const again = await tiny.generate(request);
    // All but the last prompt token come from the context sequence's evaluated state.
    expect(again.usage.cacheReadTokens).toBe(again.usage.inputTokens - 1);
  });

  it('refuses a prompt longer than the context instead of silently dropping the start', async () => {
    const small = chatFor(provider, 'tiny', contextFor(dir, { contextSize: '256' }));
    const error = await rejection(small.generate(ask('many words '.repeat(40))));
    expect(error).toMatchObject({ kind: 'context-window-exceeded', code: 'context-window-exceeded' });
    expect(error.message).toMatch(/The prompt is \d+ tokens, but the context holds 256/);
    expectCleanError(error);
    // What fits still runs, with maxTokens bounded by the room left.
    const fits = await small.generate(ask('short', { maxTokens: 1000 }));
    expect(fits.finishReason).toBe('length');
    expect(fits.usage.inputTokens + fits.usage.outputTokens).toBe(256);
  });

  it('repeats a sampled answer for the same seed', async () => {
    const sampled = (seed: number) =>
      tiny.generate(ask('Surprise me', { temperature: 1, seed, maxTokens: 24 }));
    const [a, b, c] = [await sampled(42), await sampled(42), await sampled(7)];
    expect(a.text).toBe(b.text);
    expect(c.text).not.toBe(a.text);
  });

  it('answers concurrent requests, each with its own prompt', async () => {
    const prompts = ['one', 'two two', 'three three three'];
    const alone = [];
    for (const prompt of prompts) alone.push((await tiny.generate(ask(prompt))).usage.inputTokens);
    const together = await Promise.all(prompts.map((prompt) => tiny.generate(ask(prompt))));
    expect(together.map((result) => result.usage.inputTokens)).toEqual(alone);
    expect(together.every((result) => result.usage.outputTokens === 12)).toBe(true);
  });

  it('serves concurrent requests in parallel context sequences', async () => {
    const parallel = chatFor(provider, 'tiny', contextFor(dir, { parallelRequests: '2' }));
    const prompts = ['alpha', 'beta beta'];
    const [a, b] = await Promise.all(
      prompts.map((prompt) => parallel.generate(ask(prompt, { maxTokens: 40 }))),
    );
    expect(a?.text).toBe((await tiny.generate(ask('alpha', { maxTokens: 40 }))).text);
    expect(b?.text).toBe((await tiny.generate(ask('beta beta', { maxTokens: 40 }))).text);
  });

  it('streams thought segments as reasoning, with a chat format chosen in the settings', async () => {
    const thinker = chatFor(provider, 'thinker', contextFor(dir, { chatWrapper: 'qwen' }));
    const events = await collect(thinker.stream(ask('Six times seven?', { maxTokens: 20 })));
    const reasoning = events.flatMap((event) => (event.type === 'reasoning-delta' ? [event.text] : []));
    const text = events.flatMap((event) => (event.type === 'text-delta' ? [event.text] : []));
    expect(reasoning.join('')).toBe('Let me see');
    expect(text.join('').trim()).toBe('Forty-two');
    const usage = events.find((event) => event.type === 'usage');
    expect(usage?.type === 'usage' && usage.usage).toMatchObject({ outputTokens: 5, reasoningTokens: 1 });
    const generated = await thinker.generate(ask('Six times seven?', { maxTokens: 20 }));
    expect(generated.reasoning).toBe('Let me see');
  });

  it("follows the file's chat template, and the general format without one", async () => {
    const wrapperOf = async (id: string) => {
      const events: ModelStreamEvent[] = await collect(
        chatFor(provider, id, context).stream(ask('Hi', { maxTokens: 1 })),
      );
      const metadata = events.find((event) => event.type === 'metadata');
      return metadata?.type === 'metadata' ? metadata.metadata : {};
    };
    expect((await wrapperOf('chatml')).chatWrapper).toBe('ChatML');
    expect((await wrapperOf('plain')).chatWrapper).toBe('General');
    const tinyMeta = await wrapperOf('tiny');
    expect(tinyMeta.chatWrapper).toBe('General');
    // GPU 'auto' found no GPU build installed here and fell back to the CPU.
    expect(tinyMeta.gpu).toBe(false);
    expect(tinyMeta.gpuLayers).toBe(0);
    expect(tinyMeta.contextSize).toBe(2048);
  });
});
