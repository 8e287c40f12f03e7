import { describe, expect, it } from 'vitest';
import {
  buildBrokenGguf,
  buildTinyGguf,
  buildTinyLlama,
  buildVocabulary,
  GENERAL_CHAT_TEMPLATE,
  TOKEN_TYPE,
  UNKNOWN_ARCHITECTURE,
} from '../../src/index.js';
import { arrayItems, readGguf, tensorData } from './read-back.js';

const U32 = 4;
const F32 = 6;
const STRING = 8;

describe('tiny GGUF writer', () => {
  it('writes the same bytes for the same seed, other weights for another', () => {
    const a = buildTinyGguf({ seed: 7 });
    expect(Buffer.from(buildTinyGguf({ seed: 7 })).equals(a)).toBe(true);
    const b = buildTinyGguf({ seed: 8 });
    expect(b.length).toBe(a.length);
    expect(Buffer.from(b).equals(a)).toBe(false);
    expect(a.length).toBeLessThan(2 * 2 ** 20); // a few hundred KB
  });

  it('writes a GGUF v3 header with metadata of the types llama.cpp requires', () => {
    const file = readGguf(buildTinyGguf({ seed: 1, name: 'Round trip' }));
    expect(file.magic).toBe('GGUF');
    expect(file.version).toBe(3);
    const meta = (key: string) => file.metadata.get(key);
    expect(meta('general.architecture')).toEqual({ type: STRING, value: 'llama' });
    expect(meta('general.name')).toEqual({ type: STRING, value: 'Round trip' });
    for (const key of [
      'context_length',
      'embedding_length',
      'block_count',
      'feed_forward_length',
      'attention.head_count',
    ]) {
      expect(meta(`llama.${key}`)?.type, key).toBe(U32); // a u64 count is rejected by llama.cpp
    }
    expect(meta('llama.context_length')?.value).toBe(2048);
    expect(meta('llama.attention.layer_norm_rms_epsilon')?.type).toBe(F32);
    expect(meta('tokenizer.chat_template')).toEqual({ type: STRING, value: GENERAL_CHAT_TEMPLATE });
    expect(meta('tokenizer.ggml.model')?.value).toBe('llama');
  });

  it('lays tensors out in ggml order at aligned running offsets, with no unused tensors', () => {
    const layout = buildTinyLlama({ seed: 1 });
    const file = readGguf(buildTinyGguf({ seed: 1 }));
    const vocab = arrayItems(file, 'tokenizer.ggml.tokens').length;
    expect(file.tensors[0]).toMatchObject({ name: 'token_embd.weight', dims: [64, vocab], type: 0 });
    expect(file.tensors.find((t) => t.name === 'blk.0.ffn_down.weight')?.dims).toEqual([128, 64]);
    expect(file.tensors.find((t) => t.name === 'blk.0.attn_k.weight')?.dims).toEqual([64, 32]); // 2 KV heads of 16
    const expected = ['token_embd', 'output_norm', 'output'].concat(
      [0, 1].flatMap((b) =>
        [
          'attn_norm',
          'attn_q',
          'attn_k',
          'attn_v',
          'attn_output',
          'ffn_norm',
          'ffn_gate',
          'ffn_up',
          'ffn_down',
        ].map((n) => `blk.${b}.${n}`),
      ),
    );
    expect(file.tensors.map((t) => t.name)).toEqual(expected.map((n) => `${n}.weight`));
    let offset = 0;
    for (const tensor of file.tensors) {
      expect(tensor.offset, tensor.name).toBe(offset);
      offset = Math.ceil((offset + tensor.dims.reduce((a, b) => a * b, 4)) / 32) * 32;
    }
    expect(file.dataStart % 32).toBe(0);
    expect(file.bytes.length).toBe(file.dataStart + offset);
    // The data round-trips.
    expect(tensorData(file, 'blk.1.ffn_up.weight')).toEqual(
      layout.tensors.find((t) => t.name === 'blk.1.ffn_up.weight')?.data,
    );
  });

  it('writes the smallest SPM and BPE vocabularies llama.cpp accepts', () => {
    const spm = readGguf(buildTinyGguf({ seed: 1 }));
    const tokens = arrayItems(spm, 'tokenizer.ggml.tokens');
    const types = arrayItems(spm, 'tokenizer.ggml.token_type');
    expect(tokens.slice(0, 3)).toEqual(['<unk>', '<s>', '</s>']);
    expect(tokens.slice(3, 259)).toEqual(
      Array.from({ length: 256 }, (_, b) => `<0x${b.toString(16).toUpperCase().padStart(2, '0')}>`),
    );
    expect(types.slice(3, 259).every((t) => t === TOKEN_TYPE.byte)).toBe(true);
    expect(tokens[259]).toBe('\u2581'); // the space piece, so "▁" prints as a space
    const bpe = readGguf(buildTinyGguf({ seed: 1, vocabulary: 'bpe' }));
    expect(bpe.metadata.get('tokenizer.ggml.model')?.value).toBe('gpt2');
    expect(arrayItems(bpe, 'tokenizer.ggml.tokens')).toHaveLength(257);
    expect(arrayItems(bpe, 'tokenizer.ggml.merges')).toEqual([]);
  });

  it('plants a script: greedy decoding after `after` follows the scripted tokens', () => {
    const tokens = ['Hello', ' world', '!'];
    const layout = buildTinyLlama({ seed: 4, script: { tokens, ending: 'eos' } });
    const { vocabulary, embeddingLength: e } = layout;
    const embd = layout.tensors.find((t) => t.name === 'token_embd.weight')?.data ?? new Float32Array();
    const out = layout.tensors.find((t) => t.name === 'output.weight')?.data ?? new Float32Array();
    /** The next greedy token, ignoring the (small) attention and feed-forward contributions. */
    const next = (id: number) => {
      const x = embd.subarray(id * e, (id + 1) * e);
      const rms = Math.sqrt(x.reduce((s, v) => s + v * v, 0) / e);
      let best = -1;
      let bestLogit = Number.NEGATIVE_INFINITY;
      for (let t = 0; t < vocabulary.tokens.length; t++) {
        let logit = 0;
        for (let d = 0; d < e; d++) logit += (out[t * e + d] ?? 0) * ((x[d] ?? 0) / rms);
        if (logit > bestLogit) [best, bestLogit] = [t, logit];
      }
      return best;
    };
    const ids = ['\n', ...tokens].map((text) => vocabulary.idOf(text));
    for (let i = 0; i + 1 < ids.length; i++) expect(next(ids[i] ?? -1)).toBe(ids[i + 1]);
    expect(next(ids.at(-1) ?? -1)).toBe(vocabulary.eos);
    expect(() => buildTinyLlama({ script: { tokens: ['a', 'a'] } })).toThrow(/distinct/);
  });

  it('writes each broken variant with exactly its fault', () => {
    const good = buildTinyGguf({ seed: 1 });
    expect(new TextDecoder().decode(buildBrokenGguf('not-gguf').subarray(0, 4))).not.toBe('GGUF');
    expect(buildBrokenGguf('truncated').length).toBeLessThan(good.length);
    expect(() => readGguf(buildBrokenGguf('truncated'))).not.toThrow(); // its header is whole
    expect(buildBrokenGguf('truncated-header').length).toBe(200);
    const wrongType = readGguf(buildBrokenGguf('wrong-key-type'));
    expect(wrongType.metadata.get('llama.context_length')).toEqual({ type: 10, value: 2048n });
    const unknown = readGguf(buildBrokenGguf('unknown-architecture'));
    expect(unknown.metadata.get('general.architecture')?.value).toBe(UNKNOWN_ARCHITECTURE);
    expect(unknown.metadata.has(`${UNKNOWN_ARCHITECTURE}.context_length`)).toBe(true);
    const duplicate = arrayItems(readGguf(buildBrokenGguf('duplicate-tokens')), 'tokenizer.ggml.tokens');
    expect(new Set(duplicate).size).toBe(duplicate.length - 1);
    const noBytes = readGguf(buildBrokenGguf('spm-without-byte-tokens'));
    expect(arrayItems(noBytes, 'tokenizer.ggml.tokens')).not.toContain('<0x0A>');
    // The vocabulary-shaped tensors follow the changed vocabulary.
    expect(noBytes.tensors[0]?.dims[1]).toBe(arrayItems(noBytes, 'tokenizer.ggml.tokens').length);
  });

  it('builds vocabularies whose ids resolve printed text', () => {
    const vocabulary = buildVocabulary({ kind: 'bpe', pieces: [' hello'] });
    expect(vocabulary.tokens[vocabulary.idOf(' hello') ?? -1]).toBe('\u0120hello');
    expect(vocabulary.byteOf(vocabulary.idOf('A') ?? -1)).toBe(0x41);
  });
});
