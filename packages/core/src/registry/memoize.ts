/**
 * The promise cached under `key`, or a new one from `make`. A rejected promise leaves the
 * cache, so the next call tries again (a key set later, a server back up).
 */
export function memoize<T>(
  cache: Map<string, Promise<unknown>>,
  key: string,
  make: () => Promise<T>,
): Promise<T> {
  const hit = cache.get(key);
  if (hit) return hit as Promise<T>;
  const pending = make();
  cache.set(key, pending);
  pending.catch(() => {
    if (cache.get(key) === pending) cache.delete(key);
  });
  return pending;
}
