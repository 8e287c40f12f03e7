import { LRUCache } from 'lru-cache';
import { type CacheEntry, type CacheStore, isExpired } from './cache-store.js';
import { DiskCacheStore } from './disk-store.js';

export interface ResponseCacheOptions<T> {
  /** Entries kept in memory (LRU). Default 500; 0 turns the memory level off. */
  maxEntries?: number;
  /** Lifetime of an entry; default: no expiry. */
  ttlMs?: number;
  /** Keeps entries on disk here, across restarts. Ignored when `store` is given. */
  diskDir?: string;
  /** A second-level store of the host's choosing instead of the disk one. */
  store?: CacheStore<T>;
  /** Clock in ms since the epoch; injectable for tests. */
  now?: () => number;
  /** Told about store failures, which never fail a call: the cache is an optimisation. */
  onError?: (error: unknown) => void;
}

/**
 * Opt-in response cache: memory LRU first, then the second-level store (disk by default).
 * Values are copied on the way in and out (`structuredClone`), so a caller that marks a response
 * `cached: true` does not change the stored one. Values must be JSON-serializable for the disk.
 *
 * The caller must never cache errors or partial (interrupted) streams: check `isCacheable` first.
 */
export class ResponseCache<T = unknown> {
  private readonly memory: LRUCache<string, CacheEntry<T>> | undefined;
  private readonly store: CacheStore<T> | undefined;
  private readonly ttlMs: number | undefined;
  private readonly now: () => number;
  private readonly onError: (error: unknown) => void;

  constructor(options: ResponseCacheOptions<T> = {}) {
    const maxEntries = options.maxEntries ?? 500;
    // Expiry is checked here against `now`, not by lru-cache's own clock, so one clock rules both levels.
    this.memory = maxEntries > 0 ? new LRUCache({ max: maxEntries }) : undefined;
    this.now = options.now ?? Date.now;
    this.store =
      options.store ??
      (options.diskDir ? new DiskCacheStore<T>({ dir: options.diskDir, now: this.now }) : undefined);
    this.ttlMs = options.ttlMs;
    this.onError = options.onError ?? (() => {});
  }

  async get(key: string): Promise<T | undefined> {
    const now = this.now();
    const inMemory = this.memory?.get(key);
    if (inMemory) {
      if (!isExpired(inMemory, now)) return structuredClone(inMemory.value);
      this.memory?.delete(key);
    }
    if (!this.store) return undefined;
    let stored: CacheEntry<T> | undefined;
    try {
      stored = await this.store.get(key);
    } catch (error) {
      this.onError(error);
      return undefined;
    }
    if (!stored || isExpired(stored, now)) return undefined;
    this.memory?.set(key, stored);
    return structuredClone(stored.value);
  }

  async set(key: string, value: T): Promise<void> {
    const entry: CacheEntry<T> = {
      value: structuredClone(value),
      expiresAt: this.ttlMs === undefined ? null : this.now() + this.ttlMs,
    };
    this.memory?.set(key, entry);
    try {
      await this.store?.set(key, entry);
    } catch (error) {
      this.onError(error);
    }
  }

  async delete(key: string): Promise<void> {
    this.memory?.delete(key);
    await this.store?.delete(key).catch(this.onError);
  }

  async clear(): Promise<void> {
    this.memory?.clear();
    await this.store?.clear().catch(this.onError);
  }
}
