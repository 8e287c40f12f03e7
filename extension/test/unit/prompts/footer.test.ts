import { describe, expect, it } from 'vitest';
import {
  type AnswerFacts,
  answerNotes,
  costText,
  documentFooter,
  escapeMarkdown,
  footerMarkdown,
  footerText,
  stripFooter,
  warningNotes,
} from '../../../src/prompts/footer.js';

const facts: AnswerFacts = {
  model: 'openai/gpt-4o-mini',
  costUsd: 0.0012,
  usage: { inputTokens: 1200, outputTokens: 340 },
};

describe('footerText', () => {
  it('names the model, the cost and the tokens', () => {
    expect(footerText(facts)).toBe('answered by openai/gpt-4o-mini · $0.0012 · 1.2K in / 340 out tokens');
  });

  it('says which model it fell back from', () => {
    expect(footerText({ ...facts, fallbackFrom: 'anthropic/claude-sonnet-4-5' })).toContain(
      'answered by openai/gpt-4o-mini (fallback from anthropic/claude-sonnet-4-5) · ',
    );
  });

  it('says free, price unknown or from cache instead of a price', () => {
    expect(footerText({ ...facts, costUsd: 0 })).toContain(' · free · ');
    expect(footerText({ ...facts, costUsd: null })).toContain(' · price unknown · ');
    expect(footerText({ ...facts, cached: true, costUsd: 0 })).toContain(' · from cache · ');
    expect(costText(2.5)).toBe('$2.50');
  });

  it('leaves out tokens when none were counted', () => {
    expect(footerText({ ...facts, usage: { inputTokens: 0, outputTokens: 0 } })).toBe(
      'answered by openai/gpt-4o-mini · $0.0012',
    );
  });
});

describe('warningNotes', () => {
  it('turns dropped options and other warnings into sentences', () => {
    expect(
      warningNotes([
        { type: 'unsupported-option', option: 'temperature' },
        { type: 'unsupported-option', option: 'seed', details: 'not supported by o1' },
        { type: 'other', message: 'Output was truncated.' },
      ]),
    ).toEqual([
      'The model ignored "temperature".',
      'The model ignored "seed": not supported by o1',
      'Output was truncated.',
    ]);
  });
});

describe('answerNotes', () => {
  it('adds why an answer stopped early', () => {
    expect(answerNotes({ finishReason: 'length' })).toEqual([
      "The answer reached the model's output limit and is cut off.",
    ]);
    expect(
      answerNotes({ finishReason: 'content-filter', warnings: [{ type: 'other', message: 'W.' }] }),
    ).toEqual(['W.', "The provider's content filter stopped the answer."]);
    expect(answerNotes({ finishReason: 'stop' })).toEqual([]);
  });
});

describe('footerMarkdown and stripFooter', () => {
  it('renders an italic line after a rule, with warnings as a quote', () => {
    const markdown = footerMarkdown({
      ...facts,
      warnings: [{ type: 'unsupported-option', option: 'top_p' }],
    });
    expect(markdown).toBe(
      '\n\n---\n*— answered by openai/gpt-4o-mini · \\$0.0012 · 1.2K in / 340 out tokens*\n\n> The model ignored "top\\_p".',
    );
  });

  it('puts extra notes (a model that took over mid-answer) first', () => {
    const markdown = footerMarkdown({ ...facts, finishReason: 'length' }, ['a/x stopped; b/y continued.']);
    expect(markdown.split('\n> ').slice(1)).toEqual([
      'a/x stopped; b/y continued.  ',
      "The answer reached the model's output limit and is cut off.",
    ]);
  });

  it('escapes model ids that contain Markdown characters', () => {
    expect(footerMarkdown({ ...facts, model: 'llamacpp/qwen2_5*q4' })).toContain('llamacpp/qwen2\\_5\\*q4');
  });

  it('strips exactly the footer it added, even with a rule in the answer', () => {
    const answer = 'Intro\n\n---\nA section after a rule.';
    expect(stripFooter(answer + footerMarkdown(facts))).toBe(answer);
    expect(stripFooter(answer)).toBe(answer);
  });
});

describe('escapeMarkdown', () => {
  it('escapes emphasis, code, links, tables and math', () => {
    expect(escapeMarkdown('a*b_c`d[e]|f$g')).toBe('a\\*b\\_c\\`d\\[e\\]\\|f\\$g');
  });
});

describe('documentFooter', () => {
  it('closes a Markdown document with the same line as the chat, unescaped, and the notes', () => {
    expect(documentFooter({ ...facts, finishReason: 'length' })).toBe(
      "\n\n---\n*— answered by openai/gpt-4o-mini · $0.0012 · 1.2K in / 340 out tokens*\n\n> The answer reached the model's output limit and is cut off.",
    );
  });
});
