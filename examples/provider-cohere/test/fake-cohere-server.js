// A fake Cohere API for tests, built on the Switchboard testkit's FakeHttpServer: it records each
// request, keeps the script queue and applies the faults; this file only speaks Cohere's wire
// format. A third party writes one of these for their own vendor, then runs the conformance suite.
import { FakeHttpServer, finishOf, splitArgs, textChunksOf, usageOf } from '@switchboard/testkit';

/**
 * @typedef {import('@switchboard/testkit').ScriptedReply} ScriptedReply
 * @typedef {import('@switchboard/testkit').ScriptedError} ScriptedError
 * @typedef {import('@switchboard/testkit').ResponseWriter} ResponseWriter
 * @typedef {import('@switchboard/testkit').RecordedRequest} RecordedRequest
 * @typedef {import('@switchboard/testkit').NeutralMessage} NeutralMessage
 * @typedef {{ role: string, content?: string | Array<{ type: string, text?: string, image_url?: { url: string }, document?: object }>, tool_calls?: Array<{ id: string, function?: { name: string, arguments?: string } }>, tool_call_id?: string }} CohereMessage
 * @typedef {{ model?: string, stream?: boolean, messages?: CohereMessage[], tools?: Array<{ function?: { name: string } }>, max_tokens?: number, temperature?: number, p?: number, stop_sequences?: string[], response_format?: { type: string, json_schema?: object } }} CohereChatBody
 */

// https://docs.cohere.com/reference/chat: finish_reason values. Cohere has no content-filter
// reason (its filter answers HTTP 498), so a script asking for one is a test bug.
const FINISH = { stop: 'COMPLETE', length: 'MAX_TOKENS', 'tool-calls': 'TOOL_CALL' };

/** Models `GET /v1/models` lists (https://docs.cohere.com/reference/list-models). */
export const FAKE_COHERE_MODELS = [
  {
    name: 'command-a-plus-05-2026',
    endpoints: ['chat'],
    features: ['tools', 'vision', 'json_mode'],
    context_length: 128000,
  },
  {
    name: 'command-a-03-2025',
    endpoints: ['chat'],
    features: ['tools', 'json_mode'],
    context_length: 256000,
  },
  { name: 'c4ai-aya-vision-32b', endpoints: ['chat'], features: ['vision'], context_length: 16384 },
  { name: 'embed-v4.0', endpoints: ['embed'], features: [], context_length: 128000 },
  { name: 'rerank-v3.5', endpoints: ['rerank'], features: [], context_length: 4096 },
];

export class FakeCohereServer extends FakeHttpServer {
  vendor = 'cohere';
  #ids = 0;

  /** The last POST /v2/chat in vendor-neutral terms, for the conformance suite's assertions. */
  lastChatRequest() {
    const body = this.requests.findLast((request) => request.path === '/v2/chat')?.body;
    return body ? readChatRequest(body) : undefined;
  }

  /**
   * @param {RecordedRequest} request
   * @param {ResponseWriter} writer
   */
  route(request, writer) {
    if (!/^bearer \S+/i.test(request.headers.authorization ?? '')) {
      return writer.json(401, { id: this.#id(), message: 'no api key supplied' });
    }
    const route = `${request.method} ${request.path}`;
    if (route === 'GET /v1/models') return this.#models(request, writer);
    if (route === 'POST /v2/chat') {
      const invalid = validateChat(request.body);
      if (invalid) return writer.json(400, { id: this.#id(), message: invalid });
      return this.withNextStep(writer, (step) => this.#chat(request, step, writer));
    }
    if (route === 'POST /v2/embed')
      return this.withNextStep(writer, (step) => this.#embed(request, step, writer));
    return writer.notFound('404 page not found');
  }

  /**
   * The error body every Cohere endpoint uses: `{ id, message }` (https://docs.cohere.com/reference/errors).
   * @param {ScriptedError} step
   * @param {ResponseWriter} writer
   */
  renderError(step, writer) {
    if (step.rawBody !== undefined) {
      return writer.raw(step.status, step.rawBody, { 'content-type': 'text/plain', ...step.headers });
    }
    return writer.json(
      step.status,
      { id: this.#id(), message: step.message ?? 'internal server error' },
      step.headers,
    );
  }

  /**
   * @param {RecordedRequest} request
   * @param {ScriptedReply} step
   * @param {ResponseWriter} writer
   */
  #chat(request, step, writer) {
    const finish = FINISH[finishOf(step)];
    if (!finish) throw new Error(`Cohere has no finish reason for "${finishOf(step)}"`);
    const id = this.#id();
    const usage = renderUsage(step);
    const toolCalls = (step.toolCalls ?? []).map((call) => ({
      id: call.id,
      type: 'function',
      function: { name: call.name, arguments: JSON.stringify(call.args) },
    }));
    // Before tool calls Cohere writes a `tool_plan`; reasoning models write `thinking` content.
    const plan = toolCalls.length > 0 ? step.reasoning : undefined;
    const thinking = toolCalls.length > 0 ? undefined : step.reasoning;
    if (!request.body.stream) {
      // https://docs.cohere.com/reference/chat (response body)
      const content = [
        ...(thinking ? [{ type: 'thinking', thinking }] : []),
        ...(step.text ? [{ type: 'text', text: step.text }] : []),
      ];
      return writer.json(200, {
        id,
        message: {
          role: 'assistant',
          ...(content.length > 0 ? { content } : {}),
          ...(plan ? { tool_plan: plan } : {}),
          ...(toolCalls.length > 0 ? { tool_calls: toolCalls } : {}),
        },
        finish_reason: finish,
        usage,
      });
    }
    // https://docs.cohere.com/docs/streaming: every event is `event: <type>` + `data: {"type": <type>, ...}`.
    /** @type {Array<Record<string, unknown>>} */
    const events = [{ type: 'message-start', id, delta: { message: { role: 'assistant' } } }];
    let block = 0;
    const contentBlock = (type, pieces) => {
      const index = block++;
      events.push({ type: 'content-start', index, delta: { message: { content: { type, [type]: '' } } } });
      for (const piece of pieces) {
        events.push({ type: 'content-delta', index, delta: { message: { content: { [type]: piece } } } });
      }
      events.push({ type: 'content-end', index });
    };
    if (thinking) contentBlock('thinking', textChunksOf({ text: thinking }));
    for (const piece of plan ? textChunksOf({ text: plan }) : []) {
      events.push({ type: 'tool-plan-delta', delta: { message: { tool_plan: piece } } });
    }
    if (step.text) contentBlock('text', textChunksOf(step));
    toolCalls.forEach((call, index) => {
      events.push({
        type: 'tool-call-start',
        index,
        delta: {
          message: { tool_calls: { ...call, function: { name: call.function.name, arguments: '' } } },
        },
      });
      for (const piece of splitArgs(call.function.arguments)) {
        events.push({
          type: 'tool-call-delta',
          index,
          delta: { message: { tool_calls: { function: { arguments: piece } } } },
        });
      }
      events.push({ type: 'tool-call-end', index });
    });
    events.push({ type: 'message-end', id, delta: { finish_reason: finish, usage } });
    return writer.sse(events.map((data) => ({ event: String(data.type), data })));
  }

  /**
   * https://docs.cohere.com/reference/embed: `embeddings` by type, one vector per text.
   * @param {RecordedRequest} request
   * @param {ScriptedReply} step
   * @param {ResponseWriter} writer
   */
  #embed(request, step, writer) {
    const texts = request.body?.texts ?? [];
    return writer.json(200, {
      id: this.#id(),
      texts,
      embeddings: { float: step.embeddings ?? texts.map(() => [0.1, 0.2, 0.3]) },
      meta: { api_version: { version: '2' }, billed_units: { input_tokens: usageOf(step).inputTokens } },
      response_type: 'embeddings_by_type',
    });
  }

  /**
   * @param {RecordedRequest} request
   * @param {ResponseWriter} writer
   */
  #models(request, writer) {
    const endpoint = request.query.endpoint;
    const models = FAKE_COHERE_MODELS.filter((model) => !endpoint || model.endpoints.includes(endpoint));
    return writer.json(200, {
      models: models.map((model) => ({ ...model, is_deprecated: false, finetuned: false })),
    });
  }

  #id() {
    return `fake-cohere-${++this.#ids}`;
  }
}

/**
 * Script usage is in Switchboard's terms, which Cohere shares: input includes cached tokens.
 * Cohere does not report reasoning tokens apart, so they stay inside output.
 * @param {ScriptedReply} step
 */
function renderUsage(step) {
  const usage = usageOf(step);
  const counts = { input_tokens: usage.inputTokens, output_tokens: usage.outputTokens };
  return {
    billed_units: counts,
    tokens: counts,
    ...(usage.cachedInputTokens ? { cached_tokens: usage.cachedInputTokens } : {}),
  };
}

/**
 * The checks the real API makes that a provider could trip over, with Cohere's own messages
 * (https://docs.cohere.com/reference/errors).
 * @param {CohereChatBody | undefined} body the parsed JSON body
 * @returns {string | undefined}
 */
function validateChat(body) {
  if (!body || typeof body !== 'object') return 'invalid json syntax';
  if (!body.model) return 'a model parameter is required for this endpoint.';
  if (!Array.isArray(body.messages) || body.messages.length === 0)
    return 'invalid request: messages must not be empty.';
  if (
    body.messages.some(
      (m, i) => m.role === 'system' && body.messages.slice(0, i).some((p) => p.role !== 'system'),
    )
  ) {
    return 'system turn must be the first in the list';
  }
  if (body.messages.some((m) => m.role === 'tool' && !m.tool_call_id))
    return 'tool call id must be provided with tool message';
  if (body.temperature !== undefined && (body.temperature < 0 || body.temperature > 1)) {
    return 'invalid request: temperature must be between 0 and 1.0 inclusive.';
  }
  if (body.p !== undefined && (body.p < 0.01 || body.p > 0.99))
    return 'invalid request: p must be between 0.01 and 0.99 inclusive.';
  return undefined;
}

/**
 * A Cohere chat body read in vendor-neutral terms.
 * @param {CohereChatBody} body
 * @returns {import('@switchboard/testkit').NeutralChatRequest}
 */
function readChatRequest(body) {
  const messages = body.messages ?? [];
  const system = messages.filter((m) => m.role === 'system').map((m) => textOf(m.content));
  const format = body.response_format;
  return {
    model: body.model,
    stream: body.stream === true,
    ...(system.length > 0 ? { system: system.join('\n') } : {}),
    messages: messages.filter((m) => m.role !== 'system').map(readMessage),
    tools: (body.tools ?? []).map((tool) => tool.function?.name),
    ...(body.max_tokens !== undefined ? { maxTokens: body.max_tokens } : {}),
    ...(body.temperature !== undefined ? { temperature: body.temperature } : {}),
    ...(body.p !== undefined ? { topP: body.p } : {}),
    ...(body.stop_sequences !== undefined ? { stop: body.stop_sequences } : {}),
    ...(format?.type === 'json_object' ? { json: true } : {}),
    ...(format?.json_schema ? { jsonSchema: format.json_schema } : {}),
  };
}

/**
 * @param {CohereMessage} message
 * @returns {NeutralMessage}
 */
function readMessage(message) {
  const parts = Array.isArray(message.content) ? message.content : [];
  return {
    role: message.role,
    text: message.role === 'tool' ? '' : textOf(message.content),
    images: parts.filter((part) => part.type === 'image_url').map((part) => readImage(part.image_url.url)),
    toolCalls: (message.tool_calls ?? []).map((call) => ({
      id: call.id,
      name: call.function?.name,
      args: JSON.parse(call.function?.arguments || '{}'),
    })),
    toolResults:
      message.role === 'tool' ? [{ id: message.tool_call_id, content: textOf(message.content) }] : [],
  };
}

/** @param {unknown} content a string, or content blocks whose text parts are joined */
function textOf(content) {
  if (typeof content === 'string') return content;
  if (!Array.isArray(content)) return '';
  return content
    .map((part) =>
      part.type === 'text' ? part.text : part.type === 'document' ? JSON.stringify(part.document) : '',
    )
    .join('');
}

/** @param {string} url a web URL, or a base64 data URI */
function readImage(url) {
  const data = /^data:([^;]+);base64,(.*)$/.exec(url);
  return data ? { mimeType: data[1], base64: data[2] } : { url };
}
