import {
  finishOf,
  type ScriptedFinish,
  type ScriptedReply,
  type ScriptedUsage,
  splitArgs,
  textChunksOf,
  usageOf,
} from '../script.js';

/** OpenAI's finish_reason values for the neutral ones. */
const FINISH_REASONS: Record<ScriptedFinish, string> = {
  stop: 'stop',
  length: 'length',
  'tool-calls': 'tool_calls',
  'content-filter': 'content_filter',
};

/** Where the fake puts reasoning text: `reasoning_content`, as DeepSeek, vLLM and OpenRouter's legacy field do. */
export const REASONING_FIELD = 'reasoning_content';

/** OpenAI-only additions to the neutral script, for stream endings the neutral faults do not cover. */
export interface OpenAIScriptedReply extends ScriptedReply {
  /** After the text, send `data: {"error": {...}}` and close instead of finishing. */
  midStreamError?: { message: string; type?: string; code?: string };
  /** After the text, close the stream cleanly with no finish chunk and no `[DONE]`. */
  endWithoutFinish?: boolean;
}

export interface ChatRenderContext {
  /** `chatcmpl-...` id shared by every chunk of one answer. */
  id: string;
  model: string;
  created: number;
}

/**
 * The `usage` object of a chat completion, with the cached-prompt and reasoning breakdowns.
 * https://platform.openai.com/docs/api-reference/chat/object (usage, prompt_tokens_details, completion_tokens_details)
 */
export function renderUsage(usage: ScriptedUsage) {
  return {
    prompt_tokens: usage.inputTokens,
    completion_tokens: usage.outputTokens,
    total_tokens: usage.inputTokens + usage.outputTokens,
    prompt_tokens_details: { cached_tokens: usage.cachedInputTokens ?? 0, audio_tokens: 0 },
    completion_tokens_details: {
      reasoning_tokens: usage.reasoningTokens ?? 0,
      audio_tokens: 0,
      accepted_prediction_tokens: 0,
      rejected_prediction_tokens: 0,
    },
  };
}

/**
 * A non-streaming answer: the `chat.completion` object.
 * https://platform.openai.com/docs/api-reference/chat/object
 * e.g. {"id":"chatcmpl-123","object":"chat.completion","created":1677652288,"model":"gpt-4o-mini",
 *       "choices":[{"index":0,"message":{"role":"assistant","content":"Hello!","refusal":null},
 *       "logprobs":null,"finish_reason":"stop"}],"usage":{...}}
 */
export function renderCompletion(step: ScriptedReply, context: ChatRenderContext) {
  const toolCalls = step.toolCalls ?? [];
  const message: Record<string, unknown> = {
    role: 'assistant',
    content: step.text ?? (toolCalls.length ? null : ''),
    refusal: null,
  };
  if (step.reasoning !== undefined) message[REASONING_FIELD] = step.reasoning;
  if (toolCalls.length) {
    message.tool_calls = toolCalls.map((call) => ({
      id: call.id,
      type: 'function',
      function: { name: call.name, arguments: JSON.stringify(call.args) },
    }));
  }
  return {
    id: context.id,
    object: 'chat.completion',
    created: context.created,
    model: context.model,
    system_fingerprint: 'fp_fake',
    choices: [{ index: 0, message, logprobs: null, finish_reason: FINISH_REASONS[finishOf(step)] }],
    usage: renderUsage(usageOf(step)),
  };
}

/**
 * A streamed answer: `chat.completion.chunk` objects, sent as `data: {...}` SSE lines without event
 * names and closed by `data: [DONE]`.
 * https://platform.openai.com/docs/api-reference/chat-streaming/streaming
 * - the first chunk carries `delta.role`;
 * - a tool call's first piece carries `index`, `id`, `type` and `function.name`, later pieces only
 *   `index` and `function.arguments`; parallel calls use further indexes;
 * - with `stream_options.include_usage`, every chunk has `usage: null` and one more chunk with
 *   `choices: []` carries the usage before `[DONE]`.
 */
export function renderChunks(
  step: OpenAIScriptedReply,
  context: ChatRenderContext,
  includeUsage: boolean,
): Array<Record<string, unknown> | string> {
  const chunk = (delta: Record<string, unknown>, finishReason: string | null = null) => ({
    id: context.id,
    object: 'chat.completion.chunk',
    created: context.created,
    model: context.model,
    system_fingerprint: 'fp_fake',
    choices: [{ index: 0, delta, logprobs: null, finish_reason: finishReason }],
    ...(includeUsage ? { usage: null } : {}),
  });
  const chunks: Array<Record<string, unknown> | string> = [
    chunk({ role: 'assistant', content: '', refusal: null }),
  ];
  if (step.reasoning) {
    for (const piece of splitWords(step.reasoning)) chunks.push(chunk({ [REASONING_FIELD]: piece }));
  }
  for (const piece of textChunksOf(step)) chunks.push(chunk({ content: piece }));
  (step.toolCalls ?? []).forEach((call, index) => {
    chunks.push(
      chunk({
        tool_calls: [{ index, id: call.id, type: 'function', function: { name: call.name, arguments: '' } }],
      }),
    );
    for (const piece of splitArgs(JSON.stringify(call.args))) {
      chunks.push(chunk({ tool_calls: [{ index, function: { arguments: piece } }] }));
    }
  });
  if (step.midStreamError) {
    // What the SDK's stream reader treats as an error mid-answer: a data line holding an `error`
    // object (no HTTP status any more, the 200 was sent), after which the server closes the stream.
    const { message, type = 'server_error', code = null } = step.midStreamError;
    chunks.push({ error: { message, type, param: null, code } });
    return chunks;
  }
  // A proxy or server that drops the stream cleanly after the text: no finish chunk, no [DONE].
  if (step.endWithoutFinish) return chunks;
  chunks.push(chunk({}, FINISH_REASONS[finishOf(step)]));
  if (includeUsage) {
    chunks.push({
      id: context.id,
      object: 'chat.completion.chunk',
      created: context.created,
      model: context.model,
      system_fingerprint: 'fp_fake',
      choices: [],
      usage: renderUsage(usageOf(step)),
    });
  }
  chunks.push('[DONE]');
  return chunks;
}

function splitWords(text: string): string[] {
  return text.match(/\s*\S+\s*?/g) ?? [text];
}
