import type { SwitchboardErrorLike } from '../errors/errors.js';
import type { SwitchboardStreamEvent } from '../execution/types.js';
import type { ToolCall } from '../types/messages.js';
import type { FinishReason } from '../types/stream.js';
import { addUsage, emptyUsage, type Usage } from '../types/usage.js';

/**
 * Folds a Switchboard stream into the parts of a response. Usage is summed per answering model:
 * a provider reports one usage per stream, and after continue-on-fallback two models answered.
 */
export class StreamAccumulator {
  text = '';
  reasoning = '';
  toolCalls: ToolCall[] = [];
  finishReason: FinishReason | undefined;
  interruption: SwitchboardErrorLike | undefined;
  metadata: Record<string, unknown> = {};
  private finishedSegments: Usage = emptyUsage();
  private segmentUsage: Usage | undefined;

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
      case 'usage':
        this.segmentUsage = event.usage;
        break;
      case 'metadata':
        Object.assign(this.metadata, event.metadata);
        break;
      case 'finish':
        this.finishReason = event.reason;
        break;
      case 'continued':
        this.closeSegment();
        break;
      case 'interrupted':
        this.interruption = event.error;
        this.finishReason = 'error';
        break;
    }
  }

  private closeSegment(): void {
    if (this.segmentUsage) this.finishedSegments = addUsage(this.finishedSegments, this.segmentUsage);
    this.segmentUsage = undefined;
  }

  get usage(): Usage {
    return this.segmentUsage ? addUsage(this.finishedSegments, this.segmentUsage) : this.finishedSegments;
  }
}
