import type { ChatRequest, JsonSchema, Message, ToolDefinition } from '@switchboard/core';

/** A real 1x1 PNG, so a vendor-side decoder (or a strict fake) accepts it. */
export const PNG_BASE64 =
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';
export const PNG_BYTES = new Uint8Array(Buffer.from(PNG_BASE64, 'base64'));
export const IMAGE_URL = 'https://example.com/images/cat.png';

export const WEATHER_TOOL: ToolDefinition = {
  name: 'get_weather',
  description: 'Current weather for a city.',
  parameters: {
    type: 'object',
    properties: { city: { type: 'string', description: 'City name' } },
    required: ['city'],
  },
};

export const PERSON_SCHEMA: JsonSchema = {
  type: 'object',
  properties: { name: { type: 'string' }, age: { type: 'integer' } },
  required: ['name', 'age'],
};

export function ask(text: string, options: Omit<ChatRequest, 'messages'> = {}): ChatRequest {
  return { ...options, messages: [{ role: 'user', content: text }] };
}

/** A conversation that already went through one tool call, ready for the model's next turn. */
export const TOOL_ROUND_TRIP: Message[] = [
  { role: 'user', content: 'What is the weather in Paris?' },
  {
    role: 'assistant',
    content: [{ type: 'tool-call', id: 'call_1', name: 'get_weather', args: { city: 'Paris' } }],
  },
  {
    role: 'tool',
    content: [
      {
        type: 'tool-result',
        toolCallId: 'call_1',
        toolName: 'get_weather',
        result: { forecast: 'sunny', celsius: 21 },
      },
    ],
  },
];

/** Long enough to stream in many chunks, so faults can strike in the middle. */
export const LONG_TEXT = 'one two three four five six seven eight nine ten';
