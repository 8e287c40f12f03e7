// The engine: core's registry and Switchboard, built from the extension's settings, secrets and
// plugin roots. It has no `vscode` import; the extension loads it (dist/engine.cjs) on first use,
// so activation pays for none of core, its price data or any provider SDK.
import { join } from 'node:path';
import {
  type CatalogModel,
  type ChatResponse,
  discoverPlugins,
  type Hooks,
  isSwitchboardError,
  JsonFileLedgerStore,
  type ModelInfo,
  type ModelPricing,
  type PluginProblem,
  type PluginRoot,
  type PluginStatus,
  PriceBook,
  type ProgressReport,
  type ProviderDefinition,
  ProviderRegistry,
  type ProviderSetting,
  ResponseCache,
  type SummaryRow,
  Switchboard,
  type SwitchboardConfig,
  UsageLedger,
} from '@switchboard/core';
import type { ExtensionSettings } from '../config/settings.js';
import { logHooks } from './hook-log.js';
import { type JobCapability, modelWith } from './model-choice.js';
import {
  type Env,
  missingRequired,
  resolveProviderSettings,
  type SecretReader,
  type SecretSource,
  secretSource,
} from './provider-settings.js';

export type LogLevel = 'trace' | 'debug' | 'info' | 'warn' | 'error';

/** What the editor gives the engine: plain functions, so tests can drive it without VS Code. */
export interface EngineHost {
  settings(): ExtensionSettings;
  readSecret: SecretReader;
  /** Bundled plugins first, then the user plugin folder, then `switchboard.pluginPaths`. */
  pluginRoots(): PluginRoot[];
  /** Where the usage ledger and the response cache live (the extension's global storage). */
  storageDir: string;
  env?: Env;
  log(level: LogLevel, message: string): void;
  progress?(providerId: string, report: ProgressReport): void;
}

export type Readiness =
  /** Set up: its models are listed. */
  | 'ready'
  /** A required setting (an API key, a base URL) has no value. */
  | 'needs-setup'
  /** A local server or folder that is not there (Ollama not running, no GGUF files). */
  | 'unavailable'
  /** The plugin failed to load, or listing its models failed. */
  | 'failed';

export interface ProviderState {
  id: string;
  displayName: string;
  local: boolean;
  pluginName: string;
  readiness: Readiness;
  /** Where the API key comes from, for providers with one. */
  keySource?: SecretSource;
  /** Environment variables the key may come from. */
  keyEnv: string[];
  /** Required settings without a value. */
  missing: string[];
  /** One sentence for a person when not ready. */
  reason?: string;
}

export interface ModelEntry {
  /** Full id, `provider/model`. */
  id: string;
  provider: string;
  providerName: string;
  info: ModelInfo;
  /** USD per million tokens; null when unknown. Local models are free. */
  pricing: ModelPricing | null;
}

export interface SpendSummary {
  todayUsd: number;
  monthUsd: number;
}

export class Engine {
  private registry!: ProviderRegistry;
  private current!: Switchboard;
  private readonly prices = new PriceBook();
  readonly ledger: UsageLedger;
  private rootsKey = '';
  private catalog: Promise<{ models: ModelEntry[]; states: ProviderState[] }> | undefined;
  private readonly listeners = new Set<() => void>();
  private unhookLog: (() => void) | undefined;
  /** Hook listeners of features, each with its detach from the current Switchboard. */
  private readonly hookListeners = new Map<(hooks: Hooks) => () => void, () => void>();

  private constructor(private readonly host: EngineHost) {
    this.ledger = new UsageLedger({ store: new JsonFileLedgerStore(join(host.storageDir, 'usage.jsonl')) });
  }

  static async create(host: EngineHost): Promise<Engine> {
    const engine = new Engine(host);
    await engine.rediscover();
    return engine;
  }

  /** The Switchboard of the current settings (rebuilt when settings change). */
  get switchboard(): Switchboard {
    return this.current;
  }

  get providerRegistry(): ProviderRegistry {
    return this.registry;
  }

  /** Listens on the hooks of every Switchboard this engine builds (e.g. for budget warnings). */
  onHooks(attach: (hooks: Hooks) => () => void): () => void {
    this.hookListeners.set(attach, attach(this.current.hooks));
    return () => {
      this.hookListeners.get(attach)?.();
      this.hookListeners.delete(attach);
    };
  }

  /** Fired when the set of usable models may have changed (keys, settings, plugins, model lists). */
  onDidChangeModels(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Settings changed: rediscover when plugin roots changed, else rebuild the Switchboard. */
  async settingsChanged(): Promise<void> {
    if (this.rootsKeyOf() !== this.rootsKey) {
      await this.rediscover();
      return;
    }
    this.registry.invalidateSettings();
    this.rebuildSwitchboard();
    this.modelsChanged();
  }

  /** A key was set or removed. */
  keysChanged(providerId?: string): void {
    this.registry.invalidateSettings(providerId);
    this.modelsChanged();
  }

  /** Scans the plugin roots again (a package was dropped into the plugin folder). */
  async rediscover(): Promise<void> {
    const previous = this.registry;
    const roots = this.host.pluginRoots();
    this.rootsKey = this.rootsKeyOf();
    const registry = new ProviderRegistry({
      resolveSettings: (provider) => this.resolveSettings(provider),
      // Plugins are ES modules on disk; the bundler must not turn this into a require().
      importModule: (url) => import(/* webpackIgnore: true */ url),
      log: (providerId, level, message) => this.host.log(level, `[${providerId}] ${message}`),
      ...(this.host.progress ? { progress: this.host.progress } : {}),
    });
    registry.addDiscovered(await discoverPlugins(roots));
    for (const problem of registry.problems()) {
      if (problem.kind !== 'missing-root') this.host.log('warn', `Plugin problem: ${problem.reason}`);
    }
    const known = new Set(previous?.list().map((plugin) => plugin.name));
    for (const plugin of registry.list()) {
      if (previous && !known.has(plugin.name)) {
        this.host.log('info', `New provider package ${plugin.name}: ${plugin.providerIds.join(', ')}`);
      }
    }
    this.registry = registry;
    this.rebuildSwitchboard();
    this.modelsChanged();
    await previous?.dispose();
  }

  /** Every plugin and what became of it, and every discovery problem (for "Show Providers"). */
  plugins(): { statuses: PluginStatus[]; problems: PluginProblem[] } {
    return { statuses: this.registry.list(), problems: this.registry.problems() };
  }

  /** Models of the providers that are set up; cached until something changes. */
  async models(): Promise<ModelEntry[]> {
    return (await this.loadCatalog()).models;
  }

  async chatModels(): Promise<ModelEntry[]> {
    return (await this.models()).filter((model) => model.info.kind === 'chat');
  }

  /** Every known provider and whether it is set up. */
  async providers(): Promise<ProviderState[]> {
    return (await this.loadCatalog()).states;
  }

  /** Forgets the cached model lists (a refresh button, a model file added). */
  refreshModels(): void {
    this.modelsChanged();
  }

  /** The settings a provider asks for (loads its plugin). */
  async settingsOf(providerId: string): Promise<ProviderSetting[]> {
    return (await this.registry.getProvider(providerId)).settings ?? [];
  }

  /** The default model: the setting, else the first chat model that is set up. */
  async defaultModel(): Promise<string | undefined> {
    const configured = this.host.settings().defaultModel;
    if (configured) return configured;
    return (await this.chatModels())[0]?.id;
  }

  /** The model for a job that needs a capability; see `modelWith` in model-choice.ts. */
  async modelWith(capability: JobCapability, preferred?: string): Promise<string | undefined> {
    return modelWith(await this.models(), capability, preferred);
  }

  async spend(): Promise<SpendSummary> {
    await this.ledger.refresh();
    const [todayUsd, monthUsd] = await Promise.all([this.ledger.spent('day'), this.ledger.spent('month')]);
    return { todayUsd, monthUsd };
  }

  /** Spend and tokens per day and model since `days` days ago. */
  async usage(days: number): Promise<SummaryRow[]> {
    await this.ledger.refresh();
    const since = new Date();
    since.setHours(0, 0, 0, 0);
    since.setDate(since.getDate() - (days - 1));
    return this.ledger.summary({ since, groupBy: ['day', 'model'] });
  }

  async dispose(): Promise<void> {
    this.unhookLog?.();
    for (const detach of this.hookListeners.values()) detach();
    this.hookListeners.clear();
    this.listeners.clear();
    await this.registry.dispose();
  }

  private rootsKeyOf(): string {
    return JSON.stringify(this.host.pluginRoots());
  }

  private env(): Env {
    return this.host.env ?? process.env;
  }

  private resolveSettings(provider: ProviderDefinition) {
    return resolveProviderSettings(provider, this.host.settings(), this.host.readSecret, this.env());
  }

  private rebuildSwitchboard(): void {
    const settings = this.host.settings();
    this.unhookLog?.();
    for (const detach of this.hookListeners.values()) detach();
    this.current = new Switchboard({
      registry: this.registry,
      prices: this.prices,
      ledger: this.ledger,
      ...switchboardConfig(settings),
      ...(settings.budget.dailyUsd !== undefined || settings.budget.monthlyUsd !== undefined
        ? { budget: settings.budget }
        : {}),
      ...(settings.cache.enabled
        ? {
            cache: new ResponseCache<ChatResponse>({
              ttlMs: settings.cache.ttlMs,
              diskDir: join(this.host.storageDir, 'cache'),
              onError: (error) => this.host.log('warn', `Response cache: ${String(error)}`),
            }),
          }
        : {}),
    });
    this.unhookLog = logHooks(this.current.hooks, this.host.log);
    for (const attach of this.hookListeners.keys())
      this.hookListeners.set(attach, attach(this.current.hooks));
  }

  private modelsChanged(): void {
    this.catalog = undefined;
    for (const listener of this.listeners) listener();
  }

  private loadCatalog() {
    this.catalog ??= this.buildCatalog();
    return this.catalog;
  }

  private async buildCatalog(): Promise<{ models: ModelEntry[]; states: ProviderState[] }> {
    const ids = this.registry.providerIds();
    const results = await Promise.all(ids.map((id) => this.inspectProvider(id)));
    return {
      states: results.map((result) => result.state),
      models: results.flatMap((result) => result.models),
    };
  }

  private async inspectProvider(id: string): Promise<{ state: ProviderState; models: ModelEntry[] }> {
    const status = this.registry.list().find((plugin) => plugin.providerIds.includes(id));
    const base = {
      id,
      displayName: id,
      local: false,
      pluginName: status?.name ?? id,
      keyEnv: [] as string[],
      missing: [] as string[],
    };
    let provider: ProviderDefinition;
    try {
      provider = await this.registry.getProvider(id);
    } catch (error) {
      return { state: { ...base, readiness: 'failed', reason: reasonOf(error) }, models: [] };
    }
    const keySetting = provider.settings?.find((setting) => setting.secret);
    const values = await this.resolveSettings(provider);
    const state: ProviderState = {
      ...base,
      displayName: provider.displayName,
      local: provider.local === true,
      keyEnv: keySetting?.env ?? [],
      missing: missingRequired(provider, values),
      readiness: 'ready',
      ...(keySetting
        ? { keySource: await secretSource(provider, keySetting.key, this.host.readSecret, this.env()) }
        : {}),
    };
    if (state.missing.length > 0) {
      return {
        state: { ...state, readiness: 'needs-setup', reason: `Needs ${state.missing.join(', ')}.` },
        models: [],
      };
    }
    if (!state.local && !(await this.explicitlyConfigured(provider, state))) {
      return { state: { ...state, readiness: 'needs-setup', reason: 'Not set up.' }, models: [] };
    }
    try {
      // Local providers' lists are what is on this machine now; cloud lists are the static tables.
      const listed = await this.registry.listModels(id, { live: state.local });
      const models = listed.map((model) => this.entry(model, provider.displayName));
      if (state.local && models.length === 0) {
        return { state: { ...state, readiness: 'unavailable', reason: 'No models found.' }, models };
      }
      return { state, models };
    } catch (error) {
      const readiness: Readiness = state.local ? 'unavailable' : 'failed';
      return { state: { ...state, readiness, reason: reasonOf(error) }, models: [] };
    }
  }

  /**
   * A cloud provider with no required key (LM Studio, vLLM, a compatible server) shows up only
   * when the user pointed Switchboard at it: a key, an environment variable or a setting.
   */
  private async explicitlyConfigured(provider: ProviderDefinition, state: ProviderState): Promise<boolean> {
    const keyRequired = provider.settings?.some((setting) => setting.secret && setting.required);
    if (keyRequired) return true;
    if (state.keySource && state.keySource !== 'none') return true;
    if (Object.keys(this.host.settings().providers[provider.id] ?? {}).length > 0) return true;
    const env = this.env();
    return (provider.settings ?? []).some((setting) => setting.env?.some((name) => env[name]));
  }

  private entry(model: CatalogModel, providerName: string): ModelEntry {
    return {
      id: model.id,
      provider: model.provider,
      providerName,
      info: model.info,
      pricing: this.prices.pricing(model.id, model.info),
    };
  }
}

/** The settings core's Switchboard reads (routing, fallback, retries, timeouts, hedging). */
export function switchboardConfig(settings: ExtensionSettings): SwitchboardConfig {
  return {
    ...(settings.defaultModel ? { defaultModel: settings.defaultModel } : {}),
    aliases: settings.aliases,
    fallbacks: settings.fallbacks,
    policy: settings.policy,
    execution: {
      retry: { maxAttempts: settings.retries.maxAttempts },
      timeouts: { firstTokenMs: settings.timeouts.firstTokenMs, totalMs: settings.timeouts.totalMs },
      ...(settings.hedgeAfterMs !== undefined ? { hedge: { afterMs: settings.hedgeAfterMs } } : {}),
    },
  };
}

function reasonOf(error: unknown): string {
  if (isSwitchboardError(error)) return error.userMessage;
  return error instanceof Error ? error.message : String(error);
}
