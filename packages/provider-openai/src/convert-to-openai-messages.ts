import type { ImagePart, JsonValue, Message, ToolResultPart } from '@switchboard/core';
import type {
  ChatCompletionContentPart,
  ChatCompletionMessageParam,
} from 'openai/resources/chat/completions';

/**
 * Core's messages as Chat Completions messages: images as `image_url` parts (bytes become data
 * URLs), assistant tool calls as `tool_calls` with JSON-string arguments, and one `tool` message
 * per tool result. https://platform.openai.com/docs/api-reference/chat/create
 */
export function convertToOpenAIMessages(messages: readonly Message[]): ChatCompletionMessageParam[] {
  const out: ChatCompletionMessageParam[] = [];
  for (const message of messages) {
    switch (message.role) {
      case 'system':
        out.push({ role: 'system', content: message.content });
        break;
      case 'user':
        out.push({ role: 'user', content: userContent(message.content) });
        break;
      case 'assistant': {
        if (typeof message.content === 'string') {
          out.push({ role: 'assistant', content: message.content });
          break;
        }
        let text = '';
        const toolCalls = [];
        for (const part of message.content) {
          if (part.type === 'text') text += part.text;
          else {
            toolCalls.push({
              id: part.id,
              type: 'function' as const,
              function: { name: part.name, arguments: JSON.stringify(part.args) },
            });
          }
        }
        out.push({
          role: 'assistant',
          content: text,
          ...(toolCalls.length ? { tool_calls: toolCalls } : {}),
        });
        break;
      }
      case 'tool':
        for (const part of message.content) out.push(toolMessage(part));
        break;
    }
  }
  return out;
}

/** Plain text stays a string (every compatible server takes that); mixed content becomes parts. */
function userContent(
  content: Extract<Message, { role: 'user' }>['content'],
): string | ChatCompletionContentPart[] {
  if (typeof content === 'string') return content;
  if (content.every((part) => part.type === 'text')) return content.map((part) => part.text).join('');
  return content.map((part) =>
    part.type === 'text'
      ? { type: 'text', text: part.text }
      : { type: 'image_url', image_url: imageUrl(part) },
  );
}

function imageUrl(part: ImagePart): { url: string; detail?: 'auto' | 'low' | 'high' } {
  const url =
    part.image.kind === 'url'
      ? part.image.url
      : `data:${part.image.mimeType};base64,${Buffer.from(part.image.data).toString('base64')}`;
  return part.detail ? { url, detail: part.detail } : { url };
}

function toolMessage(part: ToolResultPart): ChatCompletionMessageParam {
  return { role: 'tool', tool_call_id: part.toolCallId, content: resultText(part.result) };
}

/** Tool results travel as text; structured results as their JSON. */
function resultText(result: JsonValue): string {
  return typeof result === 'string' ? result : JSON.stringify(result);
}
