/** JSON values as they travel in tool arguments, tool results and schemas. */
export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };
export type JsonSchema = { [key: string]: JsonValue };

export interface TextPart {
  type: 'text';
  text: string;
}

/** An image either travels inline (bytes + MIME type) or by URL; providers convert as their API needs. */
export type ImageSource =
  | { kind: 'bytes'; data: Uint8Array; mimeType: string }
  | { kind: 'url'; url: string };

export interface ImagePart {
  type: 'image';
  image: ImageSource;
  /** Resolution hint for vendors that accept one (OpenAI `detail`). */
  detail?: 'auto' | 'low' | 'high';
}

export interface ToolCall {
  id: string;
  name: string;
  /** Parsed JSON arguments. */
  args: JsonValue;
}

export interface ToolCallPart extends ToolCall {
  type: 'tool-call';
}

export interface ToolResultPart {
  type: 'tool-result';
  toolCallId: string;
  toolName: string;
  result: JsonValue;
  isError?: boolean;
}

export type UserContentPart = TextPart | ImagePart;
export type AssistantContentPart = TextPart | ToolCallPart;

/** One normalized message shape for every provider. */
export type Message =
  | { role: 'system'; content: string }
  | { role: 'user'; content: string | UserContentPart[] }
  | { role: 'assistant'; content: string | AssistantContentPart[] }
  | { role: 'tool'; content: ToolResultPart[] };

export type Role = Message['role'];

/** The plain text of a message, ignoring images and tool parts. */
export function messageText(message: Message): string {
  if (typeof message.content === 'string') return message.content;
  let text = '';
  for (const part of message.content) if (part.type === 'text') text += part.text;
  return text;
}

export function hasImages(messages: readonly Message[]): boolean {
  return messages.some(
    (m) => m.role === 'user' && typeof m.content !== 'string' && m.content.some((p) => p.type === 'image'),
  );
}
