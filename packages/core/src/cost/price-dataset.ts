import type { ModelPrice, PriceCalculation, Provider, TieredPrices } from '@pydantic/genai-prices';
import { calcPrice, findProvider } from '@pydantic/genai-prices';
import type { ModelPricing } from '../types/models.js';
import type { Usage } from '../types/usage.js';
import { type CleanUsage, cleanUsage, validCost } from './price-formula.js';
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

/** The model's price in force now, kept until it may change: an hour, or the next dated price change if sooner. */
interface ActivePrice {
  until: number;
  price: ModelPrice;
  /** Set when the price has only flat token / request prices, which `flatPrice` computes exactly as the dataset does. */
  flat: boolean;
}

/** Dated price changes are rare, but a long-lived editor window must still pick them up. */
const ACTIVE_PRICE_TTL_MS = 60 * 60 * 1000;
const activePrices = new Map<string, ActivePrice>();

/** Odd, distinct counts: a key `flatPrice` misreads cannot give the dataset's answer by chance. */
const PROBE: CleanUsage = { input: 1_000_003, output: 50_021, cacheRead: 100_019, cacheWrite: 10_007 };

/**
 * Flat means every price is a plain number (no long-context tiers) and `flatPrice` agrees with the
 * dataset to the last bit on a probe usage. Prices for things we never report (web searches, audio
 * tokens) count zero on both sides; anything else `flatPrice` does not model shows up as a mismatch.
 */
function isFlat(ref: DatasetRef, price: ModelPrice): boolean {
  for (const value of Object.values(price)) {
    if (value !== undefined && (typeof value !== 'number' || !Number.isFinite(value) || value < 0))
      return false;
  }
  const result = calc(ref, {
    input_tokens: PROBE.input,
    output_tokens: PROBE.output,
    cache_read_tokens: PROBE.cacheRead,
    cache_write_tokens: PROBE.cacheWrite,
  });
  return result !== null && result.total_price === flatPrice(price, PROBE);
}

/**
 * How long the price in force at `now` certainly stays in force: never across a dated change, and
 * not at all for prices that depend on the time of day (off-peak discounts).
 */
function stableUntil(model: PriceCalculation['model'], now: number): number {
  let until = now + ACTIVE_PRICE_TTL_MS;
  if (!Array.isArray(model.prices)) return until;
  for (const conditional of model.prices) {
    const constraint = conditional.constraint as Record<string, unknown> | undefined;
    if (!constraint) continue;
    if (typeof constraint.start_date !== 'string') return now;
    const starts = Date.parse(constraint.start_date);
    if (!Number.isFinite(starts)) return now;
    if (starts > now) until = Math.min(until, starts);
  }
  return until;
}

function activePrice(key: string, ref: DatasetRef, now: number): ActivePrice | null {
  const memo = activePrices.get(key);
  if (memo && now < memo.until) return memo;
  const result = calc(ref, ZERO_USAGE);
  if (!result) return null;
  const price = result.model_price;
  const active = { until: stableUntil(result.model, now), price, flat: isFlat(ref, price) };
  activePrices.set(key, active);
  return active;
}

/**
 * The dataset's arithmetic for flat prices, step for step (so the result is the same to the last
 * bit): each price times its leaf usage (input without the cached parts that have prices of their
 * own), summed by direction in the price's key order, then input + output + per-request.
 */
function flatPrice(price: ModelPrice, u: CleanUsage): number {
  const hasRead = price.cache_read_mtok !== undefined;
  const hasWrite = price.cache_write_mtok !== undefined;
  let input = 0;
  let output = 0;
  let other = 0;
  for (const key in price) {
    const value = price[key];
    if (typeof value !== 'number') continue;
    if (key === 'input_mtok')
      input += (value * (u.input - ((hasRead ? u.cacheRead : 0) + (hasWrite ? u.cacheWrite : 0)))) / 1e6;
    else if (key === 'cache_read_mtok') input += (value * u.cacheRead) / 1e6;
    else if (key === 'cache_write_mtok') input += (value * u.cacheWrite) / 1e6;
    else if (key === 'output_mtok') output += (value * u.output) / 1e6;
    else if (key === 'requests_kcount') other += value / 1e3;
    // Anything else prices usage we never report: it adds zero (checked by `isFlat`).
  }
  return input + output + other;
}

/**
 * The dataset's price for one call (tiers and dated price changes included), or null if it does
 * not know the model. The dataset uses our convention: input tokens include the cached ones.
 * The price in force is looked up once per model and while it holds (see `activePrice`); flat
 * prices are then computed here, which is ~15x cheaper than the dataset's general calculation.
 */
export function datasetPrice(provider: string, model: string, usage: Usage, now = Date.now()): number | null {
  const key = `${provider}/${model}`;
  const ref = resolve(provider, model);
  if (!ref) return null;
  const u = cleanUsage(usage);
  const active = activePrice(key, ref, now);
  if (active?.flat) return validCost(flatPrice(active.price, u));
  const result = calc(ref, {
    input_tokens: u.input,
    output_tokens: u.output,
    cache_read_tokens: u.cacheRead,
    cache_write_tokens: u.cacheWrite,
  });
  return result ? validCost(result.total_price) : null;
}
