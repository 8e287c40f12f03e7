import { describe, expect, it } from 'vitest';
import { PriceBook } from '../../src/cost/index.js';
import type { ModelInfo } from '../../src/types/models.js';

const chatInfo = (extra: Partial<ModelInfo>): ModelInfo => ({
  id: 'm',
  kind: 'chat',
  capabilities: {},
  ...extra,
});

describe('PriceBook.price: cached tokens (the LiteLLM double-count bug)', () => {
  const book = new PriceBook();

  it('openai/gpt-4o-mini: cached reads are part of the input, billed at the cache price once', () => {
    // gpt-4o-mini: $0.15 input, $0.075 cached input, $0.60 output per million tokens.
    // 1000 input tokens of which 400 cached: 600 fresh + 400 cached, plus 200 output.
    const expected = (600 * 0.15 + 400 * 0.075 + 200 * 0.6) / 1e6; // 0.00024
    const cost = book.price('openai/gpt-4o-mini', {
      inputTokens: 1000,
      cacheReadTokens: 400,
      outputTokens: 200,
    });
    expect(cost).toBeCloseTo(expected, 12);
    expect(cost).toBeCloseTo(0.00024, 12);
    // Neither of the two classic mistakes:
    expect(cost).not.toBeCloseTo((1000 * 0.15 + 200 * 0.6) / 1e6, 9); // cached priced as fresh
    expect(cost).not.toBeCloseTo((1000 * 0.15 + 400 * 0.075 + 200 * 0.6) / 1e6, 9); // double-counted
  });

  it('anthropic/claude-sonnet-4-5: reads at $0.30, writes at $3.75, the rest at $3', () => {
    // 10,000 input = 2,000 fresh + 6,000 cache reads + 2,000 cache writes; 500 output at $15.
    const expected = (2000 * 3 + 6000 * 0.3 + 2000 * 3.75 + 500 * 15) / 1e6; // 0.0228
    const cost = book.price('anthropic/claude-sonnet-4-5', {
      inputTokens: 10_000,
      cacheReadTokens: 6000,
      cacheWriteTokens: 2000,
      outputTokens: 500,
    });
    expect(cost).toBeCloseTo(expected, 12);
    expect(cost).toBeCloseTo(0.0228, 12);
  });

  it('reasoning tokens are part of the output, not billed again', () => {
    const withReasoning = book.price('openai/gpt-4o-mini', {
      inputTokens: 100,
      outputTokens: 1000,
      reasoningTokens: 800,
    });
    expect(withReasoning).toBeCloseTo((100 * 0.15 + 1000 * 0.6) / 1e6, 12);
  });

  it('a dated snapshot name is priced like its model', () => {
    const usage = { inputTokens: 1000, outputTokens: 1000 };
    expect(book.price('anthropic/claude-sonnet-4-5-20250929', usage)).toBeCloseTo(
      book.price('anthropic/claude-sonnet-4-5', usage) ?? Number.NaN,
      12,
    );
  });
});

describe('PriceBook: tiered (long-context) prices', () => {
  const book = new PriceBook();

  it('price() applies the long-context tier above 200k input tokens, cached tokens included', () => {
    // Over 200k input, claude-sonnet-4-5 costs $6 / $0.60 cached / $22.50 output.
    const cost = book.price('anthropic/claude-sonnet-4-5', {
      inputTokens: 250_000,
      cacheReadTokens: 200_000,
      outputTokens: 1000,
    });
    expect(cost).toBeCloseTo((50_000 * 6 + 200_000 * 0.6 + 1000 * 22.5) / 1e6, 10); // 0.4425
  });

  it('price() uses the base tier at or below the threshold', () => {
    const cost = book.price('anthropic/claude-sonnet-4-5', { inputTokens: 200_000, outputTokens: 1000 });
    expect(cost).toBeCloseTo((200_000 * 3 + 1000 * 15) / 1e6, 10);
  });

  it('pricing() reports the base price of a tiered model', () => {
    expect(book.pricing('anthropic/claude-sonnet-4-5')).toEqual({
      inputPerMTok: 3,
      outputPerMTok: 15,
      cacheReadPerMTok: 0.3,
      cacheWritePerMTok: 3.75,
    });
    expect(book.pricing('gemini/gemini-2.5-pro')).toMatchObject({ inputPerMTok: 1.25, outputPerMTok: 10 });
  });
});

describe('PriceBook: provider ids', () => {
  const book = new PriceBook();

  it.each([
    ['openai/gpt-4o-mini', 0.15, 0.6],
    ['gemini/gemini-2.0-flash', 0.1, 0.4], // gemini -> google
    ['xai/grok-4', 3, 15], // xai -> x-ai
    ['azure/gpt-4o-mini', 0.15, 0.6], // azure falls back to OpenAI's list
    ['groq/llama-3.3-70b-versatile', 0.59, 0.79],
    ['openrouter/anthropic/claude-3.5-sonnet', 3, 15], // OpenRouter's own entry
    ['openrouter/anthropic/claude-sonnet-4-5', 3, 15], // not under OpenRouter's spelling: the vendor's price
  ])('%s', (id, input, output) => {
    expect(book.pricing(id)).toMatchObject({ inputPerMTok: input, outputPerMTok: output });
    // 100k tokens each way: below every long-context tier.
    const cost = book.price(id, { inputTokens: 100_000, outputTokens: 100_000 });
    expect(cost).toBeCloseTo((input + output) / 10, 9);
  });

  it('an unknown model or provider has no price', () => {
    expect(book.pricing('openai/no-such-model-xyz')).toBeNull();
    expect(book.price('openai/no-such-model-xyz', { inputTokens: 10, outputTokens: 10 })).toBeNull();
    // A user's proxy is not guessed to be OpenAI just because its name says so.
    expect(book.pricing('my-openai-proxy/gpt-4o-mini')).toBeNull();
    expect(book.price('my-openai-proxy/gpt-4o-mini', { inputTokens: 10, outputTokens: 10 })).toBeNull();
    expect(book.price('not-a-model-id', { inputTokens: 10, outputTokens: 10 })).toBeNull();
  });
});

describe('PriceBook: local models', () => {
  const book = new PriceBook();

  it.each(['ollama/llama3.2', 'llamacpp/qwen2.5-0.5b-instruct-q4', 'lmstudio/phi-4'])('%s is free', (id) => {
    expect(book.price(id, { inputTokens: 5000, outputTokens: 5000 })).toBe(0);
    expect(book.pricing(id)).toEqual({
      inputPerMTok: 0,
      outputPerMTok: 0,
      cacheReadPerMTok: 0,
      cacheWritePerMTok: 0,
    });
  });

  it('a model its plugin marks local is free even under another provider', () => {
    const info = chatInfo({ local: true });
    expect(book.price('vllm/my-model', { inputTokens: 5000, outputTokens: 5000 }, info)).toBe(0);
    expect(book.pricing('vllm/my-model', info)?.inputPerMTok).toBe(0);
  });
});

describe('PriceBook: overrides and model info', () => {
  it('an exact override wins over the dataset, for pricing() and price()', () => {
    const book = new PriceBook({
      overrides: { 'openai/gpt-4o-mini': { inputPerMTok: 1, outputPerMTok: 2 } },
    });
    expect(book.pricing('openai/gpt-4o-mini')).toEqual({ inputPerMTok: 1, outputPerMTok: 2 });
    expect(book.price('openai/gpt-4o-mini', { inputTokens: 1_000_000, outputTokens: 500_000 })).toBeCloseTo(
      2,
      12,
    );
  });

  it('a provider wildcard applies to every model of that provider only; the exact id beats it', () => {
    const book = new PriceBook({
      overrides: {
        'openai/*': { inputPerMTok: 10, outputPerMTok: 20 },
        'openai/gpt-4o': { inputPerMTok: 1, outputPerMTok: 1 },
      },
    });
    const million = { inputTokens: 1_000_000, outputTokens: 1_000_000 };
    expect(book.price('openai/gpt-4o-mini', million)).toBeCloseTo(30, 9);
    expect(book.price('openai/some-future-model', million)).toBeCloseTo(30, 9);
    expect(book.price('openai/gpt-4o', million)).toBeCloseTo(2, 9);
    // Untouched: the dataset's price, long-context tier included ($6 + $22.50 above 200k input).
    expect(book.price('anthropic/claude-sonnet-4-5', million)).toBeCloseTo(28.5, 9);
  });

  it('an override prices a local model', () => {
    const book = new PriceBook({ overrides: { 'ollama/*': { inputPerMTok: 0.5, outputPerMTok: 0.5 } } });
    expect(book.price('ollama/llama3.2', { inputTokens: 1_000_000, outputTokens: 1_000_000 })).toBeCloseTo(
      1,
      12,
    );
  });

  it('an override splits cached tokens out of the input, defaulting missing cache prices to the input price', () => {
    const book = new PriceBook({
      overrides: { 'acme/x': { inputPerMTok: 2, outputPerMTok: 8, cacheReadPerMTok: 0.5 } },
    });
    const cost = book.price('acme/x', {
      inputTokens: 1000,
      cacheReadTokens: 400,
      cacheWriteTokens: 100,
      outputTokens: 100,
    });
    // 500 fresh at $2, 400 reads at $0.50, 100 writes at the input price $2, 100 output at $8.
    expect(cost).toBeCloseTo((500 * 2 + 400 * 0.5 + 100 * 2 + 100 * 8) / 1e6, 12);
  });

  it("model info's pricing is used where the dataset does not know the model", () => {
    const info = chatInfo({ pricing: { inputPerMTok: 4, outputPerMTok: 16, cacheReadPerMTok: 1 } });
    const book = new PriceBook();
    expect(book.pricing('acme/unknown-model', info)).toEqual(info.pricing);
    expect(
      book.price(
        'acme/unknown-model',
        { inputTokens: 1000, cacheReadTokens: 1000, outputTokens: 1000 },
        info,
      ),
    ).toBeCloseTo((1000 * 1 + 1000 * 16) / 1e6, 12);
  });

  it('never returns a negative or NaN price', () => {
    const book = new PriceBook({ overrides: { 'acme/nan': { inputPerMTok: Number.NaN, outputPerMTok: 1 } } });
    expect(book.price('acme/nan', { inputTokens: 10, outputTokens: 10 })).toBeNull();
    const weird = { inputTokens: -5, outputTokens: Number.NaN, cacheReadTokens: 50 };
    const cost = book.price('openai/gpt-4o-mini', weird);
    // More cached than total: the cached tokens are still charged, never a negative fresh count.
    expect(cost).toBeCloseTo((50 * 0.075) / 1e6, 12);
    expect(book.price('anthropic/claude-sonnet-4-5', { inputTokens: 0, outputTokens: 0 })).toBe(0);
  });
});
