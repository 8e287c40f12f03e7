import type { JsonValue } from './messages.js';
import type { CallOptions, ChatRequest, RequestOptionName } from './request.js';
import type { GenerateResult } from './response.js';
import type { CallWarning, ModelStreamEvent } from './stream.js';

export type ModelKind = 'chat' | 'embedding' | 'image' | 'speech';

export interface ModelCapabilities {
  vision?: boolean;
  tools?: boolean;
  json?: boolean;
  embeddings?: boolean;
  imageGeneration?: boolean;
  speech?: boolean;
  reasoning?: boolean;
}

/** Prices in USD per million tokens, for overrides and models the price dataset does not know. */
export interface ModelPricing {
  inputPerMTok: number;
  outputPerMTok: number;
  cacheReadPerMTok?: number;
  cacheWritePerMTok?: number;
}

export interface ModelInfo {
  /** Model id within its provider (`gpt-4o-mini`), without the provider prefix. */
  id: string;
  displayName?: string;
  kind: ModelKind;
  capabilities: ModelCapabilities;
  contextWindow?: number;
  maxOutputTokens?: number;
  /** Request options this model ignores; the executor drops them with a warning. */
  unsupportedOptions?: RequestOptionName[];
  pricing?: ModelPricing;
  /** Runs on this machine: free, private. */
  local?: boolean;
  /** Where a relative quality rank is known: higher is better. Used by the `quality` policy. */
  qualityRank?: number;
}

export interface ChatModel {
  readonly provider: string;
  /** Model id within its provider. */
  readonly modelId: string;
  generate(request: ChatRequest, options?: CallOptions): Promise<GenerateResult>;
  stream(request: ChatRequest, options?: CallOptions): AsyncIterable<ModelStreamEvent>;
  /** Exact token count with the model's own tokenizer, where the provider has one. */
  countTokens?(request: ChatRequest, options?: CallOptions): Promise<number>;
}

export interface EmbeddingResult {
  embeddings: number[][];
  usage?: { inputTokens: number };
}

export interface EmbeddingModel {
  readonly provider: string;
  readonly modelId: string;
  embed(values: string[], options?: CallOptions & { dimensions?: number }): Promise<EmbeddingResult>;
}

/** The gpt-image-1 option set; providers map what they support and warn about the rest. */
export interface ImageRequest {
  prompt: string;
  n?: number;
  size?: '1024x1024' | '1536x1024' | '1024x1536' | 'auto' | (string & {});
  quality?: 'low' | 'medium' | 'high' | 'auto' | (string & {});
  background?: 'transparent' | 'opaque' | 'auto';
  outputFormat?: 'png' | 'jpeg' | 'webp';
  /** 0-100, for jpeg and webp. */
  outputCompression?: number;
  moderation?: 'auto' | 'low';
  providerOptions?: Record<string, Record<string, JsonValue>>;
}

export interface GeneratedImage {
  data: Uint8Array;
  mimeType: string;
}

export interface ImageResult {
  images: GeneratedImage[];
  revisedPrompt?: string;
  usage?: { inputTokens: number; outputTokens: number };
  warnings?: CallWarning[];
}

/** What `Switchboard.generateImage` returns: the model's result, which model made it, and its price. */
export interface ImageResponse extends ImageResult {
  /** Full id of the model that generated the images (an alias resolved). */
  model: string;
  /** USD, from the token usage the model reported; null when unknown. */
  costUsd: number | null;
}

export interface ImageModel {
  readonly provider: string;
  readonly modelId: string;
  generate(request: ImageRequest, options?: CallOptions): Promise<ImageResult>;
}

export interface SpeechRequest {
  text: string;
  voice?: string;
  format?: 'mp3' | 'wav' | 'opus' | 'aac' | 'flac' | 'pcm';
  speed?: number;
  instructions?: string;
}

export interface SpeechModel {
  readonly provider: string;
  readonly modelId: string;
  synthesize(request: SpeechRequest, options?: CallOptions): Promise<{ audio: Uint8Array; mimeType: string }>;
}
