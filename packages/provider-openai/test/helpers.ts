import {
  type ChatModel,
  type EmbeddingModel,
  type ImageModel,
  isSwitchboardError,
  type ModelStreamEvent,
  type ProviderContext,
  type ProviderDefinition,
  type SpeechModel,
  type SwitchboardErrorLike,
} from '@switchboard/core';
import { FakeOpenAIServer } from '@switchboard/testkit';
import { afterAll, beforeAll, beforeEach } from 'vitest';
import plugin from '../src/index.js';

/** Shaped like a real OpenAI key, so both the exact-value and the shape redaction are exercised. */
export const API_KEY = 'sk-proj-test0123456789abcdefghijklmnopqrstuvwxyzABCD';

export function provider(id: string): ProviderDefinition {
  const found = plugin.providers.find((candidate) => candidate.id === id);
  if (!found) throw new Error(`the plugin serves no provider "${id}"`);
  return found;
}

export function context(settings: Record<string, string | undefined>): ProviderContext {
  return { settings };
}

/** Starts one fake server for the file and forgets its script and requests before each test. */
export function useFakeServer(): { readonly server: FakeOpenAIServer } {
  const holder: { server?: FakeOpenAIServer } = {};
  beforeAll(async () => {
    holder.server = await new FakeOpenAIServer().start();
  });
  afterAll(async () => {
    await holder.server?.close();
  });
  beforeEach(() => {
    holder.server?.reset();
    holder.server?.setDefaultReply({ text: 'Hello from the fake server.' });
  });
  return {
    get server() {
      if (!holder.server) throw new Error('the fake server is not started yet');
      return holder.server;
    },
  };
}

/** Settings that point a provider at the fake server (Azure takes the origin as its endpoint). */
export function settingsFor(
  server: FakeOpenAIServer,
  providerId = 'openai',
  extra: Record<string, string> = {},
): Record<string, string> {
  const baseUrl = providerId === 'azure' ? server.origin : server.url;
  return { apiKey: API_KEY, baseUrl, ...extra };
}

export function chatModel(
  server: FakeOpenAIServer,
  modelId = 'gpt-4o-mini',
  providerId = 'openai',
  extra: Record<string, string> = {},
): ChatModel {
  const definition = provider(providerId);
  if (!definition.chatModel) throw new Error(`${providerId} has no chat models`);
  return definition.chatModel(modelId, context(settingsFor(server, providerId, extra)));
}

export function embeddingModel(
  server: FakeOpenAIServer,
  modelId: string,
  providerId = 'openai',
): EmbeddingModel {
  const definition = provider(providerId);
  if (!definition.embeddingModel) throw new Error(`${providerId} has no embedding models`);
  return definition.embeddingModel(modelId, context(settingsFor(server, providerId)));
}

export function imageModel(server: FakeOpenAIServer, modelId: string, providerId = 'openai'): ImageModel {
  const definition = provider(providerId);
  if (!definition.imageModel) throw new Error(`${providerId} has no image models`);
  return definition.imageModel(modelId, context(settingsFor(server, providerId)));
}

export function speechModel(server: FakeOpenAIServer, modelId: string, providerId = 'openai'): SpeechModel {
  const definition = provider(providerId);
  if (!definition.speechModel) throw new Error(`${providerId} has no speech models`);
  return definition.speechModel(modelId, context(settingsFor(server, providerId)));
}

export async function collect<T>(iterable: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of iterable) out.push(item);
  return out;
}

/** Collects a stream until it throws; returns what arrived and the error. */
export async function collectUntilError(
  iterable: AsyncIterable<ModelStreamEvent>,
): Promise<{ events: ModelStreamEvent[]; error: SwitchboardErrorLike }> {
  const events: ModelStreamEvent[] = [];
  try {
    for await (const event of iterable) events.push(event);
  } catch (error) {
    return { events, error: asSwitchboardError(error) };
  }
  throw new Error(`the stream ended without an error after ${events.length} events`);
}

/** The error a promise rejects with, which must be a Switchboard error. */
export async function failureOf(promise: Promise<unknown>): Promise<SwitchboardErrorLike> {
  try {
    await promise;
  } catch (error) {
    return asSwitchboardError(error);
  }
  throw new Error('expected the call to fail, but it succeeded');
}

function asSwitchboardError(error: unknown): SwitchboardErrorLike {
  if (!isSwitchboardError(error)) {
    throw new Error(
      `expected a SwitchboardError, got ${error instanceof Error ? error.stack : String(error)}`,
    );
  }
  return error;
}

export function textOf(events: readonly ModelStreamEvent[]): string {
  return events.map((event) => (event.type === 'text-delta' ? event.text : '')).join('');
}

/** Resolves once `check` holds, or fails after `timeoutMs` (for server-side effects such as an abort being seen). */
export async function eventually(check: () => boolean, timeoutMs = 2_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
