import type { Message } from '../types/messages.js';
import type { ChatRequest } from '../types/request.js';

/** Framing tokens every message costs (role markers, separators). */
export const TOKENS_PER_MESSAGE = 4;
/** A typical image's prompt cost (OpenAI bills a 1024x1024 high-detail image at 765). */
export const TOKENS_PER_IMAGE = 765;

/**
 * A tokenizer-free estimate: about four characters per token, plus framing per message and a flat
 * cost per image. Tool definitions, tool calls and tool results count as the JSON they travel as.
 * Good enough to filter by context window and compare prices; not a bill.
 */
export function roughPromptTokens(request: ChatRequest): number {
  let chars = 0;
  let images = 0;
  for (const message of request.messages) {
    const counted = countMessage(message);
    chars += counted.chars;
    images += counted.images;
  }
  if (request.tools?.length) chars += jsonLength(request.tools);
  if (request.responseFormat?.type === 'json' && request.responseFormat.schema) {
    chars += jsonLength(request.responseFormat.schema);
  }
  return Math.ceil(chars / 4) + TOKENS_PER_MESSAGE * request.messages.length + TOKENS_PER_IMAGE * images;
}

function countMessage(message: Message): { chars: number; images: number } {
  if (typeof message.content === 'string') return { chars: message.content.length, images: 0 };
  let chars = 0;
  let images = 0;
  for (const part of message.content) {
    switch (part.type) {
      case 'text':
        chars += part.text.length;
        break;
      case 'image':
        images++;
        break;
      case 'tool-call':
        chars += part.name.length + jsonLength(part.args);
        break;
      case 'tool-result':
        chars += jsonLength(part.result);
        break;
    }
  }
  return { chars, images };
}

// JSON.stringify returns undefined for undefined; a malformed part must not crash routing.
const jsonLength = (value: unknown): number => JSON.stringify(value)?.length ?? 0;
