import type { ScriptedError } from '../script.js';

/** What OpenAI says for each status when the script gives no message or type. */
const DEFAULTS: Record<number, { type: string; code: string | null; message: string }> = {
  400: { type: 'invalid_request_error', code: null, message: 'Invalid request.' },
  401: {
    type: 'invalid_request_error',
    code: 'invalid_api_key',
    message:
      'Incorrect API key provided. You can find your API key at https://platform.openai.com/account/api-keys.',
  },
  403: { type: 'invalid_request_error', code: 'unsupported_country_region_territory', message: 'Forbidden.' },
  404: { type: 'invalid_request_error', code: 'model_not_found', message: 'The model does not exist.' },
  408: { type: 'timeout', code: null, message: 'Request timed out.' },
  413: { type: 'invalid_request_error', code: null, message: 'Request too large.' },
  422: { type: 'invalid_request_error', code: null, message: 'Unprocessable entity.' },
  429: {
    type: 'requests',
    code: 'rate_limit_exceeded',
    message: 'Rate limit reached for requests. Please try again later.',
  },
  500: {
    type: 'server_error',
    code: null,
    message: 'The server had an error while processing your request.',
  },
  502: { type: 'server_error', code: null, message: 'Bad gateway.' },
  503: {
    type: 'server_error',
    code: null,
    message: 'The engine is currently overloaded, please try again later.',
  },
};

/**
 * The error envelope `{"error":{"message","type","param","code"}}`.
 * https://platform.openai.com/docs/guides/error-codes/api-errors
 * e.g. {"error":{"message":"This model's maximum context length is 8192 tokens...","type":"invalid_request_error",
 *       "param":"messages","code":"context_length_exceeded"}}
 */
export function renderErrorBody(step: ScriptedError) {
  const fallback = DEFAULTS[step.status] ?? {
    type: step.status >= 500 ? 'server_error' : 'invalid_request_error',
    code: null,
    message: `Error ${step.status}.`,
  };
  return {
    error: {
      message: step.message ?? fallback.message,
      type: step.type ?? fallback.type,
      param: null,
      code: step.code ?? fallback.code,
    },
  };
}
