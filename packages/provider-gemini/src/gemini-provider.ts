import type { ProviderDefinition } from '@switchboard/core';
import { GeminiChatModel } from './gemini-chat-model.js';
import { geminiClientFactory } from './gemini-client.js';
import { GeminiEmbeddingModel } from './gemini-embedding-model.js';
import { PROVIDER_ID } from './gemini-error.js';
import { GeminiImageModel } from './gemini-image-model.js';
import { GeminiSpeechModel } from './gemini-speech-model.js';
import { listGeminiModels } from './list-gemini-models.js';
import { geminiModelInfo, stripModelsPrefix } from './models.js';
import { ThoughtSignatures } from './thought-signatures.js';

/** The `gemini` provider: Google's Gemini API (AI Studio keys) through @google/genai. */
export function createGeminiProvider(): ProviderDefinition {
  // Shared by the provider's chat models, so a history can move between them.
  const signatures = new ThoughtSignatures();
  return {
    id: PROVIDER_ID,
    displayName: 'Google Gemini',
    settings: [
      {
        key: 'apiKey',
        label: 'API key',
        description: 'A Gemini API key from https://aistudio.google.com/apikey.',
        secret: true,
        required: true,
        env: ['GEMINI_API_KEY', 'GOOGLE_API_KEY'],
      },
      {
        key: 'baseUrl',
        label: 'Base URL',
        description: 'Only for a proxy or gateway in front of https://generativelanguage.googleapis.com.',
        env: ['GEMINI_BASE_URL'],
      },
    ],
    listModels: (context, options) => listGeminiModels(geminiClientFactory(context), options),
    chatModel: (modelId, context) => {
      const id = stripModelsPrefix(modelId);
      return new GeminiChatModel(id, {
        client: geminiClientFactory(context),
        info: geminiModelInfo(id),
        signatures,
      });
    },
    embeddingModel: (modelId, context) =>
      new GeminiEmbeddingModel(stripModelsPrefix(modelId), { client: geminiClientFactory(context) }),
    imageModel: (modelId, context) =>
      new GeminiImageModel(stripModelsPrefix(modelId), { client: geminiClientFactory(context) }),
    speechModel: (modelId, context) =>
      new GeminiSpeechModel(stripModelsPrefix(modelId), { client: geminiClientFactory(context) }),
  };
}
