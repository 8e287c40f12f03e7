import type { ModelInfo, ModelPricing } from '../types/models.js';
import type { PriceLookup } from './types.js';

const FREE: ModelPricing = { inputPerMTok: 0, outputPerMTok: 0 };

/**
 * Prices for a model: the price lookup first (it holds the dataset and user overrides), then the
 * provider's own figure, then zero for local models. Null when nothing is known.
 */
export function findPricing(
  id: string,
  info: ModelInfo | undefined,
  prices?: PriceLookup,
): ModelPricing | null {
  return prices?.pricing(id, info) ?? info?.pricing ?? (info?.local ? FREE : null);
}

/** prompt tokens x input price + expected output tokens x output price, in USD. */
export function estimateRequestCostUsd(
  pricing: ModelPricing,
  inputTokens: number,
  outputTokens: number,
): number {
  return (inputTokens * pricing.inputPerMTok + outputTokens * pricing.outputPerMTok) / 1_000_000;
}
