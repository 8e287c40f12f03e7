import { basename } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ProviderContext, ProviderDefinition } from '@switchboard/core';
import { LlamaCppChatModel } from './llamacpp-chat-model.js';
import { LlamaCppEmbeddingModel } from './llamacpp-embedding-model.js';
import { LlamaCppRuntime } from './llamacpp-runtime.js';
import { LLAMACPP_SETTINGS, PROVIDER_ID, parseSettings } from './llamacpp-settings.js';
import { listModelFiles, modelIdOf } from './model-files.js';
import { type LlamaCppModelInfo, modelInfoFromGguf } from './model-info.js';

export interface LlamaCppProviderOptions {
  /**
   * The built worker module. Defaults to `worker/worker-main.js` beside this module; a bundler
   * that moves this code must copy the worker and point here.
   */
  workerPath?: string;
}

export const DEFAULT_WORKER_PATH = fileURLToPath(new URL('./worker/worker-main.js', import.meta.url));

/** The `llamacpp` provider: GGUF models from a folder, paths or downloads, run by node-llama-cpp. */
export function createLlamaCppProvider(options: LlamaCppProviderOptions = {}): ProviderDefinition & {
  runtime: LlamaCppRuntime;
} {
  const runtime = new LlamaCppRuntime(options.workerPath ?? DEFAULT_WORKER_PATH);
  return {
    id: PROVIDER_ID,
    displayName: 'llama.cpp (local GGUF)',
    local: true,
    settings: LLAMACPP_SETTINGS,
    runtime,

    /** Every `.gguf` in the models folder; files that fail the header checks are logged and skipped. */
    async listModels(context: ProviderContext): Promise<LlamaCppModelInfo[]> {
      const settings = parseSettings(context.settings);
      const models: LlamaCppModelInfo[] = [];
      for (const path of await listModelFiles(settings.modelsDir)) {
        const id = modelIdOf(basename(path));
        try {
          models.push(modelInfoFromGguf(id, await runtime.inspect(path, id), settings.contextSize));
        } catch (error) {
          context.log?.(
            'warn',
            `Skipping ${path}: ${error instanceof Error ? error.message : String(error)}`,
          );
        }
      }
      return models;
    },

    chatModel: (modelId, context) => new LlamaCppChatModel(modelId, runtime, context),
    embeddingModel: (modelId, context) => new LlamaCppEmbeddingModel(modelId, runtime, context),
    dispose: () => runtime.dispose(),
  };
}
