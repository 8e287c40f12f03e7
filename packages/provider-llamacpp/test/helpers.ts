import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ProviderContext } from '@switchboard/core';
import { type TinyLlamaOptions, type TinyScript, writeTinyGguf } from '@switchboard/testkit';
import { afterAll } from 'vitest';
import { createLlamaCppProvider } from '../src/index.js';

/** Tests drive the BUILT worker: the process the editor would start. */
export const WORKER_PATH = fileURLToPath(new URL('../dist/worker/worker-main.js', import.meta.url));
if (!existsSync(WORKER_PATH)) {
  throw new Error(
    'Build the package before testing: ./dev pnpm --filter @switchboard/provider-llamacpp run build',
  );
}

/** The model emits the function-call prefix of node-llama-cpp's default syntax, then the grammar takes over. */
export const TOOL_SCRIPT: TinyScript = { tokens: ['||call: '], ending: 'free' };
export const HELLO_SCRIPT: TinyScript = { tokens: ['Hello', ' world', '!'], ending: 'eos' };

export const WEATHER_TOOL = {
  name: 'get_weather',
  description: 'Current weather in a city',
  parameters: {
    type: 'object',
    properties: { city: { type: 'string', enum: ['Paris', 'London'] } },
    required: ['city'],
  },
};

// Registered when a test file imports this module, so folders made inside tests are removed too.
const folders: string[] = [];
afterAll(() => Promise.all(folders.map((dir) => rm(dir, { recursive: true, force: true }))));

/** A temporary models folder with these tiny models (file name = model id), removed after the file's tests. */
export async function modelsFolder(models: Record<string, TinyLlamaOptions>): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'switchboard-llamacpp-test-'));
  folders.push(dir);
  for (const [id, options] of Object.entries(models)) await writeTinyGguf(join(dir, `${id}.gguf`), options);
  return dir;
}

export interface TestContext extends ProviderContext {
  logs: string[];
}

/**
 * Settings for the tiny model: one thread (fastest on the 2-core test machine, see
 * default-threads.ts) and a small context.
 */
export function contextFor(modelsDir: string, settings: Record<string, string> = {}): TestContext {
  const logs: string[] = [];
  return {
    settings: { modelsDir, threads: '1', contextSize: '2048', ...settings },
    log: (level, message) => logs.push(`${level}: ${message}`),
    logs,
  };
}

/** A provider on the built worker, disposed (its processes killed) after the file's tests. */
export function testProvider() {
  const provider = createLlamaCppProvider({ workerPath: WORKER_PATH });
  afterAll(() => provider.dispose?.());
  return provider;
}

export async function collect<T>(iterable: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of iterable) out.push(item);
  return out;
}

/** The error a promise rejects with (fails the test when it resolves). */
export async function rejection(promise: Promise<unknown>): Promise<Error & Record<string, unknown>> {
  try {
    await promise;
  } catch (error) {
    return error as Error & Record<string, unknown>;
  }
  throw new Error('Expected the promise to reject');
}

/** Every user-facing error: a Switchboard error, one readable line, no stack trace. */
export function expectCleanError(error: Error): void {
  const { userMessage, hint } = error as { userMessage?: unknown; hint?: unknown };
  if (!userMessage) throw new Error(`Not a Switchboard error: ${String(error)}`);
  const text = `${error.message} ${String(hint)}`;
  if (/\n\s+at /.test(text) || text.includes('node:internal')) throw new Error(`Stack trace in: ${text}`);
}

export function embeddingsFor(
  provider: ReturnType<typeof testProvider>,
  id: string,
  context: ProviderContext,
) {
  const model = provider.embeddingModel?.(id, context);
  if (!model) throw new Error('embeddingModel missing');
  return model;
}

export function chatFor(provider: ReturnType<typeof testProvider>, id: string, context: ProviderContext) {
  const model = provider.chatModel?.(id, context);
  if (!model) throw new Error('chatModel missing');
  return model;
}
