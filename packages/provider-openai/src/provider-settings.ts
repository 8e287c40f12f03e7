import type { ProviderSetting } from '@switchboard/core';
import type { OpenAIPreset } from './presets.js';

/** The settings a preset asks for: its key (unless keyless), its base URL, and its extras. */
export function settingsOf(preset: OpenAIPreset): ProviderSetting[] {
  const settings: ProviderSetting[] = [];
  if (preset.apiKey !== 'none') {
    settings.push({
      key: 'apiKey',
      label: `${preset.displayName} API key`,
      secret: true,
      required: preset.apiKey === 'required',
      env: [...preset.apiKeyEnv],
    });
  }
  settings.push({
    key: 'baseUrl',
    label: 'Base URL',
    description:
      preset.client === 'azure'
        ? 'The resource endpoint, e.g. https://my-resource.openai.azure.com'
        : "Where the OpenAI-compatible API lives, ending in /v1 or the service's equivalent.",
    required: preset.baseUrl === undefined,
    env: [...preset.baseUrlEnv],
    ...(preset.baseUrl === undefined ? {} : { default: preset.baseUrl }),
  });
  for (const extra of preset.extraSettings ?? []) settings.push({ ...extra, env: [...extra.env] });
  return settings;
}
