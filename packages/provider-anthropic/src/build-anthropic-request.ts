import { transformJSONSchema } from '@anthropic-ai/sdk/lib/transform-json-schema';
import type {
  MessageCreateParamsBase,
  OutputConfig,
  ThinkingConfigParam,
} from '@anthropic-ai/sdk/resources/messages';
import {
  type CallWarning,
  type ChatRequest,
  hasImages,
  type JsonSchema,
  SwitchboardError,
} from '@switchboard/core';
import { PROVIDER_ID } from './anthropic-error.js';
import { parseAnthropicOptions, type ThinkingOption } from './anthropic-options.js';
import { convertToAnthropicMessages } from './convert-to-anthropic-messages.js';
import type { ClaudeModelSpec } from './models.js';
import { prepareAnthropicTools } from './prepare-anthropic-tools.js';
import type { ThinkingMemory } from './thinking-memory.js';

/**
 * Without a caller's maxTokens, the model's max output (128K for current models) bounded to this:
 * the SDK refuses non-streaming calls whose max_tokens could run past ten minutes (about 21K), and
 * the API reserves output rate limit by max_tokens.
 */
export const DEFAULT_MAX_TOKENS = 16_384;

const JSON_INSTRUCTION =
  'Respond with a single valid JSON value and nothing else: no prose, no Markdown code fences.';

export interface BuildContext {
  modelId: string;
  /** What is known about the model (static table or the live Models API). */
  spec: ClaudeModelSpec | undefined;
  memory: ThinkingMemory;
}

export interface BuiltRequest {
  params: MessageCreateParamsBase;
  warnings: CallWarning[];
}

const invalid = (message: string, hint: string, model: string) =>
  new SwitchboardError('invalid-request', message, { provider: PROVIDER_ID, model, hint });

/** A core chat request as Messages API parameters (without `stream`), plus what could not be honoured. */
export function buildAnthropicRequest(request: ChatRequest, context: BuildContext): BuiltRequest {
  const { modelId, spec } = context;
  const warnings: CallWarning[] = [];
  for (const option of ['temperature', 'topP', 'seed'] as const) {
    if (request[option] !== undefined) {
      warnings.push({
        type: 'unsupported-option',
        option,
        details: `Anthropic's API (version 2026-10-21) takes no ${option}; it was not sent.`,
      });
    }
  }
  if (spec?.info.capabilities.vision === false && hasImages(request.messages)) {
    throw invalid(
      `${modelId} does not accept images (no vision), so the request was not sent.`,
      'Remove the images or pick a model with vision.',
      modelId,
    );
  }
  const options = parseAnthropicOptions(request.providerOptions?.[PROVIDER_ID]);
  const prompt = convertToAnthropicMessages(request.messages, {
    thinkingFor: (ids) => context.memory.recall(modelId, ids),
  });
  if (prompt.messages.length === 0) {
    throw invalid('The request has no user or assistant message to send.', 'Add a user message.', modelId);
  }
  const outputConfig: OutputConfig = {};
  if (options.effort) outputConfig.effort = options.effort;
  const format = request.responseFormat;
  if (format?.type === 'json') {
    if (format.schema)
      outputConfig.format = { type: 'json_schema', schema: strictSchema(format.schema, modelId) };
    else {
      // Structured outputs need a schema; without one, JSON is asked for in the system prompt.
      prompt.system.push(JSON_INSTRUCTION);
      warnings.push({
        type: 'other',
        message:
          'Anthropic has no schema-less JSON mode: JSON was requested in the system prompt. Give a schema for guaranteed JSON.',
      });
    }
  }
  const thinking = resolveThinking(options.thinking, context, warnings);
  const params: MessageCreateParamsBase = {
    model: modelId,
    max_tokens: resolveMaxTokens(request.maxTokens, thinking, context),
    messages: prompt.messages,
    ...prepareAnthropicTools(request.tools, request.toolChoice, options.disableParallelToolUse),
  };
  if (prompt.system.length === 1) params.system = prompt.system[0];
  else if (prompt.system.length > 1) params.system = prompt.system.map((text) => ({ type: 'text', text }));
  if (thinking) params.thinking = thinking;
  if (Object.keys(outputConfig).length > 0) params.output_config = outputConfig;
  if (request.stop && request.stop.length > 0) params.stop_sequences = request.stop;
  const userId = request.metadata?.user_id ?? request.metadata?.userId;
  if (userId) params.metadata = { user_id: userId };
  if (options.cacheControl) params.cache_control = { type: 'ephemeral', ...options.cacheControl };
  return { params, warnings };
}

/**
 * The schema in the subset structured outputs accept, by the SDK's own transform (every object
 * closed with additionalProperties: false; unsupported constraints moved into descriptions).
 * https://platform.claude.com/docs/en/build-with-claude/structured-outputs
 */
function strictSchema(schema: JsonSchema, modelId: string): Record<string, unknown> {
  try {
    return transformJSONSchema(schema);
  } catch (error) {
    throw invalid(
      `The JSON schema cannot be used for Anthropic structured output: ${error instanceof Error ? error.message : String(error)}.`,
      'Give every schema node a type (or anyOf/enum/const).',
      modelId,
    );
  }
}

function resolveThinking(
  option: ThinkingOption | undefined,
  { modelId, spec }: BuildContext,
  warnings: CallWarning[],
): ThinkingConfigParam | undefined {
  if (!option) return undefined;
  if (option.type === 'disabled') return { type: 'disabled' };
  // Newer models hide the thinking text unless asked; Switchboard asks, so `reasoning` has it.
  const display = option.display ?? 'summarized';
  if (option.type === 'adaptive') {
    if (spec && !spec.thinking.adaptive) {
      throw invalid(
        `${modelId} does not think adaptively.`,
        'Give it a budget instead: providerOptions.anthropic.thinking = { budgetTokens: 4096 }.',
        modelId,
      );
    }
    return { type: 'adaptive', display };
  }
  if (spec && !spec.thinking.budget) {
    warnings.push({
      type: 'unsupported-option',
      option: 'providerOptions.anthropic.thinking.budgetTokens',
      details: `${modelId} decides its own thinking depth; adaptive thinking was used instead of a ${option.budgetTokens}-token budget (steer it with providerOptions.anthropic.effort).`,
    });
    return { type: 'adaptive', display };
  }
  return { type: 'enabled', budget_tokens: option.budgetTokens, display };
}

/** max_tokens is required; thinking tokens count toward it, so a budget must fit below it. */
function resolveMaxTokens(
  requested: number | undefined,
  thinking: ThinkingConfigParam | undefined,
  { modelId, spec }: BuildContext,
): number {
  const budget = thinking?.type === 'enabled' ? thinking.budget_tokens : 0;
  const limit = spec?.info.maxOutputTokens;
  if (requested !== undefined) {
    if (budget > 0 && requested <= budget) {
      throw invalid(
        `maxTokens (${requested}) must be larger than the thinking budget (${budget}).`,
        'Raise maxTokens or lower providerOptions.anthropic.thinking.budgetTokens.',
        modelId,
      );
    }
    return requested;
  }
  if (limit !== undefined && budget >= limit) {
    throw invalid(
      `The thinking budget (${budget}) leaves no room for an answer within ${modelId}'s ${limit} output tokens.`,
      'Lower providerOptions.anthropic.thinking.budgetTokens.',
      modelId,
    );
  }
  return Math.min(limit ?? Number.POSITIVE_INFINITY, DEFAULT_MAX_TOKENS + budget);
}
