import type {
  Base64ImageSource,
  ContentBlockParam,
  ImageBlockParam,
  MessageParam,
  ToolResultBlockParam,
} from '@anthropic-ai/sdk/resources/messages';
import {
  type AssistantContentPart,
  type ImagePart,
  type Message,
  SwitchboardError,
  type ToolResultPart,
  type UserContentPart,
} from '@switchboard/core';
import { PROVIDER_ID } from './anthropic-error.js';
import type { ThinkingParam } from './thinking-memory.js';

export interface AnthropicPrompt {
  /** System messages, in order; they go in the top-level `system` field. */
  system: string[];
  messages: MessageParam[];
}

export interface ConvertOptions {
  /** The thinking an earlier answer had before these tool calls, to hand back (see ThinkingMemory). */
  thinkingFor?: (toolCallIds: string[]) => ThinkingParam[] | undefined;
}

type Turn = { role: 'user' | 'assistant'; content: ContentBlockParam[] };

const IMAGE_TYPES = new Set<string>(['image/jpeg', 'image/png', 'image/gif', 'image/webp']);

/**
 * Core messages to the Messages API: system messages move to `system`; tool results travel in a
 * user turn; consecutive turns of one role are merged into one (the API wants user and assistant
 * to alternate), with tool results first in their turn; empty text is dropped (the API rejects
 * empty text blocks). https://platform.claude.com/docs/en/api/messages ,
 * https://platform.claude.com/docs/en/agents-and-tools/tool-use/handle-tool-calls
 */
export function convertToAnthropicMessages(
  messages: readonly Message[],
  options: ConvertOptions = {},
): AnthropicPrompt {
  const system: string[] = [];
  const turns: Turn[] = [];
  const push = (role: Turn['role'], content: ContentBlockParam[]) => {
    if (content.length === 0) return;
    const last = turns.at(-1);
    if (last?.role === role) last.content.push(...content);
    else turns.push({ role, content });
  };
  for (const message of messages) {
    switch (message.role) {
      case 'system':
        if (message.content.trim() !== '') system.push(message.content);
        break;
      case 'user':
        push('user', userBlocks(message.content));
        break;
      case 'assistant':
        push('assistant', assistantBlocks(message.content, options));
        break;
      case 'tool':
        push('user', message.content.map(toolResultBlock));
        break;
    }
  }
  return { system, messages: turns.map(toolResultsFirst) };
}

function userBlocks(content: string | UserContentPart[]): ContentBlockParam[] {
  if (typeof content === 'string') return textBlock(content);
  return content.flatMap((part) => (part.type === 'text' ? textBlock(part.text) : [imageBlock(part)]));
}

function assistantBlocks(
  content: string | AssistantContentPart[],
  options: ConvertOptions,
): ContentBlockParam[] {
  if (typeof content === 'string') return textBlock(content);
  const blocks: ContentBlockParam[] = [];
  const toolCallIds: string[] = [];
  for (const part of content) {
    if (part.type === 'text') blocks.push(...textBlock(part.text));
    else {
      toolCallIds.push(part.id);
      blocks.push({ type: 'tool_use', id: part.id, name: part.name, input: part.args });
    }
  }
  const thinking = toolCallIds.length > 0 ? options.thinkingFor?.(toolCallIds) : undefined;
  return thinking ? [...thinking, ...blocks] : blocks;
}

function textBlock(text: string): ContentBlockParam[] {
  return text === '' ? [] : [{ type: 'text', text }];
}

/** Tool results are text to the model: strings as they are, anything else as JSON. */
function toolResultBlock(part: ToolResultPart): ToolResultBlockParam {
  return {
    type: 'tool_result',
    tool_use_id: part.toolCallId,
    content: typeof part.result === 'string' ? part.result : JSON.stringify(part.result),
    ...(part.isError ? { is_error: true } : {}),
  };
}

/** Images by bytes (base64) or by URL; `data:` URLs are sent as the bytes they hold. */
function imageBlock(part: ImagePart): ImageBlockParam {
  const image = part.image;
  if (image.kind === 'bytes') return base64Image(image.mimeType, Buffer.from(image.data).toString('base64'));
  const dataUrl = /^data:([^;,]+);base64,(.*)$/s.exec(image.url);
  if (dataUrl) return base64Image(dataUrl[1] ?? '', dataUrl[2] ?? '');
  return { type: 'image', source: { type: 'url', url: image.url } };
}

function base64Image(mimeType: string, data: string): ImageBlockParam {
  if (!IMAGE_TYPES.has(mimeType)) {
    throw new SwitchboardError(
      'invalid-request',
      `Anthropic does not accept ${mimeType || 'untyped'} images.`,
      {
        provider: PROVIDER_ID,
        hint: 'Send the image as JPEG, PNG, GIF or WebP.',
      },
    );
  }
  return {
    type: 'image',
    source: { type: 'base64', media_type: mimeType as Base64ImageSource['media_type'], data },
  };
}

/** In a user turn, tool_result blocks must come before any text. */
function toolResultsFirst(turn: Turn): MessageParam {
  if (turn.role === 'assistant') return { role: 'assistant', content: turn.content };
  const results = turn.content.filter((block) => block.type === 'tool_result');
  const rest = turn.content.filter((block) => block.type !== 'tool_result');
  return { role: 'user', content: [...results, ...rest] };
}
