import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { isCacheable } from '../../src/cache/cacheable.js';
import { DiskCacheStore } from '../../src/cache/disk-store.js';
import { ResponseCache } from '../../src/cache/response-cache.js';

interface Answer {
  text: string;
  cached?: boolean;
}

const KEY_A = 'a'.repeat(64);
const KEY_B = 'b'.repeat(64);
const KEY_C = 'c'.repeat(64);

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'switchboard-cache-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('ResponseCache in memory', () => {
  it('returns what was stored, as a copy', async () => {
    const cache = new ResponseCache<Answer>();
    await cache.set(KEY_A, { text: 'hi' });
    const hit = await cache.get(KEY_A);
    expect(hit).toEqual({ text: 'hi' });
    hit!.cached = true;
    expect(await cache.get(KEY_A)).toEqual({ text: 'hi' });
    expect(await cache.get(KEY_B)).toBeUndefined();
  });

  it('evicts the least recently used entry', async () => {
    const cache = new ResponseCache<Answer>({ maxEntries: 2 });
    await cache.set(KEY_A, { text: 'a' });
    await cache.set(KEY_B, { text: 'b' });
    await cache.get(KEY_A); // A is now more recent than B
    await cache.set(KEY_C, { text: 'c' });
    expect(await cache.get(KEY_A)).toEqual({ text: 'a' });
    expect(await cache.get(KEY_B)).toBeUndefined();
    expect(await cache.get(KEY_C)).toEqual({ text: 'c' });
  });

  it('expires entries after the TTL', async () => {
    let now = 1_000;
    const cache = new ResponseCache<Answer>({ ttlMs: 500, now: () => now });
    await cache.set(KEY_A, { text: 'a' });
    now = 1_499;
    expect(await cache.get(KEY_A)).toEqual({ text: 'a' });
    now = 1_500;
    expect(await cache.get(KEY_A)).toBeUndefined();
  });
});

describe('ResponseCache on disk', () => {
  it('survives a new instance (a restart)', async () => {
    await new ResponseCache<Answer>({ diskDir: dir }).set(KEY_A, { text: 'persisted' });
    const fresh = new ResponseCache<Answer>({ diskDir: dir });
    expect(await fresh.get(KEY_A)).toEqual({ text: 'persisted' });
    expect(await readdir(dir)).toEqual([`${KEY_A}.json`]); // no temp file left behind
  });

  it('serves from disk what the memory LRU evicted', async () => {
    const cache = new ResponseCache<Answer>({ diskDir: dir, maxEntries: 1 });
    await cache.set(KEY_A, { text: 'a' });
    await cache.set(KEY_B, { text: 'b' });
    expect(await cache.get(KEY_A)).toEqual({ text: 'a' });
  });

  it('ignores expired disk entries across instances', async () => {
    let now = 10_000;
    await new ResponseCache<Answer>({ diskDir: dir, ttlMs: 100, now: () => now }).set(KEY_A, { text: 'a' });
    now = 10_100;
    expect(await new ResponseCache<Answer>({ diskDir: dir, now: () => now }).get(KEY_A)).toBeUndefined();
    expect(await readdir(dir)).toEqual([]);
  });

  it('ignores and deletes a corrupt file, never throwing', async () => {
    await writeFile(join(dir, `${KEY_A}.json`), '{"format":1,"key":"', 'utf8');
    await writeFile(join(dir, `${KEY_B}.json`), JSON.stringify({ unexpected: true }), 'utf8');
    const cache = new ResponseCache<Answer>({ diskDir: dir });
    expect(await cache.get(KEY_A)).toBeUndefined();
    expect(await cache.get(KEY_B)).toBeUndefined();
    expect(await readdir(dir)).toEqual([]);
    await cache.set(KEY_A, { text: 'fresh' });
    expect(await new ResponseCache<Answer>({ diskDir: dir }).get(KEY_A)).toEqual({ text: 'fresh' });
  });

  it('hashes keys that are not safe file names', async () => {
    const store = new DiskCacheStore<Answer>({ dir });
    await store.set('../../etc/passwd', { value: { text: 'x' }, expiresAt: null });
    const [name] = await readdir(dir);
    expect(name).toMatch(/^[0-9a-f]{64}\.json$/);
    expect(JSON.parse(await readFile(join(dir, name!), 'utf8')).key).toBe('../../etc/passwd');
    expect((await store.get('../../etc/passwd'))?.value).toEqual({ text: 'x' });
  });

  it('reports store failures without failing the call', async () => {
    const errors: unknown[] = [];
    const blocked = join(dir, 'file-not-dir');
    await writeFile(blocked, '', 'utf8');
    const cache = new ResponseCache<Answer>({
      diskDir: join(blocked, 'sub'),
      onError: (e) => errors.push(e),
    });
    await cache.set(KEY_A, { text: 'a' });
    expect(errors).toHaveLength(1);
    expect(await cache.get(KEY_A)).toEqual({ text: 'a' }); // memory still works
  });
});

describe('isCacheable', () => {
  it('accepts complete answers only', () => {
    expect(isCacheable({ finishReason: 'stop' })).toBe(true);
    expect(isCacheable({ finishReason: 'length' })).toBe(true);
    expect(isCacheable({ finishReason: 'tool-calls' })).toBe(true);
    expect(isCacheable({ finishReason: 'error' })).toBe(false);
    expect(isCacheable({ finishReason: 'content-filter' })).toBe(false);
    expect(isCacheable({ finishReason: 'other' })).toBe(false);
  });
});
