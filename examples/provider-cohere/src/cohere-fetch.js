import { SwitchboardError } from '@switchboard/core';
import { cohereHttpError, cohereWireError, invalidResponse } from './cohere-error.js';

export const DEFAULT_BASE_URL = 'https://api.cohere.com';

/**
 * Calls the Cohere API with the key from the settings (https://docs.cohere.com/reference/about:
 * `Authorization: Bearer <key>`). Resolves only with a 2xx response; everything else is thrown
 * as a SwitchboardError. There are no retries here: Switchboard's core retries and falls back.
 * @param {import('@switchboard/core').ProviderContext} context
 * @param {string} path e.g. `/v2/chat`
 * @param {{ body?: unknown, signal?: AbortSignal, headers?: Record<string, string>, model?: string }} [options]
 * @returns {Promise<Response>}
 */
export async function cohereFetch(context, path, options = {}) {
  const { apiKey, baseUrl = DEFAULT_BASE_URL } = context.settings;
  if (!apiKey) {
    throw new SwitchboardError('authentication', 'No Cohere API key is set.', {
      provider: 'cohere',
      hint: 'Set it with "Switchboard: Set API Key" (provider cohere) or the CO_API_KEY environment variable.',
    });
  }
  let response;
  try {
    response = await fetch(`${baseUrl.replace(/\/+$/, '')}${path}`, {
      method: options.body === undefined ? 'GET' : 'POST',
      headers: {
        ...options.headers,
        authorization: `Bearer ${apiKey}`,
        accept: 'application/json',
        ...(options.body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      ...(options.body === undefined ? {} : { body: JSON.stringify(options.body) }),
      ...(options.signal ? { signal: options.signal } : {}),
    });
  } catch (error) {
    throw cohereWireError(error, options.model);
  }
  if (!response.ok) throw await cohereHttpError(response, options.model);
  return response;
}

/**
 * The JSON body of a response; a body that breaks off or is not JSON is an error.
 * @param {Response} response
 * @param {string | undefined} model
 */
export async function readJson(response, model) {
  let text;
  try {
    text = await response.text();
  } catch (error) {
    throw cohereWireError(error, model);
  }
  try {
    return JSON.parse(text);
  } catch {
    throw invalidResponse(`the body is not JSON: ${text.slice(0, 100)}`, model);
  }
}
