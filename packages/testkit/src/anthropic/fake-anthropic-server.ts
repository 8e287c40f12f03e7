import { FakeHttpServer } from '../http/fake-http-server.js';
import type { ResponseWriter } from '../http/response-writer.js';
import type { ScriptedError, ScriptedReply, ScriptedStep } from '../script.js';
import type { NeutralChatRequest, RecordedRequest } from '../server-types.js';
import { DEFAULT_FAKE_MODELS, modelsPage } from './models-list.js';
import { neutralChatRequest } from './neutral-request.js';
import { errorBody, errorTypeFor, statusForType } from './render-error.js';
import { renderMessage, renderStream, type StreamErrorSpec, withStreamError } from './render-reply.js';
import { apiKeyOf, checkHeaders, checkMessagesBody, type Rejection } from './validate-request.js';
import { isRecord, type WireRequestBody, type WireStopReason } from './wire.js';

export interface FakeAnthropicServerOptions {
  /** When set, a request with any other key is answered 401 `authentication_error`. */
  apiKey?: string;
  /** What GET /v1/models lists (model objects, see `fakeModel`). */
  models?: Array<Record<string, unknown>>;
  /** The largest page GET /v1/models returns, to make clients follow `has_more`. */
  modelsPageSize?: number;
}

const DEFAULT_MESSAGES: Record<string, string> = {
  invalid_request_error: 'Invalid request.',
  authentication_error: 'invalid x-api-key',
  billing_error: 'Your credit balance is too low to access the Anthropic API.',
  permission_error: 'Your API key does not have permission to use the specified resource.',
  not_found_error: 'The requested resource could not be found.',
  request_too_large: 'Request exceeds the maximum allowed number of bytes.',
  rate_limit_error: 'Number of request tokens has exceeded your per-minute rate limit.',
  api_error: 'Internal server error',
  overloaded_error: 'Overloaded',
};

/**
 * A fake Anthropic Messages API on 127.0.0.1: POST /v1/messages (JSON and SSE), POST
 * /v1/messages/count_tokens and GET /v1/models, in the documented wire format, with the testkit's
 * faults. It checks what the real API checks first (API key, `anthropic-version`, `max_tokens`,
 * removed sampling parameters, tool_use/tool_result pairing, thinking blocks) and answers with
 * Anthropic's error envelope, so a provider that sends a wrong request fails here too.
 * `url` is the SDK's `baseURL` (the SDK adds `/v1/...` itself).
 */
export class FakeAnthropicServer extends FakeHttpServer {
  readonly vendor = 'anthropic';
  private readonly streamErrors = new WeakMap<ScriptedStep, StreamErrorSpec>();
  private readonly stopReasons = new WeakMap<ScriptedStep, WireStopReason>();
  private models: Array<Record<string, unknown>>;
  private tokenCount: number | undefined;
  private sequence = 0;

  constructor(private readonly options: FakeAnthropicServerOptions = {}) {
    super();
    this.models = options.models ?? DEFAULT_FAKE_MODELS;
  }

  /** Queues a reply whose stream ends in `event: error` after `afterEvents` events (a 5xx-style error when not streaming). */
  replyWithStreamError(spec: Partial<StreamErrorSpec> & { reply?: ScriptedReply } = {}): void {
    const step: ScriptedReply = { ...(spec.reply ?? { text: 'This answer will not finish.' }) };
    this.streamErrors.set(step, {
      afterEvents: spec.afterEvents ?? 3,
      type: spec.type ?? 'overloaded_error',
      message: spec.message ?? DEFAULT_MESSAGES[spec.type ?? 'overloaded_error'] ?? 'Error',
    });
    this.reply(step);
  }

  /** Queues a reply with a stop reason the neutral script has no word for (`pause_turn`, `stop_sequence`...). */
  replyWithStopReason(stopReason: WireStopReason, reply: ScriptedReply = { text: 'Paused.' }): void {
    const step: ScriptedReply = { ...reply };
    this.stopReasons.set(step, stopReason);
    this.reply(step);
  }

  setModels(models: Array<Record<string, unknown>>): void {
    this.models = models;
  }

  /** What count_tokens answers; by default a length-based estimate. */
  setTokenCount(count: number | undefined): void {
    this.tokenCount = count;
  }

  /** The API key the last request carried (`x-api-key` or the Bearer token). */
  lastApiKey(): string | undefined {
    const last = this.requests.at(-1);
    return last ? apiKeyOf(last) : undefined;
  }

  lastChatRequest(): NeutralChatRequest | undefined {
    const request = this.requests.findLast(
      (r) => r.method === 'POST' && r.path === '/v1/messages' && isRecord(r.body),
    );
    return request ? neutralChatRequest(request.body as WireRequestBody) : undefined;
  }

  protected async route(request: RecordedRequest, writer: ResponseWriter): Promise<void> {
    const { method, path } = request;
    const known =
      (method === 'POST' && (path === '/v1/messages' || path === '/v1/messages/count_tokens')) ||
      (method === 'GET' && (path === '/v1/models' || path.startsWith('/v1/models/')));
    if (!known)
      return this.sendRejection(writer, { status: 404, type: 'not_found_error', message: 'Not found' });
    const headerProblem = checkHeaders(request, this.options.apiKey);
    if (headerProblem) return this.sendRejection(writer, headerProblem);
    if (path === '/v1/models') {
      return writer.json(200, modelsPage(this.models, request.query, this.options.modelsPageSize ?? 1000), {
        'request-id': this.requestId(),
      });
    }
    if (path.startsWith('/v1/models/')) return this.retrieveModel(decodeURIComponent(path.slice(11)), writer);
    const countOnly = path === '/v1/messages/count_tokens';
    const bodyProblem = checkMessagesBody(request, countOnly);
    if (bodyProblem) return this.sendRejection(writer, bodyProblem);
    if (countOnly) {
      // https://platform.claude.com/docs/en/api/messages/count_tokens
      const estimate = Math.max(1, Math.ceil(request.rawBody.length / 4));
      return writer.json(
        200,
        { input_tokens: this.tokenCount ?? estimate },
        { 'request-id': this.requestId() },
      );
    }
    const body = request.body as WireRequestBody;
    await this.withNextStep(writer, (step) => this.renderReply(step, body, writer));
  }

  protected async renderError(step: ScriptedError, writer: ResponseWriter): Promise<void> {
    const requestId = this.requestId();
    const headers = { 'request-id': requestId, ...step.headers };
    if (step.rawBody !== undefined) {
      return writer.raw(step.status, step.rawBody, { 'content-type': 'text/html', ...headers });
    }
    const type = step.type ?? errorTypeFor(step.status);
    const message = step.message ?? DEFAULT_MESSAGES[type] ?? 'Error';
    await writer.json(step.status, errorBody(type, message, requestId, step.code), headers);
  }

  private async renderReply(
    step: ScriptedReply,
    body: WireRequestBody,
    writer: ResponseWriter,
  ): Promise<void> {
    const requestId = this.requestId();
    const messageId = `msg_fake_${requestId.slice(9)}`;
    const stopReason = this.stopReasons.get(step);
    const options = { model: String(body.model), messageId, ...(stopReason ? { stopReason } : {}) };
    const streamError = this.streamErrors.get(step);
    if (body.stream !== true) {
      if (streamError) {
        return writer.json(
          statusForType(streamError.type),
          errorBody(streamError.type, streamError.message, requestId),
          { 'request-id': requestId },
        );
      }
      return writer.json(200, renderMessage(step, options), { 'request-id': requestId });
    }
    const events = renderStream(step, options);
    await writer.sse(streamError ? withStreamError(events, streamError) : events, {
      'request-id': requestId,
    });
  }

  private async retrieveModel(id: string, writer: ResponseWriter): Promise<void> {
    const model = this.models.find((m) => m.id === id);
    if (model) return writer.json(200, model, { 'request-id': this.requestId() });
    return this.sendRejection(writer, { status: 404, type: 'not_found_error', message: `model: ${id}` });
  }

  private async sendRejection(writer: ResponseWriter, rejection: Rejection): Promise<void> {
    writer.faults = {};
    const requestId = this.requestId();
    await writer.json(rejection.status, errorBody(rejection.type, rejection.message, requestId), {
      'request-id': requestId,
    });
  }

  private requestId(): string {
    this.sequence++;
    return `req_fake_${String(this.sequence).padStart(6, '0')}`;
  }
}
