import { type CallWarning, type ChatRequest, SwitchboardError } from '@switchboard/core';
import { convertToLlamaCppHistory } from './convert-to-llamacpp-history.js';
import { PROVIDER_ID } from './llamacpp-settings.js';
import type { WireChatRequest, WireFunction } from './protocol.js';

/**
 * Sampling temperature when the request sets none. node-llama-cpp's own default is 0 (greedy),
 * which sends small local models into loops; 0.8 is the value its documentation suggests.
 */
export const DEFAULT_TEMPERATURE = 0.8;

export interface PreparedRequest {
  wire: WireChatRequest;
  warnings: CallWarning[];
}

/** A core request as the worker takes it, plus what could not be honoured. */
export function prepareLlamaCppRequest(request: ChatRequest, modelId: string): PreparedRequest {
  const warnings: CallWarning[] = [];
  const wire: WireChatRequest = {
    history: convertToLlamaCppHistory(request.messages, modelId),
    temperature: request.temperature ?? DEFAULT_TEMPERATURE,
  };
  if (request.maxTokens !== undefined) {
    if (!Number.isInteger(request.maxTokens) || request.maxTokens < 1) {
      throw invalid(`maxTokens must be a whole number of at least 1, not ${request.maxTokens}.`, modelId);
    }
    wire.maxTokens = request.maxTokens;
  }
  if (request.topP !== undefined) wire.topP = request.topP;
  if (request.seed !== undefined) wire.seed = request.seed;
  if (request.stop?.length) wire.stop = request.stop;

  const tools = request.toolChoice === 'none' ? [] : (request.tools ?? []);
  const choice = request.toolChoice;
  const chosen = typeof choice === 'object' ? tools.filter((tool) => tool.name === choice.name) : tools;
  if (typeof choice === 'object' && chosen.length === 0) {
    throw invalid(`toolChoice names "${choice.name}", which is not among the request's tools.`, modelId);
  }
  if (chosen.length > 0) {
    const functions: Record<string, WireFunction> = {};
    for (const tool of chosen) {
      functions[tool.name] = {
        ...(tool.description === undefined ? {} : { description: tool.description }),
        params: tool.parameters,
      };
    }
    wire.functions = functions;
    if (choice === 'required' || typeof choice === 'object') {
      warnings.push({
        type: 'unsupported-option',
        option: 'toolChoice',
        details: 'llama.cpp offers the tools but cannot force a call; the model may answer in text.',
      });
    }
  }
  if (request.responseFormat?.type === 'json') {
    if (wire.functions) {
      warnings.push({
        type: 'unsupported-option',
        option: 'responseFormat',
        details: 'A JSON grammar cannot be combined with tools in llama.cpp; the tools were kept.',
      });
    } else {
      wire.json = request.responseFormat.schema ? { schema: request.responseFormat.schema } : {};
    }
  }
  applyProviderOptions(wire, request.providerOptions?.[PROVIDER_ID], modelId);
  return { wire, warnings };
}

/** Sampling knobs llama.cpp has beyond the core options: `topK`, `minP`, `repeatPenalty`. */
function applyProviderOptions(
  wire: WireChatRequest,
  options: Record<string, unknown> | undefined,
  modelId: string,
) {
  if (!options) return;
  const number = (key: string): number | undefined => {
    const value = options[key];
    if (value === undefined) return undefined;
    if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) {
      throw invalid(`providerOptions.llamacpp.${key} must be a non-negative number.`, modelId);
    }
    return value;
  };
  const topK = number('topK');
  const minP = number('minP');
  if (topK !== undefined) wire.topK = topK;
  if (minP !== undefined) wire.minP = minP;
  if (options.repeatPenalty === false) wire.repeatPenalty = false;
  else {
    const repeatPenalty = number('repeatPenalty');
    if (repeatPenalty !== undefined) wire.repeatPenalty = repeatPenalty;
  }
}

function invalid(message: string, modelId: string): SwitchboardError {
  return new SwitchboardError('invalid-request', message, {
    provider: PROVIDER_ID,
    model: `${PROVIDER_ID}/${modelId}`,
  });
}
