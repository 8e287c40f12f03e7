import type { ModelInfo } from '@switchboard/core';
import type { GgufEntry, GgufHeader } from './gguf/read-gguf.js';
import { AUTO_CONTEXT_MAX } from './protocol.js';

/** What the GGUF file says about itself, beside the router's ModelInfo. */
export interface GgufFacts {
  path: string;
  architecture: string;
  sizeBytes: number;
  /** The context length the model was trained with. */
  trainContextLength?: number;
  embeddingLength?: number;
  blockCount?: number;
  /** The file's Jinja chat template; absent means node-llama-cpp's general format is used. */
  chatTemplate?: string;
  name?: string;
  /** `general.file_type`, e.g. 15 for Q4_K_M. */
  fileType?: number;
}

export interface LlamaCppModelInfo extends ModelInfo {
  gguf: GgufFacts;
}

export function ggufFacts(path: string, header: GgufHeader): GgufFacts {
  const meta = header.metadata;
  const architecture = text(meta.get('general.architecture')) ?? 'unknown';
  const facts: GgufFacts = { path, architecture, sizeBytes: header.fileSize };
  const trainContextLength = integer(meta.get(`${architecture}.context_length`));
  const embeddingLength = integer(meta.get(`${architecture}.embedding_length`));
  const blockCount = integer(meta.get(`${architecture}.block_count`));
  const chatTemplate = text(meta.get('tokenizer.chat_template'));
  const name = text(meta.get('general.name'));
  const fileType = integer(meta.get('general.file_type'));
  if (trainContextLength !== undefined) facts.trainContextLength = trainContextLength;
  if (embeddingLength !== undefined) facts.embeddingLength = embeddingLength;
  if (blockCount !== undefined) facts.blockCount = blockCount;
  if (chatTemplate !== undefined) facts.chatTemplate = chatTemplate;
  if (name !== undefined) facts.name = name;
  if (fileType !== undefined) facts.fileType = fileType;
  return facts;
}

/**
 * The router's view of a local model. The context window is the one Switchboard will create
 * (the setting, or the training length capped as 'auto' caps it), not just the training length,
 * so the router never sends a prompt that cannot fit.
 */
export function modelInfoFromGguf(
  id: string,
  facts: GgufFacts,
  contextSize: 'auto' | number,
): LlamaCppModelInfo {
  const contextWindow =
    contextSize === 'auto' ? Math.min(facts.trainContextLength ?? 4096, AUTO_CONTEXT_MAX) : contextSize;
  return {
    id,
    displayName: `${facts.name ?? id} (${facts.architecture}, ${formatSize(facts.sizeBytes)})`,
    kind: 'chat',
    capabilities: {
      // node-llama-cpp renders tools in the chat format and constrains calls with a grammar;
      // how well a model uses them depends on its training.
      tools: true,
      json: true,
      embeddings: true,
      vision: false,
    },
    contextWindow,
    maxOutputTokens: contextWindow,
    pricing: { inputPerMTok: 0, outputPerMTok: 0 },
    local: true,
    gguf: facts,
  };
}

export function formatSize(bytes: number): string {
  if (bytes >= 2 ** 30) return `${(bytes / 2 ** 30).toFixed(1)} GB`;
  if (bytes >= 2 ** 20) return `${(bytes / 2 ** 20).toFixed(1)} MB`;
  return `${Math.max(1, Math.round(bytes / 1024))} KB`;
}

function text(entry: GgufEntry | undefined): string | undefined {
  return entry?.type === 'string' && typeof entry.value === 'string' ? entry.value : undefined;
}

function integer(entry: GgufEntry | undefined): number | undefined {
  if (!entry || entry.type === 'array') return undefined;
  const value = typeof entry.value === 'bigint' ? Number(entry.value) : entry.value;
  return typeof value === 'number' && Number.isInteger(value) ? value : undefined;
}
