// What of a Switchboard stream VS Code's chat gets to see: text as it arrives and complete tool
// calls. Reasoning has no stable response part yet, so it stays in Switchboard.
import type { ChatStreamEvent, JsonValue } from '@switchboard/core';

export type ResponsePart =
  | { kind: 'text'; text: string }
  | { kind: 'tool-call'; callId: string; name: string; input: object };

export function responsePartOf(event: ChatStreamEvent): ResponsePart | undefined {
  if (event.type === 'text-delta') return event.text ? { kind: 'text', text: event.text } : undefined;
  if (event.type === 'tool-call') {
    const { id, name, args } = event.toolCall;
    return { kind: 'tool-call', callId: id, name, input: toolInput(args) };
  }
  return undefined;
}

/** VS Code wants an object; providers parse arguments, but a model may still send a JSON string or nothing. */
export function toolInput(args: JsonValue): object {
  if (typeof args === 'string') {
    try {
      const parsed: unknown = JSON.parse(args);
      return isObject(parsed) ? parsed : { value: parsed };
    } catch {
      return args.trim() ? { value: args } : {};
    }
  }
  if (isObject(args)) return args;
  return args === null ? {} : { value: args };
}

function isObject(value: unknown): value is object {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
