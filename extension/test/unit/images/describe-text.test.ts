import { describe, expect, it } from 'vitest';
import { descriptionHeader } from '../../../src/features/images/describe-text.js';

describe('descriptionHeader', () => {
  it('escapes Markdown in the file name', () => {
    expect(descriptionHeader('my_*shot*.png')).toBe('# my\\_\\*shot\\*.png\n\n');
  });
});
