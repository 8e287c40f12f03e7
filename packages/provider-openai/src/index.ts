import { definePlugin } from '@switchboard/core';
import { createOpenAIProvider } from './openai-provider.js';
import { PRESETS } from './presets.js';

export { mapOpenAIError } from './openai-error.js';
export { type OpenAIPreset, PRESETS } from './presets.js';

/** OpenAI and every OpenAI-compatible service, one provider id per preset. */
export default definePlugin({
  name: '@switchboard/provider-openai',
  displayName: 'OpenAI and OpenAI-compatible servers',
  providers: PRESETS.map(createOpenAIProvider),
});
