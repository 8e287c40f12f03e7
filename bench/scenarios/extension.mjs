// 6. Extension: bundle sizes of extension/dist (built by the extension's own build), and the
// cold load time of engine.cjs (the vscode-free engine) in a fresh Node process: the time
// `require()` takes, nothing faked. Activation itself needs VS Code and is measured in code-server.
import { execFile } from 'node:child_process';
import { readdir, readFile, stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { gzipSync } from 'node:zlib';
import { summary } from '../lib/stats.mjs';

const run = promisify(execFile);
const dist = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'extension', 'dist');
const PROBE = `const t = process.hrtime.bigint(); require(process.argv[1]);
process.stdout.write(String(Number(process.hrtime.bigint() - t) / 1e6));`;
const notBuilt = { text: 'not built' };

export async function extension({ quick }) {
  const trials = quick ? 3 : 7;
  const main = await sizeOf(join(dist, 'extension.cjs'));
  const engine = await sizeOf(join(dist, 'engine.cjs'));
  const plugins = await folderSize(join(dist, 'plugins'));
  const loads = [];
  if (engine) {
    for (let i = 0; i < trials + 1; i++) {
      const { stdout } = await run(process.execPath, ['-e', PROBE, join(dist, 'engine.cjs')]);
      if (i > 0) loads.push(Number(stdout)); // the first warms the OS file cache
    }
  }
  const sizeCell = (file) => (file ? { text: `${bytes(file.bytes)} (${bytes(file.gzip)} gzip)` } : notBuilt);
  const largest = engine ? await largestInputs(join(dist, 'engine.cjs.map')) : undefined;
  return {
    id: 'extension',
    title: '6. Extension',
    settings: { trials },
    rows: [
      {
        metric: 'extension/dist/extension.cjs size (the main bundle)',
        cells: { switchboard: sizeCell(main) },
      },
      {
        metric: 'extension/dist/engine.cjs size (core + engine, no vscode)',
        cells: { switchboard: sizeCell(engine) },
      },
      {
        metric: 'extension/dist/plugins/ (bundled providers, each loaded on first use)',
        cells: { switchboard: plugins === undefined ? notBuilt : { text: bytes(plugins) } },
      },
      {
        metric: 'cold require() of engine.cjs in a fresh Node process, ms',
        cells: { switchboard: loads.length ? summary(loads) : notBuilt },
      },
    ],
    notes: [
      `Cold load: \`require('extension/dist/engine.cjs')\` timed inside a new \`node\` process, ${trials} processes after one that warms the OS file cache. The extension's activation needs VS Code itself and is measured in code-server, not here; no vscode module is faked.`,
      ...(largest ? [`Largest inputs of engine.cjs (source bytes, from its source map): ${largest}.`] : []),
    ],
  };
}

const bytes = (n) => (n >= 2 ** 20 ? `${(n / 2 ** 20).toFixed(1)} MiB` : `${(n / 1024).toFixed(0)} KiB`);

/** The packages contributing most source to a bundle, from its source map's sourcesContent. */
async function largestInputs(mapFile) {
  try {
    const map = JSON.parse(await readFile(mapFile, 'utf8'));
    const byPackage = new Map();
    map.sources.forEach((source, index) => {
      const workspace = /packages\/([^/]+)\//.exec(source)?.[1];
      const dependency = /.*node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(source)?.[1];
      const name = dependency ?? (workspace ? `@switchboard/${workspace}` : 'extension');
      byPackage.set(name, (byPackage.get(name) ?? 0) + (map.sourcesContent?.[index]?.length ?? 0));
    });
    return [...byPackage]
      .sort((a, b) => b[1] - a[1])
      .slice(0, 5)
      .map(([name, size]) => `${name} ${bytes(size)}`)
      .join(', ');
  } catch {
    return undefined;
  }
}

async function sizeOf(file) {
  try {
    const bytes = (await stat(file)).size;
    return { bytes, gzip: gzipSync(await readFile(file)).length };
  } catch {
    return undefined;
  }
}

async function folderSize(folder) {
  try {
    const entries = await readdir(folder, { recursive: true, withFileTypes: true });
    let total = 0;
    for (const entry of entries) {
      if (entry.isFile()) total += (await stat(join(entry.parentPath, entry.name))).size;
    }
    return total;
  } catch {
    return undefined;
  }
}
