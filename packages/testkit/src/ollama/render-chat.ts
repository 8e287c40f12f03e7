import {
  finishOf,
  type ScriptedFinish,
  type ScriptedReply,
  type ScriptedToolCall,
  textChunksOf,
  usageOf,
} from '../script.js';

/** How the fake renders tool calls; real servers differ by version and by model. */
export interface ToolCallRendering {
  /**
   * Ollama 0.12+ gives each call an `id` (`call_xxxxxxxx`) and a `function.index`; older servers
   * send only `{function: {name, arguments}}` (api/types.go `ToolCall`).
   */
  ids: boolean;
  /** While streaming, one NDJSON line per call (`separate`) or every call in one line (`together`). */
  chunks: 'separate' | 'together';
}

// Ollama has no content filter and reports tool calls with done_reason "stop"
// (https://github.com/ollama/ollama/blob/main/docs/api.md#chat-request-streaming-with-tools).
const DONE_REASON: Record<ScriptedFinish, string> = {
  stop: 'stop',
  length: 'length',
  'tool-calls': 'stop',
  'content-filter': 'stop',
};

function toolCallJson(call: ScriptedToolCall, index: number, rendering: ToolCallRendering) {
  // Arguments travel as a JSON object, never a string.
  const fn = { name: call.name, arguments: call.args };
  return rendering.ids ? { id: call.id, function: { index, ...fn } } : { function: fn };
}

/** The statistics Ollama adds to its final object (durations in nanoseconds). */
function finalFields(step: ScriptedReply): Record<string, unknown> {
  const usage = usageOf(step);
  return {
    done: true,
    done_reason: DONE_REASON[finishOf(step)],
    total_duration: 182242375,
    load_duration: 41295167,
    prompt_eval_count: usage.inputTokens,
    prompt_eval_duration: 24573166,
    eval_count: usage.outputTokens,
    eval_duration: 115959084,
  };
}

function pieces(text: string | undefined): string[] {
  if (!text) return [];
  return text.match(/\s*\S+\s*?/g) ?? [text];
}

/**
 * A non-streaming /api/chat answer
 * (https://github.com/ollama/ollama/blob/main/docs/api.md#chat-request-no-streaming).
 */
export function renderChatBody(
  step: ScriptedReply,
  model: string,
  rendering: ToolCallRendering,
): Record<string, unknown> {
  const message: Record<string, unknown> = { role: 'assistant', content: step.text ?? '' };
  if (step.reasoning) message.thinking = step.reasoning;
  if (step.toolCalls?.length) {
    message.tool_calls = step.toolCalls.map((call, index) => toolCallJson(call, index, rendering));
  }
  return { model, created_at: new Date().toISOString(), message, ...finalFields(step) };
}

/**
 * A streaming /api/chat answer as NDJSON objects: thinking pieces, text pieces, tool calls (whole,
 * never split), then the final object with done true and the counts
 * (https://github.com/ollama/ollama/blob/main/docs/api.md#chat-request-streaming-with-tools).
 */
export function renderChatLines(
  step: ScriptedReply,
  model: string,
  rendering: ToolCallRendering,
): Array<Record<string, unknown>> {
  const line = (message: Record<string, unknown>) => ({
    model,
    created_at: new Date().toISOString(),
    message: { role: 'assistant', content: '', ...message },
    done: false,
  });
  const lines: Array<Record<string, unknown>> = [
    ...pieces(step.reasoning).map((thinking) => line({ thinking })),
    ...textChunksOf(step).map((content) => line({ content })),
  ];
  const calls = (step.toolCalls ?? []).map((call, index) => toolCallJson(call, index, rendering));
  if (calls.length && rendering.chunks === 'together') lines.push(line({ tool_calls: calls }));
  else for (const call of calls) lines.push(line({ tool_calls: [call] }));
  lines.push({
    model,
    created_at: new Date().toISOString(),
    message: { role: 'assistant', content: '' },
    ...finalFields(step),
  });
  return lines;
}
