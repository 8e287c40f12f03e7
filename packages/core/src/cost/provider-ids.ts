import type { ModelRef } from '../registry/model-id.js';
import { isModelId, parseModelId } from '../registry/model-id.js';

/** Providers whose models run on this machine: free unless the user overrides a price. */
export const LOCAL_PROVIDERS: ReadonlySet<string> = new Set(['ollama', 'llamacpp', 'lmstudio']);

/**
 * Gateways whose model part is itself `vendor/model` and which charge the vendor's list price,
 * so a model the dataset lists only under its vendor can still be priced.
 */
export const ROUTER_PROVIDERS: ReadonlySet<string> = new Set(['openrouter', 'litellm']);

/** Switchboard provider ids whose `@pydantic/genai-prices` provider id is spelled differently. */
const DATASET_PROVIDER_ALIASES: Readonly<Record<string, string>> = {
  gemini: 'google',
  vertex: 'google',
  'vertex-ai': 'google',
  'google-vertex': 'google',
  xai: 'x-ai',
  bedrock: 'aws',
  'amazon-bedrock': 'aws',
  'azure-openai': 'azure',
  'together-ai': 'together',
  togetherai: 'together',
  'fireworks-ai': 'fireworks',
  moonshot: 'moonshotai',
  voyage: 'voyageai',
  zhipu: 'zhipuai',
};

/** The dataset's provider id for a Switchboard provider id (identity where no alias is known). */
export function datasetProviderId(provider: string): string {
  const lower = provider.toLowerCase();
  return DATASET_PROVIDER_ALIASES[lower] ?? lower;
}

/** Like `parseModelId`, but a bare name (no provider) is not an error here: it just has no provider. */
export function splitModelId(id: string): ModelRef {
  return isModelId(id) ? parseModelId(id) : { provider: '', model: id };
}
