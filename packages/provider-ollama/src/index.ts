import { definePlugin } from '@switchboard/core';
import { createOllamaProvider } from './ollama-provider.js';

export { OllamaChatModel } from './ollama-chat-model.js';
export { DEFAULT_OLLAMA_HOST, type OllamaConfig } from './ollama-config.js';
export { OllamaEmbeddingModel } from './ollama-embedding-model.js';
export { createOllamaProvider } from './ollama-provider.js';
export type { OllamaProviderOptions } from './prepare-chat-request.js';

export default definePlugin({
  name: '@switchboard/provider-ollama',
  displayName: 'Ollama',
  providers: [createOllamaProvider()],
});
