import { definePlugin } from '@switchboard/core';
import { createGeminiProvider } from './gemini-provider.js';

export { GeminiChatModel } from './gemini-chat-model.js';
export { GeminiEmbeddingModel } from './gemini-embedding-model.js';
export { toGeminiError } from './gemini-error.js';
export { GeminiImageModel } from './gemini-image-model.js';
export { createGeminiProvider } from './gemini-provider.js';
export type { GeminiProviderOptions } from './gemini-provider-options.js';
export { GeminiSpeechModel } from './gemini-speech-model.js';
export { GEMINI_MODELS } from './models.js';

/** Google Gemini for Switchboard: chat, embeddings, image generation and speech on @google/genai. */
export default definePlugin({
  name: '@switchboard/provider-gemini',
  displayName: 'Google Gemini',
  providers: [createGeminiProvider()],
});
