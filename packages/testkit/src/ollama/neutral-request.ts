import type { NeutralChatRequest, NeutralMessage } from '../server-types.js';

type Json = Record<string, unknown>;

const isRecord = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const asString = (value: unknown): string => (typeof value === 'string' ? value : '');

const asNumber = (value: unknown): number | undefined => (typeof value === 'number' ? value : undefined);

/** Ollama carries images as bare base64 (no MIME type), so the type is read from the magic bytes. */
export function sniffImageType(base64: string): string {
  const head = Buffer.from(base64.slice(0, 24), 'base64');
  if (head[0] === 0x89 && head[1] === 0x50 && head[2] === 0x4e && head[3] === 0x47) return 'image/png';
  if (head[0] === 0xff && head[1] === 0xd8) return 'image/jpeg';
  if (head.subarray(0, 3).toString('latin1') === 'GIF') return 'image/gif';
  if (head.subarray(0, 4).toString('latin1') === 'RIFF' && head.subarray(8, 12).toString('latin1') === 'WEBP')
    return 'image/webp';
  return 'application/octet-stream';
}

function toolCallsOf(message: Json): NeutralMessage['toolCalls'] {
  const calls = Array.isArray(message.tool_calls) ? message.tool_calls : [];
  return calls.filter(isRecord).map((call) => {
    const fn = isRecord(call.function) ? call.function : {};
    return {
      ...(typeof call.id === 'string' ? { id: call.id } : {}),
      name: asString(fn.name),
      args: fn.arguments,
    };
  });
}

function neutralMessage(message: Json): NeutralMessage | undefined {
  const role = message.role;
  if (role !== 'user' && role !== 'assistant' && role !== 'tool') return undefined;
  const images = (Array.isArray(message.images) ? message.images : [])
    .filter((image): image is string => typeof image === 'string')
    .map((base64) => ({ base64, mimeType: sniffImageType(base64) }));
  if (role === 'tool') {
    const result = {
      ...(typeof message.tool_call_id === 'string' ? { id: message.tool_call_id } : {}),
      ...(typeof message.tool_name === 'string' ? { name: message.tool_name } : {}),
      content: asString(message.content),
    };
    return { role, text: '', images, toolCalls: [], toolResults: [result] };
  }
  return { role, text: asString(message.content), images, toolCalls: toolCallsOf(message), toolResults: [] };
}

/**
 * Reads an /api/chat body (https://github.com/ollama/ollama/blob/main/docs/api.md#generate-a-chat-completion)
 * in vendor-neutral terms. `stream` defaults to true on Ollama.
 */
export function neutralChatRequest(body: unknown): NeutralChatRequest {
  const request = isRecord(body) ? body : {};
  const messages = (Array.isArray(request.messages) ? request.messages : []).filter(isRecord);
  const system = messages.filter((m) => m.role === 'system').map((m) => asString(m.content));
  const options = isRecord(request.options) ? request.options : {};
  const tools = (Array.isArray(request.tools) ? request.tools : [])
    .filter(isRecord)
    .map((tool) => (isRecord(tool.function) ? asString(tool.function.name) : ''));
  const neutral: NeutralChatRequest = {
    model: asString(request.model),
    stream: request.stream !== false,
    messages: messages.map(neutralMessage).filter((m): m is NeutralMessage => m !== undefined),
    tools,
  };
  if (system.length) neutral.system = system.join('\n\n');
  const maxTokens = asNumber(options.num_predict);
  if (maxTokens !== undefined) neutral.maxTokens = maxTokens;
  const temperature = asNumber(options.temperature);
  if (temperature !== undefined) neutral.temperature = temperature;
  const topP = asNumber(options.top_p);
  if (topP !== undefined) neutral.topP = topP;
  if (Array.isArray(options.stop))
    neutral.stop = options.stop.filter((s): s is string => typeof s === 'string');
  if (request.format === 'json') neutral.json = true;
  else if (isRecord(request.format)) {
    neutral.json = true;
    neutral.jsonSchema = request.format;
  }
  return neutral;
}
