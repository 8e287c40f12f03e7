import { cohereFetch, readJson } from './cohere-fetch.js';

/**
 * A Cohere embedding model: POST /v2/embed with float vectors (https://docs.cohere.com/reference/embed).
 * Cohere asks what the texts are for; "search_document" suits storing texts for retrieval.
 * @param {string} modelId
 * @param {import('@switchboard/core').ProviderContext} context
 * @returns {import('@switchboard/core').EmbeddingModel}
 */
export function createCohereEmbeddingModel(modelId, context) {
  const model = `cohere/${modelId}`;
  return {
    provider: 'cohere',
    modelId,
    async embed(values, options = {}) {
      const response = await cohereFetch(context, '/v2/embed', {
        body: {
          model: modelId,
          texts: values,
          input_type: 'search_document',
          embedding_types: ['float'],
          ...(options.dimensions ? { output_dimension: options.dimensions } : {}),
        },
        model,
        ...(options.signal ? { signal: options.signal } : {}),
      });
      const body = await readJson(response, model);
      const inputTokens = body.meta?.billed_units?.input_tokens;
      return {
        embeddings: body.embeddings?.float ?? [],
        ...(inputTokens !== undefined ? { usage: { inputTokens } } : {}),
      };
    },
  };
}
