import { GoogleGenAI } from '@google/genai';
import { type ProviderContext, registerSecret, SwitchboardError } from '@switchboard/core';
import { PROVIDER_ID } from './gemini-error.js';

/**
 * A lazily made SDK client for the provider's settings. The key is always passed explicitly: left
 * out, the SDK would read GOOGLE_API_KEY itself or fall back to Google Cloud credentials.
 */
export function geminiClientFactory(context: ProviderContext): () => GoogleGenAI {
  let client: GoogleGenAI | undefined;
  return () => {
    client ??= createClient(context);
    return client;
  };
}

function createClient(context: ProviderContext): GoogleGenAI {
  const apiKey = context.settings.apiKey?.trim();
  if (!apiKey) {
    throw new SwitchboardError('authentication', 'No API key is set for Google Gemini.', {
      provider: PROVIDER_ID,
      hint: 'Set one with "Switchboard: Set API Key" or the GEMINI_API_KEY environment variable (GOOGLE_API_KEY also works); keys come from https://aistudio.google.com/apikey.',
    });
  }
  // The registry registers secret settings; a plugin used without the registry still gets this.
  registerSecret(apiKey);
  const baseUrl = context.settings.baseUrl?.trim();
  return new GoogleGenAI({
    apiKey,
    httpOptions: {
      ...(baseUrl ? { baseUrl } : {}),
      // One attempt: core retries with backoff, honours Retry-After and falls back.
      retryOptions: { attempts: 1 },
    },
  });
}
