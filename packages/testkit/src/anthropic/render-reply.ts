import type { SseEvent } from '../http/response-writer.js';
import {
  finishOf,
  type ScriptedFinish,
  type ScriptedReply,
  splitArgs,
  textChunksOf,
  usageOf,
} from '../script.js';
import type { WireBlock, WireStopReason, WireUsage } from './wire.js';

/** What a scripted reply turns into besides its content: the stop reason and the model name. */
export interface RenderOptions {
  model: string;
  /** Overrides the stop reason the scripted finish maps to (e.g. `pause_turn`, `stop_sequence`). */
  stopReason?: WireStopReason;
  messageId: string;
}

/** A mid-stream `event: error`, sent after this many events instead of the rest of the stream. */
export interface StreamErrorSpec {
  afterEvents: number;
  type: string;
  message: string;
}

const STOP_REASONS: Record<ScriptedFinish, WireStopReason> = {
  stop: 'end_turn',
  length: 'max_tokens',
  'tool-calls': 'tool_use',
  'content-filter': 'refusal',
};

/** A fixed signature: the fake cannot sign thinking, and clients must pass it back unchanged. */
export function signatureFor(messageId: string): string {
  return `sig_${messageId}`;
}

// Anthropic reports cache reads and writes apart from `input_tokens`; the script counts them in.
// https://platform.claude.com/docs/en/api/messages ("Total input tokens in a request is the
// summation of input_tokens, cache_creation_input_tokens, and cache_read_input_tokens.")
function wireUsage(step: ScriptedReply, outputTokens?: number): WireUsage {
  const usage = usageOf(step);
  const cacheRead = usage.cachedInputTokens ?? 0;
  const cacheWrite = usage.cacheWriteTokens ?? 0;
  return {
    input_tokens: Math.max(0, usage.inputTokens - cacheRead - cacheWrite),
    output_tokens: outputTokens ?? usage.outputTokens,
    cache_creation_input_tokens: cacheWrite,
    cache_read_input_tokens: cacheRead,
    cache_creation: null,
    inference_geo: null,
    output_tokens_details:
      usage.reasoningTokens === undefined ? null : { thinking_tokens: usage.reasoningTokens },
    server_tool_use: null,
    service_tier: 'standard',
    speed: null,
  };
}

function stopReasonOf(step: ScriptedReply, options: RenderOptions): WireStopReason {
  return options.stopReason ?? STOP_REASONS[finishOf(step)];
}

// A refusal carries `stop_details` (Messages API reference, `stop_details`).
function stopDetailsOf(reason: WireStopReason) {
  return reason === 'refusal' ? { type: 'refusal', category: null, explanation: null } : null;
}

function contentOf(step: ScriptedReply, messageId: string): WireBlock[] {
  const content: WireBlock[] = [];
  if (step.reasoning) {
    content.push({ type: 'thinking', thinking: step.reasoning, signature: signatureFor(messageId) });
  }
  if (step.text) content.push({ type: 'text', text: step.text, citations: null });
  for (const call of step.toolCalls ?? []) {
    content.push({
      type: 'tool_use',
      id: call.id,
      name: call.name,
      input: call.args,
      caller: { type: 'direct' },
    });
  }
  return content;
}

/** The non-streaming response body: a `message` object. https://platform.claude.com/docs/en/api/messages */
export function renderMessage(step: ScriptedReply, options: RenderOptions): Record<string, unknown> {
  const stopReason = stopReasonOf(step, options);
  return {
    id: options.messageId,
    type: 'message',
    role: 'assistant',
    model: step.model ?? options.model,
    content: contentOf(step, options.messageId),
    stop_reason: stopReason,
    stop_sequence: stopReason === 'stop_sequence' ? 'STOP' : null,
    stop_details: stopDetailsOf(stopReason),
    container: null,
    diagnostics: null,
    usage: wireUsage(step),
  };
}

const event = (name: string, data: Record<string, unknown>): SseEvent => ({
  event: name,
  data: { type: name, ...data },
});

/**
 * The streaming response: message_start, one start/delta.../stop run per content block (thinking,
 * then text, then each tool call) with a ping inside the first, message_delta with the stop reason
 * and final output usage, and message_stop. https://platform.claude.com/docs/en/build-with-claude/streaming
 */
export function renderStream(step: ScriptedReply, options: RenderOptions): SseEvent[] {
  const stopReason = stopReasonOf(step, options);
  const events: SseEvent[] = [
    event('message_start', {
      message: {
        ...renderMessage(step, options),
        content: [],
        stop_reason: null,
        stop_sequence: null,
        stop_details: null,
        usage: wireUsage(step, 1),
      },
    }),
  ];
  let index = 0;
  const block = (start: WireBlock, deltas: Array<Record<string, unknown>>) => {
    events.push(event('content_block_start', { index, content_block: start }));
    deltas.forEach((delta, at) => {
      events.push(event('content_block_delta', { index, delta }));
      // "Event streams may also include any number of ping events": one inside the first block
      // keeps clients honest, placed after the first delta so content starts by the third event.
      if (index === 0 && at === 0) events.push(event('ping', {}));
    });
    events.push(event('content_block_stop', { index }));
    index++;
  };
  if (step.reasoning) {
    block({ type: 'thinking', thinking: '', signature: '' }, [
      ...textChunksOf({ text: step.reasoning }).map((thinking) => ({ type: 'thinking_delta', thinking })),
      { type: 'signature_delta', signature: signatureFor(options.messageId) },
    ]);
  }
  if (step.text) {
    block(
      { type: 'text', text: '', citations: null },
      textChunksOf(step).map((text) => ({ type: 'text_delta', text })),
    );
  }
  for (const call of step.toolCalls ?? []) {
    block(
      { type: 'tool_use', id: call.id, name: call.name, input: {}, caller: { type: 'direct' } },
      splitArgs(JSON.stringify(call.args)).map((partial_json) => ({
        type: 'input_json_delta',
        partial_json,
      })),
    );
  }
  events.push(
    event('message_delta', {
      delta: {
        stop_reason: stopReason,
        stop_sequence: stopReason === 'stop_sequence' ? 'STOP' : null,
        stop_details: stopDetailsOf(stopReason),
        container: null,
      },
      usage: wireUsage(step),
    }),
    event('message_stop', {}),
  );
  return events;
}

/** Cuts a stream short with an `event: error`, as the API does when it fails mid-answer (e.g. overloaded). */
export function withStreamError(events: SseEvent[], spec: StreamErrorSpec): SseEvent[] {
  return [
    ...events.slice(0, spec.afterEvents),
    { event: 'error', data: { type: 'error', error: { type: spec.type, message: spec.message } } },
  ];
}
