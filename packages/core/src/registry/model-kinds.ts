import type { ProviderContext, ProviderDefinition } from '../plugin/types.js';
import type {
  ChatModel,
  EmbeddingModel,
  ImageModel,
  ModelInfo,
  ModelKind,
  SpeechModel,
} from '../types/models.js';

export interface ModelOfKind {
  chat: ChatModel;
  embedding: EmbeddingModel;
  image: ImageModel;
  speech: SpeechModel;
}

export type ModelFactory<K extends ModelKind> = (modelId: string, context: ProviderContext) => ModelOfKind[K];

const FACTORY_NAMES = {
  chat: 'chatModel',
  embedding: 'embeddingModel',
  image: 'imageModel',
  speech: 'speechModel',
} as const satisfies Record<ModelKind, keyof ProviderDefinition>;

/** The provider's factory for `kind`, bound to the provider (class-based providers need `this`). */
export function factoryOf<K extends ModelKind>(
  provider: ProviderDefinition,
  kind: K,
): ModelFactory<K> | undefined {
  const factory = provider[FACTORY_NAMES[kind]] as ModelFactory<K> | undefined;
  return typeof factory === 'function' ? factory.bind(provider) : undefined;
}

/**
 * A list entry as the router can rely on it: entries without an id or kind are dropped rather than
 * failing the whole list, and a missing `capabilities` reads as "none known".
 */
export function normalizeModelInfo(value: unknown): ModelInfo | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const info = value as Partial<ModelInfo>;
  if (typeof info.id !== 'string' || info.id === '' || typeof info.kind !== 'string') return undefined;
  return typeof info.capabilities === 'object' && info.capabilities !== null
    ? (info as ModelInfo)
    : { ...(info as ModelInfo), capabilities: {} };
}
