import { describe, expect, it } from 'vitest';
import { generateFromStream, type ModelStreamEvent } from '../../src/index.js';

async function* events(...list: ModelStreamEvent[]): AsyncIterable<ModelStreamEvent> {
  yield* list;
}

describe('generateFromStream', () => {
  it('folds every kind of stream event into the generate() result', async () => {
    const toolCall = { id: 'call_1', name: 'get_weather', args: { city: 'Paris' } };
    const warning = { type: 'unsupported-option' as const, option: 'seed', details: 'seed is ignored' };
    const result = await generateFromStream(
      events(
        { type: 'warning', warning },
        { type: 'metadata', metadata: { id: 'r1' } },
        { type: 'reasoning-delta', text: 'Think' },
        { type: 'reasoning-delta', text: 'ing.' },
        { type: 'text-delta', text: 'Hello' },
        { type: 'text-delta', text: ' there' },
        { type: 'tool-call-delta', index: 0, id: 'call_1', name: 'get_weather', argsTextDelta: '{"city":' },
        { type: 'tool-call', toolCall },
        { type: 'metadata', metadata: { gpu: false } },
        { type: 'usage', usage: { inputTokens: 9, outputTokens: 4 } },
        { type: 'finish', reason: 'tool-calls' },
      ),
    );
    expect(result).toEqual({
      text: 'Hello there',
      reasoning: 'Thinking.',
      toolCalls: [toolCall],
      usage: { inputTokens: 9, outputTokens: 4 },
      finishReason: 'tool-calls',
      warnings: [warning],
      metadata: { id: 'r1', gpu: false },
    });
  });

  it('leaves out reasoning, warnings and metadata that never came, and passes a stream error on', async () => {
    expect(await generateFromStream(events({ type: 'text-delta', text: 'ok' }))).toEqual({
      text: 'ok',
      toolCalls: [],
      usage: { inputTokens: 0, outputTokens: 0 },
      finishReason: 'stop',
    });
    async function* failing(): AsyncIterable<ModelStreamEvent> {
      yield { type: 'text-delta', text: 'half' };
      throw new Error('socket closed');
    }
    await expect(generateFromStream(failing())).rejects.toThrow('socket closed');
  });
});
