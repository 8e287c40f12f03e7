import type { RecordedRequest } from '../server-types.js';
import { blocksOf, CURRENT_API_VERSION, isRecord, type WireBlock } from './wire.js';

/** Why the API would reject a request before generating: an HTTP status and Anthropic's error type. */
export interface Rejection {
  status: number;
  type: string;
  message: string;
}

const IMAGE_TYPES = new Set(['image/jpeg', 'image/png', 'image/gif', 'image/webp']);

/** The key a request carries: `x-api-key` (the documented header) or `Authorization: Bearer` (what SDK 1.x sends). */
export function apiKeyOf(request: RecordedRequest): string | undefined {
  const header = request.headers['x-api-key'];
  if (header) return header;
  const match = /^Bearer\s+(.+)$/i.exec(request.headers.authorization ?? '');
  return match?.[1];
}

const reject = (status: number, type: string, message: string): Rejection => ({ status, type, message });

/**
 * Header checks every endpoint makes: an API key (and the expected one, when the server was given
 * one) and `anthropic-version`. https://platform.claude.com/docs/en/api/overview ,
 * https://platform.claude.com/docs/en/api/versioning
 */
export function checkHeaders(
  request: RecordedRequest,
  expectedKey: string | undefined,
): Rejection | undefined {
  const key = apiKeyOf(request);
  if (!key) return reject(401, 'authentication_error', 'x-api-key header is required');
  if (expectedKey !== undefined && key !== expectedKey) {
    return reject(401, 'authentication_error', 'invalid x-api-key');
  }
  if (!request.headers['anthropic-version']) {
    return reject(400, 'invalid_request_error', 'anthropic-version: header is required');
  }
  return undefined;
}

/** Body checks of POST /v1/messages (and count_tokens, which takes no `max_tokens`). */
export function checkMessagesBody(request: RecordedRequest, countOnly: boolean): Rejection | undefined {
  const body = request.body;
  if (!isRecord(body)) return reject(400, 'invalid_request_error', 'The request body is not valid JSON.');
  if (typeof body.model !== 'string') return reject(400, 'invalid_request_error', 'model: Field required');
  if (!countOnly && typeof body.max_tokens !== 'number') {
    return reject(400, 'invalid_request_error', 'max_tokens: Field required');
  }
  // API version 2026-10-21 removed the sampling parameters: a request that sends any returns a 400.
  // https://platform.claude.com/docs/en/api/versioning
  if (request.headers['anthropic-version'] === CURRENT_API_VERSION) {
    for (const name of ['temperature', 'top_p', 'top_k']) {
      if (name in body) {
        return reject(
          400,
          'invalid_request_error',
          `${name}: This parameter is not supported in API version ${CURRENT_API_VERSION}.`,
        );
      }
    }
  }
  const messages = Array.isArray(body.messages) ? body.messages.filter(isRecord) : [];
  if (messages.length === 0)
    return reject(400, 'invalid_request_error', 'messages: at least one message is required');
  return (
    checkImages(messages) ??
    checkToolPairs(messages) ??
    (countOnly ? undefined : checkThinking(body, messages))
  );
}

function checkImages(messages: Array<Record<string, unknown>>): Rejection | undefined {
  for (const [i, message] of messages.entries()) {
    for (const [j, block] of blocksOf(message.content).entries()) {
      if (block.type !== 'image' || !isRecord(block.source)) continue;
      const source = block.source;
      if (source.type === 'base64' && !IMAGE_TYPES.has(String(source.media_type))) {
        return reject(
          400,
          'invalid_request_error',
          `messages.${i}.content.${j}.image.source.base64.media_type: Input should be 'image/jpeg', 'image/png', 'image/gif' or 'image/webp'`,
        );
      }
    }
  }
  return undefined;
}

/**
 * Every `tool_use` must be answered by a `tool_result` in the very next (user) turn, and every
 * `tool_result` must answer a `tool_use` of the turn before.
 * https://platform.claude.com/docs/en/agents-and-tools/tool-use/handle-tool-calls
 */
function checkToolPairs(messages: Array<Record<string, unknown>>): Rejection | undefined {
  for (const [i, message] of messages.entries()) {
    const previous = messages[i - 1];
    const asked = new Set(
      previous?.role === 'assistant' ? idsOf(blocksOf(previous.content), 'tool_use', 'id') : [],
    );
    const answered = idsOf(blocksOf(message.content), 'tool_result', 'tool_use_id');
    const stray = answered.filter((id) => !asked.has(id));
    if (stray.length > 0) {
      return reject(
        400,
        'invalid_request_error',
        `messages.${i}.content: unexpected \`tool_use_id\` found in \`tool_result\` blocks: ${stray.join(', ')}. Each \`tool_result\` block must have a corresponding \`tool_use\` block in the previous message.`,
      );
    }
    if (message.role !== 'assistant') continue;
    const next = messages[i + 1];
    const pending = idsOf(blocksOf(message.content), 'tool_use', 'id');
    if (pending.length === 0 || next === undefined) continue;
    const results = new Set(
      next.role === 'user' ? idsOf(blocksOf(next.content), 'tool_result', 'tool_use_id') : [],
    );
    const missing = pending.filter((id) => !results.has(id));
    if (missing.length > 0) {
      return reject(
        400,
        'invalid_request_error',
        `messages.${i}: \`tool_use\` ids were found without \`tool_result\` blocks immediately after: ${missing.join(', ')}. Each \`tool_use\` block must have a corresponding \`tool_result\` block in the next message.`,
      );
    }
  }
  return undefined;
}

function idsOf(blocks: WireBlock[], type: string, field: string): string[] {
  return blocks.filter((block) => block.type === type).map((block) => String(block[field]));
}

/**
 * Extended thinking: a budget of at least 1,024 tokens below `max_tokens`, and with tools, the last
 * assistant turn must hand its thinking back first, with the signature the API gave it.
 * https://platform.claude.com/docs/en/build-with-claude/extended-thinking
 */
function checkThinking(
  body: Record<string, unknown>,
  messages: Array<Record<string, unknown>>,
): Rejection | undefined {
  const thinking = body.thinking;
  if (!isRecord(thinking) || thinking.type === 'disabled') return undefined;
  if (thinking.type === 'enabled') {
    const budget = Number(thinking.budget_tokens);
    if (!(budget >= 1024)) {
      return reject(
        400,
        'invalid_request_error',
        'thinking.enabled.budget_tokens: Input should be greater than or equal to 1024',
      );
    }
    if (budget >= Number(body.max_tokens)) {
      return reject(
        400,
        'invalid_request_error',
        '`max_tokens` must be greater than `thinking.budget_tokens`.',
      );
    }
  }
  const lastAssistant = messages
    .map((message, index) => ({ message, index }))
    .findLast(({ message }) => message.role === 'assistant');
  if (!lastAssistant) return undefined;
  const blocks = blocksOf(lastAssistant.message.content);
  if (!blocks.some((block) => block.type === 'tool_use')) return undefined;
  const first = blocks[0];
  if (first?.type !== 'thinking' && first?.type !== 'redacted_thinking') {
    return reject(
      400,
      'invalid_request_error',
      `messages.${lastAssistant.index}.content.0.type: Expected \`thinking\` or \`redacted_thinking\`, but found \`${first?.type}\`. When \`thinking\` is enabled, a final \`assistant\` message must start with a thinking block.`,
    );
  }
  for (const block of blocks) {
    if (block.type === 'thinking' && !String(block.signature ?? '').startsWith('sig_')) {
      return reject(400, 'invalid_request_error', 'Invalid `signature` in `thinking` block');
    }
  }
  return undefined;
}
