import { type CallWarning, type GenerateResult, SwitchboardError, type ToolCall } from '@switchboard/core';
import type { ChatCompletion } from 'openai/resources/chat/completions';
import { convertOpenAIUsage } from './convert-openai-usage.js';
import { finishWithToolCalls, mapOpenAIFinishReason } from './map-openai-finish-reason.js';
import { parseToolArguments } from './parse-tool-arguments.js';
import { reasoningTextOf } from './reasoning-text.js';

/** A non-streaming `chat.completion` as core's result. https://platform.openai.com/docs/api-reference/chat/object */
export function convertOpenAICompletion(
  completion: ChatCompletion,
  origin: { provider: string; model: string },
  warnings: CallWarning[],
): GenerateResult {
  const choice = completion.choices?.[0];
  if (!choice) {
    throw new SwitchboardError('invalid-response', `${origin.model} answered without a choice.`, origin);
  }
  const { message } = choice;
  const toolCalls: ToolCall[] = [];
  for (const call of message.tool_calls ?? []) {
    if (call.type !== 'function') continue; // custom (grammar) tools are not part of core's contract
    const args = parseToolArguments(call.function.arguments, { ...origin, tool: call.function.name });
    toolCalls.push({ id: call.id, name: call.function.name, args });
  }
  const reasoning = reasoningTextOf(message);
  const result: GenerateResult = {
    // A refusal replaces the content when the model declines (structured outputs).
    text: message.content ?? message.refusal ?? '',
    toolCalls,
    usage: convertOpenAIUsage(completion.usage),
    finishReason: finishWithToolCalls(mapOpenAIFinishReason(choice.finish_reason), toolCalls.length),
    metadata: responseMetadata(completion),
  };
  if (reasoning !== undefined) result.reasoning = reasoning;
  if (warnings.length) result.warnings = warnings;
  return result;
}

/** Facts worth keeping from a completion or its first chunk. */
export function responseMetadata(response: {
  id?: string;
  model?: string;
  system_fingerprint?: string | undefined;
}): Record<string, unknown> {
  const metadata: Record<string, unknown> = {};
  if (response.id) metadata.responseId = response.id;
  if (response.model) metadata.servedModel = response.model;
  if (response.system_fingerprint) metadata.systemFingerprint = response.system_fingerprint;
  return metadata;
}
