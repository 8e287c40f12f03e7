import { FakeHttpServer } from '../http/fake-http-server.js';
import type { ResponseWriter } from '../http/response-writer.js';
import type { ScriptedError, ScriptedReply } from '../script.js';
import type { NeutralChatRequest, RecordedRequest } from '../server-types.js';
import { renderChunks, renderCompletion } from './chat-wire.js';
import { renderErrorBody } from './error-wire.js';
import {
  recordOf,
  renderEmbeddings,
  renderImages,
  renderModelList,
  SPEECH_CONTENT_TYPES,
  speechBytes,
} from './media-wire.js';
import { readChatRequest } from './read-chat-request.js';

type Operation = 'chat/completions' | 'embeddings' | 'images/generations' | 'audio/speech';

/**
 * OpenAI paths under `/v1`, and Azure OpenAI's deployment-scoped ones
 * (`/openai/deployments/{deployment}/chat/completions?api-version=...`, key in the `api-key` header).
 * https://platform.openai.com/docs/api-reference
 * https://learn.microsoft.com/en-us/azure/ai-services/openai/reference
 */
const OPERATION_PATH =
  /^(?:\/v1|\/openai\/deployments\/([^/]+))\/(chat\/completions|embeddings|images\/generations|audio\/speech)$/;
const MODELS_PATH = /^\/(?:v1|openai)\/models$/;

export const DEFAULT_FAKE_OPENAI_MODELS = [
  'gpt-4o-mini',
  'gpt-4o',
  'text-embedding-3-small',
  'gpt-image-1',
  'tts-1',
] as const;

/**
 * A fake OpenAI API on 127.0.0.1 that answers in the documented wire format: Chat Completions
 * (JSON and SSE), embeddings, gpt-image-1 images, speech, the model list, and the error envelope;
 * also Azure OpenAI's deployment paths. `url` ends in `/v1`, so it is the openai SDK's `baseURL`;
 * Azure clients take `origin` as their endpoint.
 */
export class FakeOpenAIServer extends FakeHttpServer {
  readonly vendor = 'openai';
  /** Ids `GET /models` lists; change with `setModels`. */
  modelIds: string[] = [...DEFAULT_FAKE_OPENAI_MODELS];
  /** When set, `GET /models` answers with this error (it consumes no script step). */
  modelsError: ScriptedError | undefined;
  private counter = 0;

  protected override urlPrefix(): string {
    return '/v1';
  }

  setModels(ids: string[]): void {
    this.modelIds = [...ids];
  }

  /** Also restores the default model list and clears `modelsError`. */
  override reset(): void {
    super.reset();
    this.modelIds = [...DEFAULT_FAKE_OPENAI_MODELS];
    this.modelsError = undefined;
  }

  /** The last request whose path ends with `suffix` (e.g. `/embeddings`). */
  lastRequestTo(suffix: string): RecordedRequest | undefined {
    return this.requests.findLast((request) => request.path.endsWith(suffix));
  }

  lastChatRequest(): NeutralChatRequest | undefined {
    const request = this.lastRequestTo('/chat/completions');
    if (!request) return undefined;
    return readChatRequest(request.body, OPERATION_PATH.exec(request.path)?.[1]);
  }

  protected async route(request: RecordedRequest, writer: ResponseWriter): Promise<void> {
    const requestId = `req_fake_${++this.counter}`;
    const azure = request.path.startsWith('/openai/');
    if (azure && !request.query['api-version']) {
      // Azure's dated API refuses a call without its version.
      return writer.json(
        400,
        { error: { code: 'missing_api_version', message: 'Missing required query parameter: api-version' } },
        { 'x-request-id': requestId },
      );
    }
    if (request.method === 'GET' && MODELS_PATH.test(request.path)) {
      if (this.modelsError) {
        writer.faults = this.modelsError.faults ?? {};
        return this.renderError(this.modelsError, writer, requestId);
      }
      return writer.json(200, renderModelList(this.modelIds), { 'x-request-id': requestId });
    }
    const match = request.method === 'POST' ? OPERATION_PATH.exec(request.path) : null;
    if (!match) return writer.notFound(`No route for ${request.method} ${request.path}`);
    const body = recordOf(request.body);
    const model = typeof body.model === 'string' ? body.model : (match[1] ?? 'unknown');
    const headers = { 'x-request-id': requestId };
    const operation = match[2] as Operation;
    await this.withNextStep(writer, (step) =>
      this.renderReply(operation, step, body, model, headers, writer),
    );
  }

  private async renderReply(
    operation: Operation,
    step: ScriptedReply,
    body: Record<string, unknown>,
    requestedModel: string,
    headers: Record<string, string>,
    writer: ResponseWriter,
  ): Promise<void> {
    const model = step.model ?? requestedModel;
    switch (operation) {
      case 'chat/completions': {
        const context = { id: `chatcmpl-fake${this.counter}`, model, created: Math.floor(Date.now() / 1000) };
        if (body.stream !== true) return writer.json(200, renderCompletion(step, context), headers);
        const includeUsage = recordOf(body.stream_options).include_usage === true;
        const events = renderChunks(step, context, includeUsage).map((data) => ({ data }));
        return writer.sse(events, headers);
      }
      case 'embeddings':
        return writer.json(200, renderEmbeddings(step, body, model), headers);
      case 'images/generations':
        return writer.json(200, renderImages(step, body), headers);
      case 'audio/speech': {
        const format = typeof body.response_format === 'string' ? body.response_format : 'mp3';
        const contentType = SPEECH_CONTENT_TYPES[format] ?? 'application/octet-stream';
        return writer.raw(200, speechBytes(step, format), { ...headers, 'content-type': contentType });
      }
    }
  }

  /** `requestId` defaults to the current request's: steps are taken synchronously after the count. */
  protected async renderError(
    step: ScriptedError,
    writer: ResponseWriter,
    requestId?: string,
  ): Promise<void> {
    const headers = { 'x-request-id': requestId ?? `req_fake_${this.counter}`, ...step.headers };
    if (step.rawBody !== undefined) {
      const looksJson = /^\s*[[{]/.test(step.rawBody);
      return writer.raw(step.status, step.rawBody, {
        'content-type': looksJson ? 'application/json' : 'text/html; charset=utf-8',
        ...headers,
      });
    }
    return writer.json(step.status, renderErrorBody(step), headers);
  }
}
