import type { ListModelsOptions, ModelInfo, ProviderContext, ProviderDefinition } from '@switchboard/core';
import { AnthropicChatModel } from './anthropic-chat-model.js';
import { baseUrlOf, createAnthropicClient, DEFAULT_BASE_URL } from './anthropic-client.js';
import { PROVIDER_ID, toAnthropicError } from './anthropic-error.js';
import { knownSpec, rememberLiveModels, specFromLive } from './model-catalog.js';
import { type ClaudeModelSpec, staticModels } from './models.js';
import { ThinkingMemory } from './thinking-memory.js';

const memory = new ThinkingMemory();

/**
 * The `anthropic` provider: Claude chat models. Anthropic offers no embeddings, image generation
 * or speech, so those factories are absent and the registry says so when asked.
 */
export const anthropicProvider: ProviderDefinition = {
  id: PROVIDER_ID,
  displayName: 'Anthropic',
  settings: [
    {
      key: 'apiKey',
      label: 'Anthropic API key',
      description: 'From the Claude Console (console.anthropic.com), "API keys".',
      secret: true,
      required: true,
      env: ['ANTHROPIC_API_KEY'],
    },
    {
      key: 'baseUrl',
      label: 'Base URL',
      description: 'The Anthropic API or a compatible gateway.',
      env: ['ANTHROPIC_BASE_URL'],
      default: DEFAULT_BASE_URL,
    },
  ],

  async listModels(context: ProviderContext, options: ListModelsOptions = {}): Promise<ModelInfo[]> {
    if (!options.live) return staticModels();
    const client = createAnthropicClient(context);
    const live: ClaudeModelSpec[] = [];
    try {
      // The SDK's page iterator follows has_more/last_id through every page.
      const pages = client.models.list(
        { limit: 1000 },
        {
          ...(options.signal ? { signal: options.signal } : {}),
          ...(options.headers ? { headers: options.headers } : {}),
        },
      );
      for await (const model of pages) live.push(specFromLive(model));
    } catch (error) {
      throw toAnthropicError(error, { signal: options.signal });
    }
    rememberLiveModels(baseUrlOf(context), live);
    return live.map((spec) => structuredClone(spec.info));
  },

  chatModel(modelId: string, context: ProviderContext): AnthropicChatModel {
    const baseUrl = baseUrlOf(context);
    return new AnthropicChatModel(modelId, { context, memory, spec: () => knownSpec(baseUrl, modelId) });
  },
};
