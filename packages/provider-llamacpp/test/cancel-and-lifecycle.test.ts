import type { ChatRequest, ModelStreamEvent } from '@switchboard/core';
import { describe, expect, it } from 'vitest';
import type { ModelProcess } from '../src/model-process.js';
import { chatFor, contextFor, expectCleanError, modelsFolder, rejection, testProvider } from './helpers.js';

const provider = testProvider();
const dir = await modelsFolder({ endless: { seed: 1 }, tiny: { seed: 2 } });

// The random model never writes end-of-text, so only maxTokens or a cancel stops it.
const long: ChatRequest = {
  messages: [{ role: 'user', content: 'Go on forever' }],
  maxTokens: 1800,
  temperature: 0,
};

function processOf(modelPath: string): ModelProcess {
  const found = provider.runtime.modelProcesses.find((process) => process.modelPath === modelPath);
  if (!found) throw new Error(`no process for ${modelPath}`);
  return found;
}

const alive = (pid: number | undefined) => {
  try {
    return pid !== undefined && process.kill(pid, 0);
  } catch {
    return false;
  }
};

async function until(check: () => Promise<boolean> | boolean, timeoutMs = 3000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > end) throw new Error('condition not reached in time');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** Streams until the first text arrives, then hands control back with the iterator still open. */
async function startStreaming(stream: AsyncIterable<ModelStreamEvent>) {
  const iterator = stream[Symbol.asyncIterator]();
  for (;;) {
    const next = await iterator.next();
    if (next.done) throw new Error('stream ended before any text');
    if (next.value.type === 'text-delta') return iterator;
  }
}

describe('cancellation', () => {
  const context = contextFor(dir);
  const endless = chatFor(provider, 'endless', context);

  it('stops generation at once, and the worker serves the next request', async () => {
    const controller = new AbortController();
    const iterator = await startStreaming(endless.stream(long, { signal: controller.signal }));
    const worker = processOf(`${dir}/endless.gguf`);
    const before = await worker.stats();
    const abortedAt = performance.now();
    controller.abort();
    const error = await rejection(
      (async () => {
        for (let next = await iterator.next(); !next.done; next = await iterator.next());
      })(),
    );
    expect(error).toMatchObject({ kind: 'cancelled' });
    // Generous for a loaded CI machine; the token count below is what proves generation stopped.
    expect(performance.now() - abortedAt).toBeLessThan(1000);
    // The worker itself stopped: no request running, far fewer tokens than the 1,800 asked for.
    await until(async () => (await worker.stats())?.activeRequests === 0, 1000);
    const after = await worker.stats();
    expect((after?.generatedTokens ?? 0) - (before?.generatedTokens ?? 0)).toBeLessThan(300);
    const next = await endless.generate({ ...long, maxTokens: 3 });
    expect(next.usage.outputTokens).toBe(3);
    expect(worker.pid).toBe(after?.pid);
  });

  it('stops generation when the caller stops reading', async () => {
    const worker = processOf(`${dir}/endless.gguf`);
    const before = await worker.stats();
    const iterator = await startStreaming(endless.stream(long));
    await iterator.return?.();
    await until(async () => (await worker.stats())?.activeRequests === 0, 1000);
    const after = await worker.stats();
    expect((after?.generatedTokens ?? 0) - (before?.generatedTokens ?? 0)).toBeLessThan(300);
  });

  it('rejects at once when the signal is already aborted', async () => {
    const error = await rejection(endless.generate(long, { signal: AbortSignal.abort() }));
    expect(error).toMatchObject({ kind: 'cancelled' });
  });
});

describe('process lifecycle', () => {
  it('unloads the model after the idle time and loads it again on demand', async () => {
    const idle = chatFor(provider, 'tiny', contextFor(dir, { idleUnloadSeconds: '0.3' }));
    await idle.generate({ ...long, maxTokens: 2 });
    const worker = processOf(`${dir}/tiny.gguf`);
    const pid = worker.pid;
    expect(alive(pid)).toBe(true);
    await until(() => !worker.loaded && !alive(pid), 3000);
    const again = await idle.generate({ ...long, maxTokens: 2 });
    expect(again.usage.outputTokens).toBe(2);
    expect(worker.pid).not.toBe(pid);
  });

  it('refuses to load a model whose memory estimate exceeds the limit', async () => {
    const small = chatFor(provider, 'tiny', contextFor(dir, { memoryLimitMb: '1' }));
    const error = await rejection(small.generate({ ...long, maxTokens: 2 }));
    expect(error).toMatchObject({
      kind: 'service-unavailable',
      code: 'insufficient-memory',
      retryable: false,
    });
    expect(error.message).toMatch(/needs about \d+ MB of RAM, more than the memory limit setting \(1 MB\)/);
    expect(String(error.hint)).toContain('contextSize');
    expectCleanError(error);
  });

  it('turns a worker crash into a clear error, then starts a fresh worker', async () => {
    const endless = chatFor(provider, 'endless', contextFor(dir));
    const iterator = await startStreaming(endless.stream(long));
    const worker = processOf(`${dir}/endless.gguf`);
    const pid = worker.pid;
    if (pid === undefined) throw new Error('no worker pid');
    process.kill(pid, 'SIGKILL'); // what a native abort looks like from here
    const error = await rejection(
      (async () => {
        for (let next = await iterator.next(); !next.done; next = await iterator.next());
      })(),
    );
    expect(error).toMatchObject({ kind: 'service-unavailable', code: 'crashed', retryable: true });
    expect(error.message).toContain('was killed by SIGKILL');
    expect(String(error.hint)).toContain('fresh');
    expectCleanError(error);
    const next = await endless.generate({ ...long, maxTokens: 2 });
    expect(next.usage.outputTokens).toBe(2);
    expect(worker.pid).not.toBe(pid);
  });
});
