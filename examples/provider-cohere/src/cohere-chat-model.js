import { hasImages, SwitchboardError } from '@switchboard/core';
import { cohereWireError } from './cohere-error.js';
import { cohereFetch, readJson } from './cohere-fetch.js';
import { toCohereRequest } from './cohere-request.js';
import { parseArgs, toModelEvents } from './cohere-stream.js';
import { mapCohereFinishReason, throwIfFailed } from './map-cohere-finish-reason.js';
import { mapCohereUsage } from './map-cohere-usage.js';
import { findModel } from './models.js';
import { readSse } from './read-sse.js';

/**
 * @typedef {import('@switchboard/core').ChatModel} ChatModel
 * @typedef {import('@switchboard/core').ChatRequest} ChatRequest
 * @typedef {import('@switchboard/core').CallOptions} CallOptions
 * @typedef {import('@switchboard/core').GenerateResult} GenerateResult
 */

/**
 * A Cohere chat model: POST /v2/chat, as one JSON answer or as SSE (https://docs.cohere.com/reference/chat).
 * @param {string} modelId
 * @param {import('@switchboard/core').ProviderContext} context
 * @returns {ChatModel}
 */
export function createCohereChatModel(modelId, context) {
  const model = `cohere/${modelId}`;

  /** @param {ChatRequest} request @param {CallOptions} options @param {boolean} stream */
  const post = (request, options, stream) => {
    refuseImagesWithoutVision(modelId, request);
    return cohereFetch(context, '/v2/chat', {
      body: toCohereRequest(modelId, request, stream),
      model,
      ...(options.signal ? { signal: options.signal } : {}),
      ...(options.headers ? { headers: options.headers } : {}),
    });
  };

  return {
    provider: 'cohere',
    modelId,

    /** @returns {Promise<GenerateResult>} */
    async generate(request, options = {}) {
      const body = await readJson(await post(request, options, false), model);
      throwIfFailed(body.finish_reason, undefined, model);
      const content = body.message?.content ?? [];
      const text = content.map((part) => (part.type === 'text' ? part.text : '')).join('');
      const reasoning = [
        body.message?.tool_plan ?? '',
        ...content.map((part) => (part.type === 'thinking' ? part.thinking : '')),
      ].join('');
      return {
        text,
        ...(reasoning ? { reasoning } : {}),
        toolCalls: (body.message?.tool_calls ?? []).map((call) => ({
          id: call.id,
          name: call.function?.name ?? '',
          args: parseArgs(call.function?.arguments ?? '', model),
        })),
        usage: mapCohereUsage(body.usage),
        finishReason: mapCohereFinishReason(body.finish_reason),
        ...(body.id ? { metadata: { id: body.id } } : {}),
      };
    },

    async *stream(request, options = {}) {
      const response = await post(request, options, true);
      if (!response.body) throw cohereWireError(new Error('The stream has no body.'), model);
      try {
        yield* toModelEvents(readSse(response.body), model);
      } catch (error) {
        throw cohereWireError(error, model); // a reset or an abort while reading; our own errors pass through
      }
    },
  };
}

/**
 * Known text-only models refuse images up front, so an image is never silently ignored.
 * @param {string} modelId
 * @param {ChatRequest} request
 */
function refuseImagesWithoutVision(modelId, request) {
  if (findModel(modelId)?.capabilities.vision !== false || !hasImages(request.messages)) return;
  throw new SwitchboardError('invalid-request', `Cohere model "${modelId}" cannot read images.`, {
    provider: 'cohere',
    model: `cohere/${modelId}`,
    fallbackMayHelp: true,
    hint: 'Pick a vision model such as cohere/command-a-vision-07-2025, or remove the image.',
  });
}
