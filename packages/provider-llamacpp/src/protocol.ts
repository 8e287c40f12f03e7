/**
 * Messages between the host (the provider, inside the editor) and the worker child process that
 * runs node-llama-cpp. Plain data only: they cross `process.send()`.
 */
import type { JsonSchema, JsonValue } from '@switchboard/core';

/**
 * What `contextSize: 'auto'` stops at: the KV cache grows linearly with the context, and a 128k
 * training length would take gigabytes nobody asked for. Users can set more.
 */
export const AUTO_CONTEXT_MAX = 8192;

/** How the worker loads its one model. */
export interface LoadOptions {
  modelPath: string;
  /** `'auto'`: use a GPU build when one is installed and works, else the CPU one. */
  gpu: 'auto' | false;
  gpuLayers: 'auto' | number;
  /** `'auto'`: as large as memory allows, up to the model's training size and `maxAutoContextSize`. */
  contextSize: 'auto' | number;
  batchSize?: number;
  threads: number;
  /** Context sequences: how many requests generate at once (the rest wait in line). */
  sequences: number;
  /** Refuse to load when the estimate exceeds this; free RAM when absent. */
  memoryLimitBytes?: number;
  /** A node-llama-cpp chat wrapper name, or `'auto'` (the file's template, else the general one). */
  chatWrapper: string;
}

export interface LoadedModel {
  /** `false` on CPU, else the backend (`cuda`, `vulkan`, `metal`). */
  gpu: string | false;
  gpuLayers: number;
  contextSize: number;
  trainContextSize?: number;
  embeddingSize?: number;
  chatWrapper: string;
  threads: number;
  /** What the memory check estimated, in bytes. */
  estimatedRamBytes: number;
  estimatedVramBytes: number;
}

/** A function call and its result inside a model turn, as node-llama-cpp's chat history holds it. */
export interface WireFunctionCall {
  type: 'functionCall';
  name: string;
  params: JsonValue;
  result: JsonValue;
}

/** node-llama-cpp's `ChatHistoryItem`, restricted to what Switchboard sends. */
export type WireHistoryItem =
  | { type: 'system'; text: string }
  | { type: 'user'; text: string }
  | { type: 'model'; response: Array<string | WireFunctionCall> };

export interface WireFunction {
  description?: string;
  params?: JsonSchema;
}

export interface WireChatRequest {
  /** Ends with a model turn, which the model continues (empty for a new answer). */
  history: WireHistoryItem[];
  functions?: Record<string, WireFunction>;
  /** Constrain the answer to JSON, matching the schema when one is given. */
  json?: { schema?: JsonSchema };
  maxTokens?: number;
  temperature?: number;
  topP?: number;
  topK?: number;
  minP?: number;
  seed?: number;
  stop?: string[];
  repeatPenalty?: number | false;
}

export interface ChatOutcome {
  text: string;
  functionCalls: Array<{ name: string; params: JsonValue }>;
  stopReason:
    | 'eogToken'
    | 'stopGenerationTrigger'
    | 'customStopTrigger'
    | 'functionCalls'
    | 'maxTokens'
    | 'abort';
  usage: { promptTokens: number; cachedPromptTokens: number; outputTokens: number; reasoningTokens: number };
}

export interface EmbedOutcome {
  vectors: number[][];
  tokens: number;
}

export interface WorkerStats {
  /** Tokens generated since the worker started. */
  generatedTokens: number;
  /** Requests running or waiting for a context sequence. */
  activeRequests: number;
  pid: number;
}

export interface DownloadRequest {
  uri: string;
  directory: string;
  /** Where `hf:` URIs resolve (Hugging Face by default; HF_ENDPOINT also works). */
  huggingFaceEndpoint?: string;
  /** Hugging Face token for gated models. */
  huggingFaceToken?: string;
}

/** Requests and what each one resolves to. */
export interface RequestMap {
  load: { options: LoadOptions; result: LoadedModel };
  chat: { request: WireChatRequest; result: ChatOutcome };
  count: { request: WireChatRequest; result: number };
  embed: { values: string[]; result: EmbedOutcome };
  download: { download: DownloadRequest; result: { path: string } };
  stats: { result: WorkerStats };
}

export type RequestKind = keyof RequestMap;

export type HostMessage =
  | { type: 'load'; id: number; options: LoadOptions }
  | { type: 'chat'; id: number; request: WireChatRequest }
  | { type: 'count'; id: number; request: WireChatRequest }
  | { type: 'embed'; id: number; values: string[] }
  | { type: 'download'; id: number; download: DownloadRequest }
  | { type: 'stats'; id: number }
  | { type: 'cancel'; id: number };

/** Streamed while a request runs. */
export type WorkerEvent =
  | { type: 'text'; text: string }
  | { type: 'reasoning'; text: string }
  | { type: 'function-params'; index: number; name: string; text: string }
  | { type: 'progress'; downloadedBytes: number; totalBytes: number };

export type WorkerErrorCode =
  | 'file-not-found'
  | 'invalid-model'
  | 'unsupported-architecture'
  | 'insufficient-memory'
  | 'no-binary'
  | 'context-window-exceeded'
  | 'invalid-request'
  | 'download-not-found'
  | 'download-failed'
  | 'cancelled'
  | 'internal';

export interface WorkerError {
  code: WorkerErrorCode;
  /** One line, no stack trace. */
  message: string;
}

export type WorkerMessage =
  | { type: 'event'; id: number; event: WorkerEvent }
  | { type: 'result'; id: number; result: unknown }
  | { type: 'error'; id: number; error: WorkerError }
  | { type: 'log'; level: 'debug' | 'info' | 'warn' | 'error'; message: string };
