import type { ProviderDefinition } from '@switchboard/core';
import { OllamaModelCatalog } from './models.js';
import { OllamaChatModel } from './ollama-chat-model.js';
import { OLLAMA_SETTINGS, resolveOllamaConfig } from './ollama-config.js';
import { OllamaEmbeddingModel } from './ollama-embedding-model.js';

/**
 * The `ollama` provider: local models, no key, zero price. Each call makes its own client (see
 * `openScope`), so models hold only settings and share one cache of /api/show answers.
 */
export function createOllamaProvider(): ProviderDefinition {
  const catalog = new OllamaModelCatalog();
  return {
    id: 'ollama',
    displayName: 'Ollama',
    local: true,
    settings: OLLAMA_SETTINGS,
    // Ollama has no fixed catalog: its models are whatever was pulled, so even the non-live list
    // asks the server (the registry caches that one until settings change).
    listModels: (context, options = {}) => catalog.list(resolveOllamaConfig(context), options),
    chatModel: (modelId, context) => new OllamaChatModel(modelId, resolveOllamaConfig(context), catalog),
    embeddingModel: (modelId, context) => new OllamaEmbeddingModel(modelId, resolveOllamaConfig(context)),
  };
}
