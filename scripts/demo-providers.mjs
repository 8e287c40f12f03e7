// The second half of the main job: every built-in provider package, found by plugin discovery
// and running on its real vendor SDK, answers the same question — the four HTTP vendors through
// the testkit's fake servers on 127.0.0.1 (no network, no keys), llama.cpp on the tiny GGUF the
// testkit writes. Then the OpenAI server answers 503 and Anthropic takes over invisibly.
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { discoverPlugins, ProviderRegistry, Switchboard } from '../packages/core/dist/index.js';
import {
  FakeAnthropicServer,
  FakeGeminiServer,
  FakeOllamaServer,
  FakeOpenAIServer,
  writeTinyGguf,
} from '../packages/testkit/dist/index.js';

const dim = (s) => `\x1b[2m${s}\x1b[0m`;
const bold = (s) => `\x1b[1m${s}\x1b[0m`;
const usd = (cost) => (cost === undefined ? '$?' : `$${Number(cost.toPrecision(3))}`);

const MODELS = {
  openai: 'gpt-4o-mini',
  anthropic: 'claude-sonnet-5-5',
  gemini: 'gemini-2.5-flash',
  ollama: 'qwen3:8b',
  llamacpp: 'tiny',
};

export async function demoProviders(root) {
  const servers = {
    openai: await new FakeOpenAIServer().start(),
    anthropic: await new FakeAnthropicServer().start(),
    gemini: await new FakeGeminiServer().start(),
    ollama: await new FakeOllamaServer().start(),
  };
  const modelsDir = join(root, '.switchboard-demo', 'models');
  await mkdir(modelsDir, { recursive: true });
  await writeTinyGguf(join(modelsDir, 'tiny.gguf'), { seed: 1 });

  const registry = new ProviderRegistry({
    resolveSettings: (provider) =>
      provider.id === 'llamacpp'
        ? { modelsDir, threads: '1', contextSize: '512' }
        : { apiKey: 'demo-key-not-real', baseUrl: servers[provider.id]?.url },
  });
  registry.addDiscovered(await discoverPlugins([{ path: join(root, 'packages'), source: 'built-in' }]));
  const sb = new Switchboard({
    registry,
    aliases: { resilient: ['openai/gpt-4o-mini', 'anthropic/claude-sonnet-5-5'] },
    execution: { retry: { maxAttempts: 1 } },
  });
  try {
    console.log(bold('\nBuilt-in providers, found by discovery, each on its real SDK:'));
    for (const [provider, model] of Object.entries(MODELS)) {
      servers[provider]?.reply({
        text: `Hello from the fake ${provider} server, through the ${provider} SDK.`,
      });
      const response = await sb.chat({
        model: `${provider}/${model}`,
        messages: [{ role: 'user', content: 'Say hello.' }],
        maxTokens: 12,
      });
      const text =
        provider === 'llamacpp'
          ? `${JSON.stringify(response.text.slice(0, 40))} (random weights)`
          : response.text;
      console.log(`  ${`${provider}/${model}`.padEnd(30)} ${text}`);
      console.log(
        dim(
          `  ${''.padEnd(30)} ${response.usage.inputTokens} in / ${response.usage.outputTokens} out, ${response.latencyMs} ms, ${usd(response.costUsd)}`,
        ),
      );
    }

    console.log(bold('\nOpenAI answers 503; "resilient" = [openai, anthropic] still answers:'));
    servers.openai.reply({ kind: 'error', status: 503, message: 'The server is overloaded.' });
    servers.anthropic.reply({ text: 'Anthropic here: the fallback answered.' });
    const response = await sb.chat({
      model: 'resilient',
      messages: [{ role: 'user', content: 'Anyone there?' }],
    });
    console.log(`  ${response.text}`);
    console.log(
      dim(
        `  — ${response.model}, fallback from ${response.fallbackFrom}, ${response.attempts.length} attempts`,
      ),
    );
  } finally {
    await registry.dispose();
    await Promise.all(Object.values(servers).map((server) => server.close()));
  }
}
