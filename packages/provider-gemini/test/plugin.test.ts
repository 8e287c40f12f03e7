import { readFileSync } from 'node:fs';
import { ProviderRegistry, resolveSettingsFromEnv, Switchboard } from '@switchboard/core';
import { describe, expect, it } from 'vitest';
import plugin from '../src/index.js';
import { API_KEY, contextFor, useFakeGemini, user } from './helpers.js';

const { server } = useFakeGemini();

const manifest = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {
  switchboard: { apiVersion: number; providers: Array<{ id: string }> };
};

describe('plugin', () => {
  it('default-exports a plugin whose providers match the package.json manifest', () => {
    expect(plugin.apiVersion).toBe(manifest.switchboard.apiVersion);
    expect(plugin.name).toBe('@switchboard/provider-gemini');
    expect(plugin.providers.map((p) => p.id)).toEqual(manifest.switchboard.providers.map((p) => p.id));
  });

  it('reads GEMINI_API_KEY first, then GOOGLE_API_KEY, and GEMINI_BASE_URL', () => {
    const gemini = plugin.providers[0];
    if (!gemini) throw new Error('no provider');
    expect(resolveSettingsFromEnv(gemini, { GEMINI_API_KEY: 'a', GOOGLE_API_KEY: 'b' })).toEqual({
      apiKey: 'a',
    });
    expect(resolveSettingsFromEnv(gemini, { GOOGLE_API_KEY: 'b', GEMINI_BASE_URL: 'http://proxy' })).toEqual({
      apiKey: 'b',
      baseUrl: 'http://proxy',
    });
    expect(gemini.settings?.find((s) => s.key === 'apiKey')?.secret).toBe(true);
  });

  it('serves chat through the registry and core, which retries a 503 and prices the answer', async () => {
    const registry = new ProviderRegistry({ resolveSettings: () => contextFor(server).settings });
    registry.register(plugin);
    const sb = new Switchboard({
      registry,
      execution: { retry: { maxAttempts: 2, baseDelayMs: 1, jitter: false } },
    });
    server.reply(
      { kind: 'error', status: 503 },
      { text: 'Hi from Gemini', usage: { inputTokens: 1000, outputTokens: 1000 } },
    );
    const answer = await sb.chat({ model: 'gemini/gemini-2.5-flash', messages: [user('Hi')] });
    expect(answer.text).toBe('Hi from Gemini');
    expect(answer.attempts.map((a) => a.outcome)).toEqual(['error', 'success']);
    expect(answer.costUsd).toBeGreaterThan(0);
    expect(server.apiKeys).toEqual([API_KEY, API_KEY]);
    const models = await registry.listModels('gemini');
    expect(models.map((m) => m.id)).toContain('gemini/gemini-2.5-pro');
  });
});
