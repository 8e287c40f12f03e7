export { type DiscoveryOptions, discoverPlugins } from './discovery.js';
export type {
  DiscoveredPlugin,
  DiscoveryResult,
  PluginProblem,
  PluginProblemKind,
  PluginRoot,
} from './discovery-types.js';
export { entryOf } from './entry-point.js';
export * from './model-id.js';
export type { ModelOfKind } from './model-kinds.js';
export { type Claimant, comparePrecedence, explainPrecedence } from './precedence.js';
export { ProviderRegistry } from './registry.js';
export type {
  CatalogModel,
  ModelListing,
  ModelListProblem,
  PluginState,
  PluginStatus,
  RegisterOptions,
  RegistryChange,
  RegistryOptions,
  SettingsResolver,
  SettingsValues,
} from './registry-types.js';
export { registerSecretSettings, resolveSettingsFromEnv } from './settings.js';
