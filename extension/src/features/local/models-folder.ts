// The folder the llama.cpp provider lists models from, by the same rules as the engine gives it
// its settings: `switchboard.providers.llamacpp.modelsDir`, `switchboard.local.modelsDir`,
// `SWITCHBOARD_MODELS_DIR`, else `~/.switchboard/models` (see engine/provider-settings.ts and the
// provider's llamacpp-settings.ts).
import { join } from 'node:path';
import type { ExtensionSettings } from '../../config/settings.js';

export function modelsFolder(
  settings: Pick<ExtensionSettings, 'local' | 'providers'>,
  env: Readonly<Record<string, string | undefined>>,
  home: string,
): string {
  const configured =
    nonEmpty(settings.providers.llamacpp?.modelsDir) ??
    nonEmpty(settings.local.modelsDir) ??
    nonEmpty(env.SWITCHBOARD_MODELS_DIR) ??
    '~/.switchboard/models';
  return expandHome(configured, home);
}

function expandHome(path: string, home: string): string {
  return path === '~' || path.startsWith('~/') || path.startsWith('~\\') ? join(home, path.slice(1)) : path;
}

function nonEmpty(value: string | undefined): string | undefined {
  return value !== undefined && value.trim() !== '' ? value.trim() : undefined;
}
