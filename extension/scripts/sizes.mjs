// Sizes for the build's report lines.
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';

/** Bytes of every file under `target` (or of the file itself) that `counts(path)` accepts. */
export async function sizeOf(target, counts = () => true) {
  const info = await stat(target);
  if (!info.isDirectory()) return counts(target) ? info.size : 0;
  let total = 0;
  for (const entry of await readdir(target)) total += await sizeOf(path.join(target, entry), counts);
  return total;
}

export const isSourceMap = (file) => file.endsWith('.map');

export function formatBytes(bytes) {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KiB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
}
