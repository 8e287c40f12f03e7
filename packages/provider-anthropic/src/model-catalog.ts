import type { ModelInfo as LiveModel } from '@anthropic-ai/sdk/resources/models';
import type { ModelInfo } from '@switchboard/core';
import { type ClaudeModelSpec, staticSpec, UNSUPPORTED_OPTIONS } from './models.js';

/**
 * What the Models API said about each model, per base URL (a proxy may serve other models than
 * api.anthropic.com). Chat models consult it before the static table, so a model the API reports
 * without image input refuses images before anything is sent.
 */
const learned = new Map<string, Map<string, ClaudeModelSpec>>();

export function rememberLiveModels(baseUrl: string, specs: readonly ClaudeModelSpec[]): void {
  learned.set(baseUrl, new Map(specs.map((spec) => [spec.info.id, spec])));
}

export function knownSpec(baseUrl: string, modelId: string): ClaudeModelSpec | undefined {
  return learned.get(baseUrl)?.get(modelId) ?? staticSpec(modelId);
}

/**
 * A Models API entry in core's terms, filled in from the static table where the API is silent.
 * https://platform.claude.com/docs/en/api/models/list
 */
export function specFromLive(model: LiveModel): ClaudeModelSpec {
  const known = staticSpec(model.id);
  const caps = model.capabilities;
  const info: ModelInfo = {
    ...(known?.info ?? {
      kind: 'chat',
      capabilities: { tools: true },
      unsupportedOptions: UNSUPPORTED_OPTIONS,
    }),
    id: model.id,
    kind: 'chat',
  };
  if (model.display_name) info.displayName = model.display_name;
  if (model.max_input_tokens) info.contextWindow = model.max_input_tokens;
  if (model.max_tokens) info.maxOutputTokens = model.max_tokens;
  if (caps) {
    info.capabilities = {
      ...info.capabilities,
      tools: true,
      vision: caps.image_input?.supported ?? info.capabilities.vision ?? true,
      json: caps.structured_outputs?.supported ?? info.capabilities.json ?? false,
      reasoning: caps.thinking?.supported ?? info.capabilities.reasoning ?? false,
    };
  }
  const types = caps?.thinking?.types;
  return {
    info,
    thinking: {
      adaptive: types?.adaptive?.supported ?? known?.thinking.adaptive ?? true,
      budget: types?.enabled?.supported ?? known?.thinking.budget ?? true,
    },
  };
}
