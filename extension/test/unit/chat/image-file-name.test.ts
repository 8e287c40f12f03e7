import { describe, expect, it } from 'vitest';
import {
  imageExtension,
  imageFileName,
  imageFolderSegments,
} from '../../../src/features/chat/image-file-name.js';

const when = new Date(2025, 0, 2, 3, 4, 5);

describe('imageFileName', () => {
  it('makes a slug of the prompt and a timestamp', () => {
    expect(imageFileName('A cat, in a HAT!', 'png', when)).toBe('a-cat-in-a-hat-20250102-030405.png');
  });

  it('numbers clashes from 2', () => {
    expect(imageFileName('cat', 'webp', when, 1)).toBe('cat-20250102-030405-2.webp');
  });

  it('shortens long prompts and copes with prompts without letters', () => {
    const long = imageFileName('word '.repeat(30), 'png', when);
    expect(long.length).toBeLessThanOrEqual(40 + '-20250102-030405.png'.length);
    expect(long).toMatch(/^word(-word)+-20250102-030405\.png$/);
    expect(imageFileName('日本語 🎨', 'png', when)).toBe('image-20250102-030405.png');
    expect(imageFileName('Café crème', 'png', when)).toBe('cafe-creme-20250102-030405.png');
  });
});

describe('imageExtension', () => {
  it('follows the MIME type, else the fallback', () => {
    expect(imageExtension('image/jpeg')).toBe('jpg');
    expect(imageExtension('IMAGE/WEBP')).toBe('webp');
    expect(imageExtension('application/octet-stream', 'png')).toBe('png');
  });
});

describe('imageFolderSegments', () => {
  it('splits a relative folder', () => {
    expect(imageFolderSegments('assets/generated')).toEqual(['assets', 'generated']);
    expect(imageFolderSegments('./img/')).toEqual(['img']);
    expect(imageFolderSegments('docs\\img')).toEqual(['docs', 'img']);
  });

  it('refuses folders outside the workspace', () => {
    expect(imageFolderSegments('../outside')).toEqual(['images']);
    expect(imageFolderSegments('a/../../b')).toEqual(['images']);
    expect(imageFolderSegments('/etc')).toEqual(['images']);
    expect(imageFolderSegments('C:\\temp')).toEqual(['images']);
    expect(imageFolderSegments('~/pics')).toEqual(['images']);
    expect(imageFolderSegments('')).toEqual(['images']);
  });
});
