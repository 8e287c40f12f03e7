import { registerSecret } from '../errors/redact.js';
import type { ProviderDefinition } from '../plugin/types.js';
import type { SettingsValues } from './registry-types.js';

/** Each setting from its `env` variables in order (the first non-empty one), else its `default`. */
export function resolveSettingsFromEnv(
  provider: ProviderDefinition,
  env: Readonly<Record<string, string | undefined>> = process.env,
): SettingsValues {
  const values: SettingsValues = {};
  for (const setting of provider.settings ?? []) {
    const fromEnv = setting.env
      ?.map((name) => env[name])
      .find((value) => value !== undefined && value !== '');
    const value = fromEnv ?? setting.default;
    if (value !== undefined) values[setting.key] = value;
  }
  return values;
}

/** Registers the value of every `secret` setting, so no message or log line can ever show it. */
export function registerSecretSettings(provider: ProviderDefinition, values: SettingsValues): void {
  for (const setting of provider.settings ?? []) {
    if (setting.secret) registerSecret(values[setting.key]);
  }
}
