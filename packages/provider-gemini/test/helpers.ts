import type { ChatModel, ModelStreamEvent, ProviderContext, ProviderDefinition } from '@switchboard/core';
import { FakeGeminiServer } from '@switchboard/testkit';
import { afterAll, beforeAll, beforeEach } from 'vitest';
import { createGeminiProvider } from '../src/gemini-provider.js';

/** Looks like a real AI Studio key, so the shape-based redaction would catch it too. */
export const API_KEY = 'AIzaSyTEST-gemini-key-0123456789abcdef';

/** A fake Gemini API for the test file, reset before each test. */
export function useFakeGemini(): { server: FakeGeminiServer; provider: () => ProviderDefinition } {
  const server = new FakeGeminiServer();
  let provider: ProviderDefinition | undefined;
  beforeAll(async () => {
    await server.start();
  });
  afterAll(async () => {
    await server.close();
  });
  beforeEach(() => {
    server.reset();
    provider = createGeminiProvider();
  });
  return {
    server,
    provider: () => {
      if (!provider) throw new Error('provider is made in beforeEach');
      return provider;
    },
  };
}

/** Settings that point the provider at the fake; `overrides` may unset the key. */
export function contextFor(
  server: FakeGeminiServer,
  overrides: Record<string, string | undefined> = {},
): ProviderContext {
  return { settings: { apiKey: API_KEY, baseUrl: server.url, ...overrides } };
}

export function chatModel(
  provider: ProviderDefinition,
  server: FakeGeminiServer,
  model = 'gemini-2.5-flash',
): ChatModel {
  const factory = provider.chatModel;
  if (!factory) throw new Error('the gemini provider has chat models');
  return factory(model, contextFor(server));
}

export async function collect(stream: AsyncIterable<ModelStreamEvent>): Promise<ModelStreamEvent[]> {
  const events: ModelStreamEvent[] = [];
  for await (const event of stream) events.push(event);
  return events;
}

/** The error a promise or stream rejects with (fails the test when it does not). */
export async function failure(work: Promise<unknown> | AsyncIterable<unknown>): Promise<unknown> {
  try {
    if (Symbol.asyncIterator in work) for await (const _ of work) void _;
    else await work;
  } catch (error) {
    return error;
  }
  throw new Error('expected a failure, but the call succeeded');
}

/** The JSON body of a recorded request (the last one by default), typed as the test reads it. */
export function bodyOf<T>(server: FakeGeminiServer, index = -1): T {
  const request = server.requests.at(index);
  if (!request) throw new Error(`no request at ${index}`);
  return request.body as T;
}

export const user = (content: string) => ({ role: 'user' as const, content });
