// 5. Local: tokens/s on the testkit's tiny GGUF (random weights), raw node-llama-cpp against
// @switchboard/provider-llamacpp and the Switchboard facade over it. Each side lives in a process
// of its own (workers/llama.mjs); runs alternate between the sides one by one, so the machine's
// slow and fast moments fall on all of them. Same settings everywhere: 1 thread (much faster than
// 2 on this 2-core machine), 2,048-token context, greedy sampling, CPU only.
import { fork } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeTinyGguf } from '@switchboard/testkit';
import { median, summary } from '../lib/stats.mjs';
import { verdict } from '../lib/table.mjs';

const worker = join(dirname(fileURLToPath(import.meta.url)), '..', 'workers', 'llama.mjs');
const MODES = ['raw', 'provider', 'switchboard'];

export async function local({ quick }) {
  const runs = quick ? 4 : 24;
  const shortRuns = quick ? 5 : 15;
  const maxTokens = quick ? 200 : 400;
  const dir = await mkdtemp(join(tmpdir(), 'switchboard-bench-gguf-'));
  const modelPath = await writeTinyGguf(join(dir, 'tiny.gguf'), { seed: 1 });
  const settings = {
    modelPath,
    threads: 1,
    contextSize: 2048,
    maxTokens,
    prompt: 'Tell me a story about a tiny model.',
  };
  const sides = {};
  const results = Object.fromEntries(MODES.map((mode) => [mode, []]));
  const short = Object.fromEntries(MODES.map((mode) => [mode, []]));
  try {
    for (const mode of MODES) sides[mode] = await startSide({ ...settings, mode });
    for (let run = 0; run < runs; run++) {
      const order = MODES.map((_, i) => MODES[(i + run) % MODES.length]);
      for (const mode of order) results[mode].push(await sides[mode].run(maxTokens));
    }
    // One-token runs: what a request costs besides generating (prompt, IPC, routing).
    for (let run = 0; run < shortRuns; run++) {
      const order = MODES.map((_, i) => MODES[(i + run) % MODES.length]);
      for (const mode of order) short[mode].push((await sides[mode].run(1)).ms);
    }
  } finally {
    for (const side of Object.values(sides)) await side.close();
    await rm(dir, { recursive: true, force: true });
  }
  const cells = Object.fromEntries(MODES.map((mode) => [mode, summary(results[mode].map((r) => r.rate))]));
  const tokens = MODES.flatMap((mode) => results[mode].map((r) => r.tokens));
  // Runs i of every side ran back to back, so their ratio cancels the machine's drift between runs.
  const paired = (mode) => median(results[mode].map((r, i) => r.rate / results.raw[i].rate));
  const ratio = paired('provider');
  const fixed = Object.fromEntries(MODES.map((mode) => [mode, summary(short[mode])]));
  const none = { na: 'no llama.cpp backend' };
  return {
    id: 'local',
    title: '5. Local (llama.cpp)',
    settings: { runs, maxTokens, threads: 1, contextSize: 2048 },
    rows: [
      {
        metric: `tokens/s, ${maxTokens} tokens per run (raw = node-llama-cpp, Switchboard = provider-llamacpp)`,
        ratio: true,
        cells: { raw: cells.raw, switchboard: cells.provider, aisdk: none, langchain: none, portkey: none },
        target: verdict(ratio >= 0.97, `≥ 0.97x raw (median of paired runs: ${ratio.toFixed(2)}x)`),
      },
      {
        metric: 'tokens/s through the Switchboard facade (sb.stream over the provider)',
        ratio: true,
        cells: { raw: cells.raw, switchboard: cells.switchboard },
        target: `median of paired runs: ${paired('switchboard').toFixed(2)}x raw`,
      },
      {
        metric: 'ms per 1-token request (fixed cost: prompt, IPC), provider-llamacpp',
        ratio: true,
        cells: { raw: fixed.raw, switchboard: fixed.provider },
      },
      {
        metric: 'ms per 1-token request through the Switchboard facade',
        ratio: true,
        cells: { raw: fixed.raw, switchboard: fixed.switchboard },
      },
    ],
    notes: [
      `Tiny GGUF from the testkit (random weights), threads 1 on every side (1 thread is far faster than 2 on this 2-core machine), context 2,048, temperature 0, CPU. ${runs} timed runs per side, alternating between the sides run by run, after one warm-up run each (model load excluded), then ${shortRuns} one-token runs per side the same way. Runs produced ${Math.min(...tokens)}–${Math.max(...tokens)} tokens.`,
      'Raw node-llama-cpp generates in its own process; the provider generates in its worker child process and streams events over IPC (coalesced every 8 ms), timed from the call to the last event.',
      'The peers have no llama.cpp backend among the installed packages (LangChain has one in @langchain/community, not installed here).',
    ],
  };
}

/** A side's process, once loaded and warmed up: `run()` does one timed run. */
function startSide(args) {
  return new Promise((resolve, reject) => {
    const child = fork(worker, [JSON.stringify(args)], { stdio: 'inherit', execArgv: [] });
    let waiting;
    child.once('error', reject);
    child.once('exit', (code) => {
      const failure = new Error(`${args.mode} worker exited ${code}`);
      reject(failure);
      waiting?.reject(failure);
    });
    child.on('message', (message) => {
      if (message === 'ready') {
        resolve({
          run: (maxTokens) =>
            new Promise((ok, fail) => {
              waiting = { resolve: ok, reject: fail };
              child.send({ run: maxTokens });
            }),
          close: () =>
            new Promise((done) => {
              if (child.exitCode !== null) return done();
              child.once('exit', () => done());
              child.send('exit');
            }),
        });
      } else if (message !== 'bye') {
        const pending = waiting;
        waiting = undefined;
        pending?.resolve(message);
      }
    });
  });
}
