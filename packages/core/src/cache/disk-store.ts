import { createHash, randomUUID } from 'node:crypto';
import { mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { type CacheEntry, type CacheStore, isExpired } from './cache-store.js';

const FILE_FORMAT = 1;

const entryFile = z.object({
  format: z.literal(FILE_FORMAT),
  key: z.string(),
  expiresAt: z.number().nullable(),
  value: z.unknown(),
});

export interface DiskCacheStoreOptions {
  dir: string;
  /** Clock in ms since the epoch; injectable for tests. */
  now?: () => number;
}

/**
 * One JSON file per key. Writes go to a temporary file that is then renamed over the target, so a
 * reader (or a crash) never sees half a file. Unreadable, corrupt or expired files count as a miss
 * and are deleted; reading never throws.
 */
export class DiskCacheStore<T> implements CacheStore<T> {
  private readonly dir: string;
  private readonly now: () => number;

  constructor(options: DiskCacheStoreOptions) {
    this.dir = options.dir;
    this.now = options.now ?? Date.now;
  }

  async get(key: string): Promise<CacheEntry<T> | undefined> {
    const file = this.fileOf(key);
    let text: string;
    try {
      text = await readFile(file, 'utf8');
    } catch {
      return undefined;
    }
    const parsed = parseEntry(text);
    // A different key in the file means a hashed-name clash or a foreign file: not ours to serve.
    if (!parsed || parsed.key !== key || isExpired(parsed, this.now())) {
      await rm(file, { force: true }).catch(() => {});
      return undefined;
    }
    return { value: parsed.value as T, expiresAt: parsed.expiresAt };
  }

  async set(key: string, entry: CacheEntry<T>): Promise<void> {
    await mkdir(this.dir, { recursive: true });
    const file = this.fileOf(key);
    const temp = `${file}.${process.pid}.${randomUUID()}.tmp`;
    const body = JSON.stringify({ format: FILE_FORMAT, key, expiresAt: entry.expiresAt, value: entry.value });
    try {
      await writeFile(temp, body, 'utf8');
      await rename(temp, file);
    } catch (error) {
      await rm(temp, { force: true }).catch(() => {});
      throw error;
    }
  }

  async delete(key: string): Promise<void> {
    await rm(this.fileOf(key), { force: true });
  }

  async clear(): Promise<void> {
    let names: string[];
    try {
      names = await readdir(this.dir);
    } catch {
      return;
    }
    await Promise.all(
      names
        .filter((n) => n.endsWith('.json') || n.endsWith('.tmp'))
        .map((n) => rm(join(this.dir, n), { force: true })),
    );
  }

  /** Keys are usually sha256 hex already; anything else is hashed into a safe file name. */
  private fileOf(key: string): string {
    const name = /^[A-Za-z0-9_-]{1,128}$/.test(key) ? key : createHash('sha256').update(key).digest('hex');
    return join(this.dir, `${name}.json`);
  }
}

function parseEntry(text: string): z.infer<typeof entryFile> | undefined {
  try {
    const result = entryFile.safeParse(JSON.parse(text));
    return result.success ? result.data : undefined;
  } catch {
    return undefined;
  }
}
