import { describe, expect, it } from 'vitest';
import { answerFooter, costText, descriptionHeader } from '../../../src/features/images/describe-text.js';

describe('answerFooter', () => {
  it('names the model and the cost', () => {
    expect(answerFooter({ model: 'openai/gpt-4o-mini', costUsd: 0.0012 })).toBe(
      '\n\n---\n*openai/gpt-4o-mini · $0.0012*\n',
    );
  });

  it('says which model failed first, and when the price is unknown or zero', () => {
    expect(answerFooter({ model: 'b/m', costUsd: null, fallbackFrom: 'a/m' })).toContain(
      '*b/m (a/m failed) · price unknown*',
    );
    expect(costText(0)).toBe('free');
  });
});

describe('descriptionHeader', () => {
  it('escapes Markdown in the file name', () => {
    expect(descriptionHeader('my_*shot*.png')).toBe('# my\\_\\*shot\\*.png\n\n');
  });
});
