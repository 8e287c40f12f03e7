import { redact } from '../errors/redact.js';
import type { ProviderDefinition } from '../plugin/types.js';
import type { DiscoveredPlugin, PluginProblem } from './discovery-types.js';
import { type Claimant, explainPrecedence } from './precedence.js';
import type { PluginStatus } from './registry-types.js';

/** What the registry holds per plugin, discovered or registered. */
export interface PluginRecord extends Claimant {
  /** Provider ids this plugin claims; it competes for them unless failed or incompatible. */
  claims: string[];
  state: 'discovered' | 'loaded' | 'failed' | 'incompatible';
  version?: string;
  dir?: string;
  entryPath?: string;
  /** Without the plugin's name: `needs a newer Switchboard (...)`. */
  reason?: string;
  /** Set once loaded. */
  providers?: Map<string, ProviderDefinition>;
  /** The one import in flight, shared by concurrent first uses. */
  loading?: Promise<void>;
}

export const competes = (record: PluginRecord): boolean =>
  record.state !== 'failed' && record.state !== 'incompatible';

export function recordFromDiscovery(plugin: DiscoveredPlugin, seq: number): PluginRecord {
  return {
    name: plugin.packageName,
    source: plugin.source,
    origin: 'discovered',
    priority: 0,
    rootIndex: plugin.rootIndex,
    seq,
    claims: plugin.manifest.providers.map((provider) => provider.id),
    state: 'discovered',
    dir: plugin.dir,
    entryPath: plugin.entryPath,
    ...(plugin.version === undefined ? {} : { version: plugin.version }),
  };
}

/** A package discovery found but could not accept; listed so the user sees why. */
export function recordFromProblem(problem: PluginProblem, seq: number): PluginRecord {
  return {
    name: problem.packageName ?? problem.dir,
    source: problem.source,
    origin: 'discovered',
    priority: 0,
    rootIndex: problem.rootIndex,
    seq,
    claims: problem.manifest?.providers.map((provider) => provider.id) ?? [],
    state: problem.kind === 'incompatible' ? 'incompatible' : 'failed',
    dir: problem.dir,
    reason: problem.reason,
    ...(problem.version === undefined ? {} : { version: problem.version }),
  };
}

/** The user-facing status, given who won each provider id. */
export function statusOf(record: PluginRecord, winners: ReadonlyMap<string, PluginRecord>): PluginStatus {
  const status: PluginStatus = {
    name: record.name,
    status: record.state,
    providerIds: [...record.claims],
    source: record.source,
    origin: record.origin,
  };
  if (record.version !== undefined) status.version = record.version;
  if (record.dir !== undefined) status.dir = record.dir;
  if (record.entryPath !== undefined) status.entryPath = record.entryPath;
  if (record.reason !== undefined) status.reason = redact(record.reason);
  if (!competes(record)) return status;

  const shadowed = record.claims.filter((id) => winners.get(id) !== record);
  if (shadowed.length === 0) return status;
  status.shadowedIds = shadowed;
  if (shadowed.length === record.claims.length) status.status = 'shadowed';
  status.reason = shadowed
    .map((id) => {
      const winner = winners.get(id);
      if (!winner) return `provider "${id}" is not available`;
      return `provider "${id}" is served by "${winner.name}" (${winner.source}): ${explainPrecedence(winner, record)}`;
    })
    .join('; ');
  return status;
}

/** The name of a plugin object that may not even be valid. */
export function nameOf(plugin: unknown): string {
  const name = (plugin as { name?: unknown } | null)?.name;
  return typeof name === 'string' && name ? name : '(unnamed plugin)';
}

export function providerIdsOf(plugin: unknown): string[] {
  const providers = (plugin as { providers?: unknown } | null)?.providers;
  if (!Array.isArray(providers)) return [];
  return providers
    .map((provider) => (provider as { id?: unknown } | null)?.id)
    .filter((id) => typeof id === 'string');
}

export function providersOf(records: readonly PluginRecord[]): ProviderDefinition[] {
  return [...new Set(records.flatMap((record) => [...(record.providers?.values() ?? [])]))];
}
