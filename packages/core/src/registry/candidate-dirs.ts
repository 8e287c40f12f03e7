import type { Dirent } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';

/**
 * Folders under `root` that may hold a package, in a stable order: the root itself, its
 * subfolders, `@scope/*`, then the same under `root/node_modules`. Symlinked folders count
 * (pnpm and `npm link` layouts are symlinks); dot-folders (`.bin`, `.pnpm`) do not.
 */
export async function candidateDirs(root: string): Promise<string[]> {
  const nodeModules = path.join(root, 'node_modules');
  return [root, ...(await packagesIn(root, ['node_modules'])), ...(await packagesIn(nodeModules, []))];
}

/** `name` and `@scope/name` folders directly under `folder`. */
async function packagesIn(folder: string, skip: string[]): Promise<string[]> {
  const out: string[] = [];
  for (const name of await subfolders(folder)) {
    if (skip.includes(name)) continue;
    const dir = path.join(folder, name);
    if (name.startsWith('@')) {
      for (const scoped of await subfolders(dir)) out.push(path.join(dir, scoped));
    } else {
      out.push(dir);
    }
  }
  return out;
}

/** Sorted names of the folders (or symlinks to folders) in `folder`; none when it is unreadable. */
async function subfolders(folder: string): Promise<string[]> {
  let entries: Dirent[];
  try {
    entries = await readdir(folder, { withFileTypes: true });
  } catch {
    return [];
  }
  const names: string[] = [];
  for (const entry of entries) {
    if (entry.name.startsWith('.')) continue;
    if (entry.isDirectory() || (entry.isSymbolicLink() && (await isFolder(path.join(folder, entry.name))))) {
      names.push(entry.name);
    }
  }
  return names.sort();
}

async function isFolder(target: string): Promise<boolean> {
  try {
    return (await stat(target)).isDirectory(); // follows the link; a dangling link is no folder
  } catch {
    return false;
  }
}
