// 3. Concurrency: 1,000 requests at concurrency 100, each contender in a fresh child process
// (workers/concurrency.mjs) so its peak RSS is its own. Portkey's footprint is its gateway
// process plus the openai SDK client that talks to it, so both are counted (a fresh gateway per trial).
import { fork } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startPortkey } from '../lib/servers.mjs';
import { settle, summarizeFields, summary } from '../lib/stats.mjs';

const worker = join(dirname(fileURLToPath(import.meta.url)), '..', 'workers', 'concurrency.mjs');

export async function concurrency({ quick, servers, portkey, freePort }) {
  const total = quick ? 300 : 1000;
  const parallel = 100;
  const warmup = quick ? 100 : 200;
  const trials = quick ? 1 : 3;
  await servers.primary.setDefault({ text: 'Hello from the fake server.' });
  const keys = ['raw', 'switchboard', 'aisdk', 'langchain', ...(portkey.url ? ['portkey'] : [])];

  const runs = Object.fromEntries([...keys, 'none'].map((key) => [key, []]));
  const gatewayRss = [];
  for (let trial = 0; trial < trials; trial++) {
    for (const key of [...keys, 'none']) {
      await settle();
      const gateway = key === 'portkey' ? await startPortkey(await freePort()) : undefined;
      const args = {
        key,
        url: servers.primary.url,
        portkeyUrl: gateway?.url,
        total,
        concurrency: parallel,
        warmup,
      };
      const result = await runWorker(args);
      if (gateway) {
        const gatewayMiB = await peakRssMiB(gateway.pid);
        await gateway.close();
        gatewayRss.push(gatewayMiB);
        result.rssMiB += gatewayMiB;
      }
      runs[key].push(result);
    }
  }
  const stats = Object.fromEntries(
    keys.map((key) => [key, summarizeFields(runs[key], ['throughput', 'p50Ms', 'p99Ms', 'rssMiB'])]),
  );
  const column = (field) => ({
    ...Object.fromEntries(keys.map((key) => [key, stats[key][field]])),
    ...(portkey.url ? {} : { portkey: { na: portkey.error } }),
  });
  const nodeAlone = summary(runs.none.map((run) => run.rssMiB));
  return {
    id: 'concurrency',
    title: '3. Concurrency',
    settings: { total, concurrency: parallel, warmup, trials },
    rows: [
      {
        metric: `requests/s, ${total.toLocaleString('en-US')} at concurrency ${parallel} (higher is better)`,
        ratio: true,
        cells: column('throughput'),
      },
      { metric: 'p50 latency, ms', ratio: true, cells: column('p50Ms') },
      { metric: 'p99 latency, ms', ratio: true, cells: column('p99Ms') },
      { metric: 'peak RSS, MiB (its own process)', ratio: true, cells: column('rssMiB') },
    ],
    notes: [
      `${trials} trial(s); each contender runs in a fresh Node process (${warmup} warm-up requests first, same concurrency), against the shared fake server in another process.`,
      `Peak RSS is the worker's ru_maxrss and includes Node itself: an empty worker peaks at ${nodeAlone.median.toFixed(0)} MiB.${gatewayRss.length ? ` Portkey's cell adds its gateway process's peak (VmHWM, ${summary(gatewayRss).median.toFixed(0)} MiB) to its client's.` : ''}`,
    ],
  };
}

function runWorker(args) {
  return new Promise((resolve, reject) => {
    const child = fork(worker, [JSON.stringify(args)], { execArgv: ['--expose-gc'], stdio: 'inherit' });
    let result;
    child.on('message', (message) => {
      result = message;
    });
    child.once('error', reject);
    child.once('exit', (code) =>
      result ? resolve(result) : reject(new Error(`${args.key} worker exited ${code}`)),
    );
  });
}

/** A process's peak resident set so far (Linux VmHWM), in MiB. */
async function peakRssMiB(pid) {
  const status = await readFile(`/proc/${pid}/status`, 'utf8').catch(() => '');
  const kib = Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? Number.NaN);
  return kib / 1024;
}
