import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { checkApiVersion, type PluginAdapterTable } from '../plugin/adapters.js';
import { describeError } from '../plugin/describe-error.js';
import { parsePluginManifest } from '../plugin/manifest.js';
import type { DiscoveredPlugin, PluginProblem } from './discovery-types.js';
import { entryOf, entryPathInside, type PackageJsonLike } from './entry-point.js';

export type Inspection = { plugin: DiscoveredPlugin } | { problem: PluginProblem } | undefined;

interface Where {
  source: string;
  rootIndex: number;
  adapters: PluginAdapterTable;
}

/**
 * Reads one folder's package.json and checks its `switchboard` manifest, without importing
 * anything. A folder that is no Switchboard plugin (no package.json, no field) gives undefined.
 */
export async function inspectPackage(dir: string, where: Where): Promise<Inspection> {
  const at = { dir, source: where.source, rootIndex: where.rootIndex };
  let text: string;
  try {
    text = await readFile(path.join(dir, 'package.json'), 'utf8');
  } catch (error) {
    if (
      (error as NodeJS.ErrnoException).code === 'ENOENT' ||
      (error as NodeJS.ErrnoException).code === 'ENOTDIR'
    ) {
      return undefined;
    }
    return {
      problem: {
        ...at,
        kind: 'unreadable-package',
        reason: `Cannot read ${path.join(dir, 'package.json')}: ${describeError(error)}`,
      },
    };
  }

  let pkg: unknown;
  try {
    pkg = JSON.parse(text);
  } catch (error) {
    // Every broken package.json in a node_modules is not ours to report: only those meant as plugins.
    if (!text.includes('"switchboard"')) return undefined;
    return {
      problem: {
        ...at,
        kind: 'invalid-json',
        reason: `${path.join(dir, 'package.json')} is not valid JSON: ${describeError(error)}`,
      },
    };
  }
  if (pkg === null || typeof pkg !== 'object' || Array.isArray(pkg) || !('switchboard' in pkg))
    return undefined;

  const json = pkg as PackageJsonLike & { switchboard: unknown };
  const packageName = typeof json.name === 'string' && json.name ? json.name : path.basename(dir);
  const version = typeof json.version === 'string' ? json.version : undefined;
  const named = { ...at, packageName, ...(version === undefined ? {} : { version }) };

  const manifest = parsePluginManifest(json.switchboard, packageName);
  if (!manifest.ok) return { problem: { ...named, kind: 'invalid-manifest', reason: manifest.reason } };

  const api = checkApiVersion(manifest.value.apiVersion, where.adapters);
  if (!api.ok) {
    return {
      problem: {
        ...named,
        kind: 'incompatible',
        manifest: manifest.value,
        reason: `Plugin "${packageName}" ${api.reason}.`,
      },
    };
  }

  const entry = entryOf(json, manifest.value.entry);
  const entryPath = entryPathInside(dir, entry);
  if (!entryPath) {
    return {
      problem: {
        ...named,
        kind: 'invalid-manifest',
        manifest: manifest.value,
        reason: `Plugin "${packageName}" names entry "${entry}", which is outside its package.`,
      },
    };
  }
  if (!(await isFile(entryPath))) {
    return {
      problem: {
        ...named,
        kind: 'missing-entry',
        manifest: manifest.value,
        reason: `Plugin "${packageName}" has no entry module: ${entryPath} does not exist (was the package built?).`,
      },
    };
  }
  return { plugin: { ...named, entryPath, manifest: manifest.value } };
}

async function isFile(file: string): Promise<boolean> {
  try {
    return (await stat(file)).isFile();
  } catch {
    return false;
  }
}
