import {
  type AssistantContentPart,
  type JsonValue,
  type Message,
  SwitchboardError,
  type ToolResultPart,
  type UserContentPart,
} from '@switchboard/core';
import type { Message as SdkMessage, ToolCall as SdkToolCall } from 'ollama';
import { fetchImage } from './fetch-image.js';

/** Newer servers also take the id of the call a tool result answers (api/types.go `Message`). */
export type OllamaMessage = SdkMessage & { tool_call_id?: string; tool_calls?: OllamaToolCall[] };

/** Newer servers send an id and index with each call; older ones only the function. */
export type OllamaToolCall = SdkToolCall & {
  id?: string;
  function: SdkToolCall['function'] & { index?: number };
};

function argumentsObject(args: JsonValue, name: string): Record<string, JsonValue> {
  if (typeof args === 'object' && args !== null && !Array.isArray(args)) return args;
  throw new SwitchboardError(
    'invalid-request',
    `Ollama takes tool-call arguments as a JSON object; the call to "${name}" in the history has ${JSON.stringify(args)}.`,
    { provider: 'ollama' },
  );
}

async function userMessage(parts: UserContentPart[], signal: AbortSignal): Promise<OllamaMessage> {
  // Ollama keeps images in one array beside the text, so their position within the text is lost.
  const text = parts.flatMap((part) => (part.type === 'text' ? [part.text] : [])).join('');
  const images = await Promise.all(
    parts.flatMap((part) => {
      if (part.type !== 'image') return [];
      const { image } = part;
      return [image.kind === 'bytes' ? Promise.resolve(image.data) : fetchImage(image.url, signal)];
    }),
  );
  return images.length ? { role: 'user', content: text, images } : { role: 'user', content: text };
}

function assistantMessage(parts: AssistantContentPart[]): OllamaMessage {
  let content = '';
  const calls: OllamaToolCall[] = [];
  for (const part of parts) {
    if (part.type === 'text') content += part.text;
    else
      calls.push({
        id: part.id,
        function: { name: part.name, arguments: argumentsObject(part.args, part.name) },
      });
  }
  return calls.length ? { role: 'assistant', content, tool_calls: calls } : { role: 'assistant', content };
}

function toolMessage(part: ToolResultPart): OllamaMessage {
  const text = typeof part.result === 'string' ? part.result : JSON.stringify(part.result);
  return {
    role: 'tool',
    content: part.isError ? `Error: ${text}` : text,
    // tool_name is what Ollama's templates use; tool_call_id pairs the result on newer servers.
    tool_name: part.toolName,
    tool_call_id: part.toolCallId,
  };
}

/**
 * Core messages as /api/chat messages
 * (https://github.com/ollama/ollama/blob/main/docs/api.md#generate-a-chat-completion): images as
 * bytes (the client base64-encodes them), URL images downloaded first, one tool message per result.
 */
export async function convertToOllamaMessages(
  messages: readonly Message[],
  signal: AbortSignal,
): Promise<OllamaMessage[]> {
  const converted = await Promise.all(
    messages.map(async (message): Promise<OllamaMessage[]> => {
      switch (message.role) {
        case 'system':
          return [{ role: 'system', content: message.content }];
        case 'user':
          return typeof message.content === 'string'
            ? [{ role: 'user', content: message.content }]
            : [await userMessage(message.content, signal)];
        case 'assistant':
          return typeof message.content === 'string'
            ? [{ role: 'assistant', content: message.content }]
            : [assistantMessage(message.content)];
        case 'tool':
          return message.content.map(toolMessage);
      }
    }),
  );
  return converted.flat();
}
