import { toCohereMessages } from './convert-to-cohere-messages.js';

// The body of POST /v2/chat (https://docs.cohere.com/reference/chat). Cohere names top-p `p`
// and stop strings `stop_sequences`; JSON output is `response_format: { type: "json_object" }`
// with an optional `json_schema` (https://docs.cohere.com/docs/structured-outputs).

/**
 * @param {string} modelId
 * @param {import('@switchboard/core').ChatRequest} request
 * @param {boolean} stream
 */
export function toCohereRequest(modelId, request, stream) {
  const format = request.responseFormat;
  return {
    model: modelId,
    messages: toCohereMessages(request.messages),
    stream,
    ...toolOptions(request),
    ...(request.maxTokens !== undefined ? { max_tokens: request.maxTokens } : {}),
    ...(request.temperature !== undefined ? { temperature: request.temperature } : {}),
    ...(request.topP !== undefined ? { p: request.topP } : {}),
    ...(request.stop?.length ? { stop_sequences: request.stop } : {}),
    ...(request.seed !== undefined ? { seed: request.seed } : {}),
    ...(format?.type === 'json'
      ? { response_format: { type: 'json_object', ...(format.schema ? { json_schema: format.schema } : {}) } }
      : {}),
    // Anything else Cohere accepts (safety_mode, thinking, ...) passes through untouched.
    ...request.providerOptions?.cohere,
  };
}

/**
 * Tools as `{ type: "function", function: {...} }`. Cohere's tool_choice knows only REQUIRED and
 * NONE, so "use this one tool" becomes REQUIRED with only that tool offered.
 * @param {import('@switchboard/core').ChatRequest} request
 */
function toolOptions(request) {
  const choice = request.toolChoice;
  let tools = request.tools ?? [];
  if (typeof choice === 'object') tools = tools.filter((tool) => tool.name === choice.name);
  if (tools.length === 0) return {};
  return {
    tools: tools.map((tool) => ({
      type: 'function',
      function: {
        name: tool.name,
        ...(tool.description ? { description: tool.description } : {}),
        parameters: tool.parameters,
      },
    })),
    ...(choice === 'required' || typeof choice === 'object' ? { tool_choice: 'REQUIRED' } : {}),
    ...(choice === 'none' ? { tool_choice: 'NONE' } : {}),
  };
}
