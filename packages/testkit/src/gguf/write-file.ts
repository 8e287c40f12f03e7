import { mkdir, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { type BrokenGgufKind, buildBrokenGguf } from './broken-gguf.js';
import { buildTinyGguf, type TinyLlamaOptions } from './tiny-llama.js';

/** Writes a tiny llama GGUF to `path` (folders created) and returns the path. */
export async function writeTinyGguf(path: string, options: TinyLlamaOptions = {}): Promise<string> {
  await mkdir(dirname(path), { recursive: true });
  await writeFile(path, buildTinyGguf(options));
  return path;
}

/** Writes one of the broken variants to `path` and returns the path. */
export async function writeBrokenGguf(
  path: string,
  kind: BrokenGgufKind,
  options: TinyLlamaOptions = {},
): Promise<string> {
  await mkdir(dirname(path), { recursive: true });
  await writeFile(path, buildBrokenGguf(kind, options));
  return path;
}
