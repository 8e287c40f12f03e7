import type { PriceLookup } from '../router/types.js';
import type { ModelInfo, ModelPricing } from '../types/models.js';
import type { Usage } from '../types/usage.js';
import { datasetPrice, datasetPricing } from './price-dataset.js';
import { costFromPricing } from './price-formula.js';
import { LOCAL_PROVIDERS, splitModelId } from './provider-ids.js';

export interface PriceBookOptions {
  /**
   * User prices in USD per million tokens, keyed by full id (`openai/gpt-4o`) or by a provider
   * wildcard (`openai/*`). They win over every other source, local models included.
   */
  overrides?: Record<string, ModelPricing>;
}

const FREE: ModelPricing = { inputPerMTok: 0, outputPerMTok: 0, cacheReadPerMTok: 0, cacheWritePerMTok: 0 };

/** Prices for display, routing and the ledger, from overrides, model info and `@pydantic/genai-prices`. */
export class PriceBook implements PriceLookup {
  private readonly overrides: ReadonlyMap<string, ModelPricing>;

  constructor(options: PriceBookOptions = {}) {
    this.overrides = new Map(Object.entries(options.overrides ?? {}));
  }

  /** Per-million-token prices (base prices where the dataset has long-context tiers), or null if unknown. */
  pricing(id: string, info?: ModelInfo): ModelPricing | null {
    const override = this.override(id);
    if (override) return override;
    if (this.isLocal(id, info)) return { ...FREE };
    if (info?.pricing) return info.pricing;
    const { provider, model } = splitModelId(id);
    return datasetPricing(provider, model);
  }

  /** The USD price of one call, or null when no price is known for the model. */
  price(id: string, usage: Usage, info?: ModelInfo): number | null {
    const override = this.override(id);
    if (override) return costFromPricing(override, usage);
    if (this.isLocal(id, info)) return 0;
    // The dataset first: unlike flat per-token prices it knows tiers and dated price changes.
    const { provider, model } = splitModelId(id);
    const fromDataset = datasetPrice(provider, model, usage);
    if (fromDataset !== null) return fromDataset;
    return info?.pricing ? costFromPricing(info.pricing, usage) : null;
  }

  private override(id: string): ModelPricing | undefined {
    const exact = this.overrides.get(id);
    if (exact) return exact;
    const { provider } = splitModelId(id);
    return provider ? this.overrides.get(`${provider}/*`) : undefined;
  }

  private isLocal(id: string, info: ModelInfo | undefined): boolean {
    // A plugin may say otherwise for its provider (a cloud model served through Ollama).
    return info?.local ?? LOCAL_PROVIDERS.has(splitModelId(id).provider);
  }
}
