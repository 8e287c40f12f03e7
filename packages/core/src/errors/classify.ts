import { type ErrorDetails, type ErrorKind, isSwitchboardError, SwitchboardError } from './errors.js';

/**
 * Message patterns, consulted after the status code and the vendor's error type/code.
 * Context-length phrasings differ per server; each line names who says it.
 */
const CONTEXT_WINDOW_PATTERNS: RegExp[] = [
  /maximum context length/i, // OpenAI, Azure, vLLM, OpenRouter ("This endpoint's maximum context length")
  /context[_ ]length[_ ]exceeded/i, // OpenAI/Azure code echoed in text
  /prompt is too long/i, // Anthropic
  /exceed(?:s|ed)? (?:the )?context (?:limit|window)/i, // Anthropic ("input length and max_tokens exceed context limit")
  /input token count .* exceeds the maximum/i, // Gemini
  /exceeds the available context size|context size has been exceeded|exceed_context_size/i, // llama.cpp server
  /longer than the model'?s? context length|is longer than the maximum model length/i, // vLLM
  /too large for model with \d+ maximum context length/i, // Mistral
  /reduce the length of the messages/i, // Groq, OpenAI legacy
  /input length exceeds the context length/i, // Ollama
];

const CONTENT_FILTER_PATTERNS: RegExp[] = [
  /content[_ ]filter|content[_ ]management[_ ]policy|ResponsibleAIPolicyViolation/i, // OpenAI, Azure
  /blocked (?:due to|for) safety|SAFETY|PROHIBITED_CONTENT/, // Gemini
];

const QUOTA_PATTERNS: RegExp[] = [
  /insufficient[_ ]quota|exceeded your current quota/i, // OpenAI
  /credit balance is too low|billing/i, // Anthropic, others
  /quota exceeded|out of credits|payment required/i,
];

const QUOTA_CODES = new Set([
  'insufficient_quota',
  'billing_error',
  'billing_not_active',
  'payment_required',
]);
const CONTEXT_CODES = new Set([
  'context_length_exceeded',
  'string_above_max_length',
  'exceed_context_size_error',
]);
const CONTENT_CODES = new Set(['content_filter', 'content_policy_violation', 'ResponsibleAIPolicyViolation']);
const OVERLOADED_CODES = new Set(['overloaded_error', 'server_error', 'api_error', 'UNAVAILABLE']);

function kindFromText(text: string, code?: string): ErrorKind | undefined {
  if (code && CONTEXT_CODES.has(code)) return 'context-window-exceeded';
  if (code && QUOTA_CODES.has(code)) return 'quota-exceeded';
  if (code && CONTENT_CODES.has(code)) return 'content-filtered';
  if (CONTEXT_WINDOW_PATTERNS.some((p) => p.test(text))) return 'context-window-exceeded';
  if (CONTENT_FILTER_PATTERNS.some((p) => p.test(text))) return 'content-filtered';
  if (QUOTA_PATTERNS.some((p) => p.test(text))) return 'quota-exceeded';
  return undefined;
}

function kindFromStatus(status: number): ErrorKind {
  if (status === 401) return 'authentication';
  if (status === 402) return 'quota-exceeded';
  if (status === 403) return 'permission-denied';
  if (status === 404) return 'not-found';
  if (status === 408 || status === 504) return 'timeout';
  if (status === 413) return 'context-window-exceeded';
  if (status === 429) return 'rate-limit';
  if (status === 409 || status >= 500) return 'service-unavailable';
  return 'invalid-request';
}

export interface HttpErrorInput extends Omit<ErrorDetails, 'status'> {
  status: number;
  /** The vendor's error message (already extracted from its body). */
  message: string;
  /** Response headers, for Retry-After. */
  headers?: Headers | Record<string, string | string[] | undefined>;
}

/**
 * Maps an HTTP error into the taxonomy: vendor code first, then status, then message patterns.
 * Providers call this with what their SDK's error carries.
 */
export function errorFromHttp(input: HttpErrorInput): SwitchboardError {
  const { status, message, headers, ...details } = input;
  const byStatus = kindFromStatus(status);
  // Statuses whose meaning is clear stand; 400/413/429/403 bodies may say something more precise.
  const byText = [400, 403, 404, 413, 422, 429].includes(status)
    ? kindFromText(message, details.code)
    : undefined;
  let kind = byText ?? byStatus;
  if (details.code && OVERLOADED_CODES.has(details.code) && kind === 'invalid-request')
    kind = 'service-unavailable';
  const retryAfterMs = details.retryAfterMs ?? (headers ? parseRetryAfter(headers) : undefined);
  const who = details.provider ? `${details.provider}` : 'The provider';
  return new SwitchboardError(kind, `${who} answered ${status}: ${message}`, {
    ...details,
    status,
    ...(retryAfterMs !== undefined ? { retryAfterMs } : {}),
  });
}

function headerValue(headers: HttpErrorInput['headers'], name: string): string | undefined {
  if (!headers) return undefined;
  if (typeof (headers as Headers).get === 'function') return (headers as Headers).get(name) ?? undefined;
  const record = headers as Record<string, string | string[] | undefined>;
  const key = Object.keys(record).find((k) => k.toLowerCase() === name);
  const value = key === undefined ? undefined : record[key];
  return Array.isArray(value) ? value[0] : value;
}

/** Milliseconds from `retry-after-ms` (OpenAI) or `Retry-After` (seconds or an HTTP date). */
export function parseRetryAfter(headers: HttpErrorInput['headers'], now = Date.now()): number | undefined {
  const ms = headerValue(headers, 'retry-after-ms');
  if (ms !== undefined && Number.isFinite(Number(ms))) return Math.max(0, Number(ms));
  const value = headerValue(headers, 'retry-after');
  if (value === undefined || value.trim() === '') return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

const CONNECTION_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'UND_ERR_SOCKET',
  'UND_ERR_CONNECT_TIMEOUT',
  'UND_ERR_CLOSED',
]);

function errorCode(error: unknown): string | undefined {
  for (let e: unknown = error, depth = 0; e && typeof e === 'object' && depth < 5; depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string') return code;
    e = (e as { cause?: unknown }).cause;
  }
  return undefined;
}

/**
 * Turns anything thrown into a Switchboard error: Switchboard errors (from any copy of core) pass
 * through; aborts become `cancelled`; socket failures `connection`; the rest `unknown`.
 */
export function toSwitchboardError(
  error: unknown,
  details: Omit<ErrorDetails, 'cause'> = {},
): SwitchboardError {
  if (isSwitchboardError(error)) {
    if (error instanceof SwitchboardError) return error;
    // A foreign copy: re-create so callers get this copy's class, keeping every field.
    return new SwitchboardError(error.kind, error.message, {
      ...details,
      ...pickDefined(error),
      hint: error.hint,
      cause: error,
    });
  }
  const name = (error as { name?: unknown })?.name;
  const message = error instanceof Error ? error.message : String(error);
  if (name === 'AbortError' || name === 'APIUserAbortError') {
    return new SwitchboardError('cancelled', 'The request was cancelled.', { ...details, cause: error });
  }
  if (name === 'TimeoutError') return new SwitchboardError('timeout', message, { ...details, cause: error });
  const code = errorCode(error);
  if ((code && CONNECTION_CODES.has(code)) || /fetch failed|socket hang up|network/i.test(message)) {
    return new SwitchboardError('connection', `Connection failed: ${message}${code ? ` (${code})` : ''}`, {
      ...details,
      cause: error,
    });
  }
  const textKind = kindFromText(message);
  return new SwitchboardError(textKind ?? 'unknown', message || 'Unknown error', {
    ...details,
    cause: error,
  });
}

function pickDefined(e: {
  provider?: string | undefined;
  model?: string | undefined;
  status?: number | undefined;
  retryAfterMs?: number | undefined;
  code?: string | undefined;
  retryable: boolean;
  fallbackMayHelp: boolean;
}): ErrorDetails {
  const out: ErrorDetails = { retryable: e.retryable, fallbackMayHelp: e.fallbackMayHelp };
  if (e.provider !== undefined) out.provider = e.provider;
  if (e.model !== undefined) out.model = e.model;
  if (e.status !== undefined) out.status = e.status;
  if (e.retryAfterMs !== undefined) out.retryAfterMs = e.retryAfterMs;
  if (e.code !== undefined) out.code = e.code;
  return out;
}
