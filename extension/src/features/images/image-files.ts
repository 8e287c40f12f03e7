// File facts for the image commands: which files are images, how big is too big, and the names
// generated images are saved under (`<slug-of-prompt>-<n>.<ext>`, never overwriting).

const MIME_BY_EXTENSION: Record<string, string> = {
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  webp: 'image/webp',
  gif: 'image/gif',
};

const EXTENSION_BY_MIME: Record<string, string> = {
  'image/png': 'png',
  'image/jpeg': 'jpg',
  'image/webp': 'webp',
  'image/gif': 'gif',
};

/** Vision APIs take about 20 MB per image; bigger ones are refused before anything is sent. */
export const MAX_IMAGE_BYTES = 20 * 1024 * 1024;

/** `image/png` for `shot.PNG`; undefined for a file that is not a supported image. */
export function mimeTypeOf(fileName: string): string | undefined {
  const extension = /\.([^./\\]+)$/.exec(fileName)?.[1]?.toLowerCase();
  return extension ? MIME_BY_EXTENSION[extension] : undefined;
}

/** The file extension for what the model returned, else for the format that was asked for. */
export function imageExtension(mimeType: string | undefined, format: 'png' | 'jpeg' | 'webp'): string {
  return (mimeType && EXTENSION_BY_MIME[mimeType.toLowerCase()]) ?? (format === 'jpeg' ? 'jpg' : format);
}

/** `A red fox, in the snow!` → `a-red-fox-in-the-snow`: lower case ASCII, at most 40 characters. */
export function slugOf(prompt: string): string {
  const words = prompt
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
  let slug = '';
  for (const word of words) {
    const next = slug ? `${slug}-${word}` : word;
    if (next.length > 40) break;
    slug = next;
  }
  return slug || words[0]?.slice(0, 40) || 'image';
}

/** `count` new names after the highest number already used for this slug (whatever the extension). */
export function nextImageNames(slug: string, extension: string, count: number, existing: string[]): string[] {
  const pattern = new RegExp(`^${slug.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}-(\\d+)\\.[A-Za-z0-9]+$`);
  let highest = 0;
  for (const name of existing) {
    const n = Number(pattern.exec(name)?.[1] ?? 0);
    if (n > highest) highest = n;
  }
  return Array.from({ length: count }, (_, index) => `${slug}-${highest + index + 1}.${extension}`);
}

/** `4.2 MB` */
export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
  if (bytes >= 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${bytes} bytes`;
}

/**
 * The `switchboard.images.folder` setting as path segments inside the workspace folder. A
 * workspace may set it, so an absolute path or one that climbs out (`..`) falls back to `images`.
 */
export function imageFolderSegments(folder: string): string[] {
  const trimmed = folder.trim();
  if (/^([/\\]|[A-Za-z]:)/.test(trimmed)) return ['images'];
  const segments = trimmed.split(/[/\\]+/).filter((segment) => segment !== '' && segment !== '.');
  if (segments.includes('..')) return ['images'];
  return segments.length > 0 ? segments : ['images'];
}
