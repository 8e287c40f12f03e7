import { invalidResponse } from './cohere-error.js';
import { mapCohereFinishReason, throwIfFailed } from './map-cohere-finish-reason.js';
import { mapCohereUsage } from './map-cohere-usage.js';

// Cohere v2 chat stream events (https://docs.cohere.com/docs/streaming,
// https://docs.cohere.com/reference/chat-stream), each a JSON object with a `type`:
// message-start, content-start/-delta/-end (text, or `thinking` on reasoning models),
// tool-plan-delta, tool-call-start/-delta/-end, citation-start/-end, message-end (finish_reason
// and usage), debug. Core's events come out in order, ending with usage then finish.

/**
 * @param {AsyncIterable<{ event?: string, data: string }>} sse
 * @param {string} model
 * @returns {AsyncGenerator<import('@switchboard/core').ModelStreamEvent>}
 */
export async function* toModelEvents(sse, model) {
  /** @type {Map<number, { id: string, name: string, args: string }>} */
  const calls = new Map();
  for await (const { data } of sse) {
    if (data === '[DONE]') continue; // a terminator some gateways add
    const event = parse(data, model);
    const message = event.delta?.message;
    switch (event.type) {
      case 'message-start':
        if (event.id) yield { type: 'metadata', metadata: { id: event.id } };
        break;
      case 'content-delta':
        if (message?.content?.text) yield { type: 'text-delta', text: message.content.text };
        if (message?.content?.thinking) yield { type: 'reasoning-delta', text: message.content.thinking };
        break;
      case 'tool-plan-delta':
        // The model's plan before it calls tools: reasoning, not part of the answer.
        if (message?.tool_plan) yield { type: 'reasoning-delta', text: message.tool_plan };
        break;
      case 'tool-call-start': {
        const call = message?.tool_calls;
        const index = event.index ?? calls.size;
        const started = {
          id: call?.id ?? `call_${index}`,
          name: call?.function?.name ?? '',
          args: call?.function?.arguments ?? '',
        };
        calls.set(index, started);
        yield {
          type: 'tool-call-delta',
          index,
          id: started.id,
          name: started.name,
          argsTextDelta: started.args,
        };
        break;
      }
      case 'tool-call-delta': {
        const call = calls.get(event.index ?? 0);
        const piece = message?.tool_calls?.function?.arguments ?? '';
        if (!call) throw invalidResponse('tool-call-delta before tool-call-start', model);
        call.args += piece;
        yield { type: 'tool-call-delta', index: event.index ?? 0, argsTextDelta: piece };
        break;
      }
      case 'tool-call-end': {
        const call = calls.get(event.index ?? 0);
        if (!call) throw invalidResponse('tool-call-end before tool-call-start', model);
        yield {
          type: 'tool-call',
          toolCall: { id: call.id, name: call.name, args: parseArgs(call.args, model) },
        };
        break;
      }
      case 'message-end':
        throwIfFailed(event.delta?.finish_reason, event.delta?.error, model);
        yield { type: 'usage', usage: mapCohereUsage(event.delta?.usage) };
        yield { type: 'finish', reason: mapCohereFinishReason(event.delta?.finish_reason) };
        return;
      default:
        break; // content-start/-end, citations, debug: nothing for core
    }
  }
  // Without message-end the answer may be cut short; never pass it off as complete.
  throw invalidResponse('the stream ended before message-end', model);
}

/**
 * @param {string} args
 * @param {string} model
 */
export function parseArgs(args, model) {
  if (args.trim() === '') return {};
  try {
    return JSON.parse(args);
  } catch {
    throw invalidResponse(`tool call arguments are not JSON: ${args.slice(0, 100)}`, model);
  }
}

/**
 * @param {string} data
 * @param {string} model
 */
function parse(data, model) {
  try {
    const event = JSON.parse(data);
    if (event && typeof event === 'object') return event;
  } catch {
    // fall through
  }
  throw invalidResponse(`a stream event is not JSON: ${data.slice(0, 100)}`, model);
}
