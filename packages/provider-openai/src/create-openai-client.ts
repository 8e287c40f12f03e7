import { type ProviderContext, registerSecret } from '@switchboard/core';
import OpenAI, { AzureOpenAI } from 'openai';
import { type ErrorOrigin, missingSettingError } from './openai-error.js';
import { AZURE_DEFAULT_API_VERSION, type OpenAIPreset } from './presets.js';

/** A configured SDK client and what error messages need to know about it. */
export interface ClientHandle {
  client: OpenAI;
  origin: Omit<ErrorOrigin, 'model' | 'signal'>;
}

/**
 * Builds the SDK client for a preset from the resolved settings. Everything is passed explicitly,
 * so the SDK's own environment fallbacks (OPENAI_API_KEY, OPENAI_BASE_URL, OPENAI_ORG_ID...) never
 * send one service's key or URL to another. Retries are off: core retries and falls back.
 * Throws a Switchboard error when a required key or base URL is missing.
 */
export function createOpenAIClient(preset: OpenAIPreset, context: ProviderContext): ClientHandle {
  const { settings } = context;
  const apiKey = nonEmpty(settings.apiKey);
  const baseUrl = nonEmpty(settings.baseUrl) ?? preset.baseUrl;
  if (!apiKey && preset.apiKey === 'required') {
    throw missingSettingError(preset.id, preset.displayName, 'apiKey', preset.apiKeyEnv);
  }
  if (!baseUrl) throw missingSettingError(preset.id, preset.displayName, 'baseUrl', preset.baseUrlEnv);
  registerSecret(apiKey);
  const common = {
    maxRetries: 0,
    organization: nonEmpty(settings.organization) ?? null,
    project: nonEmpty(settings.project) ?? null,
    logger: sdkLogger(context.log),
    logLevel: context.log ? ('warn' as const) : ('off' as const),
  };
  const origin = {
    provider: preset.id,
    baseUrl,
    ...(preset.unreachableHint ? { unreachableHint: preset.unreachableHint } : {}),
  };
  if (preset.client === 'azure') {
    const client = new AzureOpenAI({
      ...common,
      apiKey: apiKey ?? '', // Azure's key is required, so it was checked above
      baseURL: azureBaseUrl(baseUrl),
      apiVersion: nonEmpty(settings.apiVersion) ?? AZURE_DEFAULT_API_VERSION,
      defaultHeaders: preset.headers,
    });
    return { client, origin };
  }
  const client = new OpenAI({
    ...common,
    // The SDK insists on a key; keyless servers get a placeholder and no Authorization header.
    apiKey: apiKey ?? 'no-key',
    baseURL: baseUrl,
    defaultHeaders: { ...preset.headers, ...(apiKey ? {} : { Authorization: null }) },
  });
  return { client, origin };
}

/** Azure's dated API lives under `{endpoint}/openai`; accept the endpoint with or without it. */
function azureBaseUrl(endpoint: string): string {
  const trimmed = endpoint.replace(/\/+$/, '');
  return trimmed.endsWith('/openai') ? trimmed : `${trimmed}/openai`;
}

function nonEmpty(value: string | undefined): string | undefined {
  return value?.trim() ? value.trim() : undefined;
}

type LogFn = (message: string, ...rest: unknown[]) => void;

/** The SDK's warnings go to the host's log (which redacts), not to the console. */
function sdkLogger(log: ProviderContext['log']): Record<'error' | 'warn' | 'info' | 'debug', LogFn> {
  const to =
    (level: 'error' | 'warn' | 'info' | 'debug'): LogFn =>
    (message, ...rest) =>
      log?.(level, [message, ...rest.map(describe)].join(' '));
  return { error: to('error'), warn: to('warn'), info: to('info'), debug: to('debug') };
}

function describe(value: unknown): string {
  if (typeof value === 'string') return value;
  if (value instanceof Error) return value.message;
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}
