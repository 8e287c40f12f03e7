import type { ChatModel, ChatRequest, ModelStreamEvent, SwitchboardErrorLike } from '@switchboard/core';
import { isSwitchboardError } from '@switchboard/core';
import { FakeAnthropicServer, type FakeAnthropicServerOptions } from '@switchboard/testkit';
import { afterAll, beforeEach, expect } from 'vitest';
import { anthropicProvider } from '../src/index.js';

export const API_KEY = 'sk-ant-test-0123456789abcdef';
export const MODEL = 'claude-sonnet-5-5';

/** A real 1x1 PNG. */
export const PNG_BASE64 =
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';
export const PNG_BYTES = new Uint8Array(Buffer.from(PNG_BASE64, 'base64'));

/**
 * One fake Anthropic server per test file (started at import, closed after the file), reset before
 * each test; `model()` makes a chat model of the real provider pointed at it.
 */
export function useFakeAnthropic(options: FakeAnthropicServerOptions = { apiKey: API_KEY }) {
  const server = new FakeAnthropicServer(options);
  const started = server.start();
  beforeEach(async () => {
    await started;
    server.reset();
  });
  afterAll(async () => {
    await started;
    await server.close();
  });
  const settings = (extra: Record<string, string> = {}) => ({
    apiKey: API_KEY,
    baseUrl: server.url,
    ...extra,
  });
  return {
    server,
    settings,
    model(modelId = MODEL, extra: Record<string, string> = {}): ChatModel {
      return anthropicProvider.chatModel?.(modelId, { settings: settings(extra) }) as ChatModel;
    },
    /** The last POST /v1/messages body as sent on the wire. */
    lastBody(): Record<string, unknown> {
      const request = server.requests.findLast((r) => r.method === 'POST' && r.path === '/v1/messages');
      expect(request, 'no POST /v1/messages reached the server').toBeDefined();
      return request?.body as Record<string, unknown>;
    },
  };
}

export function ask(text: string, options: Omit<ChatRequest, 'messages'> = {}): ChatRequest {
  return { ...options, messages: [{ role: 'user', content: text }] };
}

// The conformance suite's stream collectors, so provider tests and the suite read streams alike.
export { collect, collectUntilError } from '@switchboard/testkit/conformance';

/** What `run` rejected with; fails the test when it resolved. */
export async function failure(run: () => Promise<unknown>): Promise<SwitchboardErrorLike> {
  try {
    await run();
  } catch (error) {
    expect(isSwitchboardError(error), `expected a SwitchboardError, got ${String(error)}`).toBe(true);
    return error as SwitchboardErrorLike;
  }
  return expect.fail('expected the call to fail');
}

export const textOf = (events: readonly ModelStreamEvent[]) =>
  events.map((event) => (event.type === 'text-delta' ? event.text : '')).join('');

/** Waits until `check` holds (the server notices a client abort a moment after it happens). */
export async function eventually(check: () => boolean, timeoutMs = 2000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > until) throw new Error('condition not reached in time');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
