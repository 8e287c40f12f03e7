// The main job, for now: a tour of @switchboard/core on this machine, with no network and no keys.
// It discovers the example provider plugin from a folder, routes a streamed request to a model that
// is down, shows the retries and the invisible fallback, prices calls with the real price dataset,
// and keeps a usage ledger on disk; then every built-in provider answers on its real SDK
// (demo-providers.mjs). (The editor experience arrives with the extension.)
import { mkdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import {
  discoverPlugins,
  estimatePromptTokens,
  Hooks,
  JsonFileLedgerStore,
  PriceBook,
  ProviderRegistry,
  Switchboard,
  UsageLedger,
} from '../packages/core/dist/index.js';
import { demoProviders } from './demo-providers.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const dim = (s) => `\x1b[2m${s}\x1b[0m`;
const bold = (s) => `\x1b[1m${s}\x1b[0m`;

const registry = new ProviderRegistry();
const discovery = await discoverPlugins([{ path: `${root}examples`, source: 'examples' }]);
registry.addDiscovered(discovery);
console.log(bold('Plugins discovered (nothing imported yet):'));
for (const p of registry.list()) console.log(`  ${p.name} -> ${p.providerIds.join(', ')} [${p.status}]`);
for (const p of discovery.problems) console.log(`  problem: ${p.reason}`);

const hooks = new Hooks();
hooks.on('retry', (e) =>
  console.log(dim(`  retry ${e.model} try ${e.attempt} in ${e.delayMs} ms: ${e.error.message}`)),
);
hooks.on('fallback', (e) => console.log(dim(`  fallback ${e.from} -> ${e.to}`)));
await mkdir(`${root}.switchboard-demo`, { recursive: true });
const ledger = new UsageLedger({ store: new JsonFileLedgerStore(`${root}.switchboard-demo/usage.jsonl`) });
const sb = new Switchboard({
  registry,
  hooks,
  ledger,
  aliases: { demo: ['echo/flaky', 'echo/echo'] },
  execution: { retry: { maxAttempts: 2, baseDelayMs: 200 }, timeouts: { firstTokenMs: 5_000 } },
});

console.log(bold('\nStreaming "demo" = [echo/flaky, echo/echo]:'));
for await (const event of sb.stream({
  model: 'demo',
  messages: [{ role: 'user', content: 'Hello, Switchboard!' }],
})) {
  if (event.type === 'start')
    console.log(
      dim(`  answering: ${event.model}${event.fallbackFrom ? ` (fallback from ${event.fallbackFrom})` : ''}`),
    );
  if (event.type === 'text-delta') process.stdout.write(event.text);
  if (event.type === 'response') {
    const r = event.response;
    console.log(`\n  — ${r.model}, ${r.attempts.length} attempts, ${r.latencyMs} ms, $${r.costUsd ?? '?'}`);
  }
}
console.log(
  `  plugin status now: ${registry
    .list()
    .map((p) => `${p.name} [${p.status}]`)
    .join(', ')}`,
);

console.log(bold('\nPrices per 1M tokens from @pydantic/genai-prices, and a prompt estimate:'));
const prices = new PriceBook();
const prompt = {
  messages: [{ role: 'user', content: 'Explain the difference between a mutex and a semaphore.' }],
};
for (const id of [
  'openai/gpt-4o-mini',
  'anthropic/claude-sonnet-4-5',
  'gemini/gemini-2.5-flash',
  'groq/llama-3.3-70b-versatile',
  'ollama/llama3.2',
]) {
  const p = prices.pricing(id);
  const tokens = await estimatePromptTokens(prompt, id);
  const line = p
    ? `in $${p.inputPerMTok}  out $${p.outputPerMTok}${p.cacheReadPerMTok !== undefined ? `  cached $${p.cacheReadPerMTok}` : ''}`
    : 'no price known';
  console.log(`  ${id.padEnd(32)} ${line.padEnd(40)} prompt ≈ ${tokens} tokens`);
}

console.log(bold('\nUsage ledger (survives restarts: run ./dev start again and watch it grow):'));
for (const row of await ledger.summary({ groupBy: ['day', 'model'] })) {
  console.log(
    `  ${row.day}  ${row.model.padEnd(12)} ${row.requests} requests, ${row.inputTokens} in / ${row.outputTokens} out, $${row.costUsd}`,
  );
}

await demoProviders(root);
