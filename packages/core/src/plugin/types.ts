import type { ChatModel, EmbeddingModel, ImageModel, ModelInfo, SpeechModel } from '../types/models.js';
import type { CallOptions } from '../types/request.js';

/** The plugin API version this core speaks. Older versions go through an adapter (see `adapters.ts`). */
export const PLUGIN_API_VERSION = 1;

/** A setting a provider needs; the editor shows these and resolves them (secret storage, env, settings). */
export interface ProviderSetting {
  /** Key under which the value reaches the provider, e.g. `apiKey`, `baseUrl`, `apiVersion`. */
  key: string;
  label: string;
  description?: string;
  /** Stored in secret storage, never in settings, never logged. */
  secret?: boolean;
  required?: boolean;
  /** Environment variables consulted, in order, when the user set no value. */
  env?: string[];
  default?: string;
}

/** How far a long piece of provider work (a model download) has come; the host shows it. */
export interface ProgressReport {
  /** Identifies the work across reports, e.g. `download hf:user/repo/model.gguf`. */
  task: string;
  /** A line a person can read, e.g. `Downloading model.gguf: 40% of 512 MB`. */
  message: string;
  /** 0 to 1 when the total is known. */
  fraction?: number;
  done?: boolean;
}

/** Resolved settings plus the means a provider gets from its host. */
export interface ProviderContext {
  /** Values for the provider's `settings` keys; absent when the user set none. */
  settings: Readonly<Record<string, string | undefined>>;
  /** Where a provider logs; the host redacts secrets. */
  log?: (level: 'debug' | 'info' | 'warn' | 'error', message: string) => void;
  /** Where a provider reports long work (downloads); absent when the host shows none. */
  progress?: (report: ProgressReport) => void;
}

export interface ListModelsOptions extends CallOptions {
  /** Ask the vendor's API for its live list; otherwise return the static list only. */
  live?: boolean;
}

/** One provider id served by a plugin (`openai`, `groq`, `ollama`...). */
export interface ProviderDefinition {
  id: string;
  displayName: string;
  settings?: ProviderSetting[];
  /** Models run on this machine: free, private, no key. */
  local?: boolean;
  listModels(context: ProviderContext, options?: ListModelsOptions): Promise<ModelInfo[]>;
  chatModel?(modelId: string, context: ProviderContext): ChatModel;
  embeddingModel?(modelId: string, context: ProviderContext): EmbeddingModel;
  imageModel?(modelId: string, context: ProviderContext): ImageModel;
  speechModel?(modelId: string, context: ProviderContext): SpeechModel;
  /** Frees what the provider holds (sockets, loaded local models). */
  dispose?(): void | Promise<void>;
}

/** What a provider package default-exports. */
export interface ProviderPlugin {
  apiVersion: number;
  /** Package-like name of the plugin, e.g. `@switchboard/provider-openai`. */
  name: string;
  displayName?: string;
  providers: ProviderDefinition[];
}

/**
 * The `switchboard` field of a provider package's package.json: enough for discovery to know
 * what the package provides without importing it.
 */
export interface PluginManifest {
  apiVersion: number;
  providers: Array<{ id: string; displayName?: string; local?: boolean }>;
  /** Module to import, relative to the package; defaults to the package's own entry point. */
  entry?: string;
}

/** Typed identity with validation: the way a plugin package declares itself. */
export function definePlugin<const P extends Omit<ProviderPlugin, 'apiVersion'> & { apiVersion?: number }>(
  plugin: P,
): P & ProviderPlugin {
  const withVersion = { ...plugin, apiVersion: plugin.apiVersion ?? PLUGIN_API_VERSION };
  const ids = new Set<string>();
  for (const provider of withVersion.providers) {
    if (!/^[a-z0-9][a-z0-9._-]*$/.test(provider.id)) {
      throw new TypeError(
        `Provider id "${provider.id}" must be lower-case letters, digits, '.', '_' or '-'.`,
      );
    }
    if (ids.has(provider.id)) throw new TypeError(`Provider id "${provider.id}" is declared twice.`);
    ids.add(provider.id);
  }
  return withVersion;
}
