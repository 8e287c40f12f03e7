import type { ScriptedStep } from './script.js';

/** One request as the fake server received it. */
export interface RecordedRequest {
  method: string;
  /** Path without the query string, e.g. `/v1/chat/completions`. */
  path: string;
  query: Record<string, string>;
  /** Header names lower-cased. */
  headers: Record<string, string>;
  rawBody: string;
  /** Parsed JSON body, or undefined when the body was empty or not JSON. */
  body: unknown;
  /** The client went away before the answer finished (a cancelled request). */
  aborted: boolean;
}

/** The vendor-neutral reading of a chat request, so one assertion fits every vendor. */
export interface NeutralChatRequest {
  model: string;
  stream: boolean;
  system?: string;
  messages: NeutralMessage[];
  /** Names of the tools offered. */
  tools: string[];
  maxTokens?: number;
  temperature?: number;
  topP?: number;
  stop?: string[];
  /** The request asked for JSON output (with or without a schema). */
  json?: boolean;
  /** The JSON schema sent, when there was one. */
  jsonSchema?: unknown;
}

export interface NeutralMessage {
  role: 'user' | 'assistant' | 'tool';
  /** All text parts joined. */
  text: string;
  /** Images sent: inline data (base64 + mime type) or a URL. */
  images: Array<{ base64: string; mimeType: string } | { url: string }>;
  /** Tool calls the assistant made (args parsed to an object). */
  toolCalls: Array<{ id?: string; name: string; args: unknown }>;
  /** Tool results sent back (content as the vendor carried it, stringified). */
  toolResults: Array<{ id?: string; name?: string; content: string }>;
}

/** What every vendor fake server offers; the conformance suite needs only this. */
export interface ScriptableServer {
  /** The vendor name (`openai`, `anthropic`, `gemini`, `ollama`, or a third party's). */
  readonly vendor: string;
  /** The base URL a provider's base-URL setting takes to reach this server. */
  readonly url: string;
  /** Every request, in arrival order. */
  readonly requests: RecordedRequest[];
  /** Queues steps; each model request (chat, embedding, image, speech) consumes one. */
  reply(...steps: ScriptedStep[]): void;
  /** The step used when the queue is empty (default: a short text reply). */
  setDefaultReply(step: ScriptedStep): void;
  /** The last chat request, read in vendor-neutral terms. */
  lastChatRequest(): NeutralChatRequest | undefined;
  /** Forgets queued steps and recorded requests. */
  reset(): void;
  close(): Promise<void>;
}
