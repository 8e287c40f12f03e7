import type { CallOptions, EmbeddingModel, EmbeddingResult } from '@switchboard/core';
import { openScope } from './ollama-client.js';
import type { OllamaConfig } from './ollama-config.js';
import { toOllamaError } from './ollama-error.js';

/** Embeddings from /api/embed (https://github.com/ollama/ollama/blob/main/docs/api.md#generate-embeddings). */
export class OllamaEmbeddingModel implements EmbeddingModel {
  readonly provider = 'ollama';

  constructor(
    readonly modelId: string,
    private readonly config: OllamaConfig,
  ) {}

  async embed(
    values: string[],
    options: CallOptions & { dimensions?: number } = {},
  ): Promise<EmbeddingResult> {
    if (values.length === 0) return { embeddings: [] };
    const scope = openScope(this.config, options);
    try {
      const response = await scope.client.embed({
        model: this.modelId,
        input: values,
        ...(options.dimensions !== undefined ? { dimensions: options.dimensions } : {}),
      });
      return {
        embeddings: response.embeddings,
        ...(typeof response.prompt_eval_count === 'number'
          ? { usage: { inputTokens: response.prompt_eval_count } }
          : {}),
      };
    } catch (error) {
      throw toOllamaError(error, { host: this.config.displayHost, model: this.modelId, scope });
    } finally {
      scope.dispose();
    }
  }
}
