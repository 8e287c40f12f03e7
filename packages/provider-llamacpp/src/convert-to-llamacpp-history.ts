import { type JsonValue, type Message, SwitchboardError } from '@switchboard/core';
import { PROVIDER_ID } from './llamacpp-settings.js';
import type { WireFunctionCall, WireHistoryItem } from './protocol.js';

/**
 * Core messages to node-llama-cpp's chat history. node-llama-cpp keeps a tool's result inside
 * the model turn that called it, so each `tool` message is folded into the preceding assistant
 * message's calls by id. The history ends with a model turn for the model to write: a new empty
 * one, or the request's trailing assistant message (a prefill, or calls with their results).
 */
export function convertToLlamaCppHistory(messages: readonly Message[], modelId: string): WireHistoryItem[] {
  const results = new Map<string, JsonValue>();
  for (const message of messages) {
    if (message.role !== 'tool') continue;
    for (const part of message.content) {
      results.set(part.toolCallId, part.isError ? { error: part.result } : part.result);
    }
  }
  const history: WireHistoryItem[] = [];
  for (const message of messages) {
    switch (message.role) {
      case 'system':
        history.push({ type: 'system', text: message.content });
        break;
      case 'user':
        history.push({ type: 'user', text: userText(message.content, modelId) });
        break;
      case 'assistant': {
        const response: Array<string | WireFunctionCall> = [];
        const parts =
          typeof message.content === 'string'
            ? [{ type: 'text' as const, text: message.content }]
            : message.content;
        for (const part of parts) {
          if (part.type === 'text') {
            if (part.text) response.push(part.text);
            continue;
          }
          if (!results.has(part.id)) {
            throw new SwitchboardError(
              'invalid-request',
              `Tool call ${part.id} (${part.name}) has no tool result message.`,
              {
                provider: PROVIDER_ID,
                model: `${PROVIDER_ID}/${modelId}`,
                hint: 'Send a tool message with the result of every tool call before asking the model to go on.',
              },
            );
          }
          response.push({
            type: 'functionCall',
            name: part.name,
            params: part.args,
            result: results.get(part.id) ?? null,
          });
        }
        history.push({ type: 'model', response });
        break;
      }
      case 'tool':
        break; // folded into the calls above
    }
  }
  // After tool results the model goes on in the same turn, as node-llama-cpp's own sessions do.
  if (history[history.length - 1]?.type !== 'model') history.push({ type: 'model', response: [] });
  return history;
}

function userText(content: Extract<Message, { role: 'user' }>['content'], modelId: string): string {
  if (typeof content === 'string') return content;
  if (content.some((part) => part.type === 'image')) {
    throw new SwitchboardError(
      'invalid-request',
      `${PROVIDER_ID}/${modelId} cannot read images: local GGUF models run text only here.`,
      {
        provider: PROVIDER_ID,
        model: `${PROVIDER_ID}/${modelId}`,
        code: 'vision-not-supported',
        hint: 'Pick a model with vision for requests with images.',
        fallbackMayHelp: true,
      },
    );
  }
  return content.map((part) => (part.type === 'text' ? part.text : '')).join('');
}
