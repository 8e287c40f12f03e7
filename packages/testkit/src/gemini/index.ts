export { defaultGeminiModels } from './default-models.js';
export { FakeGeminiServer } from './fake-gemini-server.js';
export { type GeminiErrorOptions, geminiError, geminiErrorBody } from './gemini-errors.js';
export { parseModelAction, readGeminiChatRequest } from './read-gemini-request.js';
export {
  fakeThoughtSignature,
  GEMINI_TTS_MIME_TYPE,
  type GeminiContentFilter,
} from './render-gemini-response.js';
export type * from './wire.js';
