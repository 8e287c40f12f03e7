import type { GeminiModelResource } from './wire.js';

/**
 * What the fake's models.list returns unless a test sets its own list: entries shaped like
 * https://ai.google.dev/api/models#Model (resource name `models/{id}`, token limits,
 * supportedGenerationMethods, sampling defaults, `thinking`).
 */
export function defaultGeminiModels(): GeminiModelResource[] {
  const chat = ['generateContent', 'countTokens', 'createCachedContent', 'batchGenerateContent'];
  return [
    {
      name: 'models/gemini-2.5-pro',
      version: '2.5',
      displayName: 'Gemini 2.5 Pro',
      description: 'Stable release (June 17th, 2025) of Gemini 2.5 Pro',
      inputTokenLimit: 1_048_576,
      outputTokenLimit: 65_536,
      supportedGenerationMethods: chat,
      temperature: 1,
      topP: 0.95,
      topK: 64,
      maxTemperature: 2,
      thinking: true,
    },
    {
      name: 'models/gemini-2.5-flash',
      version: '001',
      displayName: 'Gemini 2.5 Flash',
      description: 'Stable version of Gemini 2.5 Flash, our mid-size multimodal model.',
      inputTokenLimit: 1_048_576,
      outputTokenLimit: 65_536,
      supportedGenerationMethods: chat,
      temperature: 1,
      topP: 0.95,
      topK: 64,
      maxTemperature: 2,
      thinking: true,
    },
    {
      name: 'models/gemini-2.0-flash',
      version: '2.0',
      displayName: 'Gemini 2.0 Flash',
      description: 'Gemini 2.0 Flash',
      inputTokenLimit: 1_048_576,
      outputTokenLimit: 8_192,
      supportedGenerationMethods: chat,
      temperature: 1,
      topP: 0.95,
      topK: 40,
      maxTemperature: 2,
    },
    {
      name: 'models/gemini-2.5-flash-image',
      version: '2.0',
      displayName: 'Nano Banana',
      description: 'Gemini 2.5 Flash Image',
      inputTokenLimit: 32_768,
      outputTokenLimit: 32_768,
      supportedGenerationMethods: ['generateContent', 'countTokens', 'batchGenerateContent'],
      temperature: 1,
      topP: 0.95,
      topK: 64,
      maxTemperature: 2,
    },
    {
      name: 'models/gemini-embedding-001',
      version: '001',
      displayName: 'Gemini Embedding 001',
      description: 'Obtain a distributed representation of a text.',
      inputTokenLimit: 2_048,
      outputTokenLimit: 1,
      supportedGenerationMethods: [
        'embedContent',
        'countTextTokens',
        'countTokens',
        'asyncBatchEmbedContent',
      ],
    },
    {
      name: 'models/imagen-4.0-generate-001',
      version: '001',
      displayName: 'Imagen 4',
      description: 'Vertex served Imagen 4.0 model',
      inputTokenLimit: 480,
      outputTokenLimit: 8_192,
      supportedGenerationMethods: ['predict'],
    },
  ];
}
