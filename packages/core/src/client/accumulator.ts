import type { SwitchboardErrorLike } from '../errors/errors.js';
import type { SwitchboardStreamEvent } from '../execution/types.js';
import type { ToolCall } from '../types/messages.js';
import type { FinishReason } from '../types/stream.js';
import type { Usage } from '../types/usage.js';

/**
 * Folds a Switchboard stream into the parts of a response. Usage is kept per answering model
 * (a provider reports one final usage per stream; after continue-on-fallback two models
 * answered, each priced at its own rate).
 */
export class StreamAccumulator {
  text = '';
  reasoning = '';
  toolCalls: ToolCall[] = [];
  finishReason: FinishReason | undefined;
  interruption: SwitchboardErrorLike | undefined;
  metadata: Record<string, unknown> = {};
  /** Final usage reported by each model that produced part of the answer. */
  readonly usageByModel = new Map<string, Usage>();
  private model: string | undefined;

  add(event: SwitchboardStreamEvent): void {
    switch (event.type) {
      case 'text-delta':
        this.text += event.text;
        break;
      case 'reasoning-delta':
        this.reasoning += event.text;
        break;
      case 'tool-call':
        this.toolCalls.push(event.toolCall);
        break;
      case 'start':
        this.model = event.model;
        break;
      case 'continued':
        this.model = event.to;
        break;
      case 'usage':
        // The last report wins: some vendors send running totals.
        if (this.model) this.usageByModel.set(this.model, event.usage);
        break;
      case 'metadata':
        Object.assign(this.metadata, event.metadata);
        break;
      case 'finish':
        this.finishReason = event.reason;
        break;
      case 'interrupted':
        this.interruption = event.error;
        this.finishReason = 'error';
        break;
    }
  }
}
