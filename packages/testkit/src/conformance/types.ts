import type { ProviderPlugin } from '@switchboard/core';
import type { ScriptableServer } from '../server-types.js';

/** What a provider package hands the conformance suite: its plugin and how to reach a scriptable server. */
export interface ConformanceTarget {
  /** Label for the describe block, e.g. `provider-openai`. */
  name: string;
  plugin: ProviderPlugin;
  /** The provider id under test (a plugin may serve several). */
  providerId: string;
  /** A chat model id without the provider prefix; should support what `supports` claims. */
  chatModel: string;
  embeddingModel?: string;
  imageModel?: string;
  /** Starts a fresh fake server (or a real endpoint wrapper) speaking the provider's wire format. */
  startServer(): Promise<ScriptableServer>;
  /** Settings that point the provider at the server, e.g. `{ apiKey: 'sk-test', baseUrl: server.url }`. */
  settings(server: ScriptableServer): Record<string, string>;
  /** What the vendor API offers; the suite skips (and names) what is false. */
  supports: ConformanceSupport;
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
  json: boolean;
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
}
