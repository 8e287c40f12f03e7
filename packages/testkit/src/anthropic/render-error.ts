/**
 * Anthropic's error envelope: `{"type":"error","error":{"type":...,"message":...},"request_id":...}`,
 * with `error.details.error_code` when the API names a precise cause.
 * https://platform.claude.com/docs/en/api/errors
 */

const TYPE_BY_STATUS: Record<number, string> = {
  400: 'invalid_request_error',
  401: 'authentication_error',
  402: 'billing_error',
  403: 'permission_error',
  404: 'not_found_error',
  409: 'conflict_error',
  413: 'request_too_large',
  429: 'rate_limit_error',
  500: 'api_error',
  504: 'timeout_error',
  529: 'overloaded_error',
};

const STATUS_BY_TYPE: Record<string, number> = Object.fromEntries(
  Object.entries(TYPE_BY_STATUS).map(([status, type]) => [type, Number(status)]),
);

export function errorTypeFor(status: number): string {
  return TYPE_BY_STATUS[status] ?? (status >= 500 ? 'api_error' : 'invalid_request_error');
}

/** The HTTP status the API uses for an error type (a mid-stream `overloaded_error` is a 529 elsewhere). */
export function statusForType(type: string): number {
  return STATUS_BY_TYPE[type] ?? 500;
}

export function errorBody(
  type: string,
  message: string,
  requestId: string,
  errorCode?: string,
): Record<string, unknown> {
  return {
    type: 'error',
    error: { type, message, ...(errorCode ? { details: { error_code: errorCode } } : {}) },
    request_id: requestId,
  };
}
