import { calcPrice } from '@pydantic/genai-prices';
import { describe, expect, it } from 'vitest';
import { datasetPrice } from '../../src/cost/price-dataset.js';

/** A deterministic pseudo-random sequence, so a failure can be replayed. */
function lcg(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    return state / 2 ** 31;
  };
}

const MODELS: Array<[string, string]> = [
  ['openai', 'gpt-4o-mini'], // flat, with prices for web searches we never report
  ['openai', 'gpt-4.1-nano'], // flat
  ['anthropic', 'claude-sonnet-4-5'], // long-context tiers: the dataset computes it
  ['anthropic', 'claude-3-5-haiku'], // flat with cache writes
  ['deepseek', 'deepseek-chat'],
  ['google', 'gemini-2.5-pro'],
  ['groq', 'llama-3.3-70b-versatile'],
];

describe('datasetPrice: the cached per-model price', () => {
  it.each(MODELS)('%s/%s gives exactly the dataset calculation for any usage', (provider, model) => {
    const random = lcg(provider.length * 31 + model.length);
    for (let i = 0; i < 300; i++) {
      const input = Math.floor(random() * 400_000);
      const cacheRead = Math.floor((random() * input) / 2);
      const cacheWrite = Math.floor((random() * (input - cacheRead)) / 2);
      const output = Math.floor(random() * 30_000);
      const expected = calcPrice(
        {
          input_tokens: input,
          output_tokens: output,
          cache_read_tokens: cacheRead,
          cache_write_tokens: cacheWrite,
        },
        model,
        { providerId: provider },
      );
      expect(expected).not.toBeNull();
      const usage = {
        inputTokens: input,
        cacheReadTokens: cacheRead,
        cacheWriteTokens: cacheWrite,
        outputTokens: output,
      };
      expect(datasetPrice(provider, model, usage)).toBe(expected?.total_price);
    }
  });

  it('the sample call of the benchmark', () => {
    expect(datasetPrice('openai', 'gpt-4o-mini', { inputTokens: 1000, outputTokens: 365 })).toBeCloseTo(
      0.000369,
      12,
    );
  });

  it('a later clock still prices (the cached price expires and is looked up again)', () => {
    const usage = { inputTokens: 1000, outputTokens: 100 };
    const now = Date.now();
    const first = datasetPrice('openai', 'gpt-4.1-nano', usage, now);
    expect(datasetPrice('openai', 'gpt-4.1-nano', usage, now + 2 * 60 * 60 * 1000)).toBe(first);
  });

  it('unknown models have no dataset price', () => {
    expect(datasetPrice('openai', 'no-such-model-xyz', { inputTokens: 10, outputTokens: 10 })).toBeNull();
  });
});
