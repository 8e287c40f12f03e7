import type { Faults, ScriptedError } from '../script.js';

/**
 * Google's error envelope: `{"error": {"code", "message", "status", "details"}}` with the
 * google.rpc status name, as listed in https://ai.google.dev/gemini-api/docs/troubleshooting
 * (HTTP code, status, description) and google.rpc's details types
 * (https://cloud.google.com/apis/design/errors#error_details).
 */
const RPC_STATUS: Record<number, { status: string; message: string }> = {
  400: { status: 'INVALID_ARGUMENT', message: 'Request contains an invalid argument.' },
  401: { status: 'UNAUTHENTICATED', message: 'Request had invalid authentication credentials.' },
  403: { status: 'PERMISSION_DENIED', message: 'The caller does not have permission' },
  404: { status: 'NOT_FOUND', message: 'Requested entity was not found.' },
  409: { status: 'ABORTED', message: 'The operation was aborted.' },
  429: { status: 'RESOURCE_EXHAUSTED', message: 'Resource has been exhausted (e.g. check quota).' },
  499: { status: 'CANCELLED', message: 'The operation was cancelled.' },
  500: {
    status: 'INTERNAL',
    message:
      'An internal error has occurred. Please retry or report in https://developers.generativeai.google/guide/troubleshooting',
  },
  501: { status: 'NOT_IMPLEMENTED', message: 'Method not implemented.' },
  503: { status: 'UNAVAILABLE', message: 'The model is overloaded. Please try again later.' },
  504: { status: 'DEADLINE_EXCEEDED', message: 'Deadline expired before operation could complete.' },
};

export interface GeminiErrorOptions {
  message?: string;
  /** google.rpc status name; derived from the HTTP status when absent. */
  status?: string;
  /** `google.rpc.RetryInfo.retryDelay`, a protobuf Duration in JSON form such as `"30s"` or `"1.5s"`. */
  retryDelay?: string;
  /** `google.rpc.ErrorInfo.reason`, e.g. `API_KEY_INVALID` (sent with a 400 for a bad key). */
  reason?: string;
}

/** The JSON body Google sends for an error. */
export function geminiErrorBody(httpStatus: number, options: GeminiErrorOptions = {}): unknown {
  const known = RPC_STATUS[httpStatus] ?? { status: 'UNKNOWN', message: 'Unknown error.' };
  const details: unknown[] = [];
  if (options.reason) {
    details.push({
      '@type': 'type.googleapis.com/google.rpc.ErrorInfo',
      reason: options.reason,
      domain: 'googleapis.com',
      metadata: { service: 'generativelanguage.googleapis.com' },
    });
  }
  if (options.retryDelay) {
    details.push({ '@type': 'type.googleapis.com/google.rpc.RetryInfo', retryDelay: options.retryDelay });
  }
  return {
    error: {
      code: httpStatus,
      message: options.message ?? known.message,
      status: options.status ?? known.status,
      ...(details.length ? { details } : {}),
    },
  };
}

/**
 * A scripted Gemini error with details the neutral `ScriptedError` has no field for (RetryInfo).
 * Example, the documented rate-limit answer: `geminiError(429, { retryDelay: '30s' })`.
 */
export function geminiError(
  httpStatus: number,
  options: GeminiErrorOptions & { headers?: Record<string, string>; faults?: Faults } = {},
): ScriptedError {
  const { headers, faults, ...body } = options;
  return {
    kind: 'error',
    status: httpStatus,
    rawBody: JSON.stringify(geminiErrorBody(httpStatus, body)),
    ...(headers ? { headers } : {}),
    ...(faults ? { faults } : {}),
  };
}
