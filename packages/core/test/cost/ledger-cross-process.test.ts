import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { JsonFileLedgerStore } from '../../src/cost/index.js';
import { useTempDir } from './ledger-fixtures.js';

const run = promisify(execFile);
const tempDir = useTempDir();

const dist = fileURLToPath(new URL('../../dist/', import.meta.url));

/** The built package; its cost entry point directly while the package root does not export the ledger yet. */
async function builtCostModule(): Promise<string> {
  const root = join(dist, 'index.js');
  const cost = join(dist, 'cost', 'index.js');
  if (existsSync(root) && 'UsageLedger' in (await import(pathToFileURL(root).href))) return root;
  if (existsSync(cost)) return cost;
  throw new Error('packages/core/dist is missing: run `pnpm --filter @switchboard/core build` first.');
}

// Each child appends 100 records at once through its own ledger, as another editor window would.
const CHILD = `
const [moduleUrl, file, session] = process.argv.slice(2);
const { JsonFileLedgerStore, UsageLedger } = await import(moduleUrl);
const ledger = new UsageLedger({ store: new JsonFileLedgerStore(file), sessionId: session });
await Promise.all(Array.from({ length: 100 }, (_, i) => ledger.record({
  provider: 'openai',
  model: 'openai/gpt-4o-mini',
  usage: { inputTokens: 1000 + i, outputTokens: 10, cacheReadTokens: 500 },
  costUsd: 0.0001,
  requestId: session + '-' + i,
})));
`;

describe('JsonFileLedgerStore across processes', () => {
  it('4 processes x 100 concurrent appends: exactly 400 whole records, unique ids', async () => {
    const dir = await tempDir();
    const file = join(dir, 'shared', 'usage.jsonl');
    const child = join(dir, 'child.mjs');
    await writeFile(child, CHILD);
    const moduleUrl = pathToFileURL(await builtCostModule()).href;

    await Promise.all(
      [0, 1, 2, 3].map((n) =>
        run(process.execPath, [child, moduleUrl, file, `window-${n}`], { timeout: 30_000 }),
      ),
    );

    const lines = (await readFile(file, 'utf8')).split('\n').filter((line) => line.trim() !== '');
    expect(lines).toHaveLength(400);
    const parsed = lines.map(
      (line) => JSON.parse(line) as { id: string; requestId: string; sessionId: string },
    );
    expect(new Set(parsed.map((r) => r.id)).size).toBe(400);
    expect(new Set(parsed.map((r) => r.requestId)).size).toBe(400);
    for (let n = 0; n < 4; n++) expect(parsed.filter((r) => r.sessionId === `window-${n}`)).toHaveLength(100);
    expect(await new JsonFileLedgerStore(file).readAll()).toHaveLength(400);
  });
});
