import {
  type ChatModel,
  type EmbeddingModel,
  type ImageModel,
  type ProviderDefinition,
  ProviderRegistry,
  type SpeechModel,
} from '@switchboard/core';
import { afterAll, beforeAll, beforeEach, expect, it } from 'vitest';
import type { NeutralChatRequest, ScriptableServer } from '../server-types.js';
import type { ConformanceTarget, LocalConformanceTarget, ScriptedConformanceTarget } from './types.js';

/**
 * What every area of the suite shares: the plugin loaded the way a host loads it (a
 * ProviderRegistry whose settings come from the target) and, in scripted mode, the fake server.
 */
export class ConformanceContext<T extends ConformanceTarget = ConformanceTarget> {
  private currentRegistry: ProviderRegistry | undefined;
  private currentServer: ScriptableServer | undefined;

  constructor(readonly target: T) {}

  /** The provider definition under test; throws when the plugin does not serve `providerId`. */
  get provider(): ProviderDefinition {
    const provider = this.target.plugin.providers.find((p) => p.id === this.target.providerId);
    if (!provider) {
      throw new Error(
        `Plugin "${this.target.plugin.name}" serves no provider "${this.target.providerId}" ` +
          `(it serves: ${this.target.plugin.providers.map((p) => p.id).join(', ')}).`,
      );
    }
    return provider;
  }

  /** Names the vendor in skip titles: "not supported by Cohere". */
  get vendor(): string {
    return (
      this.target.vendor ??
      this.target.plugin.providers.find((p) => p.id === this.target.providerId)?.displayName ??
      this.target.providerId
    );
  }

  get registry(): ProviderRegistry {
    if (!this.currentRegistry) throw new Error('The conformance context is used outside its tests.');
    return this.currentRegistry;
  }

  get server(): ScriptableServer {
    if (!this.currentServer) throw new Error('This target has no scriptable server.');
    return this.currentServer;
  }

  /** The settings the registry hands the provider. */
  settings(): Record<string, string> {
    const target: ConformanceTarget = this.target;
    if (target.startServer) return target.settings(this.server);
    return target.settings?.() ?? {};
  }

  /** Values of the provider's secret settings (API keys): no error may show them. */
  secrets(): string[] {
    const values = this.settings();
    return (this.provider.settings ?? [])
      .filter((setting) => setting.secret)
      .map((setting) => values[setting.key])
      .filter((value): value is string => typeof value === 'string' && value.length > 0);
  }

  chat(modelId = this.target.chatModel): Promise<ChatModel> {
    return this.registry.chatModel(`${this.target.providerId}/${modelId}`);
  }

  embedding(): Promise<EmbeddingModel> {
    return this.registry.embeddingModel(
      `${this.target.providerId}/${required(this.target.embeddingModel, 'embeddingModel')}`,
    );
  }

  image(): Promise<ImageModel> {
    return this.registry.imageModel(
      `${this.target.providerId}/${required(this.target.imageModel, 'imageModel')}`,
    );
  }

  speech(): Promise<SpeechModel> {
    return this.registry.speechModel(
      `${this.target.providerId}/${required(this.target.speechModel, 'speechModel')}`,
    );
  }

  /** The last chat request the server saw, in neutral terms; fails the test when there was none. */
  lastChat(): NeutralChatRequest {
    const request = this.server.lastChatRequest();
    if (!request) return expect.fail('the server received no chat request');
    return request;
  }

  /**
   * Registers the hooks: start the server (scripted mode), load the plugin into a fresh registry,
   * forget the script before each test, and dispose of everything at the end.
   */
  install(): void {
    beforeAll(async () => {
      const target: ConformanceTarget = this.target;
      if (target.startServer) this.currentServer = await target.startServer();
      const registry = new ProviderRegistry({ resolveSettings: () => this.settings() });
      const status = registry.register(this.target.plugin, { source: 'conformance' });
      this.currentRegistry = registry;
      if (status.status !== 'loaded') {
        throw new Error(`The plugin did not load: ${status.reason ?? status.status}`);
      }
    });
    beforeEach(() => {
      this.currentServer?.reset();
    });
    afterAll(async () => {
      await this.currentRegistry?.dispose();
      await this.currentServer?.close();
      this.currentRegistry = undefined;
      this.currentServer = undefined;
    });
  }
}

export type ScriptedContext = ConformanceContext<ScriptedConformanceTarget>;
export type LocalContext = ConformanceContext<LocalConformanceTarget>;

/**
 * Registers a test when `supported`; otherwise a skipped test whose title says why, so the report
 * shows what was not checked (`... — not supported by Gemini`).
 */
export function itWhen(
  supported: boolean | undefined,
  why: string,
  title: string,
  fn: () => Promise<void>,
): void {
  if (supported) it(title, fn);
  else it.skip(`${title} — ${why}`, fn);
}

/** `itWhen` for a capability flag: the skip title names the vendor. */
export function itIfSupported(
  context: ConformanceContext,
  supported: boolean | undefined,
  title: string,
  fn: () => Promise<void>,
): void {
  itWhen(supported, `not supported by ${context.vendor}`, title, fn);
}

function required(value: string | undefined, field: string): string {
  if (!value) throw new Error(`The conformance target has no ${field}.`);
  return value;
}
