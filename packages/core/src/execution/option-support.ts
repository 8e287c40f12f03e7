import type { ModelInfo } from '../types/models.js';
import type { ChatRequest } from '../types/request.js';
import type { CallWarning } from '../types/stream.js';

/**
 * Removes options the model does not support and reports each as a warning, so the caller learns
 * what was not honoured instead of the option vanishing silently or the call failing.
 */
export function fitRequestToModel(
  request: ChatRequest,
  info: ModelInfo | undefined,
): { request: ChatRequest; warnings: CallWarning[] } {
  if (!info) return { request, warnings: [] };
  const warnings: CallWarning[] = [];
  let fitted: ChatRequest = request;
  for (const option of info.unsupportedOptions ?? []) {
    if (fitted[option] === undefined) continue;
    if (fitted === request) fitted = { ...request };
    delete fitted[option];
    warnings.push({
      type: 'unsupported-option',
      option,
      details: `${info.id} does not support "${option}"; it was not sent.`,
    });
  }
  if (
    info.maxOutputTokens !== undefined &&
    fitted.maxTokens !== undefined &&
    fitted.maxTokens > info.maxOutputTokens
  ) {
    warnings.push({
      type: 'unsupported-option',
      option: 'maxTokens',
      details: `${info.id} writes at most ${info.maxOutputTokens} tokens; maxTokens ${fitted.maxTokens} was lowered to that.`,
    });
    fitted = { ...fitted, maxTokens: info.maxOutputTokens };
  }
  return { request: fitted, warnings };
}
