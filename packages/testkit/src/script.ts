/**
 * A vendor-neutral script for the fake servers: what the next response should say, and what
 * should go wrong while it is sent. Each vendor server renders a step in its own documented wire
 * format, so one script drives every provider the same way (the conformance suite relies on it).
 */

/** Ways a response can misbehave on the wire. Chunks are the units the server writes: an SSE event, an NDJSON line, or the whole JSON body of a non-streaming answer. */
export interface Faults {
  /** Wait this long before sending the status line. */
  latencyMs?: number;
  /** Accept the request and never answer (the socket closes when the server does). */
  hang?: boolean;
  /** Destroy the socket after writing this many chunks; 0 resets before any byte. */
  resetAfterChunks?: number;
  /** Replace the chunk at this 0-based index with bytes that are not valid JSON. */
  malformedChunkAt?: number;
  /** Stop writing after this many chunks but keep the socket open (an idle stall). */
  stallAfterChunks?: number;
  /** Wait this long between chunks (a slow drip). */
  dripMs?: number;
}

export interface ScriptedToolCall {
  id: string;
  name: string;
  /** Arguments; servers serialize them as the vendor does (a JSON string for OpenAI, an object for Gemini). */
  args: Record<string, unknown>;
}

export interface ScriptedUsage {
  inputTokens: number;
  outputTokens: number;
  /** Prompt tokens read from the vendor's prompt cache (part of inputTokens in core's terms). */
  cachedInputTokens?: number;
  /** Prompt tokens written to the cache (Anthropic's cache_creation_input_tokens). */
  cacheWriteTokens?: number;
  /** Reasoning tokens (part of outputTokens in core's terms). */
  reasoningTokens?: number;
}

export type ScriptedFinish = 'stop' | 'length' | 'tool-calls' | 'content-filter';

/** A successful answer. Fields a request kind does not use are ignored (chat ignores `embeddings`). */
export interface ScriptedReply {
  kind?: 'reply';
  text?: string;
  /** How `text` is split into stream chunks; defaults to word-sized pieces. Their join must equal `text`. */
  textChunks?: string[];
  reasoning?: string;
  toolCalls?: ScriptedToolCall[];
  /** Defaults to `tool-calls` when there are tool calls, else `stop`. */
  finish?: ScriptedFinish;
  /** Defaults to a small plausible count. */
  usage?: ScriptedUsage;
  /** One vector per input, for embedding requests. */
  embeddings?: number[][];
  /** Base64 images, for image-generation requests. */
  images?: Array<{ b64: string; revisedPrompt?: string }>;
  /** Audio bytes, for speech requests. */
  audio?: Uint8Array;
  /** The model name the server reports; defaults to the requested one. */
  model?: string;
  faults?: Faults;
}

/** An HTTP error in the vendor's documented error body. */
export interface ScriptedError {
  kind: 'error';
  status: number;
  message?: string;
  /** Vendor error type, e.g. OpenAI `invalid_request_error`, Anthropic `overloaded_error`, Gemini `RESOURCE_EXHAUSTED`. */
  type?: string;
  /** Vendor error code, e.g. OpenAI `context_length_exceeded`. */
  code?: string;
  headers?: Record<string, string>;
  /** Send this body verbatim instead of the vendor's error envelope. */
  rawBody?: string;
  faults?: Faults;
}

export type ScriptedStep = ScriptedReply | ScriptedError;

export function isScriptedError(step: ScriptedStep): step is ScriptedError {
  return step.kind === 'error';
}

/** Default finish: tool calls imply `tool-calls`. */
export function finishOf(step: ScriptedReply): ScriptedFinish {
  return step.finish ?? (step.toolCalls?.length ? 'tool-calls' : 'stop');
}

export function usageOf(step: ScriptedReply): ScriptedUsage {
  return (
    step.usage ?? { inputTokens: 12, outputTokens: Math.max(1, Math.ceil((step.text ?? '').length / 4)) }
  );
}

/** The stream pieces of a reply's text: explicit chunks, or word-sized pieces (`"Hello", " world"`). */
export function textChunksOf(step: ScriptedReply): string[] {
  if (step.textChunks) return step.textChunks;
  const text = step.text ?? '';
  return text.match(/\s*\S+\s*?/g) ?? (text ? [text] : []);
}

/** Splits a JSON argument string into a few pieces, the way vendors stream tool arguments. */
export function splitArgs(json: string, pieces = 3): string[] {
  if (json.length <= pieces) return [json];
  const size = Math.ceil(json.length / pieces);
  const out: string[] = [];
  for (let i = 0; i < json.length; i += size) out.push(json.slice(i, i + size));
  return out;
}
