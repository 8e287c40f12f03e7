import { describeError } from './describe-error.js';
import { validatePluginModule } from './manifest.js';
import { PLUGIN_API_VERSION, type ProviderPlugin } from './types.js';

/**
 * Turns what a plugin written for one plugin API version exports into today's `ProviderPlugin`.
 * When the API changes, the old version gets an adapter here instead of being dropped:
 * third-party providers must keep working when Switchboard is upgraded.
 */
export type PluginAdapter = (raw: unknown) => ProviderPlugin;

/** One adapter per plugin API version this Switchboard can load. */
export type PluginAdapterTable = Readonly<Record<number, PluginAdapter>>;

/** Today: only v1 exists, and it already has the current shape. */
export const PLUGIN_ADAPTERS: PluginAdapterTable = Object.freeze({
  [PLUGIN_API_VERSION]: (raw: unknown) => raw as ProviderPlugin,
});

export type ApiVersionCheck = { ok: true; adapter: PluginAdapter } | { ok: false; reason: string };

/** Whether a plugin for `apiVersion` can be loaded; the reason reads after the plugin's name. */
export function checkApiVersion(
  apiVersion: number,
  adapters: PluginAdapterTable = PLUGIN_ADAPTERS,
): ApiVersionCheck {
  const adapter = adapters[apiVersion];
  if (adapter) return { ok: true, adapter };
  if (apiVersion > PLUGIN_API_VERSION) {
    return {
      ok: false,
      reason: `needs a newer Switchboard (plugin API v${apiVersion}, this Switchboard speaks v${PLUGIN_API_VERSION})`,
    };
  }
  return {
    ok: false,
    reason: `was written for plugin API v${apiVersion}, which this Switchboard (plugin API v${PLUGIN_API_VERSION}) can no longer load; update the plugin`,
  };
}

export type AdaptResult =
  | { ok: true; plugin: ProviderPlugin }
  | { ok: false; incompatible: boolean; reason: string; cause?: unknown };

/**
 * Picks the adapter for the plugin's `apiVersion`, applies it and validates the outcome against
 * the current shape (an adapter's output is checked like any plugin). Never throws.
 */
export function adaptPlugin(raw: unknown, adapters: PluginAdapterTable = PLUGIN_ADAPTERS): AdaptResult {
  const version = (raw as { apiVersion?: unknown } | null)?.apiVersion;
  if (typeof version !== 'number' || !Number.isInteger(version)) {
    const shape = validatePluginModule(raw);
    return { ok: false, incompatible: false, reason: shape.ok ? 'has no apiVersion' : shape.reason };
  }
  const check = checkApiVersion(version, adapters);
  if (!check.ok) return { ok: false, incompatible: true, reason: check.reason };
  let adapted: unknown;
  try {
    adapted = check.adapter(raw);
  } catch (error) {
    return {
      ok: false,
      incompatible: false,
      reason: `could not be adapted from plugin API v${version}: ${describeError(error)}`,
      cause: error,
    };
  }
  const shape = validatePluginModule(adapted);
  return shape.ok
    ? { ok: true, plugin: shape.value }
    : { ok: false, incompatible: false, reason: shape.reason };
}
