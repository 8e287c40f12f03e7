// The user's own message: the prompt, code they referenced (#file, #selection) and attached images.
import type { Message, UserContentPart } from '@switchboard/core';
import { type CodeSnippet, snippetBlock } from './code-snippet.js';

export interface ImageInput {
  data: Uint8Array;
  mimeType: string;
}

export const CHAT_SYSTEM_PROMPT =
  'You are Switchboard, a helpful assistant inside VS Code. Answer in Markdown; put code in fenced ' +
  'code blocks with a language tag. Be concise unless asked for detail.';

export function userMessage(
  prompt: string,
  snippets: readonly CodeSnippet[] = [],
  images: readonly ImageInput[] = [],
): Message {
  const context = snippets.map((snippet) => `Referenced ${snippetBlock(snippet)}`);
  const text = [prompt.trim(), ...context].filter(Boolean).join('\n\n');
  if (images.length === 0) return { role: 'user', content: text };
  const parts: UserContentPart[] = images.map((image) => ({
    type: 'image',
    image: { kind: 'bytes', data: image.data, mimeType: image.mimeType },
  }));
  if (text) parts.unshift({ type: 'text', text });
  return { role: 'user', content: parts };
}

/** The prompt of /describe when the user wrote none. */
export const DEFAULT_DESCRIBE_PROMPT =
  'Describe this image: what it shows, any text in it, and details a developer may need.';
