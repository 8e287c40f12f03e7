import { SwitchboardError } from '@switchboard/core';

// https://docs.cohere.com/reference/chat: finish_reason is COMPLETE, STOP_SEQUENCE, MAX_TOKENS,
// TOOL_CALL, ERROR or TIMEOUT. Cohere has no content-filter reason: its filter answers HTTP 498.

/**
 * @param {string | undefined} reason
 * @returns {import('@switchboard/core').FinishReason}
 */
export function mapCohereFinishReason(reason) {
  switch (reason) {
    case 'COMPLETE':
    case 'STOP_SEQUENCE':
      return 'stop';
    case 'MAX_TOKENS':
      return 'length';
    case 'TOOL_CALL':
      return 'tool-calls';
    default:
      return 'other';
  }
}

/**
 * ERROR and TIMEOUT mean the generation failed on Cohere's side: thrown (retryable) rather than
 * reported as an ordinary finish, so Switchboard can retry or fall back.
 * @param {string | undefined} reason
 * @param {string | undefined} detail the `error` text Cohere may send with it
 * @param {string} model
 */
export function throwIfFailed(reason, detail, model) {
  if (reason !== 'ERROR' && reason !== 'TIMEOUT') return;
  throw new SwitchboardError(
    reason === 'TIMEOUT' ? 'timeout' : 'service-unavailable',
    `Cohere stopped the answer with ${reason}${detail ? `: ${detail}` : ''}.`,
    { provider: 'cohere', model },
  );
}
