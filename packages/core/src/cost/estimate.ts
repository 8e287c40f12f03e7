import type { ModelInfo } from '../types/models.js';
import type { PriceBook } from './pricing.js';

/**
 * Output assumed when a request sets no `maxTokens`: a quarter of the prompt, at least a short
 * answer's worth and at most a long one's. A budget check needs a number, and the real
 * maximum (the model's output limit) would block nearly every call on a small budget.
 */
export const DEFAULT_OUTPUT_FRACTION = 0.25;
export const MIN_DEFAULT_OUTPUT_TOKENS = 256;
export const MAX_DEFAULT_OUTPUT_TOKENS = 1024;

export function expectedOutputTokens(promptTokens: number, maxOutputTokens?: number): number {
  if (maxOutputTokens !== undefined && Number.isFinite(maxOutputTokens) && maxOutputTokens >= 0) {
    return maxOutputTokens;
  }
  const share = Math.ceil(Math.max(0, promptTokens) * DEFAULT_OUTPUT_FRACTION);
  return Math.min(MAX_DEFAULT_OUTPUT_TOKENS, Math.max(MIN_DEFAULT_OUTPUT_TOKENS, share));
}

/** The price of a call before it is made (for budget checks and the `cheapest` policy); null if unknown. */
export function estimateCostUsd(
  priceBook: Pick<PriceBook, 'price'>,
  id: string,
  promptTokens: number,
  maxOutputTokens?: number,
  info?: ModelInfo,
): number | null {
  const outputTokens = expectedOutputTokens(promptTokens, maxOutputTokens);
  return priceBook.price(id, { inputTokens: Math.max(0, promptTokens), outputTokens }, info);
}
