import type { ModelInfo, ModelPricing } from '@switchboard/core';
import type { ModelEntry, ProviderState } from '../../../src/engine/index.js';

export function model(
  id: string,
  info: Partial<ModelInfo> = {},
  pricing: ModelPricing | null = { inputPerMTok: 0.15, outputPerMTok: 0.6 },
  providerName = id.split('/')[0] === 'openai' ? 'OpenAI' : id.split('/')[0]!,
): ModelEntry {
  const slash = id.indexOf('/');
  return {
    id,
    provider: id.slice(0, slash),
    providerName,
    info: { id: id.slice(slash + 1), kind: 'chat', capabilities: {}, ...info },
    pricing,
  };
}

export function provider(
  id: string,
  readiness: ProviderState['readiness'],
  extra: Partial<ProviderState> = {},
): ProviderState {
  return {
    id,
    displayName: id,
    local: false,
    pluginName: `@switchboard/provider-${id}`,
    readiness,
    keyEnv: [],
    missing: [],
    ...extra,
  };
}
