import {
  type ErrorKind,
  errorFromAbort,
  errorFromHttp,
  isSwitchboardError,
  SwitchboardError,
  toSwitchboardError,
} from '@switchboard/core';
import type { RequestScope } from './ollama-client.js';

const PROVIDER = 'ollama';

export interface ErrorContext {
  /** The normalized server URL, for "not running" messages. */
  host: string;
  model?: string;
  scope?: RequestScope;
}

/**
 * Context-length phrasings of Ollama and of the llama.cpp runner under it (server/routes.go,
 * llm/llama_server.go). Core knows some of them, but only reads the text of 4xx answers; Ollama
 * also reports these mid-stream and with 500.
 */
const CONTEXT_PATTERNS: RegExp[] = [
  /input length exceeds the context length/i,
  /exceeds (?:the )?maximum context length/i, // "input after truncation exceeds maximum context length"
  /prompt is longer than the context length/i,
  /exceeds the available context size|context size has been exceeded/i, // llama.cpp
  /context (?:window|length) (?:is )?(?:full|exceeded)/i,
];

/** Ollama's wording when a model lacks what the request needs (server/images.go CheckCapabilities). */
const CAPABILITY_PATTERN = /does not support (completion|tools|insert|vision|audio|embedding|thinking|chat)/i;

const isContextMessage = (text: string) => CONTEXT_PATTERNS.some((pattern) => pattern.test(text));

function rekind(error: SwitchboardError, kind: ErrorKind, hint?: string, fallbackMayHelp?: boolean) {
  return new SwitchboardError(kind, error.message, {
    provider: PROVIDER,
    ...(error.model !== undefined ? { model: error.model } : {}),
    ...(error.status !== undefined ? { status: error.status } : {}),
    ...(error.retryAfterMs !== undefined ? { retryAfterMs: error.retryAfterMs } : {}),
    ...(hint !== undefined ? { hint } : {}),
    ...(fallbackMayHelp !== undefined ? { fallbackMayHelp } : {}),
    cause: error,
  });
}

/** An HTTP error answer (`{"error": "..."}` with its status) in core's taxonomy. */
export function ollamaHttpError(
  status: number,
  message: string,
  context: ErrorContext,
  headers?: Headers,
): SwitchboardError {
  const model = context.model;
  const base = errorFromHttp({
    status,
    message,
    provider: PROVIDER,
    ...(model !== undefined ? { model } : {}),
    ...(headers ? { headers } : {}),
  });
  if (isContextMessage(message)) return rekind(base, 'context-window-exceeded');
  if (status === 404 && /not found/i.test(message) && model !== undefined) {
    return rekind(base, 'not-found', `Download it with \`ollama pull ${model}\`, or pick another model.`);
  }
  const capability = CAPABILITY_PATTERN.exec(message)?.[1];
  if (capability) {
    // Another model may well have the capability, so fallback is worth it.
    return rekind(
      base,
      'invalid-request',
      `This model cannot do ${capability.toLowerCase()}; pick one that can (\`ollama show <model>\` lists its capabilities).`,
      true,
    );
  }
  return base;
}

/** The causes of an error, outermost first (undici nests the socket error under "fetch failed"). */
function causes(error: unknown): Array<{ code?: unknown; message?: unknown; errors?: unknown }> {
  const chain: Array<{ code?: unknown; message?: unknown; errors?: unknown }> = [];
  for (let e: unknown = error; e && typeof e === 'object' && chain.length < 5; ) {
    const current = e as { code?: unknown; message?: unknown; errors?: unknown; cause?: unknown };
    chain.push(current);
    // Happy-eyeballs connects (localhost: ::1 and 127.0.0.1) fail with an AggregateError.
    e = current.cause ?? (Array.isArray(current.errors) ? current.errors[0] : undefined);
  }
  return chain;
}

const isRefused = (error: unknown) => causes(error).some((e) => e.code === 'ECONNREFUSED');

/** The innermost message, which says what went wrong ("other side closed", not "fetch failed"). */
export function rootMessage(error: unknown): string {
  const messages = causes(error).flatMap((e) =>
    typeof e.message === 'string' && e.message ? [e.message] : [],
  );
  return messages.at(-1) ?? String(error);
}

/** The ollama client's `ResponseError` is not exported, so it is recognised by its shape. */
function asResponseError(error: unknown): { status: number; message: string } | undefined {
  if (!(error instanceof Error) || error.name !== 'ResponseError') return undefined;
  const status = (error as { status_code?: unknown }).status_code;
  return typeof status === 'number' ? { status, message: error.message } : undefined;
}

/** What the caller's abort meant: core's own reason, a timeout, or a plain cancel. */
function abortError(reason: unknown, model: string | undefined): SwitchboardError {
  return errorFromAbort(reason, { provider: PROVIDER, ...(model !== undefined ? { model } : {}) }, 'Ollama');
}

/** Anything a call to Ollama threw, as a Switchboard error whose message says what happened. */
export function toOllamaError(error: unknown, context: ErrorContext): SwitchboardError {
  const { scope, model, host } = context;
  const details = { provider: PROVIDER, ...(model !== undefined ? { model } : {}), cause: error };
  if (scope?.signal.aborted) return abortError(scope.signal.reason, model);
  if (isSwitchboardError(error)) return toSwitchboardError(error);
  if (scope?.malformed) return new SwitchboardError('invalid-response', scope.malformed.message, details);
  const http = asResponseError(error);
  if (http) return ollamaHttpError(http.status, http.message, context, scope?.lastResponse?.headers);
  if (scope?.streamError !== undefined) {
    const message = `Ollama failed while answering: ${scope.streamError}`;
    // A runner that crashed or ran out of memory mid-answer; a retry may well succeed.
    return new SwitchboardError(
      isContextMessage(scope.streamError) ? 'context-window-exceeded' : 'service-unavailable',
      message,
      details,
    );
  }
  if (error instanceof SyntaxError) {
    return new SwitchboardError(
      'invalid-response',
      `Ollama sent a body that is not JSON: ${error.message}`,
      details,
    );
  }
  if (error instanceof Error && /did not receive done/i.test(error.message)) {
    return new SwitchboardError(
      'invalid-response',
      'Ollama ended the stream before its final message.',
      details,
    );
  }
  if (isRefused(error)) {
    return new SwitchboardError(
      'connection',
      `Ollama is not running at ${host}; start it with \`ollama serve\` or set OLLAMA_HOST.`,
      { ...details, hint: 'Start Ollama, or point the Ollama server URL setting at where it runs.' },
    );
  }
  const mapped = toSwitchboardError(error, { provider: PROVIDER, ...(model !== undefined ? { model } : {}) });
  if (mapped.kind !== 'connection') return mapped;
  const when = scope?.lastResponse ? 'broke mid-answer' : 'failed';
  return new SwitchboardError(
    'connection',
    `The connection to Ollama at ${host} ${when}: ${rootMessage(error)}`,
    details,
  );
}
