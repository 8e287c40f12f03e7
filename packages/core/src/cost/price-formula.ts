import type { ModelPricing } from '../types/models.js';
import type { Usage } from '../types/usage.js';

/** Token counts that are safe to price: whole, non-negative, and internally consistent. */
export interface CleanUsage {
  /** All prompt tokens, cached ones included (see `Usage`). */
  input: number;
  output: number;
  cacheRead: number;
  cacheWrite: number;
}

const count = (value: number | undefined): number =>
  value !== undefined && Number.isFinite(value) && value > 0 ? value : 0;

/**
 * Cleans a provider's usage report. Cached tokens are parts of `inputTokens`; if a provider ever
 * reports more cached than total tokens, the total is raised to the cached sum, so the cached
 * tokens that were certainly processed are still charged (and the price dataset, which rejects
 * such input, is never handed it).
 */
export function cleanUsage(usage: Usage): CleanUsage {
  const cacheRead = count(usage.cacheReadTokens);
  const cacheWrite = count(usage.cacheWriteTokens);
  return {
    input: Math.max(count(usage.inputTokens), cacheRead + cacheWrite),
    output: count(usage.outputTokens),
    cacheRead,
    cacheWrite,
  };
}

/** A USD amount, or null when the arithmetic went wrong (a NaN or negative price). */
export const validCost = (usd: number): number | null => (Number.isFinite(usd) && usd >= 0 ? usd : null);

/**
 * The price of one call from flat per-million-token prices. Fresh input is what is left of the
 * input after the cached parts, so cached tokens are neither double-counted nor charged as fresh.
 * A missing cache price means the vendor bills those tokens as ordinary input.
 */
export function costFromPricing(pricing: ModelPricing, usage: Usage): number | null {
  const u = cleanUsage(usage);
  const fresh = u.input - u.cacheRead - u.cacheWrite;
  const micro =
    fresh * pricing.inputPerMTok +
    u.cacheRead * (pricing.cacheReadPerMTok ?? pricing.inputPerMTok) +
    u.cacheWrite * (pricing.cacheWritePerMTok ?? pricing.inputPerMTok) +
    u.output * pricing.outputPerMTok;
  return validCost(micro / 1_000_000);
}
