import type { JsonSchema, Message } from './messages.js';

export interface ToolDefinition {
  name: string;
  description?: string;
  /** JSON Schema of the arguments object. */
  parameters: JsonSchema;
}

export type ToolChoice = 'auto' | 'none' | 'required' | { type: 'tool'; name: string };

export type ResponseFormat =
  | { type: 'text' }
  /** JSON output; with a schema, structured output where the vendor supports it. */
  | { type: 'json'; schema?: JsonSchema; name?: string; description?: string };

/** The options a request may carry besides its messages. Names are what `unsupportedOptions` refers to. */
export interface RequestOptions {
  temperature?: number;
  topP?: number;
  maxTokens?: number;
  stop?: string[];
  seed?: number;
  tools?: ToolDefinition[];
  toolChoice?: ToolChoice;
  responseFormat?: ResponseFormat;
  /** Free-form tags; recorded in the ledger and passed to vendors that accept metadata. */
  metadata?: Record<string, string>;
  /** Vendor-specific options, keyed by provider id: `{ openai: { reasoning_effort: 'low' } }`. */
  providerOptions?: Record<string, Record<string, unknown>>;
}

export type RequestOptionName = keyof RequestOptions;

export interface ChatRequest extends RequestOptions {
  messages: Message[];
}

/** What a model call receives besides the request. */
export interface CallOptions {
  signal?: AbortSignal;
  /** Extra HTTP headers for providers that speak HTTP. */
  headers?: Record<string, string>;
}
