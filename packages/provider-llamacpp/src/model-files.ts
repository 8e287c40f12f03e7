import { readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { basename, isAbsolute, join } from 'node:path';
import { SwitchboardError } from '@switchboard/core';
import { expandHome, PROVIDER_ID } from './llamacpp-settings.js';

/**
 * Model ids: a file name without `.gguf` in the models folder, an absolute path to a GGUF file,
 * or a URI to download (`hf:user/repo/file.gguf`, `hf:user/repo:Q4_K_M`, `https://...`).
 */
export type ModelSource = { kind: 'file'; path: string } | { kind: 'uri'; uri: string };

const URI = /^(hf:|https?:\/\/)/i;
/** Only the first part of a split model is a model; ipull keeps unfinished downloads beside them. */
const LISTED = /\.gguf$/i;
const SPLIT_PART = /-(\d{5})-of-\d{5}\.gguf$/i;
const DOWNLOADS_RECORD = '.switchboard-downloads.json';

export function modelSource(modelId: string, modelsDir: string): ModelSource {
  if (URI.test(modelId)) return { kind: 'uri', uri: modelId };
  const expanded = expandHome(modelId);
  if (isAbsolute(expanded)) return { kind: 'file', path: expanded };
  const file = LISTED.test(modelId) ? modelId : `${modelId}.gguf`;
  return { kind: 'file', path: join(modelsDir, file) };
}

export function modelIdOf(fileName: string): string {
  return fileName.replace(LISTED, '');
}

/** The `.gguf` files directly in the models folder (none when it does not exist yet). */
export async function listModelFiles(modelsDir: string): Promise<string[]> {
  let names: string[];
  try {
    names = await readdir(modelsDir);
  } catch (error) {
    if ((error as { code?: unknown }).code === 'ENOENT') return [];
    throw error;
  }
  const files: string[] = [];
  for (const name of names.sort()) {
    if (!LISTED.test(name)) continue;
    const part = SPLIT_PART.exec(name);
    if (part && part[1] !== '00001') continue;
    const info = await stat(join(modelsDir, name)).catch(() => undefined);
    if (info?.isFile()) files.push(join(modelsDir, name));
  }
  return files;
}

/** Fails with a message naming where the file was looked for and what is there instead. */
export async function requireFile(path: string, modelId: string, modelsDir: string): Promise<void> {
  const info = await stat(path).catch(() => undefined);
  if (info?.isFile()) return;
  const available = (await listModelFiles(modelsDir)).map((file) => modelIdOf(basename(file)));
  throw new SwitchboardError(
    'not-found',
    `No GGUF model file at ${path} (model "${modelId}"). ` +
      (available.length > 0
        ? `Models in ${modelsDir}: ${available.join(', ')}.`
        : `${modelsDir} has no models.`),
    {
      provider: PROVIDER_ID,
      model: `${PROVIDER_ID}/${modelId}`,
      hint: `Put the .gguf file in ${modelsDir}, use its absolute path, or an hf: URI to download it.`,
    },
  );
}

/** Where a URI was downloaded before, so a downloaded model loads without the network. */
export async function recordedDownload(modelsDir: string, uri: string): Promise<string | undefined> {
  const record = await readRecord(modelsDir);
  const file = record[uri];
  if (!file) return undefined;
  const path = join(modelsDir, file);
  const info = await stat(path).catch(() => undefined);
  return info?.isFile() ? path : undefined;
}

export async function recordDownload(modelsDir: string, uri: string, path: string): Promise<void> {
  const record = await readRecord(modelsDir);
  record[uri] = basename(path);
  await writeFile(join(modelsDir, DOWNLOADS_RECORD), `${JSON.stringify(record, null, 2)}\n`);
}

async function readRecord(modelsDir: string): Promise<Record<string, string>> {
  try {
    const parsed: unknown = JSON.parse(await readFile(join(modelsDir, DOWNLOADS_RECORD), 'utf8'));
    if (typeof parsed !== 'object' || parsed === null) return {};
    return Object.fromEntries(
      Object.entries(parsed).filter((entry): entry is [string, string] => typeof entry[1] === 'string'),
    );
  } catch {
    return {};
  }
}
