import type { RedactedThinkingBlockParam, ThinkingBlockParam } from '@anthropic-ai/sdk/resources/messages';

export type ThinkingParam = ThinkingBlockParam | RedactedThinkingBlockParam;

/**
 * With thinking on, an assistant turn that called tools must be sent back starting with its
 * thinking blocks, signatures intact, or the API answers 400
 * (https://platform.claude.com/docs/en/build-with-claude/extended-thinking). Core's messages have
 * no place for them, so the provider keeps them here, keyed by the turn's first tool-call id, and
 * puts them back when that turn returns in the history. Thinking is tied to the model that wrote
 * it, so only the same model gets it back. Bounded: the oldest turns are forgotten first.
 */
export class ThinkingMemory {
  private readonly entries = new Map<string, { model: string; blocks: ThinkingParam[] }>();

  constructor(private readonly capacity = 500) {}

  remember(model: string, toolCallIds: readonly string[], blocks: readonly ThinkingParam[]): void {
    const key = toolCallIds[0];
    if (key === undefined || blocks.length === 0) return;
    this.entries.delete(key);
    this.entries.set(key, { model, blocks: [...blocks] });
    while (this.entries.size > this.capacity) {
      const oldest = this.entries.keys().next().value;
      if (oldest === undefined) break;
      this.entries.delete(oldest);
    }
  }

  recall(model: string, toolCallIds: readonly string[]): ThinkingParam[] | undefined {
    const key = toolCallIds[0];
    const entry = key === undefined ? undefined : this.entries.get(key);
    return entry?.model === model ? [...entry.blocks] : undefined;
  }
}
