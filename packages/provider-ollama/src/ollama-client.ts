import type { CallOptions } from '@switchboard/core';
import { Ollama } from 'ollama';
import { type MalformedLineError, ndjsonGuard } from './ndjson-guard.js';
import type { OllamaConfig } from './ollama-config.js';

/** One request's client and what its custom fetch saw; error mapping reads the latter. */
export interface RequestScope {
  readonly client: Ollama;
  /** Aborts when the caller's signal does or when the request is disposed. */
  readonly signal: AbortSignal;
  /** Status and headers of the last response (the client's ResponseError keeps no headers). */
  readonly lastResponse: { status: number; headers: Headers } | undefined;
  /** The text of an `{"error": ...}` line, when the stream carried one. */
  readonly streamError: string | undefined;
  /** The first stream line that was not JSON. */
  readonly malformed: MalformedLineError | undefined;
  /** Releases the connection; safe to call after success. */
  dispose(): void;
}

/**
 * A fresh ollama client per request, whose fetch carries this request's AbortSignal.
 *
 * Why not one shared client: its `abort()` aborts EVERY stream of that instance, and its
 * non-streaming calls (chat, embed, show, list) take no signal at all. A client is only a config
 * object, so one per request costs nothing and makes cancellation exact. The client has no
 * retries of its own, which is what core's retry/fallback needs.
 */
export function openScope(config: OllamaConfig, options: CallOptions = {}): RequestScope {
  const controller = new AbortController();
  const signal = options.signal ? AbortSignal.any([options.signal, controller.signal]) : controller.signal;
  const headers: Record<string, string> = { ...options.headers };
  if (config.apiKey) headers.Authorization = `Bearer ${config.apiKey}`;

  const seen: {
    lastResponse?: RequestScope['lastResponse'];
    streamError?: string;
    malformed?: MalformedLineError;
  } = {};
  const scopedFetch: typeof fetch = async (input, init) => {
    const signals = init?.signal ? [signal, init.signal] : [signal];
    const response = await fetch(input, { ...init, signal: AbortSignal.any(signals) });
    seen.lastResponse = { status: response.status, headers: response.headers };
    const type = response.headers.get('content-type') ?? '';
    if (!response.ok && !type.includes('json')) return asJsonError(response);
    if (!response.ok || !response.body || !type.includes('ndjson')) return response;
    const guarded = response.body.pipeThrough(
      ndjsonGuard({
        line: (value) => {
          const error = (value as { error?: unknown } | null)?.error;
          if (typeof error === 'string') seen.streamError = error;
        },
        malformed: (error) => {
          seen.malformed = error;
        },
      }),
    );
    return new Response(guarded, {
      status: response.status,
      statusText: response.statusText,
      headers: response.headers,
    });
  };
  return {
    client: new Ollama({ host: config.host, fetch: scopedFetch, headers }),
    signal,
    dispose: () => controller.abort(),
    get lastResponse() {
      return seen.lastResponse;
    },
    get streamError() {
      return seen.streamError;
    },
    get malformed() {
      return seen.malformed;
    },
  };
}

/**
 * A non-JSON error body (a proxy's page, gin's plain 404) in Ollama's `{"error": ...}` envelope.
 * The client would read it the same way, but console.logs each time it meets one.
 */
async function asJsonError(response: Response): Promise<Response> {
  const text = (await response.text()).trim();
  const headers = new Headers(response.headers);
  headers.set('content-type', 'application/json');
  headers.delete('content-length');
  const error = text || `Error ${response.status}: ${response.statusText}`;
  return new Response(JSON.stringify({ error }), {
    status: response.status,
    statusText: response.statusText,
    headers,
  });
}
