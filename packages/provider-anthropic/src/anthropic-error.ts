import {
  AnthropicError,
  APIConnectionError,
  APIConnectionTimeoutError,
  APIError,
  APIUserAbortError,
} from '@anthropic-ai/sdk';
import {
  type ErrorDetails,
  type ErrorKind,
  errorFromAbort,
  errorFromHttp,
  isSwitchboardError,
  SwitchboardError,
  toSwitchboardError,
} from '@switchboard/core';

export const PROVIDER_ID = 'anthropic';

export interface ErrorScope {
  model?: string;
  /** The caller's signal: an abort is reported as cancelled (or timeout), whatever the SDK threw. */
  signal?: AbortSignal | undefined;
}

const AUTH_HINT =
  'Check the Anthropic API key: set a valid one with "Switchboard: Set API Key" or the ANTHROPIC_API_KEY environment variable.';

const HINTS: Partial<Record<ErrorKind, string>> = {
  authentication: AUTH_HINT,
  'permission-denied':
    'This Anthropic API key may not use this model or feature; use another key, workspace or model.',
  'quota-exceeded':
    'The Anthropic account has reached its spend limit or run out of credit; raise the limit in the Claude Console or pick another model.',
};

// Mid-stream `event: error` carries no HTTP status; these are the statuses the same error types
// have in a non-streaming answer. https://platform.claude.com/docs/en/api/errors
const STATUS_BY_TYPE: Record<string, number> = {
  invalid_request_error: 400,
  authentication_error: 401,
  billing_error: 402,
  permission_error: 403,
  not_found_error: 404,
  conflict_error: 409,
  request_too_large: 413,
  rate_limit_error: 429,
  api_error: 500,
  timeout_error: 504,
  overloaded_error: 529,
};

/** Spend caps and linked-billing refusals: waiting a minute does not help (error.details.error_code). */
const SPEND_LIMIT = /spend_limit|billing|credit/i;

const base = (scope: ErrorScope): ErrorDetails => ({
  provider: PROVIDER_ID,
  ...(scope.model === undefined ? {} : { model: scope.model }),
});

/** Anything an Anthropic call threw, as a Switchboard error whose message says what happened. */
export function toAnthropicError(error: unknown, scope: ErrorScope = {}): SwitchboardError {
  if (isSwitchboardError(error)) return toSwitchboardError(error);
  if (scope.signal?.aborted) return abortError(scope.signal, scope);
  if (error instanceof APIUserAbortError) {
    return new SwitchboardError('cancelled', 'The Anthropic request was cancelled.', base(scope));
  }
  if (error instanceof APIConnectionTimeoutError) {
    return new SwitchboardError(
      'timeout',
      'Anthropic did not answer before the request timed out.',
      base(scope),
    );
  }
  if (error instanceof APIConnectionError) {
    return new SwitchboardError(
      'connection',
      `Could not reach Anthropic: ${describeCause(error.cause ?? error)}.`,
      {
        ...base(scope),
        cause: error,
      },
    );
  }
  if (error instanceof APIError) return fromApiError(error, scope);
  if (error instanceof SyntaxError) {
    return new SwitchboardError(
      'invalid-response',
      `Anthropic sent data that is not valid JSON (${error.message}).`,
      base(scope),
    );
  }
  if (error instanceof AnthropicError && /streaming is required/i.test(error.message)) {
    // The SDK refuses non-streaming calls whose max_tokens could run past ten minutes.
    return new SwitchboardError(
      'invalid-request',
      'Anthropic requires streaming for a maxTokens this large.',
      {
        ...base(scope),
        hint: 'Use stream() for long answers, or lower maxTokens.',
      },
    );
  }
  const generic = toSwitchboardError(error, base(scope));
  if (generic.kind !== 'connection') return generic;
  // A body that breaks off mid-stream surfaces as undici's "terminated" with a socket code.
  return new SwitchboardError('connection', `The connection to Anthropic broke: ${describeCause(error)}.`, {
    ...base(scope),
    cause: error,
  });
}

/** The caller aborted: a deadline (TimeoutError reason) is a timeout, anything else a cancellation. */
export function abortError(signal: AbortSignal, scope: ErrorScope = {}): SwitchboardError {
  return errorFromAbort(signal.reason, base(scope), 'Anthropic');
}

/** HTTP errors and mid-stream `error` events: status (or the type's status), error.type and error_code. */
function fromApiError(error: APIError, scope: ErrorScope): SwitchboardError {
  const type = error.type ?? undefined;
  const errorCode = error.errorCode ?? undefined;
  const midStream = error.status === undefined;
  const status = error.status ?? (type ? STATUS_BY_TYPE[type] : undefined) ?? 500;
  const message = truncate(error.apiMessage ?? error.message.replace(/^\d{3}\s+/, ''));
  const code = errorCode ?? type;
  const mapped = errorFromHttp({
    status,
    message,
    ...(error.headers ? { headers: error.headers } : {}),
    ...base(scope),
    ...(code === undefined ? {} : { code }),
  });
  const kind: ErrorKind = errorCode && SPEND_LIMIT.test(errorCode) ? 'quota-exceeded' : mapped.kind;
  const what = type ? `${type}: ${message}` : message;
  const requestId = error.requestID ? ` (request-id ${error.requestID})` : '';
  const text = midStream
    ? `Anthropic failed mid-stream with ${what}${requestId}`
    : `Anthropic answered ${status} ${what}${requestId}`;
  const hint = HINTS[kind];
  return new SwitchboardError(kind, text, {
    ...base(scope),
    ...(midStream ? {} : { status }),
    ...(code === undefined ? {} : { code }),
    ...(mapped.retryAfterMs === undefined ? {} : { retryAfterMs: mapped.retryAfterMs }),
    ...(hint ? { hint } : {}),
  });
}

/** `fetch failed (other side closed, UND_ERR_SOCKET)`: the messages and code down the cause chain. */
function describeCause(error: unknown): string {
  const parts: string[] = [];
  let code: string | undefined;
  for (let e: unknown = error, depth = 0; e instanceof Error && depth < 5; depth++) {
    if (e.message && !parts.includes(e.message)) parts.push(e.message);
    const own = (e as { code?: unknown }).code;
    if (typeof own === 'string') code ??= own;
    e = e.cause;
  }
  const [first = 'connection error', ...rest] = parts;
  const detail = [...rest, ...(code ? [code] : [])].join(', ');
  return detail ? `${first} (${detail})` : first;
}

function truncate(text: string, max = 500): string {
  return text.length > max ? `${text.slice(0, max)}…` : text;
}
