import { describe, expect, it } from 'vitest';
import {
  formatBytes,
  imageExtension,
  imageFolderSegments,
  MAX_IMAGE_BYTES,
  mimeTypeOf,
  nextImageNames,
  slugOf,
} from '../../../src/features/images/image-files.js';

describe('mimeTypeOf', () => {
  it('knows the image types vision models take, by extension, in any case', () => {
    expect(mimeTypeOf('shot.PNG')).toBe('image/png');
    expect(mimeTypeOf('/a/b/photo.jpg')).toBe('image/jpeg');
    expect(mimeTypeOf('photo.jpeg')).toBe('image/jpeg');
    expect(mimeTypeOf('x.webp')).toBe('image/webp');
    expect(mimeTypeOf('anim.gif')).toBe('image/gif');
    expect(mimeTypeOf('icon.svg')).toBeUndefined();
    expect(mimeTypeOf('png')).toBeUndefined();
    expect(mimeTypeOf('dir.png/file')).toBeUndefined();
  });
});

describe('imageExtension', () => {
  it('follows what the model returned, else the requested format', () => {
    expect(imageExtension('image/webp', 'png')).toBe('webp');
    expect(imageExtension('image/jpeg', 'png')).toBe('jpg');
    expect(imageExtension(undefined, 'jpeg')).toBe('jpg');
    expect(imageExtension('application/octet-stream', 'png')).toBe('png');
  });
});

describe('slugOf', () => {
  it('makes a short, safe file name from the prompt', () => {
    expect(slugOf('A red fox, in the snow!')).toBe('a-red-fox-in-the-snow');
    expect(slugOf('Café   crème')).toBe('cafe-creme');
    expect(slugOf('../../etc/passwd')).toBe('etc-passwd');
    expect(slugOf('日本語')).toBe('image');
    const long = slugOf('one two three four five six seven eight nine ten eleven');
    expect(long.length).toBeLessThanOrEqual(40);
    expect(long).toBe('one-two-three-four-five-six-seven-eight');
    expect(slugOf('x'.repeat(60))).toBe('x'.repeat(40));
  });
});

describe('nextImageNames', () => {
  it('numbers after the highest number of that slug, whatever the extension', () => {
    expect(nextImageNames('fox', 'png', 1, [])).toEqual(['fox-1.png']);
    expect(nextImageNames('fox', 'png', 2, ['fox-1.png', 'fox-7.jpg', 'fox-x.png', 'foxes-9.png'])).toEqual([
      'fox-8.png',
      'fox-9.png',
    ]);
  });

  it('treats regular expression characters in the slug literally', () => {
    expect(nextImageNames('a.b', 'png', 1, ['axb-5.png', 'a.b-2.png'])).toEqual(['a.b-3.png']);
  });
});

describe('imageFolderSegments', () => {
  it('keeps a relative folder inside the workspace', () => {
    expect(imageFolderSegments('images')).toEqual(['images']);
    expect(imageFolderSegments('assets/generated/')).toEqual(['assets', 'generated']);
    expect(imageFolderSegments('./art\\new')).toEqual(['art', 'new']);
    expect(imageFolderSegments('')).toEqual(['images']);
  });

  it('falls back to images for absolute paths and paths that climb out', () => {
    expect(imageFolderSegments('/etc')).toEqual(['images']);
    expect(imageFolderSegments('C:\\temp')).toEqual(['images']);
    expect(imageFolderSegments('a/../../b')).toEqual(['images']);
  });
});

describe('formatBytes', () => {
  it('reads like a person would say it', () => {
    expect(formatBytes(MAX_IMAGE_BYTES)).toBe('20.0 MB');
    expect(formatBytes(2048)).toBe('2 KB');
    expect(formatBytes(12)).toBe('12 bytes');
  });
});
