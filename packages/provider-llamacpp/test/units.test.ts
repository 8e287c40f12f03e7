import { join } from 'node:path';
import {
  buildTinyLlama,
  encodeGguf,
  type TinyLlamaOptions,
  writeBrokenGguf,
  writeTinyGguf,
} from '@switchboard/testkit';
import { describe, expect, it } from 'vitest';
import { convertToLlamaCppHistory } from '../src/convert-to-llamacpp-history.js';
import { defaultThreads } from '../src/default-threads.js';
import { GgufFormatError, readGgufHeader } from '../src/gguf/read-gguf.js';
import { validateGguf } from '../src/gguf/validate-gguf.js';
import { parseSettings } from '../src/llamacpp-settings.js';
import { mapLlamaCppFinishReason } from '../src/map-llamacpp-finish-reason.js';
import { prepareLlamaCppRequest } from '../src/prepare-llamacpp-request.js';
import { crashCause } from '../src/worker-client.js';
import { modelsFolder } from './helpers.js';

const dir = await modelsFolder({});
const header = async (name: string, options?: TinyLlamaOptions) =>
  readGgufHeader(await writeTinyGguf(join(dir, `${name}.gguf`), options));

describe('GGUF header checks in the host', () => {
  it('reads the metadata, tensor infos and data offset of a valid file', async () => {
    const read = await header('ok', { seed: 3 });
    expect(read.version).toBe(3);
    expect(read.metadata.get('general.architecture')).toEqual({ type: 'string', value: 'llama' });
    expect(read.metadata.get('llama.context_length')).toEqual({ type: 'uint32', value: 2048 });
    const tokens = read.metadata.get('tokenizer.ggml.tokens');
    expect(tokens?.type === 'array' && tokens.values?.slice(0, 3)).toEqual(['<unk>', '<s>', '</s>']);
    expect(read.tensors[0]).toMatchObject({
      name: 'token_embd.weight',
      dims: [64, 260],
      ggmlType: 0,
      offset: 0,
    });
    expect(read.dataOffset % 32).toBe(0);
    expect(validateGguf(read)).toBeUndefined();
  });

  it('finds a truncated download from the tensor sizes', async () => {
    const layout = buildTinyLlama({ seed: 3 });
    const full = encodeGguf({ metadata: layout.metadata, tensors: layout.tensors });
    const { writeFile } = await import('node:fs/promises');
    await writeFile(join(dir, 'short.gguf'), full.subarray(0, full.length - 1));
    expect(validateGguf(await readGgufHeader(join(dir, 'short.gguf')))).toMatchObject({ kind: 'truncated' });
  });

  it('tells the broken variants apart', async () => {
    const problem = async (kind: Parameters<typeof writeBrokenGguf>[1]) => {
      const path = await writeBrokenGguf(join(dir, `${kind}.gguf`), kind);
      try {
        return validateGguf(await readGgufHeader(path));
      } catch (error) {
        return error instanceof GgufFormatError ? { kind: error.problem } : error;
      }
    };
    expect(await problem('not-gguf')).toEqual({ kind: 'not-gguf' });
    expect(await problem('truncated-header')).toEqual({ kind: 'truncated' });
    expect(await problem('truncated')).toMatchObject({ kind: 'truncated' });
    expect(await problem('wrong-key-type')).toMatchObject({ kind: 'invalid' });
    expect(await problem('duplicate-tokens')).toMatchObject({ kind: 'aborts-llama-cpp' });
    expect(await problem('spm-without-byte-tokens')).toMatchObject({ kind: 'aborts-llama-cpp' });
    // Only llama.cpp knows its architectures: the header itself is fine.
    expect(await problem('unknown-architecture')).toBeUndefined();
  });

  it('accepts a BPE vocabulary, which has no <0xNN> tokens', async () => {
    expect(validateGguf(await header('bpe', { vocabulary: 'bpe' }))).toBeUndefined();
  });
});

describe('crash causes from a dying worker’s stderr', () => {
  it('picks the assertion, without the build machine’s path', () => {
    const stderr =
      'loading...\n/home/runner/work/node-llama-cpp/llama/llama.cpp/src/llama-vocab.cpp:2539: GGML_ASSERT(a == b) failed\n';
    expect(crashCause(stderr)).toBe('llama-vocab.cpp:2539: GGML_ASSERT(a == b) failed');
  });

  it("joins the C++ runtime's terminate and what() lines", () => {
    const stderr =
      "terminate called after throwing an instance of 'std::out_of_range'\n  what():  _Map_base::at\n";
    expect(crashCause(stderr)).toBe(
      "terminate called after throwing an instance of 'std::out_of_range': _Map_base::at",
    );
  });
});

describe('core messages to node-llama-cpp history', () => {
  it('folds tool results into the turn that called, and continues that turn', () => {
    const history = convertToLlamaCppHistory(
      [
        { role: 'system', content: 'Be brief.' },
        {
          role: 'user',
          content: [
            { type: 'text', text: 'Weather ' },
            { type: 'text', text: 'in Paris?' },
          ],
        },
        {
          role: 'assistant',
          content: [
            { type: 'text', text: 'Checking.' },
            { type: 'tool-call', id: 'a', name: 'get_weather', args: { city: 'Paris' } },
          ],
        },
        {
          role: 'tool',
          content: [
            { type: 'tool-result', toolCallId: 'a', toolName: 'get_weather', result: 'rain', isError: true },
          ],
        },
      ],
      'm',
    );
    expect(history).toEqual([
      { type: 'system', text: 'Be brief.' },
      { type: 'user', text: 'Weather in Paris?' },
      {
        type: 'model',
        response: [
          'Checking.',
          { type: 'functionCall', name: 'get_weather', params: { city: 'Paris' }, result: { error: 'rain' } },
        ],
      },
    ]);
  });

  it('adds an empty model turn after a user message', () => {
    expect(convertToLlamaCppHistory([{ role: 'user', content: 'Hi' }], 'm').at(-1)).toEqual({
      type: 'model',
      response: [],
    });
  });
});

describe('request options', () => {
  it("defaults the temperature to node-llama-cpp's suggested 0.8 and passes llama.cpp's extra knobs", () => {
    const { wire } = prepareLlamaCppRequest(
      {
        messages: [{ role: 'user', content: 'Hi' }],
        topP: 0.9,
        seed: 3,
        stop: ['END'],
        providerOptions: { llamacpp: { topK: 20, minP: 0.05, repeatPenalty: false } },
      },
      'm',
    );
    expect(wire).toMatchObject({
      temperature: 0.8,
      topP: 0.9,
      seed: 3,
      stop: ['END'],
      topK: 20,
      minP: 0.05,
      repeatPenalty: false,
    });
  });

  it('rejects a maxTokens that is not a positive whole number', () => {
    expect(() =>
      prepareLlamaCppRequest({ messages: [{ role: 'user', content: 'Hi' }], maxTokens: 0 }, 'm'),
    ).toThrow(/maxTokens must be a whole number/);
  });

  it('maps node-llama-cpp stop reasons to finish reasons', () => {
    expect(mapLlamaCppFinishReason({ stopReason: 'maxTokens', functionCalls: [] })).toBe('length');
    expect(mapLlamaCppFinishReason({ stopReason: 'eogToken', functionCalls: [] })).toBe('stop');
    expect(mapLlamaCppFinishReason({ stopReason: 'customStopTrigger', functionCalls: [] })).toBe('stop');
    expect(
      mapLlamaCppFinishReason({ stopReason: 'functionCalls', functionCalls: [{ name: 'f', params: {} }] }),
    ).toBe('tool-calls');
  });
});

describe('settings', () => {
  it('reads numbers, auto and off from the strings settings are stored as', () => {
    const settings = parseSettings(
      {
        gpu: 'off',
        gpuLayers: '12',
        contextSize: 'auto',
        threads: '3',
        batchSize: '256',
        idleUnloadSeconds: '1.5',
        memoryLimitMb: '2048',
      },
      { contextSize: 4096 },
    );
    expect(settings).toMatchObject({
      gpu: false,
      gpuLayers: 12,
      contextSize: 4096, // providerOptions win over settings for load options
      threads: 3,
      batchSize: 256,
      idleUnloadMs: 1500,
      memoryLimitMb: 2048,
      parallelRequests: 1,
      chatWrapper: 'auto',
    });
  });

  it('leaves a core free for the editor by default', () => {
    expect(parseSettings({}).threads).toBe(defaultThreads());
    expect(defaultThreads()).toBeGreaterThanOrEqual(1);
  });

  it('rejects values it cannot read', () => {
    expect(() => parseSettings({ gpuLayers: '-1' })).toThrow(/gpuLayers is "-1"/);
    expect(() => parseSettings({ gpu: 'maybe' })).toThrow(/'auto' or 'off'/);
  });
});
