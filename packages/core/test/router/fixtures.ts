import type { ModelCatalog, PriceLookup } from '../../src/router/types.js';
import type { ModelCapabilities, ModelInfo, ModelPricing } from '../../src/types/models.js';
import type { ChatRequest } from '../../src/types/request.js';

export function chatModel(
  id: string,
  capabilities: ModelCapabilities = {},
  extra: Partial<ModelInfo> = {},
): ModelInfo {
  return { id: id.slice(id.indexOf('/') + 1), kind: 'chat', capabilities, ...extra };
}

/** A catalog over a fixed map; ids not in it are unknown. */
export class MemoryCatalog implements ModelCatalog {
  readonly lookups: string[] = [];
  constructor(
    private readonly models: Record<string, ModelInfo>,
    private readonly listable = true,
  ) {}

  async getModelInfo(id: string): Promise<ModelInfo | undefined> {
    this.lookups.push(id);
    return this.models[id];
  }

  async listChatModels(): Promise<Array<{ id: string; info: ModelInfo }>> {
    if (!this.listable) return [];
    return Object.entries(this.models)
      .filter(([, info]) => info.kind === 'chat')
      .map(([id, info]) => ({ id, info }));
  }
}

export class MemoryPrices implements PriceLookup {
  constructor(private readonly prices: Record<string, ModelPricing>) {}
  pricing(id: string): ModelPricing | null {
    return this.prices[id] ?? null;
  }
}

export const ask = (text: string, extra: Partial<ChatRequest> = {}): ChatRequest => ({
  messages: [{ role: 'user', content: text }],
  ...extra,
});

export const askWithImage = (text: string): ChatRequest => ({
  messages: [
    {
      role: 'user',
      content: [
        { type: 'text', text },
        { type: 'image', image: { kind: 'url', url: 'https://example.com/cat.png' } },
      ],
    },
  ],
});
