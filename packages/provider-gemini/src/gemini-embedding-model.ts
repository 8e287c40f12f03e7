import {
  type CallOptions,
  type EmbeddingModel,
  type EmbeddingResult,
  SwitchboardError,
} from '@switchboard/core';
import { GeminiCall } from './gemini-call.js';
import type { GeminiModelDeps } from './gemini-chat-model.js';
import { PROVIDER_ID } from './gemini-error.js';

/** batchEmbedContents takes at most 100 requests (https://ai.google.dev/api/embeddings#method:-models.batchembedcontents). */
export const MAX_BATCH = 100;

type EmbedOptions = CallOptions & { dimensions?: number };

/**
 * Embeddings through `models.embedContent`, which on the Gemini API always posts
 * `:batchEmbedContents`, one request per input; larger inputs go in batches of 100.
 */
export class GeminiEmbeddingModel implements EmbeddingModel {
  readonly provider = PROVIDER_ID;

  constructor(
    readonly modelId: string,
    private readonly deps: Pick<GeminiModelDeps, 'client'>,
  ) {}

  async embed(values: string[], options: EmbedOptions = {}): Promise<EmbeddingResult> {
    const embeddings: number[][] = [];
    for (let start = 0; start < values.length; start += MAX_BATCH) {
      embeddings.push(...(await this.embedBatch(values.slice(start, start + MAX_BATCH), options)));
    }
    return { embeddings };
  }

  private async embedBatch(values: string[], options: EmbedOptions): Promise<number[][]> {
    const call = new GeminiCall(this.modelId, options);
    try {
      if (call.aborted) throw call.error(undefined);
      const response = await this.deps.client().models.embedContent({
        model: this.modelId,
        contents: values,
        config: {
          ...call.config,
          ...(options.dimensions !== undefined ? { outputDimensionality: options.dimensions } : {}),
        },
      });
      const vectors = (response.embeddings ?? []).map((embedding) => embedding.values ?? []);
      if (vectors.length !== values.length) {
        throw new SwitchboardError(
          'invalid-response',
          `Gemini returned ${vectors.length} embeddings for ${values.length} inputs.`,
          { provider: PROVIDER_ID, model: this.modelId },
        );
      }
      return vectors;
    } catch (error) {
      throw call.error(error);
    } finally {
      call.close();
    }
  }
}
