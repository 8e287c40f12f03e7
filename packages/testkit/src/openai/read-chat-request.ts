import type { NeutralChatRequest, NeutralMessage } from '../server-types.js';

/**
 * Reads a Chat Completions request body in vendor-neutral terms.
 * Request shape: https://platform.openai.com/docs/api-reference/chat/create
 */
export function readChatRequest(body: unknown, deployment?: string): NeutralChatRequest {
  const request = isRecord(body) ? body : {};
  const system: string[] = [];
  const messages: NeutralMessage[] = [];
  for (const raw of asArray(request.messages)) {
    if (!isRecord(raw)) continue;
    const role = raw.role;
    // `developer` replaces `system` for reasoning models; both are instructions.
    if (role === 'system' || role === 'developer') system.push(textOf(raw.content));
    else if (role === 'user') messages.push(readUser(raw.content));
    else if (role === 'assistant') messages.push(readAssistant(raw));
    else if (role === 'tool') messages.push(readToolResult(raw));
  }
  const neutral: NeutralChatRequest = {
    model: typeof request.model === 'string' ? request.model : (deployment ?? ''),
    stream: request.stream === true,
    messages,
    tools: asArray(request.tools).flatMap((tool) =>
      isRecord(tool) && isRecord(tool.function) && typeof tool.function.name === 'string'
        ? [tool.function.name]
        : [],
    ),
  };
  if (system.length) neutral.system = system.join('\n\n');
  const maxTokens = request.max_completion_tokens ?? request.max_tokens;
  if (typeof maxTokens === 'number') neutral.maxTokens = maxTokens;
  if (typeof request.temperature === 'number') neutral.temperature = request.temperature;
  if (typeof request.top_p === 'number') neutral.topP = request.top_p;
  if (typeof request.stop === 'string') neutral.stop = [request.stop];
  else if (Array.isArray(request.stop)) neutral.stop = request.stop.filter((s) => typeof s === 'string');
  const format = isRecord(request.response_format) ? request.response_format : undefined;
  if (format?.type === 'json_object' || format?.type === 'json_schema') neutral.json = true;
  if (format?.type === 'json_schema' && isRecord(format.json_schema)) {
    neutral.jsonSchema = format.json_schema.schema;
  }
  return neutral;
}

function emptyMessage(role: NeutralMessage['role']): NeutralMessage {
  return { role, text: '', images: [], toolCalls: [], toolResults: [] };
}

function readUser(content: unknown): NeutralMessage {
  const message = emptyMessage('user');
  if (typeof content === 'string') {
    message.text = content;
    return message;
  }
  for (const part of asArray(content)) {
    if (!isRecord(part)) continue;
    if (part.type === 'text' && typeof part.text === 'string') message.text += part.text;
    if (part.type === 'image_url' && isRecord(part.image_url) && typeof part.image_url.url === 'string') {
      message.images.push(readImageUrl(part.image_url.url));
    }
  }
  return message;
}

/** `data:image/png;base64,AAAA` is inline data; anything else a URL the vendor fetches. */
function readImageUrl(url: string): { base64: string; mimeType: string } | { url: string } {
  const match = /^data:([^;,]+);base64,(.*)$/s.exec(url);
  return match ? { mimeType: match[1] ?? '', base64: match[2] ?? '' } : { url };
}

function readAssistant(raw: Record<string, unknown>): NeutralMessage {
  const message = emptyMessage('assistant');
  message.text = textOf(raw.content);
  for (const call of asArray(raw.tool_calls)) {
    if (!isRecord(call) || !isRecord(call.function)) continue;
    const name = typeof call.function.name === 'string' ? call.function.name : '';
    const args = typeof call.function.arguments === 'string' ? parseJson(call.function.arguments) : undefined;
    message.toolCalls.push({ ...(typeof call.id === 'string' ? { id: call.id } : {}), name, args });
  }
  return message;
}

function readToolResult(raw: Record<string, unknown>): NeutralMessage {
  const message = emptyMessage('tool');
  message.toolResults.push({
    ...(typeof raw.tool_call_id === 'string' ? { id: raw.tool_call_id } : {}),
    content: textOf(raw.content),
  });
  return message;
}

/** A message's content as text: a string, or its text parts joined. */
function textOf(content: unknown): string {
  if (typeof content === 'string') return content;
  return asArray(content)
    .map((part) => (isRecord(part) && typeof part.text === 'string' ? part.text : ''))
    .join('');
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

function asArray(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
