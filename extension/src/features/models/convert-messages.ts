// VS Code's language-model messages and request options → core's request. Written against the
// parts' shapes, not their classes, so it runs (and is tested) without VS Code.
import type {
  AssistantContentPart,
  JsonSchema,
  JsonValue,
  Message,
  RequestOptions,
  ToolDefinition,
  ToolResultPart,
  UserContentPart,
} from '@switchboard/core';

/**
 * vscode.LanguageModelChatMessageRole: User = 1, Assistant = 2. VS Code also hands providers
 * system prompts with role 3 (its System member is still proposed API), so 3 is read as system.
 */
export const Role = { User: 1, Assistant: 2, System: 3 } as const;

/** vscode.LanguageModelChatToolMode.Required. */
export const TOOL_MODE_REQUIRED = 2;

export interface RequestMessageLike {
  readonly role: number;
  readonly content: ReadonlyArray<unknown>;
}

export interface ResponseOptionsLike {
  readonly modelOptions?: { readonly [name: string]: unknown };
  readonly tools?: ReadonlyArray<{ name: string; description: string; inputSchema?: object | undefined }>;
  readonly toolMode?: number;
}

/** The input parts VS Code sends, recognised by shape. */
export type InputPart =
  | { kind: 'text'; text: string }
  | { kind: 'tool-call'; callId: string; name: string; input: unknown }
  | { kind: 'tool-result'; callId: string; content: readonly unknown[] }
  | { kind: 'data'; mimeType: string; data: Uint8Array };

export function inputPartOf(part: unknown): InputPart | undefined {
  if (typeof part !== 'object' || part === null) return undefined;
  const p = part as Record<string, unknown>;
  if (typeof p.callId === 'string' && typeof p.name === 'string' && 'input' in p) {
    return { kind: 'tool-call', callId: p.callId, name: p.name, input: p.input };
  }
  if (typeof p.callId === 'string' && Array.isArray(p.content)) {
    return { kind: 'tool-result', callId: p.callId, content: p.content };
  }
  if (typeof p.mimeType === 'string' && p.data instanceof Uint8Array) {
    return { kind: 'data', mimeType: p.mimeType, data: p.data };
  }
  // A prompt-tsx part also has `value`, but not a string one.
  if (typeof p.value === 'string') return { kind: 'text', text: p.value };
  return undefined;
}

/**
 * Converts a conversation. A VS Code user message may carry tool results and text together; core
 * wants the results in a `tool` message, so they come first and the text follows as a user message.
 */
export function toCoreMessages(messages: readonly RequestMessageLike[]): Message[] {
  const out: Message[] = [];
  // Tool results in VS Code carry only the call id; core (and Gemini) want the tool's name too.
  const toolNames = new Map<string, string>();
  for (const message of messages) {
    const parts = message.content.flatMap((part) => inputPartOf(part) ?? []);
    if (message.role === Role.Assistant) {
      const content = assistantContent(parts, toolNames);
      if (content.length > 0) out.push({ role: 'assistant', content: simplify(content) });
    } else if (message.role === Role.System) {
      const text = parts.flatMap((part) => (part.kind === 'text' ? [part.text] : [])).join('');
      if (text) out.push({ role: 'system', content: text });
    } else {
      const results = parts.flatMap((part) =>
        part.kind === 'tool-result' ? [toolResult(part.callId, part.content, toolNames)] : [],
      );
      if (results.length > 0) out.push({ role: 'tool', content: results });
      const content = userContent(parts);
      if (content.length > 0) out.push({ role: 'user', content: simplify(content) });
    }
  }
  return out;
}

function assistantContent(
  parts: readonly InputPart[],
  toolNames: Map<string, string>,
): AssistantContentPart[] {
  const content: AssistantContentPart[] = [];
  for (const part of parts) {
    if (part.kind === 'text' && part.text) content.push({ type: 'text', text: part.text });
    else if (part.kind === 'tool-call') {
      toolNames.set(part.callId, part.name);
      content.push({ type: 'tool-call', id: part.callId, name: part.name, args: jsonValue(part.input) });
    }
    // Data parts in assistant messages are other extensions' bookkeeping (cache markers...): skipped.
  }
  return content;
}

function userContent(parts: readonly InputPart[]): UserContentPart[] {
  const content: UserContentPart[] = [];
  for (const part of parts) {
    if (part.kind === 'text' && part.text) content.push({ type: 'text', text: part.text });
    else if (part.kind === 'data' && part.mimeType.startsWith('image/')) {
      content.push({ type: 'image', image: { kind: 'bytes', data: part.data, mimeType: part.mimeType } });
    }
  }
  return content;
}

/** A tool's result as the text it produced: text parts, and text or JSON data parts, joined. */
function toolResult(
  callId: string,
  content: readonly unknown[],
  toolNames: Map<string, string>,
): ToolResultPart {
  const texts: string[] = [];
  for (const item of content) {
    const part = inputPartOf(item);
    if (part?.kind === 'text') texts.push(part.text);
    else if (part?.kind === 'data' && isTextual(part.mimeType))
      texts.push(new TextDecoder().decode(part.data));
  }
  return {
    type: 'tool-result',
    toolCallId: callId,
    toolName: toolNames.get(callId) ?? 'tool',
    result: texts.join(''),
  };
}

function isTextual(mimeType: string): boolean {
  return mimeType.startsWith('text/') || mimeType === 'application/json' || mimeType.endsWith('+json');
}

/** Text-only content as a plain string: the simplest shape for every provider. */
function simplify<T extends { type: string }>(content: T[]): string | T[] {
  return content.every((part) => part.type === 'text')
    ? content.map((part) => (part as unknown as { text: string }).text).join('')
    : content;
}

/** Tool inputs arrive as objects; a string is parsed when it is JSON (some callers pass the raw text). */
function jsonValue(input: unknown): JsonValue {
  if (typeof input === 'string') {
    try {
      return JSON.parse(input) as JsonValue;
    } catch {
      return input;
    }
  }
  try {
    // A JSON round trip drops what a tool input cannot carry (undefined, functions).
    return (JSON.parse(JSON.stringify(input ?? {})) as JsonValue | undefined) ?? {};
  } catch {
    return {};
  }
}

/** Tools, tool mode and the model options VS Code callers pass (OpenAI-style or camelCase names). */
export function toRequestOptions(options: ResponseOptionsLike): RequestOptions {
  const tools: ToolDefinition[] = (options.tools ?? []).map((tool) => ({
    name: tool.name,
    ...(tool.description ? { description: tool.description } : {}),
    parameters: (tool.inputSchema as JsonSchema | undefined) ?? { type: 'object', properties: {} },
  }));
  const model = options.modelOptions ?? {};
  const temperature = finite(model.temperature);
  const topP = finite(model.top_p ?? model.topP);
  const maxTokens = positiveInteger(
    model.max_tokens ?? model.maxTokens ?? model.max_output_tokens ?? model.maxOutputTokens,
  );
  const seed = finite(model.seed);
  const stop = stopSequences(model.stop);
  return {
    ...(tools.length > 0 ? { tools } : {}),
    ...(tools.length > 0 && options.toolMode === TOOL_MODE_REQUIRED
      ? { toolChoice: 'required' as const }
      : {}),
    ...(temperature !== undefined ? { temperature } : {}),
    ...(topP !== undefined ? { topP } : {}),
    ...(maxTokens !== undefined ? { maxTokens } : {}),
    ...(seed !== undefined ? { seed: Math.round(seed) } : {}),
    ...(stop ? { stop } : {}),
  };
}

function finite(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}

function positiveInteger(value: unknown): number | undefined {
  const n = finite(value);
  return n !== undefined && n >= 1 ? Math.floor(n) : undefined;
}

function stopSequences(value: unknown): string[] | undefined {
  const list = typeof value === 'string' ? [value] : Array.isArray(value) ? value : [];
  const stops = list.filter((item): item is string => typeof item === 'string' && item.length > 0);
  return stops.length > 0 ? stops : undefined;
}
