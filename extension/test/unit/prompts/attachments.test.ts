import { describe, expect, it } from 'vitest';
import {
  asBinaryAttachment,
  imageMimeTypeOfPath,
  isSupportedImageMime,
  normalizeImageMime,
} from '../../../src/prompts/attachments.js';

describe('imageMimeTypeOfPath', () => {
  it('knows the image types vision models read', () => {
    expect(imageMimeTypeOfPath('/a/b/shot.PNG')).toBe('image/png');
    expect(imageMimeTypeOfPath('photo.jpg')).toBe('image/jpeg');
    expect(imageMimeTypeOfPath('photo.jpeg')).toBe('image/jpeg');
    expect(imageMimeTypeOfPath('x.webp')).toBe('image/webp');
    expect(imageMimeTypeOfPath('x.gif')).toBe('image/gif');
  });

  it('is undefined for anything else', () => {
    expect(imageMimeTypeOfPath('main.ts')).toBeUndefined();
    expect(imageMimeTypeOfPath('Makefile')).toBeUndefined();
    expect(imageMimeTypeOfPath('icon.svg')).toBeUndefined();
  });
});

describe('normalizeImageMime and isSupportedImageMime', () => {
  it('fixes image/jpg and case', () => {
    expect(normalizeImageMime('Image/JPG')).toBe('image/jpeg');
    expect(isSupportedImageMime('image/jpg')).toBe(true);
    expect(isSupportedImageMime('image/tiff')).toBe(false);
  });
});

describe('asBinaryAttachment', () => {
  it('reads the ChatReferenceBinaryData shape (data is a method that needs its this)', async () => {
    const bytes = new Uint8Array([1, 2, 3]);
    class BinaryData {
      constructor(
        readonly mimeType: string,
        private readonly bytes: Uint8Array,
      ) {}
      data(): PromiseLike<Uint8Array> {
        return Promise.resolve(this.bytes);
      }
    }
    const attachment = asBinaryAttachment(new BinaryData('image/jpg', bytes));
    expect(attachment?.mimeType).toBe('image/jpeg');
    expect(await attachment!.load()).toBe(bytes);
  });

  it('accepts bytes given directly', async () => {
    const bytes = new Uint8Array([9]);
    expect(await asBinaryAttachment({ mimeType: 'image/png', data: bytes })!.load()).toBe(bytes);
  });

  it('rejects what is not binary data: a Uri, a Location, a string, null', () => {
    expect(asBinaryAttachment({ scheme: 'file', path: '/a.png' })).toBeUndefined();
    expect(asBinaryAttachment({ uri: {}, range: {} })).toBeUndefined();
    expect(asBinaryAttachment('image/png')).toBeUndefined();
    expect(asBinaryAttachment(null)).toBeUndefined();
    expect(asBinaryAttachment({ mimeType: 'image/png', data: 'base64' })).toBeUndefined();
  });

  it('fails clearly when the data function gives no bytes', async () => {
    await expect(
      asBinaryAttachment({ mimeType: 'image/png', data: async () => 'nope' })!.load(),
    ).rejects.toThrow(/no bytes/);
  });
});
