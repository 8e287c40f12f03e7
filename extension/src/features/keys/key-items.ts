// What the key commands show and decide, as plain data: the provider list with where each key
// comes from, the input box texts, key validation, and what a failed key check means.
import { isSwitchboardError } from '@switchboard/core';
import type { ModelEntry, ProviderState } from '../../engine/index.js';

export type Env = Readonly<Record<string, string | undefined>>;

export interface KeyPickItem {
  label: string;
  description: string;
  detail?: string;
  providerId: string;
}

/** Where a person gets a key, for the input box. */
const KEY_PAGES: Record<string, string> = {
  openai: 'https://platform.openai.com/api-keys',
  anthropic: 'https://console.anthropic.com/settings/keys',
  gemini: 'https://aistudio.google.com/apikey',
  groq: 'https://console.groq.com/keys',
  openrouter: 'https://openrouter.ai/keys',
  deepseek: 'https://platform.deepseek.com/api_keys',
  together: 'https://api.together.ai/settings/api-keys',
  mistral: 'https://console.mistral.ai/api-keys',
  xai: 'https://console.x.ai',
  fireworks: 'https://fireworks.ai/account/api-keys',
  azure: 'the Azure portal (your resource, "Keys and Endpoint")',
  llamacpp: 'https://huggingface.co/settings/tokens',
};

const PLACEHOLDERS: Record<string, string> = {
  openai: 'sk-...',
  anthropic: 'sk-ant-...',
  gemini: 'AIza...',
  groq: 'gsk_...',
  openrouter: 'sk-or-...',
  llamacpp: 'hf_...',
};

/** The big three first, then the rest by name. */
const FIRST = ['openai', 'anthropic', 'gemini'];

export const DEFAULT_OLLAMA_HOST = '127.0.0.1:11434';

/**
 * Providers that take a key: cloud ones first, each saying where its key comes from now; Ollama
 * says whether it is running (its key is only for a hosted Ollama).
 */
export function keyPickItems(states: ProviderState[], models: ModelEntry[], env: Env, ollamaHost: string) {
  const withKey = states.filter((state) => state.keySource !== undefined);
  const rank = (state: ProviderState) => {
    const first = FIRST.indexOf(state.id);
    return (state.local ? 100 : 0) + (first >= 0 ? first : 10);
  };
  return withKey
    .sort((a, b) => rank(a) - rank(b) || a.displayName.localeCompare(b.displayName))
    .map((state): KeyPickItem => {
      const item: KeyPickItem = {
        label: state.displayName,
        description: keyStatus(state, env),
        providerId: state.id,
      };
      if (state.id === 'ollama') {
        item.description = ollamaStatus(state, models, ollamaHost);
        item.detail = `${keyStatus(state, env)}: an API key is only needed for a hosted Ollama`;
      } else if (state.id === 'llamacpp') {
        item.detail = `Hugging Face token for gated downloads (${keyStatus(state, env)})`;
      } else if (needsMoreThanKey(state)) {
        item.detail = `Also needs ${state.missing.filter((key) => key !== 'apiKey').join(', ')} in switchboard.providers`;
      }
      return item;
    });
}

/** `key set`, `from $OPENAI_API_KEY`, or `not set`. */
export function keyStatus(state: ProviderState, env: Env): string {
  if (state.keySource === 'secret-storage') return 'key set';
  if (state.keySource === 'environment') {
    const name = state.keyEnv.find((variable) => env[variable]?.trim()) ?? state.keyEnv[0];
    return name ? `from $${name}` : 'from the environment';
  }
  return 'not set';
}

/** `running, 3 models`, `running, no models yet`, or `not running on 127.0.0.1:11434`. */
export function ollamaStatus(state: ProviderState, models: ModelEntry[], host: string): string {
  const count = models.filter((model) => model.provider === state.id).length;
  if (state.readiness === 'ready') return `running, ${count} ${count === 1 ? 'model' : 'models'}`;
  if (state.readiness === 'unavailable' && /no models/i.test(state.reason ?? '')) {
    return 'running, no models yet (ollama pull <model>)';
  }
  return `not running on ${host}`;
}

/** Where Ollama is looked for: `switchboard.providers.ollama.baseUrl`, `OLLAMA_HOST`, the default. */
export function ollamaHost(providers: Record<string, Record<string, string>>, env: Env): string {
  const configured = providers.ollama?.baseUrl?.trim() || env.OLLAMA_HOST?.trim() || DEFAULT_OLLAMA_HOST;
  return configured.replace(/^https?:\/\//i, '').replace(/\/+$/, '');
}

function needsMoreThanKey(state: ProviderState): boolean {
  return state.missing.some((key) => key !== 'apiKey');
}

export interface KeyPrompt {
  /** `OpenAI API key`, `Hugging Face token`. */
  what: string;
  title: string;
  prompt: string;
  placeholder: string;
}

/** The input box: which provider, where to get a key, where it is kept. */
export function keyPrompt(providerId: string, displayName: string, settingLabel?: string): KeyPrompt {
  const what =
    providerId === 'llamacpp'
      ? 'Hugging Face token'
      : !settingLabel
        ? `${displayName} API key`
        : settingLabel.includes(displayName)
          ? settingLabel
          : `${displayName} ${settingLabel}`;
  const page = KEY_PAGES[providerId];
  return {
    what,
    title: `Switchboard: ${what}`,
    prompt:
      `Paste your ${what}${page ? ` (get one at ${page})` : ''}. ` +
      "It is kept in VS Code's secret storage, never in settings.",
    placeholder: PLACEHOLDERS[providerId] ?? `${displayName} key`,
  };
}

/** A message for the input box, or undefined when the value can be saved (after trimming). */
export function validateApiKey(value: string): string | undefined {
  const key = value.trim();
  if (key === '') return 'Paste the key.';
  if (/\s/.test(key)) return 'A key has no spaces or line breaks inside; paste it again.';
  return undefined;
}

/** Required settings other than the key that still have no value (a base URL for Azure). */
export function missingBesidesKey(state: ProviderState, secretKeys: string[]): string[] {
  return state.missing.filter((key) => !secretKeys.includes(key));
}

/**
 * What a failed model listing with the new key says: `rejected` when the provider refused the key,
 * `unchecked` when it could not be asked (offline, timeout, an outage).
 */
export function keyCheckOutcome(error: unknown): 'rejected' | 'unchecked' {
  return isSwitchboardError(error) && (error.kind === 'authentication' || error.kind === 'permission-denied')
    ? 'rejected'
    : 'unchecked';
}

/** The first-run walkthrough helps only when nothing is usable yet. */
export function shouldOpenWalkthrough(states: ProviderState[]): boolean {
  return !states.some((state) => state.readiness === 'ready');
}
