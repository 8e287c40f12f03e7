// Names for generated images: readable (from the prompt), sortable (by time), and unique.

const EXTENSIONS: Record<string, string> = {
  'image/png': 'png',
  'image/jpeg': 'jpg',
  'image/webp': 'webp',
  'image/gif': 'gif',
};

export function imageExtension(mimeType: string, fallback = 'png'): string {
  return EXTENSIONS[mimeType.toLowerCase()] ?? fallback;
}

/** `a-cat-in-a-hat-20250102-030405.png`; `attempt` > 0 adds `-2`, `-3`... for name clashes. */
export function imageFileName(prompt: string, extension: string, now: Date, attempt = 0): string {
  const slug =
    prompt
      .toLowerCase()
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '') // accents split off by NFKD
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 40)
      .replace(/-+$/, '') || 'image';
  const pad = (n: number) => String(n).padStart(2, '0');
  const stamp = `${now.getFullYear()}${pad(now.getMonth() + 1)}${pad(now.getDate())}-${pad(now.getHours())}${pad(
    now.getMinutes(),
  )}${pad(now.getSeconds())}`;
  return `${slug}-${stamp}${attempt > 0 ? `-${attempt + 1}` : ''}.${extension}`;
}

/**
 * The images folder as path segments inside the workspace: `switchboard.images.folder` unless it
 * is absolute or climbs out with `..` (a workspace setting must not write elsewhere), then `images`.
 */
export function imageFolderSegments(folder: string): string[] {
  const segments = folder.split(/[\\/]+/).filter((segment) => segment && segment !== '.');
  const escapes = /^([a-z]:|[\\/]|~)/i.test(folder) || segments.includes('..');
  return escapes || segments.length === 0 ? ['images'] : segments;
}
