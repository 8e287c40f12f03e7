import type { ChatRequest, Message, ToolDefinition } from '@switchboard/core';
import { describe, expect, it } from 'vitest';
import { ask, collect, failure, useFakeAnthropic } from './helpers.js';

const fake = useFakeAnthropic();

// Haiku 4.5 takes a manual budget; Sonnet 5.5 thinks adaptively only.
const BUDGET_MODEL = 'claude-haiku-4-5';
const ADAPTIVE_MODEL = 'claude-sonnet-5-5';
const THINK = { anthropic: { thinking: { budgetTokens: 2048 } } };
const WEATHER: ToolDefinition = {
  name: 'get_weather',
  parameters: { type: 'object', properties: { city: { type: 'string' } } },
};

describe('extended thinking', () => {
  it('a budget goes out as thinking.enabled (summarized), with room for the answer in max_tokens', async () => {
    fake.server.reply({ text: 'ok' });
    await fake.model(BUDGET_MODEL).generate(ask('Think.', { providerOptions: THINK }));
    const body = fake.lastBody();
    expect(body.thinking).toEqual({ type: 'enabled', budget_tokens: 2048, display: 'summarized' });
    expect(body.max_tokens).toBe(16_384 + 2048);
  });

  it('streams thinking as reasoning-delta events before the text', async () => {
    fake.server.reply({ reasoning: 'First, the sky scatters blue light.', text: 'Rayleigh scattering.' });
    const events = await collect(
      fake.model(BUDGET_MODEL).stream(ask('Why is the sky blue?', { providerOptions: THINK })),
    );
    const reasoning = events.filter((e) => e.type === 'reasoning-delta');
    expect(reasoning.length).toBeGreaterThan(1);
    expect(reasoning.map((e) => (e.type === 'reasoning-delta' ? e.text : '')).join('')).toBe(
      'First, the sky scatters blue light.',
    );
    expect(events.findLastIndex((e) => e.type === 'reasoning-delta')).toBeLessThan(
      events.findIndex((e) => e.type === 'text-delta'),
    );
  });

  it('generate returns the thinking as reasoning, apart from the text', async () => {
    fake.server.reply({ reasoning: 'Two plus two.', text: '4' });
    const result = await fake.model(BUDGET_MODEL).generate(ask('2+2?', { providerOptions: THINK }));
    expect(result.text).toBe('4');
    expect(result.reasoning).toBe('Two plus two.');
  });

  it('a budget for an adaptive-only model becomes adaptive thinking, with a warning', async () => {
    fake.server.reply({ text: 'ok' });
    const result = await fake.model(ADAPTIVE_MODEL).generate(ask('Think.', { providerOptions: THINK }));
    expect(fake.lastBody().thinking).toEqual({ type: 'adaptive', display: 'summarized' });
    expect(result.warnings).toEqual([
      expect.objectContaining({
        type: 'unsupported-option',
        option: 'providerOptions.anthropic.thinking.budgetTokens',
      }),
    ]);
  });

  it('effort and adaptive thinking go out as output_config.effort and thinking.adaptive', async () => {
    fake.server.reply({ text: 'ok' });
    await fake.model(ADAPTIVE_MODEL).generate(
      ask('Think hard.', {
        providerOptions: {
          anthropic: { thinking: { type: 'adaptive', display: 'omitted' }, effort: 'max' },
        },
      }),
    );
    expect(fake.lastBody().thinking).toEqual({ type: 'adaptive', display: 'omitted' });
    expect(fake.lastBody().output_config).toEqual({ effort: 'max' });
  });

  it('refuses adaptive thinking on a budget-only model, and a budget not below maxTokens, before sending', async () => {
    const adaptive = await failure(() =>
      fake
        .model(BUDGET_MODEL)
        .generate(ask('Think.', { providerOptions: { anthropic: { thinking: { type: 'adaptive' } } } })),
    );
    expect(adaptive.kind).toBe('invalid-request');
    expect(adaptive.hint).toContain('budgetTokens');
    const tooSmall = await failure(() =>
      fake.model(BUDGET_MODEL).generate(ask('Think.', { maxTokens: 1000, providerOptions: THINK })),
    );
    expect(tooSmall.kind).toBe('invalid-request');
    expect(tooSmall.message).toMatch(/maxTokens \(1000\).*budget \(2048\)/);
    expect(fake.server.requests).toHaveLength(0);
  });

  it('hands the thinking of a tool-calling turn back with its signature on the next turn', async () => {
    const request = (messages: Message[]): ChatRequest => ({
      messages,
      tools: [WEATHER],
      providerOptions: THINK,
    });
    const question: Message = { role: 'user', content: 'Weather in Paris?' };
    fake.server.reply({
      reasoning: 'I should call the tool.',
      toolCalls: [{ id: 'toolu_t1', name: 'get_weather', args: { city: 'Paris' } }],
    });
    const events = await collect(fake.model(BUDGET_MODEL).stream(request([question])));
    const call = events.find((e) => e.type === 'tool-call');
    expect(call?.type).toBe('tool-call');
    const history: Message[] = [
      question,
      {
        role: 'assistant',
        content: [{ type: 'tool-call', id: 'toolu_t1', name: 'get_weather', args: { city: 'Paris' } }],
      },
      {
        role: 'tool',
        content: [{ type: 'tool-result', toolCallId: 'toolu_t1', toolName: 'get_weather', result: 'sunny' }],
      },
    ];
    fake.server.reply({ text: 'Sunny.' });
    const result = await fake.model(BUDGET_MODEL).generate(request(history));
    expect(result.text).toBe('Sunny.');
    const assistant = (
      fake.lastBody().messages as Array<{ role: string; content: Array<Record<string, unknown>> }>
    )[1];
    expect(assistant?.content[0]).toEqual({
      type: 'thinking',
      thinking: 'I should call the tool.',
      signature: expect.stringMatching(/^sig_msg_fake_/),
    });
  });

  it('another model does not get a model-bound thinking block (and the API would refuse the turn)', async () => {
    fake.server.reply({
      reasoning: 'Tool time.',
      toolCalls: [{ id: 'toolu_t2', name: 'get_weather', args: {} }],
    });
    await fake.model(BUDGET_MODEL).generate({ ...ask('Weather?'), tools: [WEATHER], providerOptions: THINK });
    const error = await failure(() =>
      fake.model('claude-haiku-4-5-20251001').generate({
        messages: [
          { role: 'user', content: 'Weather?' },
          {
            role: 'assistant',
            content: [{ type: 'tool-call', id: 'toolu_t2', name: 'get_weather', args: {} }],
          },
          {
            role: 'tool',
            content: [
              { type: 'tool-result', toolCallId: 'toolu_t2', toolName: 'get_weather', result: 'rain' },
            ],
          },
        ],
        tools: [WEATHER],
        providerOptions: THINK,
      }),
    );
    expect(error.kind).toBe('invalid-request');
    expect(error.message).toMatch(/thinking/);
  });
});
