import type { FinishReason } from '@switchboard/core';
import type { ChatOutcome } from './protocol.js';

/** node-llama-cpp's stop reasons in core's terms. */
export function mapLlamaCppFinishReason(
  outcome: Pick<ChatOutcome, 'stopReason' | 'functionCalls'>,
): FinishReason {
  switch (outcome.stopReason) {
    case 'functionCalls':
      return outcome.functionCalls.length > 0 ? 'tool-calls' : 'stop';
    case 'maxTokens':
      return 'length';
    case 'eogToken':
    case 'stopGenerationTrigger':
    case 'customStopTrigger':
      return 'stop';
    case 'abort':
      return 'other';
  }
}
