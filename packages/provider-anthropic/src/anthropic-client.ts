import Anthropic, { type ClientOptions } from '@anthropic-ai/sdk';
import { type ProviderContext, registerSecret, SwitchboardError } from '@switchboard/core';
import { PROVIDER_ID } from './anthropic-error.js';

export const DEFAULT_BASE_URL = 'https://api.anthropic.com';

type Logger = NonNullable<ClientOptions['logger']>;
type Log = NonNullable<ProviderContext['log']>;

/** The base URL the provider talks to: the setting, or Anthropic's API. */
export function baseUrlOf(context: ProviderContext): string {
  return (context.settings.baseUrl?.trim() || DEFAULT_BASE_URL).replace(/\/+$/, '');
}

/**
 * The official SDK client. Its own retries are off: core retries, backs off and falls back, and a
 * second layer of retries would multiply waits and hide failures from it. The key is registered as
 * a secret first, so no message or log line can show it.
 */
export function createAnthropicClient(context: ProviderContext, model?: string): Anthropic {
  const apiKey = context.settings.apiKey?.trim();
  if (!apiKey) {
    throw new SwitchboardError('authentication', 'No Anthropic API key is set.', {
      provider: PROVIDER_ID,
      ...(model === undefined ? {} : { model }),
      hint: 'Set one with "Switchboard: Set API Key" or the ANTHROPIC_API_KEY environment variable.',
    });
  }
  registerSecret(apiKey);
  return new Anthropic({
    apiKey,
    baseURL: baseUrlOf(context),
    maxRetries: 0,
    logger: sdkLogger(context.log),
    logLevel: 'warn',
  });
}

/** The SDK's log lines go to the host's log (which redacts), never to the console. */
function sdkLogger(log: Log | undefined): Logger {
  const to =
    (level: Parameters<Log>[0]) =>
    (message: string, ...rest: unknown[]) =>
      log?.(level, ['[anthropic-sdk]', message, ...rest.map(describe)].join(' '));
  return { error: to('error'), warn: to('warn'), info: to('info'), debug: to('debug') };
}

function describe(value: unknown): string {
  if (typeof value === 'string') return value;
  if (value instanceof Error) return `${value.name}: ${value.message}`;
  try {
    return JSON.stringify(value)?.slice(0, 500) ?? String(value);
  } catch {
    return String(value);
  }
}
