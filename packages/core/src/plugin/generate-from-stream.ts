import type { GenerateResult } from '../types/response.js';
import type { ModelStreamEvent } from '../types/stream.js';

/**
 * `generate()` for a provider whose backend only streams: folds the model's stream events into
 * the result `generate()` returns, so the two can never disagree.
 */
export async function generateFromStream(events: AsyncIterable<ModelStreamEvent>): Promise<GenerateResult> {
  const result: GenerateResult = {
    text: '',
    toolCalls: [],
    usage: { inputTokens: 0, outputTokens: 0 },
    finishReason: 'stop',
  };
  let reasoning = '';
  for await (const event of events) {
    switch (event.type) {
      case 'text-delta':
        result.text += event.text;
        break;
      case 'reasoning-delta':
        reasoning += event.text;
        break;
      case 'tool-call':
        result.toolCalls.push(event.toolCall);
        break;
      case 'usage':
        result.usage = event.usage;
        break;
      case 'finish':
        result.finishReason = event.reason;
        break;
      case 'warning':
        result.warnings = [...(result.warnings ?? []), event.warning];
        break;
      case 'metadata':
        result.metadata = { ...result.metadata, ...event.metadata };
        break;
    }
  }
  if (reasoning) result.reasoning = reasoning;
  return result;
}
