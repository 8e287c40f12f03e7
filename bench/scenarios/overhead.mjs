// 1. Request overhead: sequential small non-streaming requests, every contender against the same
// fake server (in its own process). A trial is `requests` sequential calls per contender, run in
// blocks interleaved across the contenders (rotating order), so load from other processes lands on
// everyone alike. Per trial: median and mean latency, and this process's CPU time per call.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { JsonFileLedgerStore } from '@switchboard/core';
import { makeContender, NAMES, switchboardContender } from '../lib/contenders.mjs';
import { interleaved, median, now, summary } from '../lib/stats.mjs';
import { verdict } from '../lib/table.mjs';

const BLOCKS = 10;

export async function overhead({ quick, servers, portkey }) {
  const requests = quick ? 300 : 2000;
  const warmup = quick ? 100 : 500;
  const trials = quick ? 2 : 3;
  const url = servers.primary.url;
  await servers.primary.setDefault({ text: 'Hello from the fake server.' });

  const dir = await mkdtemp(join(tmpdir(), 'switchboard-bench-ledger-'));
  const peers = ['aisdk', 'langchain', ...(portkey.url ? ['portkey'] : [])];
  const keys = ['raw', 'switchboard', ...peers];
  const contenders = {};
  for (const key of keys) contenders[key] = await makeContender(key, url, { portkeyUrl: portkey.url });
  // The ledger as the extension keeps it: a JSON Lines file, one append per request.
  contenders.switchboardFile = await switchboardContender(url, {
    store: new JsonFileLedgerStore(join(dir, 'usage.jsonl')),
  });
  keys.push('switchboardFile');
  for (const key of keys) for (let i = 0; i < warmup; i++) await contenders[key].chat();

  const blockSize = requests / BLOCKS;
  const prime = async (key) => {
    for (let i = 0; i < 20; i++) await contenders[key].chat();
  };
  const blocks = await interleaved(
    keys,
    trials * BLOCKS,
    async (key) => {
      const chat = contenders[key].chat;
      const latencies = new Array(blockSize);
      const cpu = process.cpuUsage();
      for (let i = 0; i < blockSize; i++) {
        const started = now();
        await chat();
        latencies[i] = (now() - started) * 1000;
      }
      const { user, system } = process.cpuUsage(cpu);
      return { latencies, cpuUs: user + system };
    },
    { prime },
  );
  const recorded = (await contenders.switchboardFile.ledger.summary({ groupBy: [] }))[0]?.requests;
  await contenders.switchboard.close();
  await contenders.switchboardFile.close();
  await rm(dir, { recursive: true, force: true });

  const perTrial = {};
  for (const key of keys) {
    perTrial[key] = Array.from({ length: trials }, (_, trial) => {
      const mine = blocks[key].slice(trial * BLOCKS, (trial + 1) * BLOCKS);
      const latencies = mine.flatMap((block) => block.latencies);
      return {
        medianUs: median(latencies),
        meanUs: latencies.reduce((a, b) => a + b, 0) / latencies.length,
        cpuUs: mine.reduce((a, block) => a + block.cpuUs, 0) / latencies.length,
      };
    });
  }
  const missing = portkey.url ? {} : { portkey: { na: portkey.error } };
  const column = (field) => ({
    ...Object.fromEntries(keys.map((key) => [key, summary(perTrial[key].map((t) => t[field]))])),
    ...missing,
  });
  const medians = column('medianUs');
  // Minus the same trial's raw median: slow phases of the machine cancel out.
  const added = Object.fromEntries(
    ['switchboard', ...peers].map((key) => [
      key,
      summary(perTrial[key].map((t, trial) => t.medianUs - perTrial.raw[trial].medianUs)),
    ]),
  );
  const sbRatio = medians.switchboard.median / medians.raw.median;
  const belowPeers = peers.every((key) => medians.switchboard.median < medians[key].median);
  return {
    id: 'overhead',
    title: '1. Request overhead',
    settings: { requests, warmup, trials, blocks: BLOCKS },
    rows: [
      {
        metric: `median µs per request (${requests.toLocaleString('en-US')} sequential per trial)`,
        ratio: true,
        cells: medians,
        target: verdict(
          sbRatio <= 1.1 && belowPeers,
          `≤ 1.10x raw and below every peer (${sbRatio.toFixed(2)}x)`,
        ),
      },
      {
        metric: 'µs added per request over raw (median, same trial)',
        cells: { raw: { text: '0 (the floor)' }, ...added, ...missing },
      },
      { metric: 'mean µs per request (sequential throughput)', ratio: true, cells: column('meanUs') },
      { metric: 'client CPU µs per request (user + system)', ratio: true, cells: column('cpuUs') },
      {
        metric: 'median µs per request, Switchboard with the ledger on a JSON Lines file',
        ratio: true,
        cells: { raw: medians.raw, switchboard: medians.switchboardFile },
      },
    ],
    notes: [
      `${trials} trials of ${requests.toLocaleString('en-US')} sequential \`chat\` calls per contender, after ${warmup} warm-up calls each; each trial runs as ${BLOCKS} blocks interleaved across contenders (rotating order; a forced GC and 20 untimed calls before each block). One keep-alive connection; the fake server runs in its own process.`,
      `Switchboard = router + fallback chain (2 candidates) + cost ledger on MemoryLedgerStore, no cache; the last row puts the ledger on JsonFileLedgerStore in a temp dir (${recorded ?? '?'} records appended). Peers: ${peers.map((k) => NAMES[k]).join(', ')}.`,
      'Client CPU is this process only (the fake server and the Portkey gateway run in their own processes), so it is the work each library adds on the caller side; wall-clock rows include waiting for the server.',
    ],
  };
}
