/** One stored value with its expiry (ms since the epoch; null for never). */
export interface CacheEntry<T> {
  value: T;
  expiresAt: number | null;
}

/** A second-level store behind the memory LRU; `DiskCacheStore` is the default, hosts may swap it. */
export interface CacheStore<T> {
  get(key: string): Promise<CacheEntry<T> | undefined>;
  set(key: string, entry: CacheEntry<T>): Promise<void>;
  delete(key: string): Promise<void>;
  clear(): Promise<void>;
}

export const isExpired = (entry: { expiresAt: number | null }, now: number): boolean =>
  entry.expiresAt !== null && now >= entry.expiresAt;
