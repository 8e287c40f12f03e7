import { definePlugin } from '@switchboard/core';
import { anthropicProvider } from './anthropic-provider.js';

export { AnthropicChatModel } from './anthropic-chat-model.js';
export { DEFAULT_BASE_URL } from './anthropic-client.js';
export type { AnthropicOptions, Effort, ThinkingOption } from './anthropic-options.js';
export { anthropicProvider } from './anthropic-provider.js';
export { DEFAULT_MAX_TOKENS } from './build-anthropic-request.js';
export { staticModels as anthropicModels } from './models.js';

/** Anthropic's Claude models for Switchboard, on the official @anthropic-ai/sdk. */
export default definePlugin({
  name: '@switchboard/provider-anthropic',
  displayName: 'Anthropic',
  providers: [anthropicProvider],
});
