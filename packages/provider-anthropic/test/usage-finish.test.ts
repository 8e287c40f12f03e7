import type { ChatModel, Usage } from '@switchboard/core';
import type { ScriptedReply } from '@switchboard/testkit';
import { describe, expect, it } from 'vitest';
import { ask, collect, useFakeAnthropic } from './helpers.js';

const fake = useFakeAnthropic();

/** The usage from generate() and from the stream's one usage event, for the same script. */
async function usageBothWays(reply: ScriptedReply): Promise<Usage[]> {
  const model: ChatModel = fake.model();
  fake.server.reply(reply, reply);
  const generated = (await model.generate(ask('Hi.'))).usage;
  const events = await collect(model.stream(ask('Hi.')));
  const usages = events.filter((e) => e.type === 'usage');
  expect(usages).toHaveLength(1);
  return [generated, usages[0]?.type === 'usage' ? usages[0].usage : { inputTokens: -1, outputTokens: -1 }];
}

describe('usage', () => {
  // On the wire Anthropic counts only the 100 uncached tokens as input_tokens; the provider adds back.
  it('adds cache reads and writes into inputTokens and reports them apart', async () => {
    const usages = await usageBothWays({
      text: 'Counted.',
      usage: { inputTokens: 1500, outputTokens: 30, cachedInputTokens: 1000, cacheWriteTokens: 400 },
    });
    for (const usage of usages) {
      expect(usage).toEqual({
        inputTokens: 1500,
        outputTokens: 30,
        cacheReadTokens: 1000,
        cacheWriteTokens: 400,
      });
    }
  });

  it('reports thinking tokens as reasoningTokens, within outputTokens', async () => {
    const usages = await usageBothWays({
      text: 'Counted.',
      reasoning: 'Hmm.',
      usage: { inputTokens: 50, outputTokens: 80, reasoningTokens: 60 },
    });
    for (const usage of usages)
      expect(usage).toEqual({ inputTokens: 50, outputTokens: 80, reasoningTokens: 60 });
  });
});

describe('finish reasons', () => {
  it.each([
    ['length', 'length'],
    ['content-filter', 'content-filter'],
    ['stop', 'stop'],
  ] as const)('a scripted %s finish maps to %s (generate and stream)', async (finish, expected) => {
    fake.server.reply({ text: 'Partial ', finish }, { text: 'Partial ', finish });
    expect((await fake.model().generate(ask('Go.'))).finishReason).toBe(expected);
    const events = await collect(fake.model().stream(ask('Go.')));
    expect(events.at(-1)).toEqual({ type: 'finish', reason: expected });
  });

  it('a refusal keeps its stop_details in the metadata', async () => {
    fake.server.reply({ text: '', finish: 'content-filter' });
    const result = await fake.model().generate(ask('Something the classifiers stop.'));
    expect(result.finishReason).toBe('content-filter');
    expect(result.metadata?.stopDetails).toMatchObject({ type: 'refusal' });
  });

  it.each([
    ['stop_sequence', 'stop'],
    ['pause_turn', 'other'],
    ['model_context_window_exceeded', 'length'],
  ] as const)('stop_reason %s maps to %s', async (stopReason, expected) => {
    fake.server.replyWithStopReason(stopReason);
    expect((await fake.model().generate(ask('Go.'))).finishReason).toBe(expected);
    fake.server.replyWithStopReason(stopReason);
    const events = await collect(fake.model().stream(ask('Go.')));
    expect(events.at(-1)).toEqual({ type: 'finish', reason: expected });
  });

  it('a stop sequence is named in the metadata', async () => {
    fake.server.replyWithStopReason('stop_sequence');
    const result = await fake.model().generate(ask('Count.', { stop: ['STOP'] }));
    expect(result.metadata?.stopSequence).toBe('STOP');
  });
});
