import type { PluginManifest } from '../plugin/types.js';

/** A folder to scan for provider packages, and a name for it the user recognises. */
export interface PluginRoot {
  path: string;
  /** Shown in statuses and reasons: `bundled`, `user`, `settings:switchboard.pluginPaths[0]`. */
  source: string;
  /** A root that may legitimately be absent (e.g. the default user plugin folder): no problem if missing. */
  optional?: boolean;
}

/** A provider package found by its manifest; nothing of it has been imported. */
export interface DiscoveredPlugin {
  packageName: string;
  version?: string;
  /** The package folder as found under the root (may be a symlink). */
  dir: string;
  /** Absolute path of the module the registry imports on first use. */
  entryPath: string;
  manifest: PluginManifest;
  source: string;
  /** Position of the root in the list given to discovery; lower wins a provider id. */
  rootIndex: number;
}

export type PluginProblemKind =
  | 'missing-root'
  | 'unreadable-root'
  | 'unreadable-package'
  | 'invalid-json'
  | 'invalid-manifest'
  | 'missing-entry'
  | 'incompatible';

export interface PluginProblem {
  kind: PluginProblemKind;
  /** Absent for root problems (`missing-root`, `unreadable-root`) and a package.json too broken to name it. */
  packageName?: string;
  version?: string;
  /** The package folder, or the root folder for root problems. */
  dir: string;
  source: string;
  rootIndex: number;
  /** One sentence for a person: names the package or folder and what is wrong. */
  reason: string;
  /** Present when the manifest itself was valid (e.g. an incompatible apiVersion). */
  manifest?: PluginManifest;
}

export interface DiscoveryResult {
  plugins: DiscoveredPlugin[];
  problems: PluginProblem[];
}
