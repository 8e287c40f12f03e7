import type { CallOptions, EmbeddingModel, EmbeddingResult } from '@switchboard/core';
import { requestOptions, signalOf } from './call-options.js';
import type { ClientHandle } from './create-openai-client.js';
import { mapOpenAIError } from './openai-error.js';
import type { OpenAIPreset } from './presets.js';

/** OpenAI's limit on inputs per embeddings request: https://platform.openai.com/docs/api-reference/embeddings/create */
const MAX_INPUTS_PER_CALL = 2048;

/**
 * Embeddings through `/embeddings`, asked for as plain floats. The SDK's default base64 transfer is
 * smaller, but it decodes to float32 artefacts (0.1 becomes 0.10000000149011612) that differ from
 * the numbers the JSON API and every compatible server print; floats give the same vector everywhere.
 */
export class OpenAIEmbeddingModel implements EmbeddingModel {
  readonly provider: string;

  constructor(
    preset: OpenAIPreset,
    readonly modelId: string,
    private readonly connect: () => ClientHandle,
  ) {
    this.provider = preset.id;
  }

  async embed(
    values: string[],
    options: CallOptions & { dimensions?: number } = {},
  ): Promise<EmbeddingResult> {
    const { client, origin } = this.connect();
    const embeddings: number[][] = [];
    let inputTokens = 0;
    try {
      for (let start = 0; start < values.length; start += MAX_INPUTS_PER_CALL) {
        const response = await client.embeddings.create(
          {
            model: this.modelId,
            input: values.slice(start, start + MAX_INPUTS_PER_CALL),
            ...(options.dimensions === undefined ? {} : { dimensions: options.dimensions }),
            encoding_format: 'float',
          },
          requestOptions(options),
        );
        // The API may answer out of order; `index` says where each vector belongs.
        const batch = [...response.data].sort((a, b) => a.index - b.index);
        for (const item of batch) embeddings.push(Array.from(item.embedding));
        inputTokens += response.usage?.prompt_tokens ?? 0;
      }
    } catch (error) {
      throw mapOpenAIError(error, { ...origin, model: this.modelId, ...signalOf(options) });
    }
    return { embeddings, usage: { inputTokens } };
  }
}
