import path from 'node:path';

/** Conditions an ESM `import()` on Node matches, in the order Node checks them. */
const IMPORT_CONDITIONS = new Set(['node', 'import', 'module-sync', 'default']);

export interface PackageJsonLike {
  name?: unknown;
  version?: unknown;
  exports?: unknown;
  module?: unknown;
  main?: unknown;
}

/**
 * The module a plugin is imported from, relative to its package: the manifest's `entry`, else
 * `exports['.']` (import/default conditions), else `module`, else `main`, else `index.js`.
 */
export function entryOf(pkg: PackageJsonLike, manifestEntry?: string): string {
  if (manifestEntry) return manifestEntry;
  const fromExports = resolveExports(pkg.exports);
  if (fromExports) return fromExports;
  if (typeof pkg.module === 'string' && pkg.module) return pkg.module;
  if (typeof pkg.main === 'string' && pkg.main) return pkg.main;
  return 'index.js';
}

function resolveExports(exportsField: unknown): string | undefined {
  if (exportsField === null || typeof exportsField !== 'object' || Array.isArray(exportsField)) {
    return resolveTarget(exportsField);
  }
  const keys = Object.keys(exportsField);
  // `{ ".": ..., "./sub": ... }` is a subpath map; anything else is the conditions of ".".
  const isSubpathMap = keys.some((key) => key.startsWith('.'));
  return resolveTarget(isSubpathMap ? (exportsField as Record<string, unknown>)['.'] : exportsField);
}

/** A target is a path, an array of fallbacks, or nested conditions matched in object order. */
function resolveTarget(target: unknown): string | undefined {
  if (typeof target === 'string') return target;
  if (Array.isArray(target)) {
    for (const item of target) {
      const found = resolveTarget(item);
      if (found) return found;
    }
    return undefined;
  }
  if (target && typeof target === 'object') {
    for (const [condition, value] of Object.entries(target)) {
      if (!IMPORT_CONDITIONS.has(condition)) continue;
      const found = resolveTarget(value);
      if (found) return found;
    }
  }
  return undefined;
}

/** The entry as an absolute path, or undefined when it points outside its package. */
export function entryPathInside(dir: string, entry: string): string | undefined {
  const absolute = path.resolve(dir, entry);
  const relative = path.relative(dir, absolute);
  return relative === '' || relative.startsWith('..') || path.isAbsolute(relative) ? undefined : absolute;
}
