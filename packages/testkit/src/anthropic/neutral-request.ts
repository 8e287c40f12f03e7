import type { NeutralChatRequest, NeutralMessage } from '../server-types.js';
import { blocksOf, isRecord, type WireBlock, type WireRequestBody } from './wire.js';

/**
 * Reads a Messages API request body in vendor-neutral terms. Anthropic carries tool results inside
 * `user` turns; they read as a `tool` message (followed by a `user` message for any text or images
 * in the same turn), as core's message model has them.
 * https://platform.claude.com/docs/en/api/messages
 */
export function neutralChatRequest(body: WireRequestBody): NeutralChatRequest {
  const toolNames = new Map<string, string>();
  const messages: NeutralMessage[] = [];
  for (const message of Array.isArray(body.messages) ? body.messages : []) {
    if (!isRecord(message)) continue;
    const blocks = blocksOf(message.content);
    if (message.role === 'assistant') {
      for (const block of blocks) {
        if (block.type === 'tool_use') toolNames.set(String(block.id), String(block.name));
      }
      messages.push(neutralMessage('assistant', blocks));
      continue;
    }
    const results = blocks.filter((block) => block.type === 'tool_result');
    if (results.length > 0) {
      messages.push({
        ...neutralMessage('tool', []),
        toolResults: results.map((block) => ({
          id: String(block.tool_use_id),
          ...(toolNames.has(String(block.tool_use_id))
            ? { name: toolNames.get(String(block.tool_use_id)) }
            : {}),
          content: toolResultText(block.content),
        })),
      });
    }
    const rest = blocks.filter((block) => block.type !== 'tool_result');
    if (rest.length > 0 || results.length === 0) messages.push(neutralMessage('user', rest));
  }
  const outputFormat = isRecord(body.output_config) ? body.output_config.format : undefined;
  const request: NeutralChatRequest = {
    model: String(body.model ?? ''),
    stream: body.stream === true,
    messages,
    tools: Array.isArray(body.tools) ? body.tools.filter(isRecord).map((tool) => String(tool.name)) : [],
  };
  const system = systemText(body.system);
  if (system !== undefined) request.system = system;
  if (typeof body.max_tokens === 'number') request.maxTokens = body.max_tokens;
  if (typeof body.temperature === 'number') request.temperature = body.temperature;
  if (typeof body.top_p === 'number') request.topP = body.top_p;
  if (Array.isArray(body.stop_sequences)) request.stop = body.stop_sequences.map(String);
  if (isRecord(outputFormat) && outputFormat.type === 'json_schema') {
    request.json = true;
    request.jsonSchema = outputFormat.schema;
  }
  return request;
}

function neutralMessage(role: NeutralMessage['role'], blocks: WireBlock[]): NeutralMessage {
  const message: NeutralMessage = { role, text: '', images: [], toolCalls: [], toolResults: [] };
  for (const block of blocks) {
    if (block.type === 'text') message.text += String(block.text ?? '');
    if (block.type === 'image' && isRecord(block.source)) {
      const source = block.source;
      if (source.type === 'base64') {
        message.images.push({ base64: String(source.data), mimeType: String(source.media_type) });
      } else if (source.type === 'url') {
        message.images.push({ url: String(source.url) });
      }
    }
    if (block.type === 'tool_use') {
      message.toolCalls.push({ id: String(block.id), name: String(block.name), args: block.input });
    }
  }
  return message;
}

/** `system` is a string or an array of text blocks. */
function systemText(system: unknown): string | undefined {
  if (typeof system === 'string') return system;
  if (!Array.isArray(system)) return undefined;
  return blocksOf(system)
    .map((block) => String(block.text ?? ''))
    .join('\n');
}

/** `tool_result.content` is a string or an array of content blocks; text blocks are joined. */
function toolResultText(content: unknown): string {
  if (content === undefined) return '';
  if (typeof content === 'string') return content;
  return blocksOf(content)
    .map((block) => (block.type === 'text' ? String(block.text ?? '') : JSON.stringify(block)))
    .join('');
}
