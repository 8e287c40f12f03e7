import type { ModelPrice, PriceCalculation, Provider, TieredPrices } from '@pydantic/genai-prices';
import { calcPrice, findProvider } from '@pydantic/genai-prices';
import type { ModelPricing } from '../types/models.js';
import type { Usage } from '../types/usage.js';
import { cleanUsage, validCost } from './price-formula.js';
import { datasetProviderId, ROUTER_PROVIDERS } from './provider-ids.js';

/** Where the dataset lists a model: its provider id and the model name to ask for. */
interface DatasetRef {
  providerId: string;
  model: string;
  /** The dataset's provider narrowed to the matched model: repeat lookups skip the model search (~3x faster). */
  narrowed?: Provider;
}

const ZERO_USAGE = { input_tokens: 0, output_tokens: 0 };
const knownProviders = new Map<string, boolean>();
const resolved = new Map<string, DatasetRef | null>();

/**
 * Exact provider ids only: the dataset's own fuzzy provider matching would price a user's
 * `my-openai-proxy` as OpenAI, which is a guess we do not want to present as a fact.
 */
function isDatasetProvider(providerId: string): boolean {
  let known = knownProviders.get(providerId);
  if (known === undefined) {
    known = findProvider({ providerId })?.id === providerId;
    knownProviders.set(providerId, known);
  }
  return known;
}

function calc(ref: DatasetRef, usage: Record<string, number>): PriceCalculation | null {
  try {
    return calcPrice(
      usage,
      ref.model,
      ref.narrowed ? { provider: ref.narrowed } : { providerId: ref.providerId },
    );
  } catch {
    // The dataset throws on usage it considers inconsistent; we then price without it.
    return null;
  }
}

/** The lookups worth trying for a Switchboard id, most specific first. */
function candidates(provider: string, model: string): DatasetRef[] {
  const refs: DatasetRef[] = [{ providerId: datasetProviderId(provider), model }];
  const slash = model.indexOf('/');
  if (ROUTER_PROVIDERS.has(provider.toLowerCase()) && slash > 0) {
    // openrouter/anthropic/claude-3.5-sonnet -> anthropic + claude-3.5-sonnet
    refs.push({ providerId: datasetProviderId(model.slice(0, slash)), model: model.slice(slash + 1) });
  }
  return refs.filter((ref) => isDatasetProvider(ref.providerId));
}

function resolve(provider: string, model: string): DatasetRef | null {
  const key = `${provider}/${model}`;
  let ref = resolved.get(key);
  if (ref === undefined) {
    ref = null;
    for (const candidate of candidates(provider, model)) {
      const result = calc(candidate, ZERO_USAGE);
      if (!result) continue;
      ref = { ...candidate, narrowed: { ...result.provider, models: [result.model] } };
      break;
    }
    resolved.set(key, ref);
  }
  return ref;
}

/** Tiered prices (long-context surcharges) are shown by their base price. */
function basePrice(value: number | TieredPrices | undefined): number | undefined {
  return typeof value === 'object' ? value.base : value;
}

function toModelPricing(price: ModelPrice): ModelPricing | null {
  const input = basePrice(price.input_mtok);
  const output = basePrice(price.output_mtok);
  // Models billed only per image, per second or per request have no token price to show.
  if (input === undefined && output === undefined) return null;
  const pricing: ModelPricing = { inputPerMTok: input ?? 0, outputPerMTok: output ?? 0 };
  const cacheRead = basePrice(price.cache_read_mtok);
  const cacheWrite = basePrice(price.cache_write_mtok);
  if (cacheRead !== undefined) pricing.cacheReadPerMTok = cacheRead;
  if (cacheWrite !== undefined) pricing.cacheWritePerMTok = cacheWrite;
  return pricing;
}

/** Display prices change only on dated price changes; an hour-old answer is fresh enough, and routing asks often. */
const PRICING_TTL_MS = 60 * 60 * 1000;
const pricingMemo = new Map<string, { at: number; pricing: ModelPricing | null }>();

/** Per-million-token prices the dataset lists today for a model, or null if it does not know it. */
export function datasetPricing(provider: string, model: string, now = Date.now()): ModelPricing | null {
  const key = `${provider}/${model}`;
  const memo = pricingMemo.get(key);
  if (memo && now - memo.at < PRICING_TTL_MS) return memo.pricing && { ...memo.pricing };
  const ref = resolve(provider, model);
  const result = ref && calc(ref, ZERO_USAGE);
  const pricing = result ? toModelPricing(result.model_price) : null;
  pricingMemo.set(key, { at: now, pricing });
  return pricing && { ...pricing };
}

/**
 * The dataset's price for one call (tiers and dated price changes included), or null if it does
 * not know the model. The dataset uses our convention: input tokens include the cached ones.
 */
export function datasetPrice(provider: string, model: string, usage: Usage): number | null {
  const ref = resolve(provider, model);
  if (!ref) return null;
  const u = cleanUsage(usage);
  const result = calc(ref, {
    input_tokens: u.input,
    output_tokens: u.output,
    cache_read_tokens: u.cacheRead,
    cache_write_tokens: u.cacheWrite,
  });
  return result ? validCost(result.total_price) : null;
}
