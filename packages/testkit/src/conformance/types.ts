import type { ProviderPlugin, RequestOptions } from '@switchboard/core';
import type { ScriptedError } from '../script.js';
import type { ScriptableServer } from '../server-types.js';

/**
 * What a provider package hands the conformance suite. A target with `startServer` is checked
 * against a scriptable fake server with exact assertions; one without (an in-process local model)
 * is checked for the invariants every provider must keep.
 */
export type ConformanceTarget = ScriptedConformanceTarget | LocalConformanceTarget;

/** What both kinds of target share. */
export interface ConformanceTargetBase {
  /** Label for the describe block, e.g. `provider-openai`. */
  name: string;
  plugin: ProviderPlugin;
  /** The provider id under test (a plugin may serve several). */
  providerId: string;
  /** A chat model id without the provider prefix; should support what `supports` claims. */
  chatModel: string;
  embeddingModel?: string;
  imageModel?: string;
  speechModel?: string;
  /** Vendor name used in skip titles ("not supported by Cohere"); defaults to the provider's display name. */
  vendor?: string;
  /**
   * The package folder (holding package.json): the suite then checks that the `switchboard`
   * manifest lists every provider id the plugin serves, as discovery relies on it.
   */
  packageDir?: string;
}

/** A provider that talks to a server the suite can script (an HTTP API and its fake). */
export interface ScriptedConformanceTarget extends ConformanceTargetBase {
  /** Starts a fresh fake server (or a real endpoint wrapper) speaking the provider's wire format. */
  startServer(): Promise<ScriptableServer>;
  /** Settings that point the provider at the server, e.g. `{ apiKey: 'sk-test', baseUrl: server.url }`. */
  settings(server: ScriptableServer): Record<string, string>;
  /** What the vendor API offers; the suite skips (and names) what is false. */
  supports: ConformanceSupport;
  /**
   * The vendor's own "prompt too long" error, e.g. `{ kind: 'error', status: 400, message:
   * 'too many tokens: size limit exceeded by 11326 tokens' }`; it must map to
   * `context-window-exceeded`. Without it that check is skipped.
   */
  contextWindowError?: ScriptedError;
  /**
   * A chat model without vision: an image sent to it must be refused with an `invalid-request`
   * error before anything reaches the server (never a silent answer that ignored the image).
   */
  textOnlyChatModel?: string;
}

/** An in-process provider (a local model): no server to script, so only invariants are checked. */
export interface LocalConformanceTarget extends ConformanceTargetBase {
  startServer?: undefined;
  /** Settings for the provider, e.g. `{ modelPath }`; called when the first model is made. */
  settings?(): Record<string, string>;
  supports?: Partial<ConformanceSupport>;
  /** Options added to every request, e.g. `{ maxTokens: 16, temperature: 0 }` (default `{ maxTokens: 16 }`). */
  requestOptions?: RequestOptions;
}

export interface ConformanceSupport {
  streaming: boolean;
  systemPrompt: boolean;
  tools: boolean;
  /** Several tool calls in one answer. */
  parallelToolCalls: boolean;
  vision: boolean;
  /** Image parts given as URLs (not only bytes). */
  imageUrls: boolean;
  /** A JSON output mode without a schema (OpenAI's json_object, Gemini's responseMimeType). */
  json: boolean;
  /** JSON output constrained by a schema (default: same as `json`; Anthropic has only this, DeepSeek only the plain mode). */
  jsonSchema?: boolean;
  /** The usage reports prompt-cache reads. */
  cachedTokens: boolean;
  reasoning: boolean;
  /** The vendor reports content filtering as a finish reason. */
  contentFilter: boolean;
  embeddings: boolean;
  imageGeneration: boolean;
  /** The API has an HTTP error envelope with Retry-After (false for in-process providers). */
  httpErrors: boolean;
  /** listModels({ live: true }) asks the server. */
  liveModelList: boolean;
  /** Tool-call arguments arrive in pieces while streaming (default: same as `tools`). */
  toolCallDeltas?: boolean;
  /** The vendor gives each tool call an id that the provider must keep (default true). */
  toolCallIds?: boolean;
  /** The reasoning text itself comes back, not only its token count (default false). */
  reasoningText?: boolean;
  /** The usage reports prompt-cache writes (Anthropic's cache_creation_input_tokens; default false). */
  cacheWriteTokens?: boolean;
  /** Text-to-speech through `speechModel` (default false). */
  speech?: boolean;
}
