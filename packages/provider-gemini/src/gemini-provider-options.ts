import type { GenerateContentConfig, SafetySetting, ThinkingConfig, ThinkingLevel } from '@google/genai';
import { type CallWarning, SwitchboardError } from '@switchboard/core';
import { PROVIDER_ID } from './gemini-error.js';

/**
 * What `providerOptions.gemini` may carry. Thinking: `thinkingBudget` (tokens; 0 turns thinking
 * off, -1 lets the model decide), `includeThoughts` (send thought summaries, which arrive as
 * reasoning), `thinkingLevel` (Gemini 3) — https://ai.google.dev/gemini-api/docs/thinking.
 */
export interface GeminiProviderOptions {
  thinkingBudget?: number;
  includeThoughts?: boolean;
  thinkingLevel?: 'minimal' | 'low' | 'medium' | 'high';
  topK?: number;
  presencePenalty?: number;
  frequencyPenalty?: number;
  /** `cachedContents/...`: a context cache made with the caching API. */
  cachedContent?: string;
  safetySettings?: Array<{ category: string; threshold: string }>;
}

type ConfigPart = Pick<
  GenerateContentConfig,
  'thinkingConfig' | 'topK' | 'presencePenalty' | 'frequencyPenalty' | 'cachedContent' | 'safetySettings'
>;

/** Reads `providerOptions.gemini`; wrong types are the caller's mistake and throw, unknown keys warn. */
export function readProviderOptions(
  options: Record<string, unknown> | undefined,
  warnings: CallWarning[],
): ConfigPart {
  if (!options) return {};
  const config: ConfigPart = {};
  const thinking: ThinkingConfig = {};
  for (const [key, value] of Object.entries(options)) {
    if (value === undefined) continue;
    switch (key) {
      case 'thinkingBudget':
        thinking.thinkingBudget = integer(key, value, -1);
        break;
      case 'includeThoughts':
        if (typeof value !== 'boolean') throw badOption(key, 'true or false');
        thinking.includeThoughts = value;
        break;
      case 'thinkingLevel':
        if (typeof value !== 'string' || !/^(minimal|low|medium|high)$/i.test(value)) {
          throw badOption(key, '"minimal", "low", "medium" or "high"');
        }
        thinking.thinkingLevel = value.toUpperCase() as ThinkingLevel;
        break;
      case 'topK':
        config.topK = integer(key, value, 1);
        break;
      case 'presencePenalty':
      case 'frequencyPenalty':
        if (typeof value !== 'number') throw badOption(key, 'a number');
        config[key] = value;
        break;
      case 'cachedContent':
        if (typeof value !== 'string' || !value) throw badOption(key, 'a cachedContents/... name');
        config.cachedContent = value;
        break;
      case 'safetySettings':
        config.safetySettings = safetySettings(value);
        break;
      default:
        warnings.push({
          type: 'unsupported-option',
          option: `providerOptions.gemini.${key}`,
          details: `The Gemini provider does not know "${key}"; it was not sent.`,
        });
    }
  }
  if (Object.keys(thinking).length) config.thinkingConfig = thinking;
  return config;
}

function integer(key: string, value: unknown, min: number): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min) {
    throw badOption(key, `an integer of at least ${min}`);
  }
  return value;
}

function safetySettings(value: unknown): SafetySetting[] {
  const valid =
    Array.isArray(value) &&
    value.every(
      (entry) =>
        typeof entry === 'object' &&
        entry !== null &&
        typeof (entry as { category?: unknown }).category === 'string' &&
        typeof (entry as { threshold?: unknown }).threshold === 'string',
    );
  if (!valid) throw badOption('safetySettings', 'a list of { category, threshold }');
  return value as SafetySetting[];
}

function badOption(key: string, expected: string): SwitchboardError {
  return new SwitchboardError('invalid-request', `providerOptions.gemini.${key} must be ${expected}.`, {
    provider: PROVIDER_ID,
    hint: `Fix providerOptions.gemini.${key} in the request (see https://ai.google.dev/api/generate-content#generationconfig).`,
  });
}
