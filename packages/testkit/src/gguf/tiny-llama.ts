import { GENERAL_CHAT_TEMPLATE } from './chat-template.js';
import { encodeGguf } from './encode-gguf.js';
import {
  bool,
  f32,
  f32s,
  type GgufMetadataEntry,
  type GgufTensor,
  i32s,
  str,
  strings,
  u32,
} from './gguf-types.js';
import { SeededRandom } from './seeded-random.js';
import { buildVocabulary, TOKEN_TYPE, type Vocabulary, type VocabularyKind } from './vocabulary.js';

/**
 * A continuation planted in the weights: whenever the last token is `after`, greedy decoding
 * emits `tokens` one by one. Lets tests make a random model call a function or hit a stop string.
 */
export interface TinyScript {
  /** Text of the token the script follows; `'\n'` ends the general template's generation prompt. */
  after?: string;
  /** Texts of the tokens to emit, each one token (added to the vocabulary); all distinct. */
  tokens: string[];
  /** After the last token: end of text, start over (never ends), or free random text. */
  ending?: 'eos' | 'loop' | 'free';
}

export interface TinyLlamaOptions {
  /** Same seed, same bytes. */
  seed?: number;
  vocabulary?: VocabularyKind;
  /** Extra normal tokens, as the text they print. */
  pieces?: string[];
  /** Jinja template stored as `tokenizer.chat_template`; `null` writes none. */
  chatTemplate?: string | null;
  name?: string;
  contextLength?: number;
  /** Grows when a script needs more room (each scripted token takes a dimension). */
  embeddingLength?: number;
  blockCount?: number;
  headCount?: number;
  headCountKv?: number;
  feedForwardLength?: number;
  script?: TinyScript;
  /** Let random text end with end-of-text; off by default so generation runs to `maxTokens`. */
  allowEos?: boolean;
}

/** What the builder decided, for tests and for writing broken variants. */
export interface TinyLlamaLayout {
  architecture: string;
  metadata: GgufMetadataEntry[];
  tensors: GgufTensor[];
  vocabulary: Vocabulary;
  embeddingLength: number;
}

/** Dimensions that read the token directly: dimension 0 is a bias, then one per scripted state. */
const RANDOM_DIMENSIONS = 32;
/** Logit scale of a planted transition (per unit of the normalized state dimension). */
const SCRIPT_STRENGTH = 4;
/** Logit bias that keeps control, non-printable and end-of-text tokens out of random text. */
const SUPPRESSED = -12;
/** Standard deviation of the attention and feed-forward weights: small, so the bigram path rules. */
const BLOCK_STD = 0.02;

export function buildTinyLlama(options: TinyLlamaOptions = {}, architecture = 'llama'): TinyLlamaLayout {
  const random = new SeededRandom(options.seed ?? 1);
  const script = options.script;
  const vocabulary = buildVocabulary({
    kind: options.vocabulary ?? 'spm',
    pieces: [...(options.pieces ?? []), ...(script?.tokens ?? [])],
  });
  const chain = script ? planChain(script, vocabulary) : [];
  const headCount = options.headCount ?? 4;
  const headCountKv = options.headCountKv ?? 2;
  const needed = 1 + chain.length + RANDOM_DIMENSIONS;
  const step = headCount * 2; // head size must be even for RoPE
  const embd = Math.ceil(Math.max(options.embeddingLength ?? 64, needed) / step) * step;
  const headSize = embd / headCount;
  const embdKv = headSize * headCountKv;
  const ff = options.feedForwardLength ?? 128;
  const blocks = options.blockCount ?? 2;
  const nVocab = vocabulary.tokens.length;

  const stateDim = new Map<number, number>();
  for (const [index, [from]] of chain.entries()) stateDim.set(from, 1 + index);

  // token_embd: states are one-hot on their own dimension; other tokens are random with a
  // constant bias dimension, so the output matrix can hold a per-token bias.
  const tokenEmbd = new Float32Array(embd * nVocab);
  for (let t = 0; t < nVocab; t++) {
    const row = tokenEmbd.subarray(t * embd, (t + 1) * embd);
    const dim = stateDim.get(t);
    if (dim !== undefined) {
      row[dim] = 1;
      continue;
    }
    row[0] = 1;
    for (let d = 1 + chain.length; d < embd; d++) row[d] = random.normal(1);
  }

  const output = new Float32Array(embd * nVocab);
  const randomStd = 1 / Math.sqrt(embd - 1 - chain.length);
  for (let t = 0; t < nVocab; t++) {
    const row = output.subarray(t * embd, (t + 1) * embd);
    row[0] = printable(vocabulary, t, options.allowEos === true) ? 0 : SUPPRESSED;
    for (let d = 1 + chain.length; d < embd; d++) row[d] = random.normal(randomStd);
  }
  for (const [from, to] of chain) {
    const dim = stateDim.get(from);
    if (dim !== undefined) output[to * embd + dim] = SCRIPT_STRENGTH;
  }

  const ones = (n: number) => new Float32Array(n).fill(1);
  const tensors: GgufTensor[] = [
    { name: 'token_embd.weight', dims: [embd, nVocab], data: tokenEmbd },
    { name: 'output_norm.weight', dims: [embd], data: ones(embd) },
    { name: 'output.weight', dims: [embd, nVocab], data: output },
  ];
  for (let b = 0; b < blocks; b++) {
    const weight = (name: string, rows: number, cols: number): GgufTensor => ({
      name: `blk.${b}.${name}.weight`,
      dims: [rows, cols],
      data: random.normals(rows * cols, BLOCK_STD),
    });
    tensors.push(
      { name: `blk.${b}.attn_norm.weight`, dims: [embd], data: ones(embd) },
      weight('attn_q', embd, embd),
      weight('attn_k', embd, embdKv),
      weight('attn_v', embd, embdKv),
      weight('attn_output', embd, embd),
      { name: `blk.${b}.ffn_norm.weight`, dims: [embd], data: ones(embd) },
      weight('ffn_gate', embd, ff),
      weight('ffn_up', embd, ff),
      weight('ffn_down', ff, embd),
    );
  }

  const arch = (key: string) => `${architecture}.${key}`;
  // Counts are u32 and epsilons f32: llama.cpp rejects other types for these keys.
  const metadata: GgufMetadataEntry[] = [
    { key: 'general.architecture', value: str(architecture) },
    { key: 'general.name', value: str(options.name ?? 'Switchboard tiny test model') },
    { key: 'general.alignment', value: u32(32) },
    { key: 'general.file_type', value: u32(0) },
    { key: arch('context_length'), value: u32(options.contextLength ?? 2048) },
    { key: arch('embedding_length'), value: u32(embd) },
    { key: arch('block_count'), value: u32(blocks) },
    { key: arch('feed_forward_length'), value: u32(ff) },
    { key: arch('attention.head_count'), value: u32(headCount) },
    { key: arch('attention.head_count_kv'), value: u32(headCountKv) },
    { key: arch('attention.layer_norm_rms_epsilon'), value: f32(1e-5) },
    { key: arch('rope.dimension_count'), value: u32(headSize) },
    { key: arch('rope.freq_base'), value: f32(10000) },
    { key: 'tokenizer.ggml.model', value: str(vocabulary.model) },
    ...(vocabulary.model === 'gpt2'
      ? [
          { key: 'tokenizer.ggml.pre', value: str('default') },
          { key: 'tokenizer.ggml.merges', value: strings([]) },
        ]
      : []),
    { key: 'tokenizer.ggml.tokens', value: strings(vocabulary.tokens) },
    { key: 'tokenizer.ggml.scores', value: f32s(vocabulary.scores) },
    { key: 'tokenizer.ggml.token_type', value: i32s(vocabulary.types) },
    { key: 'tokenizer.ggml.bos_token_id', value: u32(vocabulary.bos) },
    { key: 'tokenizer.ggml.eos_token_id', value: u32(vocabulary.eos) },
    ...(vocabulary.unk === undefined
      ? []
      : [{ key: 'tokenizer.ggml.unknown_token_id', value: u32(vocabulary.unk) }]),
    { key: 'tokenizer.ggml.add_bos_token', value: bool(true) },
    { key: 'tokenizer.ggml.add_eos_token', value: bool(false) },
  ];
  const template = options.chatTemplate === undefined ? GENERAL_CHAT_TEMPLATE : options.chatTemplate;
  if (template !== null) metadata.push({ key: 'tokenizer.chat_template', value: str(template) });
  return { architecture, metadata, tensors, vocabulary, embeddingLength: embd };
}

/** A valid tiny llama GGUF (a few hundred KB) from a seed. */
export function buildTinyGguf(options: TinyLlamaOptions = {}): Uint8Array {
  const layout = buildTinyLlama(options);
  return encodeGguf({ metadata: layout.metadata, tensors: layout.tensors, alignment: 32 });
}

/** Transitions `[from, to]` as token ids; each `from` is distinct so one dimension can hold it. */
function planChain(script: TinyScript, vocabulary: Vocabulary): Array<[number, number]> {
  const idOf = (text: string) => {
    const id = vocabulary.idOf(text);
    if (id === undefined) throw new Error(`Script token ${JSON.stringify(text)} is not one token`);
    return id;
  };
  const ids = [script.after ?? '\n', ...script.tokens].map(idOf);
  if (new Set(ids).size !== ids.length) {
    throw new Error('Script tokens (and `after`) must be distinct: each one maps to one next token');
  }
  const chain: Array<[number, number]> = [];
  for (let i = 0; i + 1 < ids.length; i++) chain.push([ids[i] as number, ids[i + 1] as number]);
  const last = ids[ids.length - 1] as number;
  const ending = script.ending ?? 'eos';
  if (ending === 'eos') chain.push([last, vocabulary.eos]);
  if (ending === 'loop' && ids.length > 2) chain.push([last, ids[1] as number]);
  return chain;
}

/** Tokens random text may use: printable ASCII bytes and multi-byte normal pieces. */
function printable(vocabulary: Vocabulary, id: number, allowEos: boolean): boolean {
  if (id === vocabulary.eos) return allowEos;
  const byte = vocabulary.byteOf(id);
  if (byte !== undefined) return byte >= 0x20 && byte < 0x7f;
  return vocabulary.types[id] === TOKEN_TYPE.normal;
}
