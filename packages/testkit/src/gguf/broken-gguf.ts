import { encodeGguf } from './encode-gguf.js';
import { f32s, type GgufMetadataEntry, type GgufValue, i32s, strings, u64 } from './gguf-types.js';
import { buildTinyLlama, type TinyLlamaOptions } from './tiny-llama.js';
import { buildVocabulary, type Vocabulary } from './vocabulary.js';

/**
 * Files a user might point Switchboard at, each wrong in one way. Some only make loading fail;
 * `duplicate-tokens` and `spm-without-byte-tokens` make llama.cpp abort the whole process.
 */
export type BrokenGgufKind =
  /** Not a GGUF at all (text with another magic). */
  | 'not-gguf'
  /** A valid header, then the file stops inside the metadata. */
  | 'truncated-header'
  /** Complete metadata and tensor infos, but the tensor data is cut short. */
  | 'truncated'
  /** `llama.context_length` stored as u64 where llama.cpp requires u32. */
  | 'wrong-key-type'
  /** `general.architecture` names an architecture llama.cpp does not know. */
  | 'unknown-architecture'
  /** Two tokens with the same text: llama.cpp asserts and aborts. */
  | 'duplicate-tokens'
  /** An SPM vocabulary without the `<0xNN>` byte tokens: llama.cpp aborts looking up the line feed. */
  | 'spm-without-byte-tokens';

export const BROKEN_GGUF_KINDS: readonly BrokenGgufKind[] = [
  'not-gguf',
  'truncated-header',
  'truncated',
  'wrong-key-type',
  'unknown-architecture',
  'duplicate-tokens',
  'spm-without-byte-tokens',
];

export const UNKNOWN_ARCHITECTURE = 'switchboard-imaginary';

export function buildBrokenGguf(kind: BrokenGgufKind, options: TinyLlamaOptions = {}): Uint8Array {
  switch (kind) {
    case 'not-gguf':
      return new TextEncoder().encode('This is a text file, not a GGUF model.\n'.repeat(8));
    case 'truncated-header': {
      const full = encode(buildTinyLlama(options).metadata, options);
      return full.slice(0, 200);
    }
    case 'truncated': {
      const full = encode(buildTinyLlama(options).metadata, options);
      return full.slice(0, Math.floor(full.length * 0.6));
    }
    case 'wrong-key-type':
      return encode(
        buildTinyLlama(options).metadata.map((entry) =>
          entry.key === 'llama.context_length' ? { key: entry.key, value: u64(2048) } : entry,
        ),
        options,
      );
    case 'unknown-architecture': {
      const layout = buildTinyLlama(options, UNKNOWN_ARCHITECTURE);
      return encodeGguf({ metadata: layout.metadata, tensors: layout.tensors, alignment: 32 });
    }
    case 'duplicate-tokens':
      return withVocabulary(buildVocabulary({ kind: 'spm', duplicateToken: true }), options);
    case 'spm-without-byte-tokens':
      return withVocabulary(
        buildVocabulary({ kind: 'spm', withoutByteTokens: true, pieces: ['a', 'b', 'c'] }),
        options,
      );
  }
}

function encode(metadata: GgufMetadataEntry[], options: TinyLlamaOptions): Uint8Array {
  return encodeGguf({ metadata, tensors: buildTinyLlama(options).tensors, alignment: 32 });
}

/**
 * Swaps in another vocabulary and resizes the vocabulary-shaped tensors to match, so the only
 * fault in the file is the vocabulary itself.
 */
function withVocabulary(vocabulary: Vocabulary, options: TinyLlamaOptions): Uint8Array {
  const layout = buildTinyLlama({ ...options, chatTemplate: null });
  const n = vocabulary.tokens.length;
  const embd = layout.embeddingLength;
  const replaced: Record<string, GgufValue> = {
    'tokenizer.ggml.tokens': strings(vocabulary.tokens),
    'tokenizer.ggml.scores': f32s(vocabulary.scores),
    'tokenizer.ggml.token_type': i32s(vocabulary.types),
  };
  const metadata = layout.metadata.map((entry) => ({
    key: entry.key,
    value: replaced[entry.key] ?? entry.value,
  }));
  const tensors = layout.tensors.map((tensor) => {
    if (tensor.name !== 'token_embd.weight' && tensor.name !== 'output.weight') return tensor;
    const data = new Float32Array(embd * n);
    data.set(tensor.data.subarray(0, Math.min(tensor.data.length, data.length)));
    return { ...tensor, dims: [embd, n], data };
  });
  return encodeGguf({ metadata, tensors, alignment: 32 });
}
