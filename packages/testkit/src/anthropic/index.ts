export { FakeAnthropicServer, type FakeAnthropicServerOptions } from './fake-anthropic-server.js';
export { DEFAULT_FAKE_MODELS, type FakeModelOptions, fakeModel } from './models-list.js';
export { type StreamErrorSpec, signatureFor as fakeThinkingSignature } from './render-reply.js';
export { apiKeyOf as anthropicApiKeyOf } from './validate-request.js';
export {
  CURRENT_API_VERSION as ANTHROPIC_API_VERSION,
  type WireStopReason as AnthropicStopReason,
} from './wire.js';
