import { SwitchboardError } from '../errors/errors.js';
import { redact } from '../errors/redact.js';
import { adaptPlugin, PLUGIN_ADAPTERS, type PluginAdapterTable } from '../plugin/adapters.js';
import { describeError } from '../plugin/describe-error.js';
import type {
  ListModelsOptions,
  ProviderContext,
  ProviderDefinition,
  ProviderPlugin,
} from '../plugin/types.js';
import type { ModelCatalog } from '../router/types.js';
import type { ModelInfo, ModelKind } from '../types/models.js';
import type { DiscoveryResult, PluginProblem } from './discovery-types.js';
import { memoize } from './memoize.js';
import { isModelId, parseModelId } from './model-id.js';
import { factoryOf, type ModelOfKind, normalizeModelInfo } from './model-kinds.js';
import { importByUrl, loadPluginModule, providerMap } from './plugin-loader.js';
import {
  competes,
  nameOf,
  type PluginRecord,
  providerIdsOf,
  providersOf,
  recordFromDiscovery,
  recordFromProblem,
  statusOf,
} from './plugin-record.js';
import { comparePrecedence } from './precedence.js';
import { providerFault, reasonOf } from './provider-errors.js';
import type {
  CatalogModel,
  ModelListing,
  PluginStatus,
  RegisterOptions,
  RegistryChange,
  RegistryOptions,
} from './registry-types.js';
import { registerSecretSettings, resolveSettingsFromEnv } from './settings.js';

const ROOT_PROBLEMS = new Set<PluginProblem['kind']>(['missing-root', 'unreadable-root']);

/**
 * Every provider Switchboard knows, by provider id. Plugins are known by manifest and imported on
 * first use of one of their providers; one that fails is marked 'failed' and only its providers
 * stop working. When plugins claim the same id, the rule in `precedence.ts` picks one.
 */
export class ProviderRegistry implements ModelCatalog {
  private records: PluginRecord[] = [];
  private discoveryProblems: PluginProblem[] = [];
  /** Provider id -> the plugin that serves it. */
  private winners = new Map<string, PluginRecord>();
  /** Provider id -> its context, model instances and static model list, dropped together. */
  private readonly caches = new Map<string, Map<string, Promise<unknown>>>();
  private readonly listeners = new Set<(change: RegistryChange) => void>();
  private seq = 0;
  private readonly adapters: PluginAdapterTable;
  private readonly importModule: (url: string) => Promise<unknown>;

  constructor(private readonly options: RegistryOptions = {}) {
    this.adapters = options.adapters ?? PLUGIN_ADAPTERS;
    this.importModule = options.importModule ?? importByUrl;
  }

  /**
   * Records what discovery found, by manifest only. A package already known by its folder is
   * updated, unless its module is loaded (a module cannot be unloaded, so it stays as it is).
   */
  addDiscovered(result: DiscoveryResult): void {
    const incoming = [
      ...result.plugins.map((plugin) => recordFromDiscovery(plugin, this.seq++)),
      ...result.problems
        .filter((problem) => !ROOT_PROBLEMS.has(problem.kind))
        .map((problem) => recordFromProblem(problem, this.seq++)),
    ];
    for (const record of incoming) {
      const at = this.records.findIndex((known) => known.origin === 'discovered' && known.dir === record.dir);
      if (at === -1) this.records.push(record);
      else if (this.records[at]?.state !== 'loaded') this.records[at] = record;
    }
    const rescanned = new Set([...result.plugins, ...result.problems].map((found) => found.dir));
    this.discoveryProblems = [
      ...this.discoveryProblems.filter((problem) => !rescanned.has(problem.dir)),
      ...result.problems,
    ];
    this.recompute();
    this.emit({ type: 'discovered' });
  }

  /**
   * Adds an in-memory plugin (built-ins, tests). It is validated through the adapters now; an
   * invalid or incompatible one is listed with its reason instead of throwing. Registering a
   * name again replaces the earlier registration.
   */
  register(plugin: ProviderPlugin, options: RegisterOptions = {}): PluginStatus {
    const adapted = adaptPlugin(plugin, this.adapters);
    // An adapted old plugin may keep its name elsewhere; the adapter's output is authoritative.
    const name = adapted.ok ? adapted.plugin.name : nameOf(plugin);
    const replaced = this.takeRecords((record) => record.origin === 'registered' && record.name === name);
    const record: PluginRecord = {
      name,
      source: options.source ?? 'in-memory',
      origin: 'registered',
      priority: options.priority ?? 0,
      rootIndex: Number.POSITIVE_INFINITY,
      seq: this.seq++,
      claims: [],
      state: 'loaded',
    };
    if (adapted.ok) {
      record.providers = providerMap(adapted.plugin);
      record.claims = [...record.providers.keys()];
    } else {
      record.state = adapted.incompatible ? 'incompatible' : 'failed';
      record.reason = `Plugin "${name}" ${adapted.reason}.`;
      record.claims = providerIdsOf(plugin);
    }
    this.records.push(record);
    this.recompute();
    const keep = new Set(record.providers?.values());
    void this.disposeProviders(providersOf(replaced).filter((provider) => !keep.has(provider)));
    this.emit({ type: 'register', pluginName: name });
    return statusOf(record, this.winners);
  }

  /** Forgets every plugin of that name (discovered and registered) and disposes what it loaded. */
  unregister(pluginName: string): boolean {
    const removed = this.takeRecords((record) => record.name === pluginName);
    this.discoveryProblems = this.discoveryProblems.filter((problem) => problem.packageName !== pluginName);
    if (removed.length === 0) return false;
    this.recompute();
    void this.disposeProviders(providersOf(removed));
    this.emit({ type: 'unregister', pluginName });
    return true;
  }

  /** Every plugin with its status, by name. */
  list(): PluginStatus[] {
    return [...this.records]
      .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : comparePrecedence(a, b)))
      .map((record) => statusOf(record, this.winners));
  }

  /** Discovery problems, root problems included (a plugin folder that does not exist). */
  problems(): PluginProblem[] {
    return [...this.discoveryProblems];
  }

  /** Provider ids that some usable plugin serves, sorted. */
  providerIds(): string[] {
    return [...this.winners.keys()].sort();
  }

  /**
   * The provider serving `providerId`, importing its plugin on first use (once, however many
   * callers wait). If that plugin fails and another one claims the id, the other one takes over.
   */
  async getProvider(providerId: string): Promise<ProviderDefinition> {
    let firstFailure: unknown;
    for (;;) {
      const record = this.winners.get(providerId);
      if (!record) throw firstFailure ?? this.unavailable(providerId);
      try {
        await this.load(record);
      } catch (error) {
        firstFailure ??= error;
        if (this.winners.get(providerId) === record) throw error;
        continue;
      }
      const provider = record.providers?.get(providerId);
      if (provider) return provider;
      throw this.unavailable(providerId);
    }
  }

  chatModel(id: string): Promise<ModelOfKind['chat']> {
    return this.model('chat', id);
  }

  embeddingModel(id: string): Promise<ModelOfKind['embedding']> {
    return this.model('embedding', id);
  }

  imageModel(id: string): Promise<ModelOfKind['image']> {
    return this.model('image', id);
  }

  speechModel(id: string): Promise<ModelOfKind['speech']> {
    return this.model('speech', id);
  }

  /**
   * Models as full ids. With a provider id, that provider's list (its errors are thrown); without,
   * every provider's, skipping the ones that fail (see `listModelsDetailed` for why they failed).
   * Static lists are cached until settings are invalidated; `live` lists are fetched each time.
   */
  async listModels(providerId?: string, options: ListModelsOptions = {}): Promise<CatalogModel[]> {
    if (providerId !== undefined) return this.modelsOf(providerId, options);
    return (await this.listModelsDetailed(options)).models;
  }

  /** Every provider's models, plus one problem per provider whose list could not be had. */
  async listModelsDetailed(options: ListModelsOptions = {}): Promise<ModelListing> {
    const ids = this.providerIds();
    const settled = await Promise.allSettled(ids.map((id) => this.modelsOf(id, options)));
    const listing: ModelListing = { models: [], problems: [] };
    settled.forEach((outcome, index) => {
      if (outcome.status === 'fulfilled') listing.models.push(...outcome.value);
      else listing.problems.push({ provider: ids[index] ?? '', reason: reasonOf(outcome.reason) });
    });
    return listing;
  }

  async getModelInfo(id: string): Promise<ModelInfo | undefined> {
    if (!isModelId(id)) return undefined;
    const ref = parseModelId(id);
    if (!this.winners.has(ref.provider)) return undefined;
    try {
      return (await this.modelIndex(ref.provider)).get(ref.model);
    } catch {
      return undefined; // the router treats an unlisted model as unknown, not as an error
    }
  }

  async listChatModels(): Promise<Array<{ id: string; info: ModelInfo }>> {
    const { models } = await this.listModelsDetailed();
    return models.filter((model) => model.info.kind === 'chat').map(({ id, info }) => ({ id, info }));
  }

  /** Drops resolved settings, model instances and model lists (a key or base URL changed). */
  invalidateSettings(providerId?: string): void {
    if (providerId === undefined) this.caches.clear();
    else this.caches.delete(providerId);
    this.emit(providerId === undefined ? { type: 'settings' } : { type: 'settings', providerId });
  }

  /** Called on register, unregister, discovery, load, failure and settings invalidation. */
  onDidChange(listener: (change: RegistryChange) => void): () => void {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  }

  /** Disposes every loaded provider and empties the registry. */
  async dispose(): Promise<void> {
    const providers = providersOf(this.records);
    this.records = [];
    this.discoveryProblems = [];
    this.winners.clear();
    this.caches.clear();
    this.listeners.clear();
    await this.disposeProviders(providers);
  }

  private load(record: PluginRecord): Promise<void> {
    if (record.state === 'loaded') return Promise.resolve();
    if (!competes(record)) return Promise.reject(this.pluginError(record));
    record.loading ??= this.importRecord(record);
    return record.loading;
  }

  private async importRecord(record: PluginRecord): Promise<void> {
    const result = await loadPluginModule(record.entryPath ?? '', {
      importModule: this.importModule,
      adapters: this.adapters,
      claimedIds: record.claims,
    });
    if (result.ok) {
      record.providers = result.providers;
      record.state = 'loaded';
      this.emit({ type: 'loaded', pluginName: record.name });
      return;
    }
    record.state = result.incompatible ? 'incompatible' : 'failed';
    record.reason = `Plugin "${record.name}" ${result.reason}.`;
    this.recompute();
    this.emit({ type: 'failed', pluginName: record.name });
    throw this.pluginError(record, result.cause);
  }

  private async model<K extends ModelKind>(kind: K, id: string): Promise<ModelOfKind[K]> {
    const ref = parseModelId(id);
    if (!this.winners.has(ref.provider)) throw this.unavailable(ref.provider);
    return memoize(this.cacheOf(ref.provider), `model:${kind}:${ref.model}`, async () => {
      const provider = await this.getProvider(ref.provider);
      const factory = factoryOf(provider, kind);
      if (!factory) {
        throw new SwitchboardError('invalid-request', `Provider "${ref.provider}" has no ${kind} models.`, {
          provider: ref.provider,
          model: id,
          hint: `Pick a ${kind} model of another provider.`,
        });
      }
      const context = await this.context(ref.provider, provider);
      let model: ModelOfKind[K];
      try {
        model = factory(ref.model, context);
      } catch (error) {
        throw providerFault(
          `Provider "${ref.provider}" could not create ${kind} model "${ref.model}"`,
          error,
          ref.provider,
          id,
        );
      }
      if (typeof model !== 'object' || model === null) {
        throw providerFault(
          `Provider "${ref.provider}" returned no ${kind} model for "${ref.model}"`,
          undefined,
          ref.provider,
          id,
        );
      }
      return model;
    });
  }

  private async modelsOf(providerId: string, options: ListModelsOptions): Promise<CatalogModel[]> {
    if (!this.winners.has(providerId)) throw this.unavailable(providerId);
    // A shared static list must not die with the first caller's signal.
    const infos = options.live
      ? await this.fetchModels(providerId, options)
      : await memoize(this.cacheOf(providerId), 'static-models', () => this.fetchModels(providerId, {}));
    return infos.map((info) => ({ id: `${providerId}/${info.id}`, provider: providerId, info }));
  }

  /** The static list by model name, built once per cached list: every routed call looks models up. */
  private modelIndex(providerId: string): Promise<ReadonlyMap<string, ModelInfo>> {
    if (!this.winners.has(providerId)) return Promise.reject(this.unavailable(providerId));
    return memoize(this.cacheOf(providerId), 'static-index', async () => {
      const infos = await memoize(this.cacheOf(providerId), 'static-models', () =>
        this.fetchModels(providerId, {}),
      );
      const index = new Map<string, ModelInfo>();
      // The first entry wins, as a search of the list would find it.
      for (const info of infos) if (!index.has(info.id)) index.set(info.id, info);
      return index;
    });
  }

  private async fetchModels(providerId: string, options: ListModelsOptions): Promise<ModelInfo[]> {
    const provider = await this.getProvider(providerId);
    const context = await this.context(providerId, provider);
    let listed: unknown;
    try {
      listed = await provider.listModels(context, options);
    } catch (error) {
      throw providerFault(`Provider "${providerId}" could not list its models`, error, providerId);
    }
    if (!Array.isArray(listed)) {
      throw providerFault(
        `Provider "${providerId}" listModels() returned ${typeof listed}, not an array`,
        undefined,
        providerId,
      );
    }
    return listed.map(normalizeModelInfo).filter((info) => info !== undefined);
  }

  private context(providerId: string, provider: ProviderDefinition): Promise<ProviderContext> {
    return memoize(this.cacheOf(providerId), 'context', async () => {
      const resolve = this.options.resolveSettings ?? ((p: ProviderDefinition) => resolveSettingsFromEnv(p));
      const settings = Object.freeze({ ...(await resolve(provider)) });
      registerSecretSettings(provider, settings);
      const log = this.options.log;
      const context: ProviderContext = { settings };
      if (log) context.log = (level, message) => log(providerId, level, redact(message));
      const progress = this.options.progress;
      if (progress)
        context.progress = (report) => progress(providerId, { ...report, message: redact(report.message) });
      return context;
    });
  }

  private cacheOf(providerId: string): Map<string, Promise<unknown>> {
    let cache = this.caches.get(providerId);
    if (!cache) {
      cache = new Map();
      this.caches.set(providerId, cache);
    }
    return cache;
  }

  /** Re-elects the plugin serving each provider id; caches of ids that changed hands are dropped. */
  private recompute(): void {
    const next = new Map<string, PluginRecord>();
    for (const record of this.records) {
      if (!competes(record)) continue;
      for (const id of record.claims) {
        const current = next.get(id);
        if (!current || comparePrecedence(record, current) < 0) next.set(id, record);
      }
    }
    for (const id of new Set([...this.winners.keys(), ...next.keys()])) {
      if (this.winners.get(id) !== next.get(id)) this.caches.delete(id);
    }
    this.winners = next;
  }

  private takeRecords(match: (record: PluginRecord) => boolean): PluginRecord[] {
    const taken = this.records.filter(match);
    if (taken.length > 0) this.records = this.records.filter((record) => !match(record));
    return taken;
  }

  private unavailable(providerId: string): SwitchboardError {
    const broken = this.records
      .filter((record) => record.claims.includes(providerId))
      .sort(comparePrecedence)[0];
    if (broken?.reason) {
      return new SwitchboardError('plugin', `Provider "${providerId}" is unavailable: ${broken.reason}`, {
        provider: providerId,
        code: broken.state === 'incompatible' ? 'plugin-incompatible' : 'plugin-failed',
      });
    }
    const known = this.providerIds();
    return new SwitchboardError(
      'not-found',
      `No provider "${providerId}" is installed. Known providers: ${known.length > 0 ? known.join(', ') : 'none'}.`,
      {
        provider: providerId,
        hint: 'Install a provider plugin for it, or pick a model of a known provider.',
      },
    );
  }

  private pluginError(record: PluginRecord, cause?: unknown): SwitchboardError {
    return new SwitchboardError('plugin', record.reason ?? `Plugin "${record.name}" is unavailable.`, {
      code: record.state === 'incompatible' ? 'plugin-incompatible' : 'plugin-failed',
      ...(cause === undefined ? {} : { cause }),
    });
  }

  private emit(change: RegistryChange): void {
    for (const listener of this.listeners) {
      try {
        listener(change);
      } catch {
        // A listener must not break the registry.
      }
    }
  }

  private async disposeProviders(providers: ProviderDefinition[]): Promise<void> {
    await Promise.all(
      providers.map(async (provider) => {
        try {
          await provider.dispose?.();
        } catch (error) {
          this.options.log?.(provider.id, 'warn', redact(`dispose() failed: ${describeError(error)}`));
        }
      }),
    );
  }
}
