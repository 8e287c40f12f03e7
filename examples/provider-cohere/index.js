// A third-party Switchboard provider for Cohere (https://docs.cohere.com/reference/about), written
// with plain fetch: no SDK, no build step. package.json's "switchboard" field lets Switchboard
// find it without importing it; this module is imported only when a cohere/* model is first used.
import { definePlugin } from '@switchboard/core';
import { createCohereChatModel } from './src/cohere-chat-model.js';
import { createCohereEmbeddingModel } from './src/cohere-embedding-model.js';
import { cohereFetch, DEFAULT_BASE_URL, readJson } from './src/cohere-fetch.js';
import { COHERE_MODELS, modelInfoFromCohere } from './src/models.js';

export default definePlugin({
  name: 'switchboard-provider-cohere',
  displayName: 'Cohere (example)',
  providers: [
    {
      id: 'cohere',
      displayName: 'Cohere',
      settings: [
        {
          key: 'apiKey',
          label: 'API key',
          description: 'From https://dashboard.cohere.com/api-keys',
          secret: true,
          required: true,
          env: ['CO_API_KEY', 'COHERE_API_KEY'],
        },
        {
          key: 'baseUrl',
          label: 'Base URL',
          description: 'Another endpoint speaking the Cohere API, e.g. a proxy.',
          env: ['COHERE_BASE_URL'],
          default: DEFAULT_BASE_URL,
        },
      ],

      async listModels(context, options = {}) {
        if (!options.live) return COHERE_MODELS;
        // GET /v1/models (https://docs.cohere.com/reference/list-models); one page of up to 1000.
        const response = await cohereFetch(context, '/v1/models?page_size=1000', {
          ...(options.signal ? { signal: options.signal } : {}),
        });
        const body = await readJson(response, undefined);
        return (body.models ?? []).map(modelInfoFromCohere).filter((info) => info !== undefined);
      },

      chatModel: createCohereChatModel,
      embeddingModel: createCohereEmbeddingModel,
    },
  ],
});
