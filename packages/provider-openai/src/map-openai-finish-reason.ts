import type { FinishReason } from '@switchboard/core';

/**
 * OpenAI's finish_reason as core's. `function_call` is the legacy name of `tool_calls`; `eos` is
 * what some compatible servers send for a natural stop.
 * https://platform.openai.com/docs/api-reference/chat/object (choices[].finish_reason)
 */
export function mapOpenAIFinishReason(reason: string | null | undefined): FinishReason {
  switch (reason) {
    case 'stop':
    case 'eos':
      return 'stop';
    case 'length':
      return 'length';
    case 'tool_calls':
    case 'function_call':
      return 'tool-calls';
    case 'content_filter':
      return 'content-filter';
    default:
      return 'other';
  }
}

/** Some compatible servers (vLLM, llama.cpp) say `stop` after tool calls; callers must still run them. */
export function finishWithToolCalls(reason: FinishReason, toolCallCount: number): FinishReason {
  return toolCallCount > 0 && reason === 'stop' ? 'tool-calls' : reason;
}
