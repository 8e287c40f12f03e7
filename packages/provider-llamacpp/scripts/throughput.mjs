#!/usr/bin/env node
// Tokens per second on the tiny test GGUF, through the provider (streamed from its worker
// process over IPC) against raw node-llama-cpp in this process, with the same settings.
// Prints a small table of medians. Needs the package and the testkit built:
//   ./dev pnpm --filter @switchboard/provider-llamacpp run build
//   node packages/provider-llamacpp/scripts/throughput.mjs [--threads 1,2] [--tokens 400] [--runs 5]
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';

const { values } = parseArgs({
  options: {
    threads: { type: 'string', default: '1,2' },
    tokens: { type: 'string', default: '400' },
    runs: { type: 'string', default: '5' },
  },
});
const threadCounts = values.threads.split(',').map(Number);
const maxTokens = Number(values.tokens);
const runs = Number(values.runs);
const contextSize = 2048;
const prompt = 'Tell me a story about a tiny model.';

const { writeTinyGguf } = await import('@switchboard/testkit').catch(() => {
  throw new Error('Build the testkit first: ./dev pnpm --filter @switchboard/testkit run build');
});
const { createLlamaCppProvider } = await import('../dist/index.js').catch(() => {
  throw new Error('Build this package first: ./dev pnpm --filter @switchboard/provider-llamacpp run build');
});
const lib = await import('node-llama-cpp');

const dir = await mkdtemp(join(tmpdir(), 'switchboard-throughput-'));
const modelPath = await writeTinyGguf(join(dir, 'tiny.gguf'), { seed: 1 });

const median = (xs) => {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
};

/** Raw node-llama-cpp: the same chat wrapper, context and sampling the worker uses. */
async function rawRuns(threads) {
  const llama = await lib.getLlama({ gpu: false, build: 'never', maxThreads: threads, logLevel: 'error' });
  const model = await llama.loadModel({ modelPath });
  const context = await model.createContext({ contextSize, threads });
  const sequence = context.getSequence();
  const wrapper = lib.resolveChatWrapper(model);
  const rates = [];
  for (let run = 0; run <= runs; run++) {
    const chat = new lib.LlamaChat({ contextSequence: sequence, chatWrapper: wrapper });
    const before = sequence.tokenMeter.getState();
    const started = performance.now();
    await chat.generateResponse(
      [
        { type: 'user', text: prompt },
        { type: 'model', response: [] },
      ],
      { maxTokens, temperature: 0, onTextChunk: () => {} },
    );
    const seconds = (performance.now() - started) / 1000;
    const { usedOutputTokens } = lib.TokenMeter.diff(sequence.tokenMeter.getState(), before);
    chat.dispose({ disposeSequence: false });
    if (run > 0) rates.push(usedOutputTokens / seconds); // run 0 warms up
  }
  await llama.dispose();
  return rates;
}

/** Through the provider: a streamed request, timed from the call to the finish event. */
async function providerRuns(threads) {
  const provider = createLlamaCppProvider();
  const context = {
    settings: { modelsDir: dir, threads: String(threads), contextSize: String(contextSize), gpu: 'off' },
  };
  const chat = provider.chatModel('tiny', context);
  const rates = [];
  for (let run = 0; run <= runs; run++) {
    const started = performance.now();
    let outputTokens = 0;
    for await (const event of chat.stream({
      messages: [{ role: 'user', content: prompt }],
      maxTokens,
      temperature: 0,
    })) {
      if (event.type === 'usage') outputTokens = event.usage.outputTokens;
    }
    const seconds = (performance.now() - started) / 1000;
    if (run > 0) rates.push(outputTokens / seconds); // run 0 loads the model
  }
  await provider.dispose();
  return rates;
}

const rows = [];
for (const threads of threadCounts) {
  rows.push({ runner: 'raw node-llama-cpp', threads, rates: await rawRuns(threads) });
  rows.push({ runner: 'provider (stream)', threads, rates: await providerRuns(threads) });
}
await rm(dir, { recursive: true, force: true });

console.log(`\ntiny GGUF, ${maxTokens} tokens per run, median of ${runs} runs, greedy, CPU\n`);
console.log('| runner             | threads | median tok/s | min   | max   |');
console.log('| ------------------ | ------- | ------------ | ----- | ----- |');
for (const { runner, threads, rates } of rows) {
  const fmt = (n) => String(Math.round(n)).padStart(5);
  console.log(
    `| ${runner.padEnd(18)} | ${String(threads).padStart(7)} | ${fmt(median(rates)).padStart(12)} | ${fmt(Math.min(...rates))} | ${fmt(Math.max(...rates))} |`,
  );
}
