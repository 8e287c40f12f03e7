// Where a provider's setting values come from, in order of precedence: secret storage (keys the
// user set in the editor), then Switchboard's settings (machine-scoped, non-secret), then the
// provider's environment variables, then its defaults. Plain logic, unit-tested.
import { type ProviderDefinition, resolveSettingsFromEnv, type SettingsValues } from '@switchboard/core';
import type { ExtensionSettings } from '../config/settings.js';

export type SecretReader = (providerId: string, key: string) => Promise<string | undefined>;
export type Env = Readonly<Record<string, string | undefined>>;

/** Where a secret setting's value came from, for the key commands and the walkthrough. */
export type SecretSource = 'secret-storage' | 'environment' | 'none';

/** The local-model settings map onto the llama.cpp provider's own keys. */
function localSettings(settings: ExtensionSettings): Record<string, string> {
  const local: Record<string, string> = {
    gpu: settings.local.gpu,
    gpuLayers: settings.local.gpuLayers,
    contextSize: settings.local.contextSize,
  };
  if (settings.local.modelsDir) local.modelsDir = settings.local.modelsDir;
  return local;
}

export async function resolveProviderSettings(
  provider: ProviderDefinition,
  settings: ExtensionSettings,
  readSecret: SecretReader,
  env: Env,
): Promise<SettingsValues> {
  const configured = {
    ...(provider.id === 'llamacpp' ? localSettings(settings) : {}),
    ...(settings.providers[provider.id] ?? {}),
  };
  // Environment and defaults come first, by core's own rule; stored keys and settings override them.
  const values: SettingsValues = resolveSettingsFromEnv(provider, env);
  for (const setting of provider.settings ?? []) {
    const value = setting.secret
      ? nonEmpty(await readSecret(provider.id, setting.key))
      : nonEmpty(configured[setting.key]);
    if (value !== undefined) values[setting.key] = value;
  }
  return values;
}

export async function secretSource(
  provider: ProviderDefinition,
  key: string,
  readSecret: SecretReader,
  env: Env,
): Promise<SecretSource> {
  if (nonEmpty(await readSecret(provider.id, key))) return 'secret-storage';
  const setting = provider.settings?.find((s) => s.key === key);
  if (setting?.env?.some((name) => nonEmpty(env[name]))) return 'environment';
  return 'none';
}

/** Required settings without a value: a provider with any is not set up yet. */
export function missingRequired(provider: ProviderDefinition, values: SettingsValues): string[] {
  return (provider.settings ?? [])
    .filter((setting) => setting.required && !nonEmpty(values[setting.key]))
    .map((setting) => setting.key);
}

function nonEmpty(value: string | undefined): string | undefined {
  return value !== undefined && value.trim() !== '' ? value : undefined;
}
