export { type OpenAIScriptedReply, REASONING_FIELD } from './chat-wire.js';
export { DEFAULT_FAKE_OPENAI_MODELS, FakeOpenAIServer } from './fake-openai-server.js';
export { float32Base64, SPEECH_CONTENT_TYPES, TINY_PNG_BASE64 } from './media-wire.js';
export { readChatRequest } from './read-chat-request.js';
