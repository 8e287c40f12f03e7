import { tensorBytes } from './ggml-type-sizes.js';
import type { GgufEntry, GgufHeader } from './read-gguf.js';

export type GgufProblemKind =
  /** Damaged or inconsistent: a load would fail (cleanly, in the worker). */
  | 'invalid'
  | 'truncated'
  /** llama.cpp would abort the process on it (it runs in the worker; this check just says why, sooner). */
  | 'aborts-llama-cpp';

export interface GgufProblem {
  kind: GgufProblemKind;
  message: string;
}

/** llama.cpp reads these with a strict type check and refuses the file when the type differs. */
const U32_KEYS = ['context_length', 'embedding_length', 'block_count'];
/** These may also be per-layer arrays of integers. */
const U32_OR_ARRAY_KEYS = ['feed_forward_length', 'attention.head_count', 'attention.head_count_kv'];
const F32_KEYS = ['attention.layer_norm_rms_epsilon', 'attention.layer_norm_epsilon'];

/**
 * Cheap checks on what the header says, before any native code sees the file. Catches the
 * mistakes that are common (a truncated download, a wrong key type) and the vocabularies that
 * make llama.cpp abort instead of throwing.
 */
export function validateGguf(header: GgufHeader): GgufProblem | undefined {
  const architecture = stringValue(header.metadata.get('general.architecture'));
  if (!architecture) return { kind: 'invalid', message: 'The file has no general.architecture' };
  for (const key of U32_KEYS) {
    const problem = checkType(header, `${architecture}.${key}`, ['uint32'], false);
    if (problem) return problem;
  }
  for (const key of U32_OR_ARRAY_KEYS) {
    const problem = checkType(header, `${architecture}.${key}`, ['uint32'], true);
    if (problem) return problem;
  }
  for (const key of F32_KEYS) {
    const problem = checkType(header, `${architecture}.${key}`, ['float32'], false);
    if (problem) return problem;
  }
  return checkVocabulary(header) ?? checkTensorData(header);
}

function checkType(
  header: GgufHeader,
  key: string,
  types: string[],
  arrayAllowed: boolean,
): GgufProblem | undefined {
  const entry = header.metadata.get(key);
  if (!entry) return undefined;
  const type = entry.type === 'array' ? `array of ${entry.itemType}` : entry.type;
  const ok =
    types.includes(entry.type) ||
    (arrayAllowed && entry.type === 'array' && ['uint32', 'int32'].includes(entry.itemType));
  if (ok) return undefined;
  return {
    kind: 'invalid',
    message: `Metadata ${key} is stored as ${type}, but llama.cpp requires ${types.join(' or ')}`,
  };
}

function checkVocabulary(header: GgufHeader): GgufProblem | undefined {
  const tokens = header.metadata.get('tokenizer.ggml.tokens');
  if (tokens?.type !== 'array' || !tokens.values) return undefined;
  const seen = new Set<string>();
  for (const token of tokens.values) {
    const text = String(token);
    // llama.cpp asserts that token strings are unique, which aborts the process.
    if (seen.has(text)) {
      return {
        kind: 'aborts-llama-cpp',
        message: `The vocabulary lists the token ${JSON.stringify(text)} twice`,
      };
    }
    seen.add(text);
  }
  // An SPM ("llama") vocabulary needs its <0xNN> byte tokens: llama.cpp looks the line feed up
  // among them and aborts when it is missing.
  if (stringValue(header.metadata.get('tokenizer.ggml.model')) === 'llama' && !seen.has('<0x0A>')) {
    return {
      kind: 'aborts-llama-cpp',
      message: 'The SentencePiece vocabulary lacks the <0xNN> byte tokens',
    };
  }
  return undefined;
}

function checkTensorData(header: GgufHeader): GgufProblem | undefined {
  let end = header.dataOffset;
  for (const tensor of header.tensors) {
    const bytes = tensorBytes(tensor.ggmlType, tensor.dims);
    end = Math.max(end, header.dataOffset + tensor.offset + (bytes ?? 0));
  }
  if (end <= header.fileSize) return undefined;
  return {
    kind: 'truncated',
    message: `The file is ${header.fileSize} bytes but its tensors need ${end}: it is truncated (an interrupted download?)`,
  };
}

function stringValue(entry: GgufEntry | undefined): string | undefined {
  return entry?.type === 'string' && typeof entry.value === 'string' ? entry.value : undefined;
}
