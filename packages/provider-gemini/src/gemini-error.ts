import { ApiError } from '@google/genai';
import {
  type ErrorDetails,
  type ErrorKind,
  errorFromAbort,
  errorFromHttp,
  isSwitchboardError,
  SwitchboardError,
  toSwitchboardError,
} from '@switchboard/core';

export const PROVIDER_ID = 'gemini';

export interface ErrorContext {
  model?: string;
  /** The caller's signal: its reason tells a timeout from a cancellation. */
  signal?: AbortSignal;
  /** Headers of the failed HTTP response (the SDK's ApiError does not keep them), for Retry-After. */
  headers?: Headers;
}

/** Google's error envelope: https://ai.google.dev/gemini-api/docs/troubleshooting#error-codes */
interface GoogleErrorBody {
  code?: number;
  message?: string;
  status?: string;
  details?: Array<Record<string, unknown>>;
}

const KEY_HINT =
  'Set a valid Gemini API key with "Switchboard: Set API Key" or the GEMINI_API_KEY environment variable; keys come from https://aistudio.google.com/apikey.';

/** Turns anything the SDK throws into a Switchboard error that says what happened and what to do. */
export function toGeminiError(error: unknown, context: ErrorContext = {}): SwitchboardError {
  const details: ErrorDetails = { provider: PROVIDER_ID, ...(context.model ? { model: context.model } : {}) };
  if (isSwitchboardError(error)) return toSwitchboardError(error, details);
  if (context.signal?.aborted) return abortedError(context.signal, details);
  if (error instanceof ApiError) return fromApiError(error, context.headers, details);
  if (isMalformedResponse(error)) {
    return new SwitchboardError(
      'invalid-response',
      `Gemini sent a response that could not be read (${short(messageOf(error))}).`,
      details,
    );
  }
  return toSwitchboardError(error, details);
}

/** The call was aborted: a timeout when the signal says so, a cancellation otherwise. */
export function abortedError(
  signal: AbortSignal,
  details: ErrorDetails = { provider: PROVIDER_ID },
): SwitchboardError {
  return errorFromAbort(signal.reason, details, 'Gemini');
}

/**
 * The SDK's ApiError carries the HTTP status and, as its message, the JSON body
 * (`{"error":{"code","message","status","details"}}`); an error inside a stream reads
 * `got status: X. {json}`. The rpc status becomes the error code, RetryInfo.retryDelay the wait.
 * The raw error is not kept as `cause`: Google's DebugInfo detail may echo the API key.
 */
function fromApiError(
  error: ApiError,
  headers: Headers | undefined,
  details: ErrorDetails,
): SwitchboardError {
  const body = parseErrorBody(error.message);
  const status = error.status;
  const message = short(body?.message ?? error.message);
  const rpcStatus = body?.status;
  const retryAfterMs = retryDelayMs(body?.details);
  const mapped = errorFromHttp({
    status,
    message,
    ...(headers ? { headers } : {}),
    ...details,
    ...(rpcStatus ? { code: rpcStatus } : {}),
    ...(retryAfterMs !== undefined ? { retryAfterMs } : {}),
  });
  const kind = refineKind(mapped.kind, status, message, body?.details);
  const hint =
    kind === 'authentication'
      ? KEY_HINT
      : kind === 'not-found'
        ? `Gemini has no model "${details.model ?? '?'}" for this key; list the models it has with listModels({ live: true }) or pick another.`
        : undefined;
  return new SwitchboardError(
    kind,
    `Gemini answered ${status}${rpcStatus ? ` ${rpcStatus}` : ''}: ${message}`,
    {
      ...details,
      status,
      ...(rpcStatus ? { code: rpcStatus } : {}),
      ...(mapped.retryAfterMs !== undefined ? { retryAfterMs: mapped.retryAfterMs } : {}),
      ...(hint ? { hint } : {}),
    },
  );
}

function refineKind(
  kind: ErrorKind,
  status: number,
  message: string,
  details: GoogleErrorBody['details'],
): ErrorKind {
  // A bad key is a 400 INVALID_ARGUMENT with ErrorInfo reason API_KEY_INVALID, not a 401.
  if (errorInfoReason(details) === 'API_KEY_INVALID' || /API key (?:not valid|expired)/i.test(message)) {
    return 'authentication';
  }
  if (status === 429) {
    // "You exceeded your current quota" is also how Google words per-minute limits; only a
    // daily quota does not come back after the retry delay.
    const violations = quotaViolations(details);
    return violations.length > 0 && violations.every((id) => /PerDay/i.test(id))
      ? 'quota-exceeded'
      : 'rate-limit';
  }
  return kind;
}

function parseErrorBody(text: string): GoogleErrorBody | undefined {
  const start = text.search(/[[{]/);
  if (start < 0) return undefined;
  try {
    const parsed: unknown = JSON.parse(text.slice(start));
    // Streaming errors may come as a one-element array.
    const envelope = (Array.isArray(parsed) ? parsed[0] : parsed) as { error?: GoogleErrorBody } | undefined;
    return typeof envelope?.error === 'object' && envelope.error !== null ? envelope.error : undefined;
  } catch {
    return undefined;
  }
}

/** `google.rpc.RetryInfo.retryDelay` is a Duration in JSON form: `"30s"`, `"1.5s"`. */
function retryDelayMs(details: GoogleErrorBody['details']): number | undefined {
  const info = details?.find((detail) => String(detail['@type']).endsWith('google.rpc.RetryInfo'));
  const delay = info?.retryDelay;
  const seconds = typeof delay === 'string' ? /^(\d+(?:\.\d+)?)s$/.exec(delay)?.[1] : undefined;
  return seconds === undefined ? undefined : Math.round(Number(seconds) * 1000);
}

function errorInfoReason(details: GoogleErrorBody['details']): string | undefined {
  const info = details?.find((detail) => String(detail['@type']).endsWith('google.rpc.ErrorInfo'));
  return typeof info?.reason === 'string' ? info.reason : undefined;
}

function quotaViolations(details: GoogleErrorBody['details']): string[] {
  const failure = details?.find((detail) => String(detail['@type']).endsWith('google.rpc.QuotaFailure'));
  const violations = Array.isArray(failure?.violations) ? failure.violations : [];
  return violations.map((violation: { quotaId?: unknown }) => String(violation.quotaId ?? ''));
}

function isMalformedResponse(error: unknown): boolean {
  return (
    error instanceof SyntaxError ||
    /exception parsing stream chunk|Incomplete JSON segment/i.test(messageOf(error))
  );
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** One readable line: HTML error pages from proxies lose their tags, long bodies are cut. */
function short(text: string): string {
  const plain = text
    .replace(/<[^>]*>/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return plain.length > 400 ? `${plain.slice(0, 400)}…` : plain;
}
