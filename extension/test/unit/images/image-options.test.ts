import { describe, expect, it } from 'vitest';
import {
  describeChoices,
  imageRequest,
  OPTION_ORDER,
  optionChoices,
} from '../../../src/features/images/image-options.js';

const defaults = { size: 'auto', quality: 'auto', background: 'auto', format: 'png' } as const;

describe('optionChoices', () => {
  it('offers every value of each option the settings allow', () => {
    expect(OPTION_ORDER).toEqual(['size', 'quality', 'background', 'format']);
    expect(optionChoices('size').map((c) => c.value)).toEqual([
      'auto',
      '1024x1024',
      '1536x1024',
      '1024x1536',
    ]);
    expect(optionChoices('quality').map((c) => c.value)).toEqual(['auto', 'low', 'medium', 'high']);
    expect(optionChoices('format').map((c) => c.value)).toEqual(['png', 'jpeg', 'webp']);
  });

  it('does not offer JPEG for a transparent background', () => {
    expect(optionChoices('format', { background: 'transparent' }).map((c) => c.value)).toEqual([
      'png',
      'webp',
    ]);
  });
});

describe('describeChoices', () => {
  it('summarizes the defaults for the quick item', () => {
    expect(describeChoices(defaults)).toBe('auto size · auto quality · auto background · PNG');
    expect(
      describeChoices({ size: '1536x1024', quality: 'high', background: 'transparent', format: 'webp' }),
    ).toBe('landscape 1536 × 1024 · high quality · transparent background · WebP');
  });
});

describe('imageRequest', () => {
  it('asks for one image with the chosen options', () => {
    expect(imageRequest('a fox', { ...defaults, size: '1024x1024' })).toEqual({
      prompt: 'a fox',
      n: 1,
      size: '1024x1024',
      quality: 'auto',
      background: 'auto',
      outputFormat: 'png',
    });
  });

  it('switches JPEG to PNG when the background is transparent', () => {
    expect(
      imageRequest('a fox', { ...defaults, background: 'transparent', format: 'jpeg' }).outputFormat,
    ).toBe('png');
  });
});
