import { errorFromHttp, SwitchboardError, toSwitchboardError } from '@switchboard/core';

// Cohere's error body is `{ "id": "...", "message": "..." }` for every status
// (https://docs.cohere.com/reference/errors). Two cases need more than the status code:
// - 498 "blocked output": the request or the answer held a deny-listed token (its content filter);
// - 400 "too many tokens: ..." when the prompt does not fit (but not "max tokens must be ...").
const CONTENT_FILTERED_STATUS = 498;
const PROMPT_TOO_LONG =
  /too many tokens: (?:total number of tokens in the prompt|size limit exceeded|.*prompt is too long)/i;

/**
 * A non-2xx response as a SwitchboardError.
 * @param {Response} response
 * @param {string | undefined} model
 * @returns {Promise<SwitchboardError>}
 */
export async function cohereHttpError(response, model) {
  const details = { provider: 'cohere', ...(model ? { model } : {}) };
  let text = '';
  try {
    text = await response.text();
  } catch (error) {
    return toSwitchboardError(error, details);
  }
  const message = messageOf(text) || response.statusText || 'no details';
  const base = { ...details, status: response.status, message, headers: response.headers };
  if (response.status === CONTENT_FILTERED_STATUS) {
    return new SwitchboardError(
      'content-filtered',
      `Cohere blocked the request or its answer: ${message}`,
      details,
    );
  }
  if (PROMPT_TOO_LONG.test(message)) {
    return new SwitchboardError('context-window-exceeded', `Cohere answered ${response.status}: ${message}`, {
      ...details,
      status: response.status,
    });
  }
  return errorFromHttp(base);
}

/**
 * A failure of the wire itself (refused, reset, aborted) as a SwitchboardError.
 * @param {unknown} error
 * @param {string | undefined} model
 */
export function cohereWireError(error, model) {
  return toSwitchboardError(error, { provider: 'cohere', ...(model ? { model } : {}) });
}

/**
 * The answer arrived but cannot be read: retryable, like any broken response.
 * @param {string} what
 * @param {string | undefined} model
 */
export function invalidResponse(what, model) {
  return new SwitchboardError('invalid-response', `Cohere sent a malformed response: ${what}`, {
    provider: 'cohere',
    ...(model ? { model } : {}),
  });
}

/** @param {string} text */
function messageOf(text) {
  try {
    const body = JSON.parse(text);
    if (body && typeof body.message === 'string') return body.message;
  } catch {
    // not JSON (a proxy's HTML page): show its start
  }
  return text.slice(0, 300);
}
