import type { ModelCapabilities, ModelInfo, RequestOptionName } from '@switchboard/core';

/**
 * What is known about each service's models without asking it. Context windows and output
 * limits are from the vendors' model pages; where a figure was not certain it is left out
 * rather than guessed (the router then treats it as unknown, not as small).
 */

const CHAT_VISION: ModelCapabilities = { vision: true, tools: true, json: true };
const CHAT_TEXT: ModelCapabilities = { vision: false, tools: true, json: true };
const REASONING_VISION: ModelCapabilities = { ...CHAT_VISION, reasoning: true };
const REASONING_TEXT: ModelCapabilities = { ...CHAT_TEXT, reasoning: true };

/** OpenAI's reasoning models reject sampling options: https://platform.openai.com/docs/guides/reasoning */
const NO_SAMPLING: RequestOptionName[] = ['temperature', 'topP'];

const chat = (
  id: string,
  capabilities: ModelCapabilities,
  contextWindow?: number,
  maxOutputTokens?: number,
  extra: Partial<ModelInfo> = {},
): ModelInfo => ({
  id,
  kind: 'chat',
  capabilities,
  ...(contextWindow === undefined ? {} : { contextWindow }),
  ...(maxOutputTokens === undefined ? {} : { maxOutputTokens }),
  ...extra,
});

const reasoning = (id: string, capabilities: ModelCapabilities, contextWindow: number, maxOutput: number) =>
  chat(id, capabilities, contextWindow, maxOutput, { unsupportedOptions: NO_SAMPLING });

/** https://platform.openai.com/docs/models */
export const OPENAI_MODELS: readonly ModelInfo[] = [
  chat('gpt-4o', CHAT_VISION, 128_000, 16_384),
  chat('gpt-4o-mini', CHAT_VISION, 128_000, 16_384),
  chat('gpt-4.1', CHAT_VISION, 1_047_576, 32_768),
  chat('gpt-4.1-mini', CHAT_VISION, 1_047_576, 32_768),
  chat('gpt-4.1-nano', CHAT_VISION, 1_047_576, 32_768),
  chat('gpt-3.5-turbo', CHAT_TEXT, 16_385, 4_096),
  reasoning('o1', REASONING_VISION, 200_000, 100_000),
  reasoning('o3', REASONING_VISION, 200_000, 100_000),
  reasoning('o3-mini', REASONING_TEXT, 200_000, 100_000),
  reasoning('o4-mini', REASONING_VISION, 200_000, 100_000),
  reasoning('gpt-5', REASONING_VISION, 400_000, 128_000),
  reasoning('gpt-5-mini', REASONING_VISION, 400_000, 128_000),
  reasoning('gpt-5-nano', REASONING_VISION, 400_000, 128_000),
  {
    id: 'text-embedding-3-small',
    kind: 'embedding',
    capabilities: { embeddings: true },
    contextWindow: 8_191,
  },
  {
    id: 'text-embedding-3-large',
    kind: 'embedding',
    capabilities: { embeddings: true },
    contextWindow: 8_191,
  },
  {
    id: 'text-embedding-ada-002',
    kind: 'embedding',
    capabilities: { embeddings: true },
    contextWindow: 8_191,
  },
  { id: 'gpt-image-1', kind: 'image', capabilities: { imageGeneration: true } },
  { id: 'dall-e-3', kind: 'image', capabilities: { imageGeneration: true } },
  { id: 'tts-1', kind: 'speech', capabilities: { speech: true } },
  { id: 'tts-1-hd', kind: 'speech', capabilities: { speech: true } },
  { id: 'gpt-4o-mini-tts', kind: 'speech', capabilities: { speech: true } },
];

/** https://console.groq.com/docs/models */
export const GROQ_MODELS: readonly ModelInfo[] = [
  chat('llama-3.3-70b-versatile', CHAT_TEXT, 131_072, 32_768),
  chat('llama-3.1-8b-instant', CHAT_TEXT, 131_072),
];

/** https://openrouter.ai/models — ids carry the upstream vendor (`anthropic/claude-3.5-sonnet`). */
export const OPENROUTER_MODELS: readonly ModelInfo[] = [
  chat('anthropic/claude-3.5-sonnet', CHAT_VISION, 200_000, 8_192),
  chat('openai/gpt-4o-mini', CHAT_VISION, 128_000, 16_384),
  chat('meta-llama/llama-3.3-70b-instruct', CHAT_TEXT, 131_072),
];

/** https://api-docs.deepseek.com/quick_start/pricing */
export const DEEPSEEK_MODELS: readonly ModelInfo[] = [
  chat('deepseek-chat', CHAT_TEXT, 128_000, 8_192),
  chat('deepseek-reasoner', { vision: false, json: true, reasoning: true }, 128_000, 65_536, {
    // The reasoner accepts these and ignores them: https://api-docs.deepseek.com/guides/reasoning_model
    unsupportedOptions: NO_SAMPLING,
  }),
];

/** https://docs.together.ai/docs/serverless-models */
export const TOGETHER_MODELS: readonly ModelInfo[] = [
  chat('meta-llama/Llama-3.3-70B-Instruct-Turbo', CHAT_TEXT, 131_072),
];

/** https://docs.mistral.ai/getting-started/models/models_overview/ */
export const MISTRAL_MODELS: readonly ModelInfo[] = [
  chat('mistral-large-latest', { tools: true, json: true }, 131_072),
  chat('mistral-small-latest', CHAT_VISION, 131_072),
  chat('codestral-latest', CHAT_TEXT, 256_000),
  { id: 'mistral-embed', kind: 'embedding', capabilities: { embeddings: true }, contextWindow: 8_192 },
];

/** https://docs.x.ai/docs/models */
export const XAI_MODELS: readonly ModelInfo[] = [
  chat('grok-4', REASONING_VISION, 256_000),
  chat('grok-3', CHAT_TEXT, 131_072),
  chat('grok-3-mini', REASONING_TEXT, 131_072),
  { id: 'grok-2-image', kind: 'image', capabilities: { imageGeneration: true } },
];

/** https://fireworks.ai/models */
export const FIREWORKS_MODELS: readonly ModelInfo[] = [
  chat('accounts/fireworks/models/llama-v3p3-70b-instruct', CHAT_TEXT, 131_072),
];

/** OpenAI's reasoning families, which take `max_completion_tokens` and no sampling options. */
export function isOpenAIReasoningModel(modelId: string): boolean {
  return /^(?:o\d|gpt-5)(?![\w.]*-chat)/.test(modelId);
}
