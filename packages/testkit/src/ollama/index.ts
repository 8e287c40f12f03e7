export {
  FakeOllamaServer,
  type FakeOllamaServerOptions,
  type OllamaScriptedReply,
} from './fake-ollama-server.js';
export { DEFAULT_FAKE_OLLAMA_MODELS, type FakeOllamaModel } from './models.js';
export { neutralChatRequest as neutralOllamaChatRequest } from './neutral-request.js';
export type { ToolCallRendering as OllamaToolCallRendering } from './render-chat.js';
