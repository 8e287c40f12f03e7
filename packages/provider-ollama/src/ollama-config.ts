import { type ProviderContext, type ProviderSetting, registerSecret } from '@switchboard/core';

/** Where `ollama serve` listens unless told otherwise. */
export const DEFAULT_OLLAMA_HOST = 'http://127.0.0.1:11434';

export const OLLAMA_SETTINGS: ProviderSetting[] = [
  {
    key: 'baseUrl',
    label: 'Ollama server URL',
    description: 'Where Ollama listens, e.g. http://127.0.0.1:11434 or a remote host.',
    env: ['OLLAMA_HOST'],
    default: DEFAULT_OLLAMA_HOST,
  },
  {
    key: 'apiKey',
    label: 'API key (optional)',
    description: 'Only for a hosted or proxied Ollama that asks for one; sent as a bearer token.',
    secret: true,
    env: ['OLLAMA_API_KEY'],
  },
];

export interface OllamaConfig {
  /** As the user wrote it; the ollama client normalizes it. */
  host: string;
  /** The normalized URL, for messages. */
  displayHost: string;
  apiKey?: string;
}

export function resolveOllamaConfig(context: ProviderContext): OllamaConfig {
  const host = context.settings.baseUrl?.trim() || DEFAULT_OLLAMA_HOST;
  const apiKey = context.settings.apiKey?.trim() || undefined;
  // The registry registers secret settings too; doing it here covers a provider used without one.
  registerSecret(apiKey);
  return { host, displayHost: displayHost(host), ...(apiKey ? { apiKey } : {}) };
}

/**
 * OLLAMA_HOST is often just `0.0.0.0` or `localhost:11434`; show it the way the ollama client
 * reads it (http, port 11434 when no scheme is given), without any credentials.
 */
function displayHost(host: string): string {
  const explicit = host.includes('://');
  try {
    const url = new URL(explicit ? host : `http://${host.startsWith(':') ? `127.0.0.1${host}` : host}`);
    if (!explicit && !url.port) url.port = '11434';
    return `${url.protocol}//${url.host}${url.pathname === '/' ? '' : url.pathname}`;
  } catch {
    return host;
  }
}
