import { pathToFileURL } from 'node:url';
import { adaptPlugin, type PluginAdapterTable } from '../plugin/adapters.js';
import { describeError } from '../plugin/describe-error.js';
import type { ProviderDefinition, ProviderPlugin } from '../plugin/types.js';

export type LoadResult =
  | { ok: true; plugin: ProviderPlugin; providers: Map<string, ProviderDefinition> }
  | { ok: false; incompatible: boolean; reason: string; cause?: unknown };

export interface LoadOptions {
  importModule: (url: string) => Promise<unknown>;
  adapters: PluginAdapterTable;
  /** Provider ids the manifest promised; the module must provide each. */
  claimedIds: readonly string[];
}

/** `import()` of an absolute file URL; kept opaque to bundlers, which must not inline plugins. */
export const importByUrl = (url: string): Promise<unknown> => import(/* @vite-ignore */ url);

/** Imports a plugin's entry module and checks it against its manifest. Never throws. */
export async function loadPluginModule(entryPath: string, options: LoadOptions): Promise<LoadResult> {
  let module: unknown;
  try {
    module = await options.importModule(pathToFileURL(entryPath).href);
  } catch (error) {
    return {
      ok: false,
      incompatible: false,
      reason: `failed to import ${entryPath}: ${describeError(error)}`,
      cause: error,
    };
  }
  const adapted = adaptPlugin(pluginExportOf(module), options.adapters);
  if (!adapted.ok) {
    return adapted.incompatible ? adapted : { ...adapted, reason: `${adapted.reason} (module ${entryPath})` };
  }

  const providers = providerMap(adapted.plugin);
  const missing = options.claimedIds.filter((id) => !providers.has(id));
  if (missing.length > 0) {
    return {
      ok: false,
      incompatible: false,
      reason: `declares provider ${quoteList(missing)} in package.json, but its module provides only ${quoteList([...providers.keys()])}`,
    };
  }
  return { ok: true, plugin: adapted.plugin, providers };
}

/**
 * The plugin object of a module: its default export, or the module itself when it exports
 * `providers` by name, or a CommonJS module's `exports.default` seen through `default.default`.
 */
export function pluginExportOf(module: unknown): unknown {
  const hasProviders = (value: unknown) =>
    typeof value === 'object' && value !== null && 'providers' in value;
  const main = (module as { default?: unknown } | null)?.default;
  if (hasProviders(main)) return main;
  if (hasProviders(module)) return module;
  const nested = (main as { default?: unknown } | null | undefined)?.default;
  if (hasProviders(nested)) return nested;
  return main ?? module;
}

export function providerMap(plugin: ProviderPlugin): Map<string, ProviderDefinition> {
  return new Map(plugin.providers.map((provider) => [provider.id, provider]));
}

export const quoteList = (items: readonly string[]): string =>
  items.length === 0 ? 'none' : items.map((item) => `"${item}"`).join(', ');
