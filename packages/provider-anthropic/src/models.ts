import type { ModelInfo, RequestOptionName } from '@switchboard/core';

/** Which `thinking` configurations a model accepts. */
export interface ThinkingSupport {
  /** `{ type: 'adaptive' }`: the model decides how much to think (depth set by `effort`). */
  adaptive: boolean;
  /** `{ type: 'enabled', budget_tokens }`: manual extended thinking with a token budget. */
  budget: boolean;
}

export interface ClaudeModelSpec {
  info: ModelInfo;
  thinking: ThinkingSupport;
}

/**
 * API version 2026-10-21 (what SDK 1.x speaks) removed temperature, top_p and top_k; the API
 * answers 400 to a request that sends them, and it never had a seed.
 * https://platform.claude.com/docs/en/api/versioning
 */
export const UNSUPPORTED_OPTIONS: RequestOptionName[] = ['temperature', 'topP', 'seed'];

const ADAPTIVE: ThinkingSupport = { adaptive: true, budget: false };

function claude(
  id: string,
  displayName: string,
  contextWindow: number,
  maxOutputTokens: number,
  qualityRank: number,
  thinking: ThinkingSupport = ADAPTIVE,
): ClaudeModelSpec {
  return {
    info: {
      id,
      displayName,
      kind: 'chat',
      // Every current Claude model takes text and images and calls tools; structured outputs
      // (output_config.format) cover the 4.5 generation onwards.
      // https://platform.claude.com/docs/en/about-claude/models/overview
      capabilities: { vision: true, tools: true, json: true, reasoning: true },
      contextWindow,
      maxOutputTokens,
      unsupportedOptions: UNSUPPORTED_OPTIONS,
      qualityRank,
    },
    thinking,
  };
}

const M = 1_000_000;
const K128 = 128_000;

/**
 * Current and legacy Claude models with their limits, from each model's page
 * (https://platform.claude.com/docs/en/models/<model>/overview). Fable and Opus 5.5 think
 * adaptively and always; Haiku 4.5 only takes a manual budget. Opus 4.6 still accepts a budget,
 * but the SDK flags that as deprecated, so it is treated as adaptive-only.
 * Prices come from core's price dataset, so none are repeated here.
 */
const SPECS: ClaudeModelSpec[] = [
  claude('claude-fable-5-2', 'Claude Fable 5.2', M, K128, 100),
  claude('claude-mythos-5-2', 'Claude Mythos 5.2', M, K128, 100),
  claude('claude-opus-5-5', 'Claude Opus 5.5', M, K128, 96),
  claude('claude-fable-5-1', 'Claude Fable 5.1', M, K128, 95),
  claude('claude-sonnet-5-5', 'Claude Sonnet 5.5', M, K128, 90),
  claude('claude-opus-5', 'Claude Opus 5', M, K128, 89),
  claude('claude-fable-5', 'Claude Fable 5', M, K128, 88),
  claude('claude-sonnet-5', 'Claude Sonnet 5', M, K128, 84),
  claude('claude-opus-4-8', 'Claude Opus 4.8', M, K128, 83),
  claude('claude-opus-4-7', 'Claude Opus 4.7', M, K128, 80),
  claude('claude-haiku-5-5', 'Claude Haiku 5.5', M, K128, 78),
  claude('claude-opus-4-6', 'Claude Opus 4.6', M, K128, 76),
  claude('claude-haiku-4-5', 'Claude Haiku 4.5', 200_000, 64_000, 60, { adaptive: false, budget: true }),
];

const BY_ID = new Map(SPECS.map((spec) => [spec.info.id, spec]));

/** The static model list, as `listModels()` returns it without `live`. */
export function staticModels(): ModelInfo[] {
  return SPECS.map((spec) => structuredClone(spec.info));
}

/** What Switchboard knows about a model without asking the API; dated snapshots share their alias's entry. */
export function staticSpec(modelId: string): ClaudeModelSpec | undefined {
  return BY_ID.get(modelId) ?? BY_ID.get(modelId.replace(/-\d{8}$/, ''));
}
