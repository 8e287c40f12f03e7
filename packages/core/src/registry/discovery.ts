import { realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import { PLUGIN_ADAPTERS, type PluginAdapterTable } from '../plugin/adapters.js';
import { candidateDirs } from './candidate-dirs.js';
import type { DiscoveryResult, PluginProblem, PluginRoot } from './discovery-types.js';
import { inspectPackage } from './inspect-package.js';

export interface DiscoveryOptions {
  /** Which plugin API versions count as loadable; injectable for tests. */
  adapters?: PluginAdapterTable;
}

/**
 * Finds provider packages under `roots` by their package.json `switchboard` field. Imports
 * nothing, never throws: what is wrong lands in `problems`, one entry per package or root.
 * The same package reached twice (a symlink, overlapping roots) is reported once, at its first place.
 */
export async function discoverPlugins(
  roots: ReadonlyArray<string | PluginRoot>,
  options: DiscoveryOptions = {},
): Promise<DiscoveryResult> {
  const adapters = options.adapters ?? PLUGIN_ADAPTERS;
  const result: DiscoveryResult = { plugins: [], problems: [] };
  const seen = new Set<string>();

  for (const [rootIndex, given] of roots.entries()) {
    const root: PluginRoot = typeof given === 'string' ? { path: given, source: given } : given;
    const rootPath = path.resolve(root.path);
    const problem = await rootProblem(root, rootPath, rootIndex);
    if (problem === 'skip') continue;
    if (problem) {
      result.problems.push(problem);
      continue;
    }
    const dirs = await candidateDirs(rootPath);
    const reals = await Promise.all(dirs.map((dir) => realpath(dir).catch(() => dir)));
    const fresh = dirs.filter((_dir, i) => {
      const real = reals[i] ?? '';
      if (seen.has(real)) return false;
      seen.add(real);
      return true;
    });
    const where = { source: root.source, rootIndex, adapters };
    for (const found of await Promise.all(fresh.map((dir) => inspectPackage(dir, where)))) {
      if (!found) continue;
      if ('plugin' in found) result.plugins.push(found.plugin);
      else result.problems.push(found.problem);
    }
  }
  return result;
}

async function rootProblem(
  root: PluginRoot,
  rootPath: string,
  rootIndex: number,
): Promise<PluginProblem | 'skip' | undefined> {
  const at = { dir: rootPath, source: root.source, rootIndex };
  try {
    if ((await stat(rootPath)).isDirectory()) return undefined;
    return {
      ...at,
      kind: 'unreadable-root',
      reason: `Plugin folder "${rootPath}" (${root.source}) is not a folder.`,
    };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' && root.optional) return 'skip';
    if (code === 'ENOENT') {
      return {
        ...at,
        kind: 'missing-root',
        reason: `Plugin folder "${rootPath}" (${root.source}) does not exist.`,
      };
    }
    return {
      ...at,
      kind: 'unreadable-root',
      reason: `Plugin folder "${rootPath}" (${root.source}) cannot be read: ${code ?? String(error)}.`,
    };
  }
}
