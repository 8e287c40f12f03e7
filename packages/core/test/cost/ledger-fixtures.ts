import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach } from 'vitest';

/** A fresh temporary folder per test, removed afterwards. */
export function useTempDir(): () => Promise<string> {
  const made: string[] = [];
  afterEach(async () => {
    await Promise.all(made.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
  });
  return async () => {
    const dir = await mkdtemp(join(tmpdir(), 'switchboard-ledger-'));
    made.push(dir);
    return dir;
  };
}

/** A controllable clock for the ledger. */
export function clock(start: Date): { now: () => Date; set: (date: Date) => void } {
  let current = start;
  return { now: () => current, set: (date) => (current = date) };
}
