// Images that reach the chat: files (#file, the explorer) and pasted or dropped images. The latter
// arrive as VS Code's proposed ChatReferenceBinaryData (`{ mimeType, data() }`), which the stable
// typings do not declare, so they are recognised by their shape.

export const IMAGE_MIME_TYPES: Readonly<Record<string, string>> = {
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  webp: 'image/webp',
  gif: 'image/gif',
};

/** The MIME type of an image file by its extension, or undefined for anything else. */
export function imageMimeTypeOfPath(path: string): string | undefined {
  const extension = /\.([a-z0-9]+)$/i.exec(path)?.[1]?.toLowerCase();
  return extension ? IMAGE_MIME_TYPES[extension] : undefined;
}

/** `image/jpg` is common but wrong; providers want `image/jpeg`. */
export function normalizeImageMime(mimeType: string): string {
  const lower = mimeType.trim().toLowerCase();
  return lower === 'image/jpg' ? 'image/jpeg' : lower;
}

export function isSupportedImageMime(mimeType: string): boolean {
  return Object.values(IMAGE_MIME_TYPES).includes(normalizeImageMime(mimeType));
}

export interface BinaryAttachment {
  mimeType: string;
  load(): Promise<Uint8Array>;
}

/**
 * A binary attachment by shape: `{ mimeType: string, data: Uint8Array | () => Thenable<Uint8Array> }`.
 * Anything else (a Uri, a Location, a string) is undefined.
 */
export function asBinaryAttachment(value: unknown): BinaryAttachment | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const { mimeType, data } = value as { mimeType?: unknown; data?: unknown };
  if (typeof mimeType !== 'string') return undefined;
  if (data instanceof Uint8Array) return { mimeType: normalizeImageMime(mimeType), load: async () => data };
  if (typeof data === 'function') {
    const read = data as (this: unknown) => PromiseLike<unknown>;
    return {
      mimeType: normalizeImageMime(mimeType),
      load: async () => {
        const bytes = await read.call(value);
        if (!(bytes instanceof Uint8Array)) throw new Error('The attachment gave no bytes.');
        return bytes;
      },
    };
  }
  return undefined;
}
