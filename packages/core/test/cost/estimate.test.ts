import { describe, expect, it } from 'vitest';
import { estimateCostUsd, expectedOutputTokens, formatUsd, PriceBook } from '../../src/cost/index.js';

describe('estimateCostUsd', () => {
  const book = new PriceBook();

  it('prices the prompt plus maxTokens of output', () => {
    // gpt-4o-mini: $0.15 in, $0.60 out per million.
    expect(estimateCostUsd(book, 'openai/gpt-4o-mini', 10_000, 2000)).toBeCloseTo(
      (10_000 * 0.15 + 2000 * 0.6) / 1e6,
      12,
    );
  });

  it('assumes a quarter of the prompt as output when maxTokens is unset, within 256..1024', () => {
    expect(expectedOutputTokens(2000)).toBe(500);
    expect(expectedOutputTokens(100)).toBe(256);
    expect(expectedOutputTokens(100_000)).toBe(1024);
    expect(expectedOutputTokens(100_000, 10)).toBe(10);
    expect(estimateCostUsd(book, 'openai/gpt-4o-mini', 2000)).toBeCloseTo(
      (2000 * 0.15 + 500 * 0.6) / 1e6,
      12,
    );
  });

  it('is null for an unknown model, zero for a local one, and uses model info pricing', () => {
    expect(estimateCostUsd(book, 'acme/mystery', 1000, 100)).toBeNull();
    expect(estimateCostUsd(book, 'ollama/llama3.2', 1000, 100)).toBe(0);
    const info = {
      id: 'x',
      kind: 'chat' as const,
      capabilities: {},
      pricing: { inputPerMTok: 1, outputPerMTok: 2 },
    };
    expect(estimateCostUsd(book, 'acme/x', 1_000_000, 1_000_000, info)).toBeCloseTo(3, 12);
  });
});

describe('formatUsd', () => {
  it.each([
    [1, '$1.00'],
    [0.5, '$0.50'],
    [0.123, '$0.123'],
    [0.0125, '$0.0125'],
    [12.34567, '$12.3457'],
    [0.00001, '$0.00'],
  ])('%s -> %s', (usd, text) => {
    expect(formatUsd(usd)).toBe(text);
  });
});
