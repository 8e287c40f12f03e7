import { join } from 'node:path';
import type { ChatRequest } from '@switchboard/core';
import { type BrokenGgufKind, UNKNOWN_ARCHITECTURE, writeBrokenGguf } from '@switchboard/testkit';
import { describe, expect, it } from 'vitest';
import { toLlamaCppError } from '../src/llamacpp-error.js';
import { ModelProcess } from '../src/model-process.js';
import {
  chatFor,
  contextFor,
  expectCleanError,
  modelsFolder,
  rejection,
  testProvider,
  WORKER_PATH,
} from './helpers.js';

const provider = testProvider();
const dir = await modelsFolder({ good: { seed: 1 } });
const kinds: BrokenGgufKind[] = [
  'not-gguf',
  'truncated-header',
  'truncated',
  'wrong-key-type',
  'unknown-architecture',
  'duplicate-tokens',
  'spm-without-byte-tokens',
];
for (const kind of kinds) await writeBrokenGguf(join(dir, `${kind}.gguf`), kind);
const context = contextFor(dir);
const hi: ChatRequest = { messages: [{ role: 'user', content: 'Hi' }], maxTokens: 2, temperature: 0 };
const chat = (id: string) => chatFor(provider, id, context);

describe('files that are not usable models', () => {
  it('names the models folder and its models when a file is missing', async () => {
    const error = await rejection(chat('nope').generate(hi));
    expect(error).toMatchObject({ kind: 'not-found', provider: 'llamacpp', model: 'llamacpp/nope' });
    expect(error.message).toContain(join(dir, 'nope.gguf'));
    expect(error.message).toContain('good');
    expect(String(error.hint)).toContain(dir);
    expectCleanError(error);
  });

  it('says the same for a missing absolute path', async () => {
    const error = await rejection(chat(join(dir, 'elsewhere', 'model.gguf')).generate(hi));
    expect(error).toMatchObject({ kind: 'not-found' });
    expectCleanError(error);
  });

  const hostChecks: Array<[BrokenGgufKind, RegExp]> = [
    ['not-gguf', /does not start with the GGUF magic/],
    ['truncated-header', /ends in the middle of its header/],
    ['truncated', /it is truncated/],
    ['wrong-key-type', /llama\.context_length is stored as uint64, but llama\.cpp requires uint32/],
    ['duplicate-tokens', /malformed vocabulary that would crash llama\.cpp: .*twice/],
    ['spm-without-byte-tokens', /would crash llama\.cpp: .*lacks the <0xNN> byte tokens/],
  ];
  for (const [kind, message] of hostChecks) {
    it(`rejects a ${kind} file before starting llama.cpp`, async () => {
      const error = await rejection(chat(kind).generate(hi));
      expect(error).toMatchObject({ kind: 'invalid-request', fallbackMayHelp: true });
      expect(error.message).toMatch(message);
      expect(String(error.hint)).toMatch(/Download the model again/);
      expectCleanError(error);
      // Caught by the header checks: no process was started for it.
      expect(
        provider.runtime.modelProcesses.some((process) => process.modelPath.endsWith(`${kind}.gguf`)),
      ).toBe(false);
    });
  }

  it('reports an architecture llama.cpp does not know (found by the worker)', async () => {
    const error = await rejection(chat('unknown-architecture').generate(hi));
    expect(error).toMatchObject({ kind: 'invalid-request', code: 'unsupported-architecture' });
    expect(error.message).toContain(`does not support the model architecture "${UNKNOWN_ARCHITECTURE}"`);
    expectCleanError(error);
  });

  it('refuses images: the model has no vision', async () => {
    const error = await rejection(
      chat('good').generate({
        ...hi,
        messages: [
          {
            role: 'user',
            content: [
              { type: 'text', text: 'What is this?' },
              { type: 'image', image: { kind: 'url', url: 'https://example.com/cat.png' } },
            ],
          },
        ],
      }),
    );
    expect(error).toMatchObject({
      kind: 'invalid-request',
      code: 'vision-not-supported',
      fallbackMayHelp: true,
    });
    expectCleanError(error);
  });

  it('names a bad setting and where to fix it', async () => {
    const error = await rejection(
      chatFor(provider, 'good', contextFor(dir, { contextSize: 'lots' })).generate(hi),
    );
    expect(error).toMatchObject({ kind: 'invalid-request' });
    expect(error.message).toContain('contextSize is "lots"');
    expect(String(error.hint)).toContain('contextSize');
  });

  it('still works for a good model after all of that', async () => {
    expect((await chat('good').generate(hi)).usage.outputTokens).toBe(2);
  });
});

describe('vocabularies that abort llama.cpp, loaded in the worker anyway', () => {
  // The header checks catch these first; here they go straight to a worker to show that the
  // abort kills only the child: the host gets an error and carries on.
  for (const [kind, cause] of [
    ['duplicate-tokens', /GGML_ASSERT\(id_to_token\.size\(\) == token_to_id\.size\(\)\) failed/],
    ['spm-without-byte-tokens', /terminate called after throwing an instance of 'std::out_of_range'/],
  ] as const) {
    it(`survives ${kind}`, async () => {
      const process = new ModelProcess({
        workerPath: WORKER_PATH,
        load: {
          modelPath: join(dir, `${kind}.gguf`),
          gpu: false,
          gpuLayers: 0,
          contextSize: 512,
          threads: 1,
          sequences: 1,
          chatWrapper: 'auto',
        },
        idleUnloadMs: 0,
        label: `llamacpp/${kind}`,
      });
      const raw = await rejection(process.use(async () => 'loaded'));
      expect(raw).toMatchObject({ code: 'crashed-while-loading' });
      expect(raw.message).toMatch(cause);
      const error = toLlamaCppError(raw, kind);
      expect(error).toMatchObject({ kind: 'invalid-request', fallbackMayHelp: true });
      expect(error.hint).toContain('makes llama.cpp abort while loading it');
      expectCleanError(error);
      expect(process.loaded).toBe(false);
      // The host is fine, and so is the next model.
      expect((await chat('good').generate(hi)).usage.outputTokens).toBe(2);
    });
  }
});
