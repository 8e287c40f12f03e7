import { FakeHttpServer } from '../http/fake-http-server.js';
import type { ResponseWriter } from '../http/response-writer.js';
import type { ScriptedError, ScriptedReply } from '../script.js';
import type { NeutralChatRequest, RecordedRequest } from '../server-types.js';
import { defaultGeminiModels } from './default-models.js';
import { geminiErrorBody } from './gemini-errors.js';
import { parseModelAction, readGeminiChatRequest } from './read-gemini-request.js';
import {
  type GeminiContentFilter,
  type RenderOptions,
  renderResponse,
  renderStreamChunks,
} from './render-gemini-response.js';
import type { GeminiModelResource } from './wire.js';

const LIST_MODELS = /^\/v1(?:beta|alpha)?\/models$/;
/** models.list's default and largest page (https://ai.google.dev/api/models#method:-models.list). */
const DEFAULT_PAGE_SIZE = 50;
const MAX_PAGE_SIZE = 1000;

/**
 * A Gemini API (generativelanguage.googleapis.com) on 127.0.0.1. `url` is what @google/genai takes
 * as `httpOptions.baseUrl`: the SDK appends `/{apiVersion}/models/{model}:{method}` itself
 * (`v1` by default in @google/genai 3; `v1beta` and `v1alpha` are served the same way).
 *
 * Routes (https://ai.google.dev/api):
 * - POST `:generateContent` (JSON) and `:streamGenerateContent?alt=sse` (SSE: one `data:` line per
 *   partial GenerateContentResponse, no event names, no end sentinel; without `alt=sse` Google
 *   answers a JSON array of chunks). Recordings of Google's stream differ on whether frames end in
 *   CRLF or LF pairs; the SDK splits on `\n\n`, `\r\r` and `\r\n\r\n` alike, and the shared
 *   writer sends LF;
 * - POST `:embedContent` and `:batchEmbedContents`;
 * - GET `/v1beta/models` with `pageSize` / `pageToken` (models.list).
 *
 * The API key arrives in the `x-goog-api-key` header (or a `key` query parameter); a request
 * without either gets Google's 403, as the real service does.
 */
export class FakeGeminiServer extends FakeHttpServer {
  readonly vendor = 'gemini';
  /** What models.list returns. */
  models: GeminiModelResource[] = defaultGeminiModels();
  /** How a scripted `content-filter` finish is rendered. */
  contentFilter: GeminiContentFilter = { finishReason: 'SAFETY' };
  /** Send `functionCall.id` (Gemini 3) or leave it out (Gemini 2.x). */
  functionCallIds = true;
  /** Put a thought signature on each answer's first function call (Gemini 3). */
  thoughtSignatures = true;
  /** When set, models.list answers with this error. */
  listError: ScriptedError | undefined;
  private responses = 0;

  /** API keys the requests carried, in arrival order. */
  get apiKeys(): string[] {
    return this.requests.map((request) => apiKeyOf(request) ?? '');
  }

  /** The last generateContent / streamGenerateContent request, read in vendor-neutral terms. */
  lastChatRequest(): NeutralChatRequest | undefined {
    for (let i = this.requests.length - 1; i >= 0; i--) {
      const request = this.requests[i];
      const neutral = request && readGeminiChatRequest(request);
      if (neutral) return neutral;
    }
    return undefined;
  }

  /** Also puts the Gemini-specific settings back to their defaults. */
  override reset(): void {
    super.reset();
    this.models = defaultGeminiModels();
    this.contentFilter = { finishReason: 'SAFETY' };
    this.functionCallIds = true;
    this.thoughtSignatures = true;
    this.listError = undefined;
    this.responses = 0;
  }

  protected async route(request: RecordedRequest, writer: ResponseWriter): Promise<void> {
    const target = parseModelAction(request.path);
    const listing = request.method === 'GET' && LIST_MODELS.test(request.path);
    if (!target && !listing) return this.googleError(writer, 404, `Method not found: ${request.path}`);
    if (!apiKeyOf(request)) {
      return this.googleError(
        writer,
        403,
        "Method doesn't allow unregistered callers (callers without established identity). Please use API key or other form of API consumer identity to call this API.",
      );
    }
    if (listing) return this.listModels(request, writer);
    if (!target || request.method !== 'POST') return this.googleError(writer, 404, 'Method not found.');
    switch (target.action) {
      case 'generateContent':
        return this.withNextStep(writer, (step) =>
          writer.json(200, renderResponse(step, this.render(target))),
        );
      case 'streamGenerateContent':
        return this.withNextStep(writer, async (step) => {
          const chunks = renderStreamChunks(step, this.render(target));
          if (request.query.alt === 'sse') await writer.sse(chunks.map((data) => ({ data })));
          else await writer.json(200, chunks);
        });
      case 'embedContent':
        return this.withNextStep(writer, (step) =>
          writer.json(200, { embedding: { values: this.vectors(step, [request.body], request)[0] ?? [] } }),
        );
      case 'batchEmbedContents': {
        const requests = (request.body as { requests?: unknown[] } | undefined)?.requests ?? [];
        return this.withNextStep(writer, (step) =>
          writer.json(200, {
            embeddings: this.vectors(step, requests, request).map((values) => ({ values })),
          }),
        );
      }
      default:
        return this.googleError(writer, 404, `Method not found: ${target.action}`);
    }
  }

  protected async renderError(step: ScriptedError, writer: ResponseWriter): Promise<void> {
    if (step.rawBody !== undefined) {
      const json = /^\s*[[{]/.test(step.rawBody);
      await writer.raw(step.status, step.rawBody, {
        'content-type': json ? 'application/json; charset=UTF-8' : 'text/html; charset=UTF-8',
        ...step.headers,
      });
      return;
    }
    const body = geminiErrorBody(step.status, {
      ...(step.message !== undefined ? { message: step.message } : {}),
      ...(step.type !== undefined ? { status: step.type } : {}),
      ...(step.code !== undefined ? { reason: step.code } : {}),
    });
    await writer.json(step.status, body, step.headers);
  }

  private render(target: { model: string }): RenderOptions {
    this.responses++;
    return {
      model: target.model,
      responseId: `fake-response-${this.responses}`,
      contentFilter: this.contentFilter,
      functionCallIds: this.functionCallIds,
      thoughtSignatures: this.thoughtSignatures,
    };
  }

  /** models.list with an opaque page token (here: the offset, base64url-encoded). */
  private async listModels(request: RecordedRequest, writer: ResponseWriter): Promise<void> {
    if (this.listError) {
      writer.faults = this.listError.faults ?? {};
      return this.renderError(this.listError, writer);
    }
    const requested = Number(request.query.pageSize);
    const size =
      Number.isInteger(requested) && requested > 0 ? Math.min(requested, MAX_PAGE_SIZE) : DEFAULT_PAGE_SIZE;
    const token = request.query.pageToken;
    const offset = token ? Number(Buffer.from(token, 'base64url').toString('utf8')) : 0;
    if (!Number.isInteger(offset) || offset < 0) return this.googleError(writer, 400, 'Invalid page token.');
    const end = offset + size;
    await writer.json(200, {
      models: this.models.slice(offset, end),
      ...(end < this.models.length ? { nextPageToken: Buffer.from(String(end)).toString('base64url') } : {}),
    });
  }

  /** The scripted vectors, or small deterministic ones of the requested dimensionality. */
  private vectors(step: ScriptedReply, inputs: unknown[], request: RecordedRequest): number[][] {
    if (step.embeddings) return step.embeddings;
    return inputs.map((input, index) => {
      const dims = (input as { outputDimensionality?: number } | undefined)?.outputDimensionality ?? 8;
      const seed = request.rawBody.length + index;
      return Array.from({ length: dims }, (_, k) => Math.round(Math.sin(seed + k) * 1e4) / 1e4);
    });
  }

  private googleError(writer: ResponseWriter, status: number, message: string): Promise<void> {
    writer.faults = {};
    return writer.json(status, geminiErrorBody(status, { message }));
  }
}

function apiKeyOf(request: RecordedRequest): string | undefined {
  return request.headers['x-goog-api-key'] || request.query.key || undefined;
}
