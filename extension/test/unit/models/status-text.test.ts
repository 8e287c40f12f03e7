import { describe, expect, it } from 'vitest';
import { formatSpend, statusView } from '../../../src/features/models/status-text.js';
import { model } from './fixtures.js';

describe('statusView', () => {
  it('shows only the name before the engine is loaded', () => {
    const view = statusView({ modelId: 'openai/gpt-4o-mini', budget: {} });
    expect(view.text).toBe('$(hubot) gpt-4o-mini');
    expect(view.action).toBe('select-model');
    expect(view.tooltip).toContain('`openai/gpt-4o-mini`');
    expect(view.tooltip).not.toContain('Spent');
  });

  it('shows "Switchboard" when no model is known yet', () => {
    expect(statusView({ modelId: undefined, budget: {} }).text).toBe('$(hubot) Switchboard');
  });

  it("shows the model, today's spend, price and budget once loaded", () => {
    const view = statusView({
      modelId: 'openai/gpt-4o-mini',
      entry: model('openai/gpt-4o-mini', { displayName: 'GPT-4o mini' }),
      spend: { todayUsd: 0.42, monthUsd: 3.1 },
      budget: { dailyUsd: 5 },
      anyModelSetUp: true,
    });
    expect(view.text).toBe('$(hubot) GPT-4o mini · $0.42 today');
    expect(view.tooltip).toContain('Provider: OpenAI');
    expect(view.tooltip).toContain('Price: $0.15 in / $0.6 out per 1M tokens');
    expect(view.tooltip).toContain('Spent: $0.420 today · $3.10 this month');
    expect(view.tooltip).toContain('Budget: $0.420 of $5.00 (8%) today');
  });

  it('names an alias and its chain', () => {
    const view = statusView({
      modelId: 'fast',
      aliasTargets: ['groq/llama', 'openai/gpt-4o-mini'],
      spend: { todayUsd: 0, monthUsd: 0 },
      budget: {},
    });
    expect(view.text).toBe('$(hubot) fast · $0.00 today');
    expect(view.tooltip).toContain('Alias for `groq/llama` → `openai/gpt-4o-mini`');
    expect(view.tooltip).toContain('Budget: none set');
  });

  it('asks to set up a model when none is', () => {
    const view = statusView({ modelId: undefined, budget: {}, anyModelSetUp: false });
    expect(view).toMatchObject({ text: '$(hubot) Switchboard: set up a model', action: 'set-up' });
  });

  it('escapes provider names in the markdown tooltip', () => {
    const view = statusView({
      modelId: 'x/y',
      entry: model('x/y', {}, null, 'my_*provider*'),
      budget: {},
    });
    expect(view.tooltip).toContain('Provider: my\\_\\*provider\\*');
    expect(view.tooltip).toContain('Price: price unknown');
  });
});

describe('formatSpend', () => {
  it('uses cents, and shows tiny amounts as more than nothing', () => {
    expect(formatSpend(0)).toBe('$0.00');
    expect(formatSpend(0.004)).toBe('<$0.01');
    expect(formatSpend(12.345)).toBe('$12.35');
  });
});
