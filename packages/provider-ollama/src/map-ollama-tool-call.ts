import { randomBytes } from 'node:crypto';
import type { JsonValue, ToolCall } from '@switchboard/core';
import type { OllamaToolCall } from './convert-to-ollama-messages.js';

/** Same shape as the ids newer Ollama servers make (`call_` + 8 lower-case letters/digits). */
function newCallId(): string {
  const alphabet = 'abcdefghijklmnopqrstuvwxyz0123456789';
  return `call_${[...randomBytes(8)].map((byte) => alphabet[byte % alphabet.length]).join('')}`;
}

/** Proxies in front of Ollama sometimes pass arguments on as a JSON string. */
function parseArguments(args: unknown): JsonValue {
  if (typeof args !== 'string') return (args ?? {}) as JsonValue;
  try {
    return JSON.parse(args) as JsonValue;
  } catch {
    return args;
  }
}

/**
 * A tool call as core wants it. Older servers send no id, so one is made once here and then
 * used for the delta, the complete call and the tool result alike.
 */
export function mapOllamaToolCall(call: OllamaToolCall): ToolCall {
  return {
    id: typeof call.id === 'string' && call.id !== '' ? call.id : newCallId(),
    name: call.function.name,
    args: parseArguments(call.function.arguments),
  };
}
