// Makes a GGUF file the user picked visible to the llama.cpp provider, which lists the `.gguf`
// files in its models folder: a symbolic link there (a hard link, then a copy, where links are
// not allowed), under a name that is safe and does not clash with another model.
import { constants } from 'node:fs';
import { copyFile, link, mkdir, open, readdir, realpath, stat, symlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/** A problem the user can fix (wrong file, missing part); shown as it is. */
export class LocalModelProblem extends Error {}

export type LinkMethod = 'already-there' | 'symlink' | 'hardlink' | 'copy';

export interface LinkedModel {
  /** The model id within the llama.cpp provider: the file name without `.gguf`. */
  modelId: string;
  method: LinkMethod;
}

const SPLIT = /^(.*)-(\d{5})-of-(\d{5})$/;
const GGUF = /\.gguf$/i;
const MAX_STEM = 100;

/** GGUF files start with the ASCII magic `GGUF`. */
export function isGgufHeader(bytes: Uint8Array): boolean {
  return (
    bytes.length >= 4 && bytes[0] === 0x47 && bytes[1] === 0x47 && bytes[2] === 0x55 && bytes[3] === 0x46
  );
}

/** A split model's first part names all its parts (`m-00001-of-00003.gguf` → 3 names); else the file alone. */
export function splitPartNames(fileName: string): string[] {
  const split = SPLIT.exec(fileName.replace(GGUF, ''));
  if (!split) return [fileName];
  const count = Number(split[3]);
  return Array.from(
    { length: count },
    (_, index) => `${split[1]}-${String(index + 1).padStart(5, '0')}-of-${split[3]}.gguf`,
  );
}

/**
 * Names for the links: the source's name made safe (letters, digits, `.`, `_`, `-`), with `-2`,
 * `-3`... when another file has it. `existing` says, per name in the folder, whether it already
 * is this model (`same`: reuse it) or something else (`other`).
 */
export function linkNames(
  sourceFileName: string,
  existing: ReadonlyMap<string, 'same' | 'other'>,
): { names: string[]; reuse: boolean } {
  const stemWithPart = sourceFileName.replace(GGUF, '');
  const split = SPLIT.exec(stemWithPart);
  const stem = safeStem(split ? split[1]! : stemWithPart);
  const parts = split
    ? splitPartNames(sourceFileName).map((name) => name.slice(split[1]!.length))
    : ['.gguf'];
  for (let n = 1; ; n++) {
    const names = parts.map((suffix) => `${stem}${n === 1 ? '' : `-${n}`}${suffix}`);
    const states = names.map((name) => existing.get(name));
    if (states.includes('other')) continue;
    return { names, reuse: states.every((state) => state === 'same') };
  }
}

function safeStem(stem: string): string {
  const safe = stem
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Za-z0-9._-]+/g, '-')
    .replace(/-{2,}/g, '-')
    .replace(/^[-.]+|[-.]+$/g, '')
    .slice(0, MAX_STEM);
  return safe || 'model';
}

/** Links (or copies) a GGUF file, and the other parts of a split model, into the models folder. */
export async function linkModelFile(sourcePath: string, modelsDir: string): Promise<LinkedModel> {
  await requireGguf(sourcePath);
  const sourceDir = dirname(sourcePath);
  const sourceParts = splitPartNames(basename(sourcePath)).map((name) => join(sourceDir, name));
  const realParts: string[] = [];
  for (const part of sourceParts) {
    const real = await realpath(part).catch(() => undefined);
    if (!real)
      throw new LocalModelProblem(`${basename(part)} is missing: a split model needs all its parts.`);
    realParts.push(real);
  }

  await mkdir(modelsDir, { recursive: true });
  const folder = await realpath(modelsDir);
  if (dirname(realParts[0]!) === folder) {
    return { modelId: basename(sourcePath).replace(GGUF, ''), method: 'already-there' };
  }

  const { names, reuse } = linkNames(basename(sourcePath), await folderEntries(folder, new Set(realParts)));
  const modelId = names[0]!.replace(GGUF, '');
  if (reuse) return { modelId, method: 'already-there' };
  let method: LinkMethod = 'symlink';
  for (const [index, name] of names.entries()) {
    const target = join(folder, name);
    if (await realpath(target).catch(() => undefined)) continue; // this part is linked already
    method = await placeFile(realParts[index]!, target);
  }
  return { modelId, method };
}

async function requireGguf(path: string): Promise<void> {
  const info = await stat(path).catch(() => undefined);
  if (!info?.isFile()) throw new LocalModelProblem(`${path} is not a file.`);
  if (!(await isGgufFile(path))) throw new LocalModelProblem(`${basename(path)} is not a GGUF model file.`);
}

/** Reads the first four bytes only: a model file may be many gigabytes. */
export async function isGgufFile(path: string): Promise<boolean> {
  const file = await open(path, 'r');
  try {
    const head = new Uint8Array(4);
    const { bytesRead } = await file.read(head, 0, 4, 0);
    return isGgufHeader(head.subarray(0, bytesRead));
  } finally {
    await file.close();
  }
}

/** Each `.gguf` name in the folder, and whether it resolves to one of the source's parts. */
async function folderEntries(folder: string, sources: Set<string>): Promise<Map<string, 'same' | 'other'>> {
  const entries = new Map<string, 'same' | 'other'>();
  for (const name of await readdir(folder)) {
    // A dangling link still occupies its name.
    const real = await realpath(join(folder, name)).catch(() => undefined);
    entries.set(name, real && sources.has(real) ? 'same' : 'other');
  }
  return entries;
}

/** Symlinks need a privilege on Windows; a hard link needs the same volume; a copy always works. */
async function placeFile(source: string, target: string): Promise<LinkMethod> {
  try {
    await symlink(source, target, 'file');
    return 'symlink';
  } catch (error) {
    if (isExists(error)) throw error;
  }
  try {
    await link(source, target);
    return 'hardlink';
  } catch (error) {
    if (isExists(error)) throw error;
  }
  await copyFile(source, target, constants.COPYFILE_EXCL);
  return 'copy';
}

function isExists(error: unknown): boolean {
  return (error as { code?: unknown }).code === 'EEXIST';
}
