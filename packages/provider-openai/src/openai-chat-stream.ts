import { type FinishReason, type ModelStreamEvent, SwitchboardError, type Usage } from '@switchboard/core';
import type { ChatCompletionChunk } from 'openai/resources/chat/completions';
import { responseMetadata } from './convert-openai-completion.js';
import { convertOpenAIUsage } from './convert-openai-usage.js';
import { finishWithToolCalls, mapOpenAIFinishReason } from './map-openai-finish-reason.js';
import { parseToolArguments } from './parse-tool-arguments.js';
import { reasoningTextOf } from './reasoning-text.js';

interface PendingToolCall {
  id: string;
  name: string;
  args: string;
}

/**
 * Folds `chat.completion.chunk`s into core's stream events. Tool-call pieces are passed on as
 * deltas and assembled by index; complete `tool-call` events follow once the finish reason arrives.
 * Usage may come on the finish chunk or (with `include_usage`) on a later one with no choices, so
 * `usage` and `finish` are only emitted by `finish()`, after the last chunk.
 * https://platform.openai.com/docs/api-reference/chat-streaming/streaming
 */
export class ChatStreamState {
  private started = false;
  private readonly toolCalls = new Map<number, PendingToolCall>();
  private toolCallsEmitted = false;
  private finishReason: FinishReason | undefined;
  private usage: Usage | undefined;

  constructor(private readonly origin: { provider: string; model: string }) {}

  /** Events for one chunk. */
  consume(chunk: ChatCompletionChunk): ModelStreamEvent[] {
    const events: ModelStreamEvent[] = [];
    if (!this.started) {
      this.started = true;
      const metadata = responseMetadata(chunk);
      if (Object.keys(metadata).length) events.push({ type: 'metadata', metadata });
    }
    if (chunk.usage) this.usage = convertOpenAIUsage(chunk.usage);
    const choice = chunk.choices?.[0];
    if (!choice) return events;
    const { delta } = choice;
    const reasoning = reasoningTextOf(delta);
    if (reasoning) events.push({ type: 'reasoning-delta', text: reasoning });
    if (delta?.content) events.push({ type: 'text-delta', text: delta.content });
    if (delta?.refusal) events.push({ type: 'text-delta', text: delta.refusal });
    for (const piece of delta?.tool_calls ?? []) events.push(this.toolCallDelta(piece));
    if (choice.finish_reason) {
      this.finishReason = mapOpenAIFinishReason(choice.finish_reason);
      events.push(...this.completeToolCalls());
    }
    return events;
  }

  /** The closing events; throws when the stream ended without saying how it finished. */
  finish(): ModelStreamEvent[] {
    if (this.finishReason === undefined) {
      throw new SwitchboardError(
        'connection',
        `The answer from ${this.origin.model} ended before it was complete (no finish reason).`,
        { ...this.origin, code: 'stream-truncated' },
      );
    }
    const events = this.completeToolCalls();
    events.push({ type: 'usage', usage: this.usage ?? { inputTokens: 0, outputTokens: 0 } });
    events.push({ type: 'finish', reason: finishWithToolCalls(this.finishReason, this.toolCalls.size) });
    return events;
  }

  private toolCallDelta(piece: ChatCompletionChunk.Choice.Delta.ToolCall): ModelStreamEvent {
    const known = this.toolCalls.get(piece.index);
    const argsTextDelta = piece.function?.arguments ?? '';
    if (known) {
      known.args += argsTextDelta;
      return { type: 'tool-call-delta', index: piece.index, argsTextDelta };
    }
    const call = {
      id: piece.id ?? `call_${piece.index}`,
      name: piece.function?.name ?? '',
      args: argsTextDelta,
    };
    this.toolCalls.set(piece.index, call);
    return { type: 'tool-call-delta', index: piece.index, id: call.id, name: call.name, argsTextDelta };
  }

  private completeToolCalls(): ModelStreamEvent[] {
    if (this.toolCallsEmitted) return [];
    this.toolCallsEmitted = true;
    return [...this.toolCalls.entries()]
      .sort(([a], [b]) => a - b)
      .map(([, call]) => ({
        type: 'tool-call',
        toolCall: {
          id: call.id,
          name: call.name,
          args: parseToolArguments(call.args, { ...this.origin, tool: call.name }),
        },
      }));
  }
}
