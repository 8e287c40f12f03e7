import type { PluginAdapterTable } from '../plugin/adapters.js';
import type { ProgressReport, ProviderDefinition } from '../plugin/types.js';
import type { ModelInfo } from '../types/models.js';

export type PluginState = 'discovered' | 'loaded' | 'failed' | 'incompatible' | 'shadowed';

/** One plugin as the user sees it in "Switchboard: Show Providers". */
export interface PluginStatus {
  name: string;
  version?: string;
  status: PluginState;
  /** Provider ids the plugin claims (from its manifest, or its module when registered in memory). */
  providerIds: string[];
  /** Ids another plugin wins; all of them when `status` is 'shadowed'. */
  shadowedIds?: string[];
  source: string;
  origin: 'discovered' | 'registered';
  dir?: string;
  entryPath?: string;
  /** Why the plugin failed, is incompatible or (partly) shadowed. */
  reason?: string;
}

export type SettingsValues = Record<string, string | undefined>;

/** Produces a provider's setting values (secret storage, settings, env); the registry caches the result. */
export type SettingsResolver = (provider: ProviderDefinition) => Promise<SettingsValues> | SettingsValues;

export interface RegistryOptions {
  /** Defaults to env variables then `default`, per `ProviderSetting` (see `resolveSettingsFromEnv`). */
  resolveSettings?: SettingsResolver;
  /** Which plugin API versions load, and how; injectable for tests. */
  adapters?: PluginAdapterTable;
  /** How an entry module is imported; defaults to `import(url)`. A bundler host may supply its own. */
  importModule?: (url: string) => Promise<unknown>;
  /** Where providers' `context.log` goes; messages are redacted first. */
  log?: (providerId: string, level: 'debug' | 'info' | 'warn' | 'error', message: string) => void;
  /** Where providers' `context.progress` goes (a progress notification in the editor); messages are redacted first. */
  progress?: (providerId: string, report: ProgressReport) => void;
}

export interface RegisterOptions {
  /** Shown in statuses; default `in-memory`. */
  source?: string;
  /** Higher wins a contested provider id; default 0 (the same as every discovered plugin). */
  priority?: number;
}

export interface CatalogModel {
  /** Full id, `provider/model`. */
  id: string;
  provider: string;
  info: ModelInfo;
}

export interface ModelListProblem {
  provider: string;
  reason: string;
}

export interface ModelListing {
  models: CatalogModel[];
  /** Providers whose list could not be had; the other providers' models are still there. */
  problems: ModelListProblem[];
}

export type RegistryChange =
  | { type: 'register' | 'unregister' | 'loaded' | 'failed'; pluginName: string }
  | { type: 'discovered' }
  | { type: 'settings'; providerId?: string };
