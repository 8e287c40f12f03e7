import {
  type CallWarning,
  type ChatRequest,
  hasImages,
  type ModelInfo,
  type RequestOptionName,
  SwitchboardError,
} from '@switchboard/core';
import type { ChatCompletionCreateParamsBase } from 'openai/resources/chat/completions';
import { convertToOpenAIMessages } from './convert-to-openai-messages.js';
import { isOpenAIReasoningModel } from './models.js';
import { prepareTools } from './prepare-tools.js';
import type { OpenAIPreset } from './presets.js';

export interface ChatScope {
  preset: OpenAIPreset;
  modelId: string;
  /** What is known about the model, if anything. */
  info?: ModelInfo;
}

/** The request body minus `stream`, which generate() and stream() set. */
export type ChatBody = Omit<ChatCompletionCreateParamsBase, 'stream' | 'stream_options'>;

/** Options that OpenAI's reasoning models reject outright. */
const REASONING_UNSUPPORTED: RequestOptionName[] = ['temperature', 'topP'];

/**
 * Turns a core request into a Chat Completions body for one preset and model. Options the preset
 * or model does not take are left out with a warning; an image for a model known to be blind is
 * refused before anything is sent.
 * https://platform.openai.com/docs/api-reference/chat/create
 */
export function buildChatBody(
  request: ChatRequest,
  scope: ChatScope,
): { body: ChatBody; warnings: CallWarning[] } {
  const { preset, modelId, info } = scope;
  if (info?.capabilities.vision === false && hasImages(request.messages)) {
    throw new SwitchboardError('invalid-request', `${preset.id}/${modelId} cannot read images.`, {
      provider: preset.id,
      model: `${preset.id}/${modelId}`,
      code: 'vision-unsupported',
      fallbackMayHelp: true,
      hint: 'Remove the images, or pick a model with vision (e.g. openai/gpt-4o-mini).',
    });
  }
  const openAIReasoning = preset.reasoningModelRules && isOpenAIReasoningModel(modelId);
  const unsupported = new Set<RequestOptionName>([
    ...preset.unsupportedOptions,
    ...(info?.unsupportedOptions ?? []),
    ...(openAIReasoning ? REASONING_UNSUPPORTED : []),
  ]);
  const warnings: CallWarning[] = [];
  const has = <K extends RequestOptionName>(option: K): boolean => {
    if (request[option] === undefined) return false;
    if (!unsupported.has(option)) return true;
    warnings.push({
      type: 'unsupported-option',
      option,
      details: `${preset.id}/${modelId} does not support "${option}"; it was not sent.`,
    });
    return false;
  };

  const body: ChatBody = { model: modelId, messages: convertToOpenAIMessages(request.messages) };
  const extra: Record<string, unknown> = {};
  if (has('temperature')) body.temperature = request.temperature ?? null;
  if (has('topP')) body.top_p = request.topP ?? null;
  if (has('stop')) body.stop = request.stop ?? null;
  if (has('seed')) extra[preset.seedField] = request.seed;
  if (has('maxTokens')) {
    // Reasoning models count hidden reasoning against the limit and only take the newer field.
    if (openAIReasoning) body.max_completion_tokens = request.maxTokens ?? null;
    else body.max_tokens = request.maxTokens ?? null;
  }
  if (has('tools')) {
    Object.assign(body, prepareTools(request.tools, has('toolChoice') ? request.toolChoice : undefined));
  }
  if (has('responseFormat') && request.responseFormat?.type === 'json') {
    const format = request.responseFormat;
    if (format.schema && preset.jsonSchema) {
      body.response_format = {
        type: 'json_schema',
        json_schema: {
          name: format.name ?? 'response',
          ...(format.description ? { description: format.description } : {}),
          schema: format.schema,
          // Strict mode rejects schemas that do not meet its rules; callers' schemas are taken as given.
          strict: false,
        },
      };
    } else {
      body.response_format = { type: 'json_object' };
      if (format.schema) {
        warnings.push({
          type: 'unsupported-option',
          option: 'responseFormat',
          details: `${preset.displayName} only guarantees JSON, not a schema; the schema was not sent.`,
        });
      }
    }
  }
  const vendor = request.providerOptions?.[preset.id];
  return { body: { ...body, ...extra, ...vendor } as ChatBody, warnings };
}
