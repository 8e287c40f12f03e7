#!/usr/bin/env node
// Runs the benchmark scenarios, prints one Markdown table (stdout; progress goes to stderr) and
// writes results.json; a full run (no --quick, no --only) also rewrites RESULTS.md.
//   node --expose-gc run.mjs [--quick] [--only overhead,streaming,concurrency,failover,local,extension]
import { writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import os from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { updateReadmeTable } from './lib/readme-table.mjs';
import { startFakeServer, startPortkey } from './lib/servers.mjs';
import { summary } from './lib/stats.mjs';
import { markdownNotes, markdownTable } from './lib/table.mjs';
import { concurrency } from './scenarios/concurrency.mjs';
import { extension } from './scenarios/extension.mjs';
import { failover } from './scenarios/failover.mjs';
import { local } from './scenarios/local.mjs';
import { overhead } from './scenarios/overhead.mjs';
import { streaming } from './scenarios/streaming.mjs';

const SCENARIOS = { overhead, streaming, concurrency, failover, local, extension };
const here = dirname(fileURLToPath(import.meta.url));
const { values } = parseArgs({
  // `pnpm run bench -- --quick` passes the `--` through; it separates nothing here.
  args: process.argv.slice(2).filter((arg) => arg !== '--'),
  options: { quick: { type: 'boolean', default: false }, only: { type: 'string', multiple: true } },
});
const only = (values.only ?? []).flatMap((list) => list.split(',')).filter(Boolean);
for (const name of only) {
  if (!SCENARIOS[name]) throw new Error(`--only ${name}: not one of ${Object.keys(SCENARIOS).join(', ')}`);
}
const selected = only.length ? only : Object.keys(SCENARIOS);
const log = (message) => process.stderr.write(`${message}\n`);
if (!globalThis.gc) log('warning: run with node --expose-gc so contenders start from a collected heap');

const machine = {
  cpu: os.cpus()[0]?.model ?? 'unknown',
  cores: os.availableParallelism(),
  memoryGiB: Math.round(os.totalmem() / 2 ** 30),
  node: process.version,
  os: `${os.type()} ${os.release()} ${os.arch()}`,
};
const startedAt = new Date();
// Other processes share these cores; the 1-minute load average, sampled every second, says how much.
const loadSamples = [];
const sampler = setInterval(() => loadSamples.push(os.loadavg()[0]), 1000);
sampler.unref();
log(
  `bench: ${selected.join(', ')}${values.quick ? ' (quick)' : ''} on ${machine.cpu}, ${machine.cores} cores`,
);

const servers = { primary: await startFakeServer('openai'), fallback: await startFakeServer('openai') };
const portkey = await startPortkey(await freePort()).catch((error) => ({ error: error.message }));
if (portkey.error) log(`Portkey gateway not running: ${portkey.error}`);
const context = { quick: values.quick, servers, portkey, log, freePort };

const results = [];
try {
  for (const name of selected) {
    const started = performance.now();
    log(`\n▶ ${name}`);
    const firstSample = loadSamples.length;
    try {
      const result = await SCENARIOS[name](context);
      const load = loadSamples.slice(firstSample);
      if (load.length) result.loadAverage = summary(load);
      results.push(result);
    } catch (error) {
      log(error.stack);
      results.push({ id: name, title: name, rows: [{ metric: `failed: ${error.message}`, cells: {} }] });
    }
    log(`  ${name} took ${((performance.now() - started) / 1000).toFixed(1)} s`);
  }
} finally {
  await portkey.close?.();
  await servers.primary.close();
  await servers.fallback.close();
}

clearInterval(sampler);
const seconds = (Date.now() - startedAt.getTime()) / 1000;
const load = loadSamples.length ? summary(loadSamples) : undefined;
const loadText = load
  ? ` · load average ${load.median.toFixed(1)} (${load.min.toFixed(1)}–${load.max.toFixed(1)}) on ${machine.cores} cores`
  : '';
const heading =
  `${startedAt.toISOString().slice(0, 10)} · ${machine.cpu}, ${machine.cores} cores, ${machine.memoryGiB} GiB · ` +
  `Node ${machine.node} · ${machine.os}${values.quick ? ' · --quick' : ''} · ${seconds.toFixed(0)} s${loadText}`;
const markdown = `${heading}\n\n${markdownTable(results)}\n\n${markdownNotes(results)}\n`;
process.stdout.write(`\n${markdown}`);

await writeFile(
  join(here, 'results.json'),
  `${JSON.stringify({ date: startedAt.toISOString(), seconds, machine, loadAverage: load, quick: values.quick, only, scenarios: results }, null, 2)}\n`,
);
if (!values.quick && only.length === 0) {
  await writeFile(
    join(here, 'RESULTS.md'),
    `# Latest benchmark results\n\nWritten by \`pnpm bench\` (a full run); see README.md for how to read it.\n\n${markdown}`,
  );
  await updateReadmeTable(join(here, '..', 'README.md'), heading, markdownTable(results));
}
log(
  `\nwrote results.json${!values.quick && only.length === 0 ? ' and RESULTS.md' : ''} (${seconds.toFixed(0)} s)`,
);

function freePort() {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}
