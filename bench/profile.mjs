#!/usr/bin/env node
// Where a contender's time goes: runs sequential small requests against the fake server under
// the V8 CPU profiler (the same profiler as --cpu-prof, started after the warm-up), writes the
// .cpuprofile to bench/profiles/ (open it in Chrome DevTools) and prints self time by package
// and the hottest functions.
//   node --expose-gc profile.mjs [--contender switchboard] [--requests 3000] [--top 25]
//   node --expose-gc profile.mjs --stream 20000 [--requests 5]   # streams of that many deltas instead
import { mkdir, writeFile } from 'node:fs/promises';
import { Session } from 'node:inspector/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { makeContender } from './lib/contenders.mjs';
import { startFakeServer } from './lib/servers.mjs';

const { values } = parseArgs({
  options: {
    contender: { type: 'string', default: 'switchboard' },
    requests: { type: 'string', default: '3000' },
    top: { type: 'string', default: '25' },
    stream: { type: 'string' },
  },
});
const here = dirname(fileURLToPath(import.meta.url));
const server = await startFakeServer('openai');
const contender = await makeContender(values.contender, server.url);
const chunks = Number(values.stream ?? 0);
if (chunks) {
  const textChunks = Array.from({ length: chunks }, (_, i) => `w${i % 10} `);
  await server.setDefault({ text: textChunks.join(''), textChunks });
}
const call = chunks ? () => contender.stream(() => {}) : () => contender.chat();
for (let i = 0; i < (chunks ? 3 : 500); i++) await call();
globalThis.gc?.();

const session = new Session();
session.connect();
await session.post('Profiler.enable');
await session.post('Profiler.setSamplingInterval', { interval: 50 });
await session.post('Profiler.start');
const started = performance.now();
const requests = Number(values.requests);
for (let i = 0; i < requests; i++) await call();
const elapsed = performance.now() - started;
const { profile } = await session.post('Profiler.stop');
session.disconnect();
await contender.close?.();
await server.close();

await mkdir(join(here, 'profiles'), { recursive: true });
const file = join(here, 'profiles', `${values.contender}.cpuprofile`);
await writeFile(file, JSON.stringify(profile));

// Self time per node, from the sample counts and the time deltas between samples.
const byId = new Map(profile.nodes.map((node) => [node.id, node]));
const self = new Map();
profile.samples.forEach((id, index) => {
  self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[index] ?? 0));
});
const total = [...self.values()].reduce((a, b) => a + b, 0);
const perPackage = new Map();
const perFunction = new Map();
for (const [id, micros] of self) {
  const { callFrame } = byId.get(id);
  const where = packageOf(callFrame.url, callFrame.functionName);
  perPackage.set(where, (perPackage.get(where) ?? 0) + micros);
  const name = `${callFrame.functionName || '(anonymous)'} ${shortUrl(callFrame.url)}:${callFrame.lineNumber + 1}`;
  perFunction.set(name, (perFunction.get(name) ?? 0) + micros);
}
const perRequest = (micros) => `${(micros / requests).toFixed(1).padStart(7)} µs/req`;
const pct = (micros) => `${((micros / total) * 100).toFixed(1).padStart(5)}%`;
console.log(
  `\n${values.contender}: ${requests} requests, ${((elapsed * 1000) / requests).toFixed(0)} µs/request wall; profile in ${file}\n`,
);
console.log('self time by package');
for (const [name, micros] of [...perPackage].sort((a, b) => b[1] - a[1])) {
  console.log(`  ${pct(micros)} ${perRequest(micros)}  ${name}`);
}
console.log(`\nhottest functions (self time)`);
for (const [name, micros] of [...perFunction].sort((a, b) => b[1] - a[1]).slice(0, Number(values.top))) {
  console.log(`  ${pct(micros)} ${perRequest(micros)}  ${name}`);
}

// Inclusive time of the frames of the packages Switchboard adds on top of the SDK: every sample
// counts once for each distinct such function on its stack.
const parent = new Map();
for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
const OURS = /^(@switchboard\/|@pydantic\/genai-prices|gpt-tokenizer)/;
const inclusive = new Map();
profile.samples.forEach((id, index) => {
  const seen = new Set();
  for (let at = id; at !== undefined; at = parent.get(at)) {
    const { callFrame } = byId.get(at);
    if (!OURS.test(packageOf(callFrame.url, callFrame.functionName))) continue;
    const name = `${callFrame.functionName || '(anonymous)'} ${shortUrl(callFrame.url)}:${callFrame.lineNumber + 1}`;
    if (seen.has(name)) continue;
    seen.add(name);
    inclusive.set(name, (inclusive.get(name) ?? 0) + (profile.timeDeltas[index] ?? 0));
  }
});
if (inclusive.size) {
  console.log('\ninclusive time of Switchboard-side functions (core, providers, prices, tokenizer)');
  for (const [name, micros] of [...inclusive].sort((a, b) => b[1] - a[1]).slice(0, Number(values.top))) {
    console.log(`  ${pct(micros)} ${perRequest(micros)}  ${name}`);
  }
}

function packageOf(url, functionName) {
  if (!url) return functionName.startsWith('(') ? functionName : '(native / V8 builtins)';
  if (url.startsWith('node:')) return url.includes('undici') ? 'node:undici (fetch)' : 'node internals';
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)\/(?!.*node_modules)/.exec(url)?.[1];
  if (pkg) return pkg;
  const workspace = /\/packages\/([^/]+)\//.exec(url)?.[1];
  if (workspace) return `@switchboard/${workspace}`;
  return shortUrl(url);
}

function shortUrl(url) {
  return url
    .replace(/^file:\/\//, '')
    .replace(/^.*node_modules\//, '')
    .replace(/^.*\/packages\//, 'packages/');
}
