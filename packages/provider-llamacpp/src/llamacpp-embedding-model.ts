import {
  type CallOptions,
  type EmbeddingModel,
  type EmbeddingResult,
  type ProviderContext,
  SwitchboardError,
} from '@switchboard/core';
import { toLlamaCppError } from './llamacpp-error.js';
import type { LlamaCppRuntime } from './llamacpp-runtime.js';
import { PROVIDER_ID } from './llamacpp-settings.js';

/** Embeddings from a local GGUF model (any model; ones trained for embeddings give useful ones). */
export class LlamaCppEmbeddingModel implements EmbeddingModel {
  readonly provider = PROVIDER_ID;

  constructor(
    readonly modelId: string,
    private readonly runtime: LlamaCppRuntime,
    private readonly context: ProviderContext,
  ) {}

  async embed(
    values: string[],
    options: CallOptions & { dimensions?: number } = {},
  ): Promise<EmbeddingResult> {
    try {
      const { process } = await this.runtime.processFor(
        this.modelId,
        this.context,
        undefined,
        options.signal,
      );
      const outcome = await process.use(
        (client) =>
          client.request({ type: 'embed', values }, options.signal ? { signal: options.signal } : {}),
        options.signal,
      );
      const size = outcome.vectors[0]?.length;
      if (options.dimensions !== undefined && size !== undefined && options.dimensions !== size) {
        throw new SwitchboardError(
          'invalid-request',
          `${PROVIDER_ID}/${this.modelId} makes ${size}-dimensional embeddings; it cannot make ${options.dimensions}.`,
          {
            provider: PROVIDER_ID,
            model: `${PROVIDER_ID}/${this.modelId}`,
            hint: 'Leave dimensions unset for local models.',
          },
        );
      }
      return { embeddings: outcome.vectors, usage: { inputTokens: outcome.tokens } };
    } catch (error) {
      throw toLlamaCppError(error, this.modelId);
    }
  }
}
