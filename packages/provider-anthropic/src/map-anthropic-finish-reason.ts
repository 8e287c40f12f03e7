import type { FinishReason } from '@switchboard/core';

/**
 * Anthropic's `stop_reason` in core's terms. A refusal is the safety classifiers stepping in;
 * `model_context_window_exceeded` cut the answer short like `max_tokens`; `pause_turn` (a server
 * tool paused a long turn) and anything newer are `other`.
 * https://platform.claude.com/docs/en/build-with-claude/handling-stop-reasons
 */
export function mapAnthropicFinishReason(stopReason: string | null | undefined): FinishReason {
  switch (stopReason) {
    case 'end_turn':
    case 'stop_sequence':
      return 'stop';
    case 'max_tokens':
    case 'model_context_window_exceeded':
      return 'length';
    case 'tool_use':
      return 'tool-calls';
    case 'refusal':
      return 'content-filter';
    default:
      return 'other';
  }
}
