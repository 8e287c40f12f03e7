import type { Message } from '@anthropic-ai/sdk/resources/messages';
import { type GenerateResult, type JsonValue, SwitchboardError, type ToolCall } from '@switchboard/core';
import { PROVIDER_ID } from './anthropic-error.js';
import { convertAnthropicUsage } from './convert-anthropic-usage.js';
import { mapAnthropicFinishReason } from './map-anthropic-finish-reason.js';
import type { ThinkingParam } from './thinking-memory.js';

export interface TranslatedMessage {
  result: GenerateResult;
  thinking: ThinkingParam[];
}

/**
 * A non-streaming `message` as core's result: text blocks joined, thinking as `reasoning`, client
 * tool calls, usage and finish. Anything that is not a `message` object is an invalid response
 * (a proxy's HTML page answered with 200, say). https://platform.claude.com/docs/en/api/messages
 */
export function translateAnthropicMessage(message: unknown, model: string): TranslatedMessage {
  if (!isMessage(message)) {
    throw new SwitchboardError(
      'invalid-response',
      'Anthropic answered with something that is not a message object.',
      {
        provider: PROVIDER_ID,
        model,
      },
    );
  }
  let text = '';
  let reasoning = '';
  const toolCalls: ToolCall[] = [];
  const thinking: ThinkingParam[] = [];
  for (const block of message.content) {
    if (block.type === 'text') text += block.text;
    else if (block.type === 'thinking') {
      reasoning += block.thinking;
      thinking.push({ type: 'thinking', thinking: block.thinking, signature: block.signature });
    } else if (block.type === 'redacted_thinking')
      thinking.push({ type: 'redacted_thinking', data: block.data });
    else if (block.type === 'tool_use') {
      toolCalls.push({ id: block.id, name: block.name, args: (block.input ?? {}) as JsonValue });
    }
  }
  const metadata: Record<string, unknown> = { id: message.id, model: message.model };
  if (message.stop_sequence) metadata.stopSequence = message.stop_sequence;
  if (message.stop_details) metadata.stopDetails = message.stop_details;
  const result: GenerateResult = {
    text,
    toolCalls,
    usage: convertAnthropicUsage(message.usage),
    finishReason: mapAnthropicFinishReason(message.stop_reason),
    metadata,
  };
  if (reasoning) result.reasoning = reasoning;
  return { result, thinking };
}

function isMessage(value: unknown): value is Message {
  if (typeof value !== 'object' || value === null) return false;
  const candidate = value as Partial<Message>;
  return (
    candidate.type === 'message' &&
    Array.isArray(candidate.content) &&
    typeof candidate.usage === 'object' &&
    candidate.usage !== null
  );
}
