import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  type ChatModel,
  type EmbeddingModel,
  isSwitchboardError,
  type ModelStreamEvent,
  type ProviderDefinition,
  type SwitchboardErrorLike,
} from '@switchboard/core';
import { FakeOllamaServer, type FakeOllamaServerOptions } from '@switchboard/testkit';
import { afterEach, beforeEach } from 'vitest';
import { createOllamaProvider } from '../src/index.js';

/** A fresh fake server and provider per test; the server closes after it. */
export function useOllama(options: FakeOllamaServerOptions = {}) {
  const state = {} as { server: FakeOllamaServer; provider: ProviderDefinition };
  beforeEach(async () => {
    state.server = await new FakeOllamaServer(options).start();
    state.provider = createOllamaProvider();
  });
  afterEach(async () => {
    await state.server.close();
  });
  return {
    get server() {
      return state.server;
    },
    get provider() {
      return state.provider;
    },
    settings(extra: Record<string, string> = {}) {
      return { settings: { baseUrl: state.server.url, ...extra } };
    },
    chat(model = 'llama3.2', extra: Record<string, string> = {}): ChatModel {
      const factory = state.provider.chatModel;
      if (!factory) throw new Error('no chat models');
      return factory(model, this.settings(extra));
    },
    embedder(model = 'nomic-embed-text'): EmbeddingModel {
      const factory = state.provider.embeddingModel;
      if (!factory) throw new Error('no embedding models');
      return factory(model, this.settings());
    },
  };
}

export async function collect(events: AsyncIterable<ModelStreamEvent>): Promise<ModelStreamEvent[]> {
  const out: ModelStreamEvent[] = [];
  for await (const event of events) out.push(event);
  return out;
}

/** Runs `fn`, expects a Switchboard error and returns it (with what was collected before it). */
export async function failure(fn: () => Promise<unknown>): Promise<SwitchboardErrorLike> {
  try {
    await fn();
  } catch (error) {
    if (isSwitchboardError(error)) return error;
    throw new Error(`expected a SwitchboardError, got ${String(error)}`, { cause: error });
  }
  throw new Error('expected the call to fail, it succeeded');
}

/** Drains a stream, keeping the events that arrived before it failed. */
export async function streamFailure(
  events: AsyncIterable<ModelStreamEvent>,
): Promise<{ error: SwitchboardErrorLike; before: ModelStreamEvent[] }> {
  const before: ModelStreamEvent[] = [];
  const error = await failure(async () => {
    for await (const event of events) before.push(event);
  });
  return { error, before };
}

export const textOf = (events: ModelStreamEvent[]) =>
  events.map((e) => (e.type === 'text-delta' ? e.text : '')).join('');

/** A port nothing listens on: bound, read, then closed. */
export async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** A tiny HTTP server for image URLs: path -> [status, content-type, body]. */
export async function imageHost(
  routes: Record<string, [number, string, Uint8Array | string]>,
): Promise<{ url: string; server: Server; hits: string[] }> {
  const hits: string[] = [];
  const server = createServer((req, res) => {
    hits.push(req.url ?? '');
    const route = routes[(req.url ?? '').split('?')[0] ?? ''];
    if (!route) {
      res.writeHead(404).end();
      return;
    }
    const [status, type, body] = route;
    res.writeHead(status, { 'content-type': type }).end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, server, hits };
}

/** The smallest valid PNG (1x1), so a sniffed MIME type is real. */
export const PNG_1X1 = Uint8Array.from(
  Buffer.from(
    'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=',
    'base64',
  ),
);

/** The JSON body of the last request the server received. */
export function lastBody(server: { requests: Array<{ body: unknown }> }): Record<string, unknown> {
  const body = server.requests.at(-1)?.body;
  if (typeof body !== 'object' || body === null) throw new Error('the last request had no JSON body');
  return body as Record<string, unknown>;
}
