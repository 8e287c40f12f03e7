import { readdir, readFile, stat } from 'node:fs/promises';
import { createServer } from 'node:net';
import { join } from 'node:path';
import type { ProgressReport } from '@switchboard/core';
import { buildTinyGguf, GgufFileServer } from '@switchboard/testkit';
import { afterAll, describe, expect, it } from 'vitest';
import { downloadModel } from '../src/index.js';
import {
  chatFor,
  contextFor,
  expectCleanError,
  modelsFolder,
  rejection,
  testProvider,
  WORKER_PATH,
} from './helpers.js';

// ipull, node-llama-cpp's downloader, saves its progress per 5 MB chunk: resuming needs a file
// of more than one chunk, so that test serves a wider (about 7 MB) variant of the tiny model.
const CHUNK = 5 * 2 ** 20;
const tiny = buildTinyGguf({ seed: 1 });
const wide = buildTinyGguf({ seed: 9, embeddingLength: 128, feedForwardLength: 2048 });
const server = await new GgufFileServer()
  .serve('/someone/tiny-model/resolve/main/tiny.gguf', tiny)
  .serve('/someone/tiny-model/resolve/main/wide.gguf', wide)
  .start();
afterAll(() => server.close());
const provider = testProvider();
const SECRET_TOKEN = 'hf_SwitchboardTestTokenThatMustNeverShow';

/** A port nothing listens on. */
async function closedPort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', () => resolve()));
  const address = probe.address();
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  if (!address || typeof address === 'string') throw new Error('no port');
  return address.port;
}

describe('hf: and http downloads', () => {
  it('downloads an hf: model on first use, then runs it offline by the same id', async () => {
    const dir = await modelsFolder({});
    const reports: ProgressReport[] = [];
    const context = {
      ...contextFor(dir, { huggingFaceEndpoint: server.url }),
      progress: (r: ProgressReport) => reports.push(r),
    };
    const model = chatFor(provider, 'hf:someone/tiny-model/tiny.gguf', context);
    const first = await model.generate({ messages: [{ role: 'user', content: 'Hi' }], maxTokens: 2 });
    expect(first.usage.outputTokens).toBe(2);
    const files = (await readdir(dir)).filter((name) => name.endsWith('.gguf'));
    expect(files).toHaveLength(1);
    expect((await readFile(join(dir, files[0] ?? ''))).equals(tiny)).toBe(true); // not toEqual: byte by byte is slow
    expect(
      context.logs.some((line) => /Downloading hf:someone\/tiny-model\/tiny\.gguf: 100%/.test(line)),
    ).toBe(true);
    // The host's progress UI got the same story, ending complete.
    expect(reports.length).toBeGreaterThan(0);
    expect(reports.every((r) => r.task === 'download hf:someone/tiny-model/tiny.gguf')).toBe(true);
    expect(reports.at(-1)).toMatchObject({ fraction: 1, done: true });
    // The file is now listed under its own name, and the URI resolves without the server.
    expect((await provider.listModels(context)).map((info) => info.id)).toEqual([
      files[0]?.replace(/\.gguf$/, ''),
    ]);
    const requests = server.requests.length;
    const offline = chatFor(
      provider,
      'hf:someone/tiny-model/tiny.gguf',
      contextFor(dir, { huggingFaceEndpoint: 'http://127.0.0.1:9/' }),
    );
    expect(
      (await offline.generate({ messages: [{ role: 'user', content: 'Hi' }], maxTokens: 1 })).usage
        .outputTokens,
    ).toBe(1);
    expect(server.requests.length).toBe(requests);
  });

  it('reports progress and resumes an interrupted download where it stopped', async () => {
    const dir = await modelsFolder({});
    const options = { directory: dir, huggingFaceEndpoint: server.url, workerPath: WORKER_PATH };
    server.stallFrom = CHUNK + 1; // the first chunk arrives, then the transfer hangs
    const controller = new AbortController();
    const progress: number[] = [];
    const interrupted = downloadModel('hf:someone/tiny-model/wide.gguf', {
      ...options,
      signal: controller.signal,
      onProgress: ({ downloadedBytes }) => {
        progress.push(downloadedBytes);
        if (downloadedBytes >= CHUNK) setTimeout(() => controller.abort(), 100); // let ipull save it
      },
    });
    expect(await rejection(interrupted)).toMatchObject({ kind: 'cancelled' });
    expect(progress.at(-1)).toBeGreaterThanOrEqual(CHUNK);
    const partial = (await readdir(dir)).find((name) => name.endsWith('.ipull'));
    expect(partial).toBeDefined();
    server.stallFrom = undefined;
    const before = server.requests.length;
    const resumed: number[] = [];
    const path = await downloadModel('hf:someone/tiny-model/wide.gguf', {
      ...options,
      onProgress: ({ downloadedBytes }) => resumed.push(downloadedBytes),
    });
    expect((await readFile(path)).equals(wide)).toBe(true);
    // Only what was missing was fetched again.
    const ranged = server.requests.slice(before).filter((request) => request.range !== undefined);
    expect(ranged.length).toBeGreaterThan(0);
    expect(ranged.every((request) => request.start >= CHUNK)).toBe(true);
    expect(resumed.at(-1)).toBe(wide.length);
    expect(resumed).toEqual([...resumed].sort((a, b) => a - b));
    expect((await stat(path)).size).toBe(wide.length);
  });

  it('fails fast and clearly when the host cannot be reached', async () => {
    const dir = await modelsFolder({});
    const port = await closedPort();
    const context = contextFor(dir, {
      huggingFaceEndpoint: `http://127.0.0.1:${port}/`,
      huggingFaceToken: SECRET_TOKEN,
    });
    const started = Date.now();
    const error = await rejection(
      chatFor(provider, 'hf:someone/tiny-model/tiny.gguf', context).generate({
        messages: [{ role: 'user', content: 'Hi' }],
      }),
    );
    expect(Date.now() - started).toBeLessThan(5000);
    expect(error).toMatchObject({ kind: 'connection', retryable: true });
    expect(error.message).toContain(`Could not reach 127.0.0.1:${port}`);
    expect(error.message).toContain('ECONNREFUSED');
    expect(`${error.message} ${String(error.hint)}`).not.toContain(SECRET_TOKEN);
    expectCleanError(error);
  });

  it('says when the file does not exist', async () => {
    const dir = await modelsFolder({});
    const error = await rejection(
      downloadModel('hf:someone/tiny-model/missing.gguf', {
        directory: dir,
        huggingFaceEndpoint: server.url,
        workerPath: WORKER_PATH,
      }),
    );
    expect(error).toMatchObject({ kind: 'not-found', code: 'download-not-found' });
    expect(String(error.hint)).toContain('hf:<user>/<repo>');
    expectCleanError(error);
  });
});
