import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { redact } from '../../src/errors/redact.js';
import type { ProviderContext, ProviderDefinition, ProviderPlugin } from '../../src/plugin/types.js';
import { discoverPlugins, ProviderRegistry, resolveSettingsFromEnv } from '../../src/registry/index.js';
import { rejection, removeDir, resetProbes, tempDir, writePackage } from './fixtures.js';

const keySettings = [
  { key: 'apiKey', label: 'API key', secret: true, env: ['SB_TEST_PRIMARY_KEY', 'SB_TEST_FALLBACK_KEY'] },
  { key: 'baseUrl', label: 'Base URL', env: ['SB_TEST_BASE_URL'], default: 'http://127.0.0.1:9' },
];

describe('ProviderRegistry: settings, models and model lists', () => {
  let root: string;
  beforeEach(async () => {
    resetProbes();
    root = await tempDir();
    await writePackage(root, {
      folder: 'keyed',
      name: 'sb-keyed',
      manifest: { apiVersion: 1, providers: [{ id: 'keyed' }, { id: 'flaky' }] },
      module: {
        name: 'sb-keyed',
        providers: [
          { id: 'keyed', models: ['m1', 'm2'], settings: keySettings },
          { id: 'flaky', models: ['fail'] },
        ],
      },
    });
  });
  afterEach(async () => {
    vi.unstubAllEnvs();
    await removeDir(root);
  });

  async function registry(options: ConstructorParameters<typeof ProviderRegistry>[0] = {}) {
    const created = new ProviderRegistry(options);
    created.addDiscovered(await discoverPlugins([root]));
    return created;
  }

  it('resolves settings from env variables in order, then from defaults', async () => {
    vi.stubEnv('SB_TEST_PRIMARY_KEY', '');
    vi.stubEnv('SB_TEST_FALLBACK_KEY', 'fallback-key-value-123');
    const model = (await (await registry()).chatModel('keyed/m1')) as unknown as ProviderContext;
    expect(model.settings).toEqual({ apiKey: 'fallback-key-value-123', baseUrl: 'http://127.0.0.1:9' });

    const provider = { id: 'p', displayName: 'P', settings: keySettings } as unknown as ProviderDefinition;
    expect(
      resolveSettingsFromEnv(provider, { SB_TEST_PRIMARY_KEY: 'first', SB_TEST_FALLBACK_KEY: 'second' }),
    ).toEqual({
      apiKey: 'first',
      baseUrl: 'http://127.0.0.1:9',
    });
  });

  it('registers secret values so that errors carrying them are redacted', async () => {
    const secret = 'plain-looking-secret-4242';
    vi.stubEnv('SB_TEST_PRIMARY_KEY', secret);
    const error = await rejection((await registry()).chatModel('keyed/explode'));
    expect(error.kind).toBe('plugin');
    expect(error.message).toBe(
      'Provider "keyed" could not create chat model "explode": Error: upstream refused key [REDACTED]',
    );
    expect(JSON.stringify(error)).not.toContain(secret);
    expect(redact(`anything with ${secret}`)).toBe('anything with [REDACTED]');
  });

  it('uses a custom resolver, caches contexts and model instances until settings are invalidated', async () => {
    let calls = 0;
    const resolveSettings = vi.fn(async (provider: ProviderDefinition) => {
      calls += 1;
      return provider.id === 'keyed' ? { apiKey: `custom-secret-${calls}-abcdef` } : {};
    });
    const reg = await registry({ resolveSettings });
    const [a, b] = await Promise.all([reg.chatModel('keyed/m1'), reg.chatModel('keyed/m1')]);
    expect(a).toBe(b);
    const other = await reg.chatModel('keyed/m2');
    expect(other).not.toBe(a);
    expect(resolveSettings).toHaveBeenCalledTimes(1);
    expect((a as unknown as ProviderContext).settings.apiKey).toBe('custom-secret-1-abcdef');

    reg.invalidateSettings('keyed');
    const fresh = await reg.chatModel('keyed/m1');
    expect(fresh).not.toBe(a);
    expect((fresh as unknown as ProviderContext).settings.apiKey).toBe('custom-secret-2-abcdef');
    expect(redact('custom-secret-2-abcdef')).toBe('[REDACTED]');
  });

  it('rejects a model kind the provider has no factory for', async () => {
    const error = await rejection((await registry()).imageModel('keyed/dall-e'));
    expect(error.kind).toBe('invalid-request');
    expect(error.message).toBe('Provider "keyed" has no image models.');
  });

  it('lists models per provider and overall, reporting a failing provider without losing the others', async () => {
    const reg = await registry();
    expect((await reg.listModels('keyed')).map((m) => m.id)).toEqual(['keyed/m1', 'keyed/m2']);

    const listing = await reg.listModelsDetailed();
    expect(listing.models.map((m) => m.id)).toEqual(['keyed/m1', 'keyed/m2']);
    expect(listing.problems).toEqual([
      {
        provider: 'flaky',
        reason: 'Provider "flaky" could not list its models: Error: listing is down for flaky',
      },
    ]);
    expect((await reg.listModels()).map((m) => m.id)).toEqual(['keyed/m1', 'keyed/m2']);
    await expect(reg.listModels('flaky')).rejects.toMatchObject({ kind: 'plugin' });

    const live = await reg.listModels('keyed', { live: true });
    expect(live.map((m) => m.id)).toEqual(['keyed/m1', 'keyed/m2', 'keyed/live-only']);
  });

  it('answers getModelInfo and listChatModels from the static lists', async () => {
    const reg = await registry();
    expect(await reg.getModelInfo('keyed/m2')).toMatchObject({ id: 'm2', kind: 'chat', contextWindow: 8192 });
    expect(await reg.getModelInfo('keyed/unknown')).toBeUndefined();
    expect(await reg.getModelInfo('nobody/m1')).toBeUndefined();
    expect(await reg.getModelInfo('fast')).toBeUndefined();
    expect(await reg.getModelInfo('flaky/fail')).toBeUndefined();
    expect((await reg.listChatModels()).map((m) => m.id)).toEqual(['keyed/m1', 'keyed/m2']);
  });

  it('calls a provider listModels once for its static list', async () => {
    const listModels = vi.fn(async () => [{ id: 'only', kind: 'chat' as const, capabilities: {} }]);
    const plugin: ProviderPlugin = {
      apiVersion: 1,
      name: 'counted',
      providers: [{ id: 'counted', displayName: 'Counted', listModels }],
    };
    const reg = new ProviderRegistry();
    reg.register(plugin);
    await Promise.all([reg.getModelInfo('counted/only'), reg.listChatModels(), reg.listModels('counted')]);
    await reg.getModelInfo('counted/only');
    expect(listModels).toHaveBeenCalledTimes(1);
    reg.invalidateSettings();
    await reg.getModelInfo('counted/only');
    expect(listModels).toHaveBeenCalledTimes(2);
  });

  it('passes the model id after the first slash to the provider', async () => {
    const reg = await registry();
    const model = await reg.chatModel('keyed/anthropic/claude-3.5-sonnet');
    expect(model.modelId).toBe('anthropic/claude-3.5-sonnet');
  });
});
