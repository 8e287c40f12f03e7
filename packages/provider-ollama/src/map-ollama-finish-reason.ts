import type { FinishReason } from '@switchboard/core';

/**
 * Ollama's done_reason: `stop`, `length`, or `load`/`unload` for the empty requests that only
 * (un)load a model. It says `stop` even when the answer is tool calls
 * (https://github.com/ollama/ollama/blob/main/docs/api.md#chat-request-streaming-with-tools),
 * so calls decide. Ollama has no content filter.
 */
export function mapOllamaFinishReason(doneReason: string | undefined, sawToolCalls: boolean): FinishReason {
  if (doneReason === 'length') return 'length';
  if (sawToolCalls) return 'tool-calls';
  if (doneReason === undefined || doneReason === '' || doneReason === 'stop') return 'stop';
  return 'other';
}
