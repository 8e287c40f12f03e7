/**
 * Tokenizer sections for tiny models. The smallest vocabularies llama.cpp accepts:
 * - SPM (`tokenizer.ggml.model = "llama"`): `<unk>`, `<s>`, `</s>` plus the 256 `<0xNN>` byte
 *   tokens (llama.cpp looks up `<0x0A>` for the line feed, so they must exist);
 * - BPE (`"gpt2"`): the 256 byte characters of GPT-2's byte-to-unicode table plus one special
 *   token, with an empty (but present) `tokenizer.ggml.merges`.
 * Extra pieces (whole words, a function-call prefix) are appended as normal tokens.
 */

/** `llama_token_type` values stored in `tokenizer.ggml.token_type`. */
export const TOKEN_TYPE = { normal: 1, unknown: 2, control: 3, userDefined: 4, unused: 5, byte: 6 } as const;

export type VocabularyKind = 'spm' | 'bpe';

export interface Vocabulary {
  model: 'llama' | 'gpt2';
  tokens: string[];
  scores: number[];
  types: number[];
  bos: number;
  eos: number;
  unk?: number;
  /** Id of the token for this text (as the model would print it), if the vocabulary has one. */
  idOf(text: string): number | undefined;
  /** The byte a single-byte token stands for (`<0x41>`, or GPT-2's `A`), else undefined. */
  byteOf(id: number): number | undefined;
}

export interface VocabularyOptions {
  kind: VocabularyKind;
  /** Extra normal tokens, written as the text they print (`' world'`, `'||call: '`). */
  pieces?: string[];
  /** Leave out the 256 byte tokens (a broken SPM vocabulary that aborts llama.cpp). */
  withoutByteTokens?: boolean;
  /** Append a second copy of an existing token (a broken vocabulary that aborts llama.cpp). */
  duplicateToken?: boolean;
}

export function buildVocabulary(options: VocabularyOptions): Vocabulary {
  const tokens: string[] = [];
  const scores: number[] = [];
  const types: number[] = [];
  const add = (token: string, type: number, score = 0) => {
    tokens.push(token);
    types.push(type);
    scores.push(score);
    return tokens.length - 1;
  };
  const encodePiece = options.kind === 'spm' ? spmPiece : bytePiece;
  let bos: number;
  let eos: number;
  let unk: number | undefined;
  if (options.kind === 'spm') {
    unk = add('<unk>', TOKEN_TYPE.unknown);
    bos = add('<s>', TOKEN_TYPE.control);
    eos = add('</s>', TOKEN_TYPE.control);
    if (!options.withoutByteTokens) {
      for (let b = 0; b < 256; b++) add(spmByte(b), TOKEN_TYPE.byte);
    }
  } else {
    for (const char of BYTE_TO_UNICODE) add(char, TOKEN_TYPE.normal);
    bos = add('<|endoftext|>', TOKEN_TYPE.control);
    eos = bos;
  }
  const seen = new Set(tokens);
  // SPM prints U+2581 as a space only from a normal token; every real SPM vocabulary has one.
  const pieces = options.kind === 'spm' ? [' ', ...(options.pieces ?? [])] : (options.pieces ?? []);
  for (const [index, text] of pieces.entries()) {
    const piece = encodePiece(text);
    if (seen.has(piece)) continue;
    seen.add(piece);
    // SPM merges prefer higher scores; later pieces rank lower, as in a real vocabulary.
    add(piece, TOKEN_TYPE.normal, -(index + 1));
  }
  if (options.duplicateToken) add(tokens[tokens.length - 1] ?? '<s>', TOKEN_TYPE.normal, -1e4);

  const ids = new Map<string, number>();
  tokens.forEach((token, id) => {
    if (!ids.has(token)) ids.set(token, id);
  });
  const byteId = (byte: number) =>
    options.kind === 'spm' ? ids.get(spmByte(byte)) : ids.get(BYTE_TO_UNICODE[byte] ?? '');
  const bytes = new Map<number, number>();
  for (let b = 0; b < 256; b++) {
    const id = byteId(b);
    if (id !== undefined) bytes.set(id, b);
  }
  return {
    model: options.kind === 'spm' ? 'llama' : 'gpt2',
    tokens,
    scores,
    types,
    bos,
    eos,
    ...(unk === undefined ? {} : { unk }),
    idOf(text) {
      const piece = ids.get(encodePiece(text));
      if (piece !== undefined) return piece;
      const encoded = new TextEncoder().encode(text);
      return encoded.length === 1 && encoded[0] !== undefined ? byteId(encoded[0]) : undefined;
    },
    byteOf: (id) => bytes.get(id),
  };
}

const spmByte = (byte: number) => `<0x${byte.toString(16).toUpperCase().padStart(2, '0')}>`;

/** SentencePiece writes a space as U+2581. */
function spmPiece(text: string): string {
  return text.replaceAll(' ', '\u2581');
}

/** GPT-2 byte-level BPE writes every byte as one printable character. */
function bytePiece(text: string): string {
  let out = '';
  for (const byte of new TextEncoder().encode(text)) out += BYTE_TO_UNICODE[byte];
  return out;
}

/** GPT-2's `bytes_to_unicode()`: printable bytes map to themselves, the rest to U+0100 onwards. */
const BYTE_TO_UNICODE: string[] = (() => {
  const table: string[] = new Array(256);
  const printable = (b: number) =>
    (b >= 0x21 && b <= 0x7e) || (b >= 0xa1 && b <= 0xac) || (b >= 0xae && b <= 0xff);
  let extra = 0;
  for (let b = 0; b < 256; b++) {
    table[b] = String.fromCodePoint(printable(b) ? b : 256 + extra++);
  }
  return table;
})();
