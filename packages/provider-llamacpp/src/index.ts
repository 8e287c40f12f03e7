import { definePlugin } from '@switchboard/core';
import { createLlamaCppProvider } from './llamacpp-provider.js';

export { type DownloadModelOptions, downloadModel } from './download-model.js';
export { LlamaCppChatModel } from './llamacpp-chat-model.js';
export { LlamaCppEmbeddingModel } from './llamacpp-embedding-model.js';
export {
  createLlamaCppProvider,
  DEFAULT_WORKER_PATH,
  type LlamaCppProviderOptions,
} from './llamacpp-provider.js';
export { LLAMACPP_SETTINGS, type LlamaCppSettings, parseSettings } from './llamacpp-settings.js';
export type { GgufFacts, LlamaCppModelInfo } from './model-info.js';

/** The plugin the registry discovers. node-llama-cpp loads only in the worker process, on first use. */
export default definePlugin({
  name: '@switchboard/provider-llamacpp',
  displayName: 'llama.cpp (local GGUF)',
  providers: [createLlamaCppProvider()],
});
