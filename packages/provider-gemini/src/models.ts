import type { ModelCapabilities, ModelInfo } from '@switchboard/core';

/**
 * Models of the Gemini API (AI Studio keys) whose facts are known without asking the service.
 * Limits are the documented input/output token limits
 * (https://ai.google.dev/gemini-api/docs/models); listModels({ live: true }) refreshes them.
 */
const GEMINI_CHAT: ModelCapabilities = { vision: true, tools: true, json: true };
const THINKING: ModelCapabilities = { ...GEMINI_CHAT, reasoning: true };
const MILLION = 1_048_576;

export const GEMINI_MODELS: readonly ModelInfo[] = [
  chat('gemini-3-pro-preview', 'Gemini 3 Pro (preview)', THINKING, MILLION, 65_536, 95),
  chat('gemini-3-flash-preview', 'Gemini 3 Flash (preview)', THINKING, MILLION, 65_536, 88),
  chat('gemini-2.5-pro', 'Gemini 2.5 Pro', THINKING, MILLION, 65_536, 90),
  chat('gemini-2.5-flash', 'Gemini 2.5 Flash', THINKING, MILLION, 65_536, 80),
  chat('gemini-2.5-flash-lite', 'Gemini 2.5 Flash-Lite', THINKING, MILLION, 65_536, 65),
  chat('gemini-2.0-flash', 'Gemini 2.0 Flash', GEMINI_CHAT, MILLION, 8_192, 60),
  chat('gemini-2.0-flash-lite', 'Gemini 2.0 Flash-Lite', GEMINI_CHAT, MILLION, 8_192, 50),
  // Gemma on the Gemini API: no function calling, no JSON mode, no system instruction; the 1B
  // model reads text only (https://ai.google.dev/gemma/docs/core).
  {
    ...chat('gemma-3-27b-it', 'Gemma 3 27B', { vision: true, tools: false, json: false }, 131_072, 8_192, 40),
    unsupportedOptions: ['tools', 'toolChoice', 'responseFormat'],
  },
  {
    ...chat('gemma-3-1b-it', 'Gemma 3 1B', { vision: false, tools: false, json: false }, 32_768, 8_192, 10),
    unsupportedOptions: ['tools', 'toolChoice', 'responseFormat'],
  },
  {
    id: 'gemini-embedding-001',
    displayName: 'Gemini Embedding 001',
    kind: 'embedding',
    capabilities: { embeddings: true },
    contextWindow: 2_048,
  },
  {
    id: 'text-embedding-004',
    displayName: 'Text Embedding 004',
    kind: 'embedding',
    capabilities: { embeddings: true },
    contextWindow: 2_048,
  },
  {
    id: 'gemini-2.5-flash-image',
    displayName: 'Gemini 2.5 Flash Image',
    kind: 'image',
    capabilities: { imageGeneration: true, vision: true },
    contextWindow: 32_768,
    maxOutputTokens: 32_768,
  },
  {
    id: 'gemini-3-pro-image-preview',
    displayName: 'Gemini 3 Pro Image (preview)',
    kind: 'image',
    capabilities: { imageGeneration: true, vision: true, reasoning: true },
    contextWindow: 65_536,
    maxOutputTokens: 32_768,
  },
  {
    id: 'gemini-2.5-flash-preview-tts',
    displayName: 'Gemini 2.5 Flash TTS (preview)',
    kind: 'speech',
    capabilities: { speech: true },
    contextWindow: 8_192,
    maxOutputTokens: 16_384,
  },
  {
    id: 'gemini-2.5-pro-preview-tts',
    displayName: 'Gemini 2.5 Pro TTS (preview)',
    kind: 'speech',
    capabilities: { speech: true },
    contextWindow: 8_192,
    maxOutputTokens: 16_384,
  },
];

const BY_ID = new Map(GEMINI_MODELS.map((model) => [model.id, model]));

/** The static facts about a model, accepting the API's `models/` resource prefix. */
export function geminiModelInfo(modelId: string): ModelInfo | undefined {
  return BY_ID.get(stripModelsPrefix(modelId));
}

export function stripModelsPrefix(name: string): string {
  return name.startsWith('models/') ? name.slice('models/'.length) : name;
}

/** Gemma models on the Gemini API reject `systemInstruction` ("Developer instruction is not enabled"). */
export function acceptsSystemInstruction(modelId: string): boolean {
  return !stripModelsPrefix(modelId).startsWith('gemma-');
}

/** Gemini 3 models reject a function-call turn sent back without its thought signature (a 400). */
export function requiresThoughtSignatures(modelId: string): boolean {
  return stripModelsPrefix(modelId).startsWith('gemini-3');
}

function chat(
  id: string,
  displayName: string,
  capabilities: ModelCapabilities,
  contextWindow: number,
  maxOutputTokens: number,
  qualityRank: number,
): ModelInfo {
  return { id, displayName, kind: 'chat', capabilities, contextWindow, maxOutputTokens, qualityRank };
}
