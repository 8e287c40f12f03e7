import type { ScriptedFinish } from '@switchboard/testkit';
import { describe, expect, it } from 'vitest';
import { chatModel, collect, useFakeServer } from './helpers.js';

const fake = useFakeServer();
const messages = [{ role: 'user' as const, content: 'x' }];

describe('usage', () => {
  const usage = { inputTokens: 1200, outputTokens: 300, cachedInputTokens: 1024, reasoningTokens: 256 };
  const expected = { inputTokens: 1200, outputTokens: 300, cacheReadTokens: 1024, reasoningTokens: 256 };

  it('keeps cached prompt tokens inside inputTokens and reasoning tokens inside outputTokens (generate)', async () => {
    fake.server.reply({ text: 'ok', usage });
    const result = await chatModel(fake.server, 'o4-mini').generate({ messages });
    expect(result.usage).toEqual(expected);
  });

  it('reads the usage chunk that follows the finish chunk (stream)', async () => {
    fake.server.reply({ text: 'ok', usage });
    const events = await collect(chatModel(fake.server, 'o4-mini').stream({ messages }));
    expect(events.filter((e) => e.type === 'usage')).toEqual([{ type: 'usage', usage: expected }]);
  });

  it('still ends with one usage event when the server sends none (no include_usage)', async () => {
    fake.server.reply({ text: 'ok' });
    const events = await collect(
      chatModel(fake.server, 'mistral-small-latest', 'mistral').stream({ messages }),
    );
    expect(fake.server.lastRequestTo('/chat/completions')?.body).not.toHaveProperty('stream_options');
    expect(events.slice(-2)).toEqual([
      { type: 'usage', usage: { inputTokens: 0, outputTokens: 0 } },
      { type: 'finish', reason: 'stop' },
    ]);
  });
});

describe('finish reasons', () => {
  const table: Array<[ScriptedFinish, string]> = [
    ['stop', 'stop'],
    ['length', 'length'],
    ['tool-calls', 'tool-calls'],
    ['content-filter', 'content-filter'],
  ];

  it.each(table)('maps %s (generate)', async (scripted, expected) => {
    fake.server.reply({ text: 'partial', finish: scripted });
    expect((await chatModel(fake.server).generate({ messages })).finishReason).toBe(expected);
  });

  it.each(table)('maps %s (stream)', async (scripted, expected) => {
    fake.server.reply({ text: 'partial', finish: scripted });
    const events = await collect(chatModel(fake.server).stream({ messages }));
    expect(events.at(-1)).toEqual({ type: 'finish', reason: expected });
  });

  it('says tool-calls when a compatible server says stop after tool calls', async () => {
    fake.server.reply({ toolCalls: [{ id: 'c1', name: 'f', args: {} }], finish: 'stop' });
    const result = await chatModel(fake.server, 'qwen2.5', 'vllm').generate({ messages });
    expect(result.finishReason).toBe('tool-calls');
  });
});

describe('reasoning text (reasoning_content, as DeepSeek, vLLM and OpenRouter send it)', () => {
  it('returns it beside the answer (generate)', async () => {
    fake.server.reply({
      reasoning: 'Two plus two is four.',
      text: '4',
      usage: { inputTokens: 5, outputTokens: 20, reasoningTokens: 15 },
    });
    const result = await chatModel(fake.server, 'deepseek-reasoner', 'deepseek').generate({ messages });
    expect(result.reasoning).toBe('Two plus two is four.');
    expect(result.text).toBe('4');
    expect(result.usage.reasoningTokens).toBe(15);
  });

  it('streams it as reasoning deltas before the text', async () => {
    fake.server.reply({ reasoning: 'Two plus two is four.', text: 'The answer is 4.' });
    const events = await collect(
      chatModel(fake.server, 'deepseek-reasoner', 'deepseek').stream({ messages }),
    );
    const reasoning = events.flatMap((e) => (e.type === 'reasoning-delta' ? [e.text] : []));
    expect(reasoning.length).toBeGreaterThan(1);
    expect(reasoning.join('')).toBe('Two plus two is four.');
    expect(events.findLastIndex((e) => e.type === 'reasoning-delta')).toBeLessThan(
      events.findIndex((e) => e.type === 'text-delta'),
    );
  });
});
