import {
  type ErrorDetails,
  errorFromAbort,
  errorFromHttp,
  isSwitchboardError,
  SwitchboardError,
  toSwitchboardError,
} from '@switchboard/core';
import { APIConnectionError, APIConnectionTimeoutError, APIError, APIUserAbortError } from 'openai';

/** Who failed, for messages and error details. */
export interface ErrorOrigin {
  provider: string;
  /** Model id within the provider. */
  model?: string;
  baseUrl?: string;
  /** What to do when the server cannot be reached (e.g. how to start a local server). */
  unreachableHint?: string;
  /** The caller's signal: once aborted, every failure is the abort's. */
  signal?: AbortSignal;
}

/**
 * Maps whatever the openai SDK (or the socket under it) threw into a Switchboard error. HTTP errors
 * go through core's `errorFromHttp` with the status, the body's `type`/`code` and the response
 * headers (Retry-After); transport failures become connection, timeout, cancelled or invalid-response.
 */
export function mapOpenAIError(error: unknown, origin: ErrorOrigin): SwitchboardError {
  if (isSwitchboardError(error)) return toSwitchboardError(error);
  const details = detailsOf(origin);
  const who = details.model ?? origin.provider;
  if (origin.signal?.aborted) return abortError(origin.signal, origin);
  if (error instanceof APIUserAbortError) {
    return new SwitchboardError('cancelled', 'The request was cancelled.', { ...details, cause: error });
  }
  if (error instanceof APIConnectionTimeoutError) {
    return new SwitchboardError('timeout', `${who} did not answer in time.`, { ...details, cause: error });
  }
  if (error instanceof APIConnectionError) {
    const cause = error.cause === undefined ? '' : `: ${rootMessage(error.cause)}`;
    const where = origin.baseUrl ? ` at ${origin.baseUrl}` : '';
    return new SwitchboardError('connection', `Could not reach ${origin.provider}${where}${cause}.`, {
      ...details,
      cause: error,
      ...(origin.unreachableHint ? { hint: origin.unreachableHint } : {}),
    });
  }
  if (error instanceof APIError) return httpError(error, details, who);
  if (error instanceof SyntaxError) {
    return new SwitchboardError('invalid-response', `${who} sent a malformed response: ${error.message}`, {
      ...details,
      cause: error,
    });
  }
  const mapped = toSwitchboardError(error, details);
  if (mapped.kind === 'connection') {
    // undici's "terminated": the socket closed under a response that was still arriving.
    return new SwitchboardError(
      'connection',
      `The connection to ${who} broke mid-answer: ${rootMessage(error)}.`,
      {
        ...details,
        cause: error,
      },
    );
  }
  return mapped;
}

/** The caller aborted: its reason decides between timeout (AbortSignal.timeout) and cancelled. */
export function abortError(signal: AbortSignal, origin: ErrorOrigin): SwitchboardError {
  const details = detailsOf(origin);
  return errorFromAbort(signal.reason, details, details.model ?? origin.provider);
}

function httpError(error: APIError, details: ErrorDetails, who: string): SwitchboardError {
  const message = bodyMessage(error);
  if (error.status === undefined) {
    // An error object inside an answer stream (`data: {"error": ...}`): no status to go by.
    const mapped = toSwitchboardError(new Error(message), details);
    if (mapped.kind !== 'unknown') return mapped;
    return new SwitchboardError('service-unavailable', `${who} reported an error mid-answer: ${message}`, {
      ...details,
      cause: error,
    });
  }
  const code = typeof error.code === 'string' ? error.code : error.type;
  const requestId = error.requestID ? ` (request ${error.requestID})` : '';
  return errorFromHttp({
    ...details,
    status: error.status,
    message: `${message}${requestId}`,
    ...(error.headers ? { headers: error.headers } : {}),
    ...(code ? { code } : {}),
    cause: error,
  });
}

/** The vendor's own words: the body's `error.message`, or the raw body of a non-JSON answer, shortened. */
function bodyMessage(error: APIError): string {
  const body: unknown = error.error;
  let text =
    typeof body === 'object' && body !== null && typeof (body as { message?: unknown }).message === 'string'
      ? (body as { message: string }).message
      : error.message.replace(/^\d{3}\s+/, '');
  if (/^\s*<(?:!doctype|html)/i.test(text)) text = 'an HTML error page instead of an API response';
  text = text.replace(/\s+/g, ' ').trim();
  return text.length > 300 ? `${text.slice(0, 300)}…` : text || 'no details';
}

function detailsOf(origin: ErrorOrigin): ErrorDetails & { model?: string } {
  return {
    provider: origin.provider,
    ...(origin.model === undefined ? {} : { model: `${origin.provider}/${origin.model}` }),
  };
}

/** The innermost cause says most ("connect ECONNREFUSED", "other side closed"), not "fetch failed". */
function rootMessage(error: unknown): string {
  let current = error;
  for (let depth = 0; depth < 5 && current instanceof Error && current.cause instanceof Error; depth++) {
    current = current.cause;
  }
  return current instanceof Error ? current.message : String(current);
}

/** A required setting is missing: say which variable or command sets it. */
export function missingSettingError(
  provider: string,
  displayName: string,
  setting: 'apiKey' | 'baseUrl',
  env: readonly string[],
): SwitchboardError {
  const vars = env.join(' or ');
  if (setting === 'apiKey') {
    return new SwitchboardError(
      'authentication',
      `No API key for ${displayName} (${provider})${vars ? `: ${vars} is not set` : ''}.`,
      {
        provider,
        hint: `Run "Switchboard: Set API Key" and pick ${provider}${vars ? `, or set ${vars}` : ''}.`,
      },
    );
  }
  return new SwitchboardError('invalid-request', `No base URL for ${displayName} (${provider}).`, {
    provider,
    fallbackMayHelp: true,
    hint: `Set ${vars ? `${vars} or ` : ''}the "baseUrl" setting of ${provider} in the Switchboard settings.`,
  });
}
