import { type JsonValue, SwitchboardError } from '@switchboard/core';

/** A tool call's JSON argument string as a value; empty means no arguments. */
export function parseToolArguments(
  text: string,
  origin: { provider: string; model: string; tool: string },
): JsonValue {
  if (text.trim() === '') return {};
  try {
    return JSON.parse(text) as JsonValue;
  } catch {
    throw new SwitchboardError(
      'invalid-response',
      `${origin.model} called tool "${origin.tool}" with arguments that are not JSON.`,
      { provider: origin.provider, model: origin.model, code: 'invalid-tool-arguments' },
    );
  }
}
