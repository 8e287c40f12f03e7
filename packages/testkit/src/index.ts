export * from './anthropic/index.js';
export * from './gemini/index.js';
export * from './gguf/index.js';
export { FakeHttpServer, type RouteHandler } from './http/fake-http-server.js';
export { MALFORMED_JSON, ResponseWriter, type SseEvent, sseFrame } from './http/response-writer.js';
export * from './ollama/index.js';
export * from './openai/index.js';
export * from './script.js';
export type {
  NeutralChatRequest,
  NeutralMessage,
  RecordedRequest,
  ScriptableServer,
} from './server-types.js';
