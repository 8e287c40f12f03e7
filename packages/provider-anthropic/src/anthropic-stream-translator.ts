import type { RawMessageStreamEvent } from '@anthropic-ai/sdk/resources/messages';
import { type JsonValue, type ModelStreamEvent, SwitchboardError, type ToolCall } from '@switchboard/core';
import { PROVIDER_ID } from './anthropic-error.js';
import {
  type AnthropicUsageFields,
  convertAnthropicUsage,
  mergeAnthropicUsage,
} from './convert-anthropic-usage.js';
import { mapAnthropicFinishReason } from './map-anthropic-finish-reason.js';
import type { ThinkingParam } from './thinking-memory.js';

type BlockState =
  | { kind: 'text' }
  | { kind: 'thinking'; thinking: string; signature: string }
  | { kind: 'redacted'; data: string }
  | { kind: 'tool'; ordinal: number; id: string; name: string; json: string };

/**
 * Turns the Messages API's stream events into core's: text and thinking deltas as they come,
 * tool-call deltas per tool (indexed by tool, not by content block) and each complete call at its
 * block's end, then exactly one usage and the finish once `message_stop` arrived.
 * https://platform.claude.com/docs/en/build-with-claude/streaming
 */
export class AnthropicStreamTranslator {
  readonly toolCalls: ToolCall[] = [];
  /** Thinking blocks with their signatures, to hand back with the tool calls (see ThinkingMemory). */
  readonly thinking: ThinkingParam[] = [];
  private readonly blocks = new Map<number, BlockState>();
  private startUsage: AnthropicUsageFields = {};
  private deltaUsage: AnthropicUsageFields = {};
  private stopReason: string | null = null;
  private stopped = false;

  constructor(private readonly model: string) {}

  push(event: RawMessageStreamEvent): ModelStreamEvent[] {
    switch (event.type) {
      case 'message_start':
        this.startUsage = event.message.usage;
        return [{ type: 'metadata', metadata: { id: event.message.id, model: event.message.model } }];
      case 'content_block_start':
        return this.startBlock(event.index, event.content_block);
      case 'content_block_delta':
        return this.delta(event.index, event.delta);
      case 'content_block_stop':
        return this.stopBlock(event.index);
      case 'message_delta': {
        this.stopReason = event.delta.stop_reason ?? this.stopReason;
        this.deltaUsage = mergeAnthropicUsage(this.deltaUsage, event.usage);
        const metadata: Record<string, unknown> = {};
        if (event.delta.stop_sequence) metadata.stopSequence = event.delta.stop_sequence;
        if (event.delta.stop_details) metadata.stopDetails = event.delta.stop_details;
        return Object.keys(metadata).length > 0 ? [{ type: 'metadata', metadata }] : [];
      }
      case 'message_stop':
        this.stopped = true;
        return [];
      default:
        // Newer event types may appear within an API version; they carry nothing core needs.
        return [];
    }
  }

  /** The closing usage and finish; throws when the stream ended without `message_stop` (cut short). */
  finish(): ModelStreamEvent[] {
    if (!this.stopped) {
      throw new SwitchboardError(
        'invalid-response',
        'The Anthropic stream ended before message_stop; the answer is incomplete.',
        {
          provider: PROVIDER_ID,
          model: this.model,
        },
      );
    }
    return [
      { type: 'usage', usage: convertAnthropicUsage(mergeAnthropicUsage(this.startUsage, this.deltaUsage)) },
      { type: 'finish', reason: mapAnthropicFinishReason(this.stopReason) },
    ];
  }

  private startBlock(
    index: number,
    block: Extract<RawMessageStreamEvent, { type: 'content_block_start' }>['content_block'],
  ): ModelStreamEvent[] {
    switch (block.type) {
      case 'text':
        this.blocks.set(index, { kind: 'text' });
        return block.text ? [{ type: 'text-delta', text: block.text }] : [];
      case 'thinking':
        this.blocks.set(index, { kind: 'thinking', thinking: block.thinking, signature: block.signature });
        return block.thinking ? [{ type: 'reasoning-delta', text: block.thinking }] : [];
      case 'redacted_thinking':
        this.blocks.set(index, { kind: 'redacted', data: block.data });
        return [];
      case 'tool_use': {
        const ordinal = [...this.blocks.values()].filter((b) => b.kind === 'tool').length;
        this.blocks.set(index, { kind: 'tool', ordinal, id: block.id, name: block.name, json: '' });
        return [
          { type: 'tool-call-delta', index: ordinal, id: block.id, name: block.name, argsTextDelta: '' },
        ];
      }
      default:
        // Server tool blocks (web search, code execution...) are not client tool calls.
        return [];
    }
  }

  private delta(
    index: number,
    delta: Extract<RawMessageStreamEvent, { type: 'content_block_delta' }>['delta'],
  ): ModelStreamEvent[] {
    const block = this.blocks.get(index);
    switch (delta.type) {
      case 'text_delta':
        return block?.kind === 'text' ? [{ type: 'text-delta', text: delta.text }] : [];
      case 'thinking_delta':
        if (block?.kind !== 'thinking') return [];
        block.thinking += delta.thinking;
        return [{ type: 'reasoning-delta', text: delta.thinking }];
      case 'signature_delta':
        if (block?.kind === 'thinking') block.signature = delta.signature;
        return [];
      case 'input_json_delta':
        if (block?.kind !== 'tool') return [];
        block.json += delta.partial_json;
        return [{ type: 'tool-call-delta', index: block.ordinal, argsTextDelta: delta.partial_json }];
      default:
        return [];
    }
  }

  private stopBlock(index: number): ModelStreamEvent[] {
    const block = this.blocks.get(index);
    if (block?.kind === 'thinking') {
      this.thinking.push({ type: 'thinking', thinking: block.thinking, signature: block.signature });
    } else if (block?.kind === 'redacted') {
      this.thinking.push({ type: 'redacted_thinking', data: block.data });
    } else if (block?.kind === 'tool') {
      const toolCall = {
        id: block.id,
        name: block.name,
        args: parseToolInput(block.json, block.name, this.model),
      };
      this.toolCalls.push(toolCall);
      return [{ type: 'tool-call', toolCall }];
    }
    return [];
  }
}

/** The joined input_json_delta pieces; a tool without arguments streams none, which means `{}`. */
function parseToolInput(json: string, toolName: string, model: string): JsonValue {
  if (json.trim() === '') return {};
  try {
    return JSON.parse(json) as JsonValue;
  } catch {
    throw new SwitchboardError(
      'invalid-response',
      `Anthropic streamed arguments for tool "${toolName}" that are not valid JSON.`,
      {
        provider: PROVIDER_ID,
        model,
      },
    );
  }
}
