import { FakeHttpServer } from '../http/fake-http-server.js';
import type { ResponseWriter } from '../http/response-writer.js';
import { isScriptedError, type ScriptedError, type ScriptedReply, usageOf } from '../script.js';
import type { NeutralChatRequest, RecordedRequest } from '../server-types.js';
import {
  DEFAULT_FAKE_OLLAMA_MODELS,
  type FakeOllamaModel,
  showBody,
  tagsEntry,
  withDefaultTag,
} from './models.js';
import { neutralChatRequest } from './neutral-request.js';
import { renderChatBody, renderChatLines, type ToolCallRendering } from './render-chat.js';

/**
 * A reply with Ollama's one extra failure mode: once streaming has begun the status is already
 * 200, so the server reports a failure as an `{"error": "..."}` line
 * (https://github.com/ollama/ollama/blob/main/docs/api/errors.mdx#errors-that-occur-while-streaming).
 */
export type OllamaScriptedReply = ScriptedReply & {
  midStreamError?: { afterChunks: number; message: string };
};

export interface FakeOllamaServerOptions {
  /** The pulled models; defaults to {@link DEFAULT_FAKE_OLLAMA_MODELS}. */
  models?: readonly FakeOllamaModel[];
  /** Imitate a server new enough to send tool-call ids (default true). */
  toolCallIds?: boolean;
  /** How streamed tool calls are grouped into lines (default `separate`). */
  toolCallChunks?: ToolCallRendering['chunks'];
  version?: string;
}

const MODIFIED_AT = '2025-05-04T17:37:44.706015396-07:00';

/**
 * The error texts the real server uses for each status, so a scripted error without a message
 * still reads like Ollama (server/routes.go `handleScheduleError`, server/sched.go `ErrMaxQueue`).
 */
function defaultErrorMessage(status: number, model: string): string {
  if (status === 404) return `model "${model}" not found, try pulling it first`;
  if (status === 401) return 'unauthorized';
  if (status === 429) return 'too many requests';
  if (status === 503) return 'server busy, please try again.  maximum pending requests exceeded';
  if (status >= 500) return 'an error was encountered while running the model';
  return 'invalid request';
}

/**
 * Speaks the Ollama REST API (https://github.com/ollama/ollama/blob/main/docs/api.md) on 127.0.0.1:
 * /api/chat (JSON or NDJSON), /api/embed, /api/tags, /api/show and /api/version. `url` is what the
 * ollama client takes as `host`.
 */
export class FakeOllamaServer extends FakeHttpServer {
  readonly vendor = 'ollama';
  models: FakeOllamaModel[];
  toolCallRendering: ToolCallRendering;
  version: string;
  private modelListError: ScriptedError | undefined;
  private showError: ScriptedError | undefined;

  constructor(options: FakeOllamaServerOptions = {}) {
    super();
    this.models = [...(options.models ?? DEFAULT_FAKE_OLLAMA_MODELS)];
    this.toolCallRendering = {
      ids: options.toolCallIds ?? true,
      chunks: options.toolCallChunks ?? 'separate',
    };
    this.version = options.version ?? '0.12.6';
  }

  /** Makes GET /api/tags (and POST /api/show) answer with this error until called with undefined. */
  failModelList(step: ScriptedError | undefined): void {
    this.modelListError = step;
  }

  /** Makes only POST /api/show answer with this error until called with undefined. */
  failShow(step: ScriptedError | undefined): void {
    this.showError = step;
  }

  lastChatRequest(): NeutralChatRequest | undefined {
    const last = this.requests.findLast((r) => r.method === 'POST' && r.path === '/api/chat');
    return last ? neutralChatRequest(last.body) : undefined;
  }

  protected async route(request: RecordedRequest, writer: ResponseWriter): Promise<void> {
    const { method, path } = request;
    if ((method === 'GET' || method === 'HEAD') && path === '/') {
      return writer.raw(200, 'Ollama is running', { 'content-type': 'text/plain; charset=utf-8' });
    }
    if (method === 'GET' && path === '/api/version') return writer.json(200, { version: this.version });
    if (method === 'GET' && path === '/api/tags') return this.tags(writer);
    if (method === 'POST' && path === '/api/show') return this.show(request, writer);
    if (method === 'POST' && path === '/api/chat') return this.chat(request, writer);
    if (method === 'POST' && path === '/api/embed') return this.embed(request, writer);
    // gin's plain-text 404 for unknown routes.
    return writer.raw(404, '404 page not found', { 'content-type': 'text/plain' });
  }

  protected renderError(step: ScriptedError, writer: ResponseWriter): Promise<void> {
    return this.renderErrorFor(step, writer, 'unknown');
  }

  private async renderErrorFor(step: ScriptedError, writer: ResponseWriter, model: string): Promise<void> {
    if (step.rawBody !== undefined) {
      return writer.raw(step.status, step.rawBody, { 'content-type': 'text/plain', ...step.headers });
    }
    const message = step.message ?? defaultErrorMessage(step.status, model);
    return writer.json(step.status, { error: message }, step.headers);
  }

  /** Consumes one scripted step for a model request; errors are rendered with the requested model's name. */
  private async withStep(
    request: RecordedRequest,
    writer: ResponseWriter,
    onReply: (step: OllamaScriptedReply, model: string) => Promise<void>,
  ): Promise<void> {
    const body = isRecord(request.body) ? request.body : {};
    const model = typeof body.model === 'string' ? body.model : '';
    const step = this.nextStep();
    writer.faults = step.faults ?? {};
    if (isScriptedError(step)) return this.renderErrorFor(step, writer, model);
    return onReply(step, step.model ?? model);
  }

  private async chat(request: RecordedRequest, writer: ResponseWriter): Promise<void> {
    const streaming = !isRecord(request.body) || request.body.stream !== false;
    await this.withStep(request, writer, async (step, model) => {
      if (!streaming) return writer.json(200, renderChatBody(step, model, this.toolCallRendering));
      let lines: unknown[] = renderChatLines(step, model, this.toolCallRendering);
      if (step.midStreamError) {
        lines = [...lines.slice(0, step.midStreamError.afterChunks), { error: step.midStreamError.message }];
      }
      return writer.ndjson(lines);
    });
  }

  // https://github.com/ollama/ollama/blob/main/docs/api.md#generate-embeddings
  private async embed(request: RecordedRequest, writer: ResponseWriter): Promise<void> {
    const body = isRecord(request.body) ? request.body : {};
    const inputs = Array.isArray(body.input) ? body.input.map(String) : [String(body.input ?? '')];
    await this.withStep(request, writer, async (step, model) => {
      const embeddings = step.embeddings ?? inputs.map(fakeVector);
      const promptTokens = step.usage
        ? usageOf(step).inputTokens
        : inputs.reduce((sum, input) => sum + input.split(/\s+/).filter(Boolean).length, 0);
      return writer.json(200, {
        model,
        embeddings,
        total_duration: 14143917,
        load_duration: 1019500,
        prompt_eval_count: promptTokens,
      });
    });
  }

  private async tags(writer: ResponseWriter): Promise<void> {
    if (this.modelListError) return this.failList(this.modelListError, writer);
    await writer.json(200, { models: this.models.map((model) => tagsEntry(model, MODIFIED_AT)) });
  }

  private async show(request: RecordedRequest, writer: ResponseWriter): Promise<void> {
    const error = this.modelListError ?? this.showError;
    if (error) return this.failList(error, writer);
    const body = isRecord(request.body) ? request.body : {};
    const requested = typeof body.model === 'string' ? body.model : String(body.name ?? '');
    const model = this.models.find((m) => m.name === withDefaultTag(requested));
    // /api/show words its 404 differently from /api/chat (server/routes.go ShowHandler).
    if (!model) return writer.json(404, { error: `model '${requested}' not found` });
    await writer.json(200, showBody(model, MODIFIED_AT));
  }

  private async failList(step: ScriptedError, writer: ResponseWriter): Promise<void> {
    writer.faults = step.faults ?? {};
    await this.renderErrorFor(step, writer, '');
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A small deterministic vector per input, so tests can tell inputs apart. */
function fakeVector(input: string): number[] {
  const sum = [...input].reduce((acc, char) => acc + char.charCodeAt(0), 0);
  return [input.length / 100, (sum % 97) / 97, -0.5, 0.25];
}
