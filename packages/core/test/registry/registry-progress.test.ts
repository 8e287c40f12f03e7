import { describe, expect, it } from 'vitest';
import type { ProgressReport, ProviderContext } from '../../src/plugin/types.js';
import { ProviderRegistry } from '../../src/registry/index.js';

describe('ProviderRegistry: progress from providers', () => {
  it('hands each provider a progress reporter that reaches the host with the provider id, secrets redacted', async () => {
    const received: Array<{ providerId: string; report: ProgressReport }> = [];
    let seen: ProviderContext | undefined;
    const registry = new ProviderRegistry({
      resolveSettings: () => ({ token: 'hf_progress_secret_token_123456' }),
      progress: (providerId, report) => received.push({ providerId, report }),
    });
    registry.register({
      apiVersion: 1,
      name: 'local-plugin',
      providers: [
        {
          id: 'local',
          displayName: 'Local',
          settings: [{ key: 'token', label: 'Token', secret: true }],
          listModels: async (context) => {
            seen = context;
            return [];
          },
        },
      ],
    });
    await registry.listModels('local');
    seen?.progress?.({
      task: 'download model.gguf',
      message: 'Downloading with hf_progress_secret_token_123456: 40%',
      fraction: 0.4,
    });
    expect(received).toEqual([
      {
        providerId: 'local',
        report: { task: 'download model.gguf', message: 'Downloading with [REDACTED]: 40%', fraction: 0.4 },
      },
    ]);
  });

  it('gives no reporter when the host shows no progress', async () => {
    let seen: ProviderContext | undefined;
    const registry = new ProviderRegistry({ resolveSettings: () => ({}) });
    registry.register({
      apiVersion: 1,
      name: 'quiet-plugin',
      providers: [
        {
          id: 'quiet',
          displayName: 'Quiet',
          listModels: async (context) => {
            seen = context;
            return [];
          },
        },
      ],
    });
    await registry.listModels('quiet');
    expect(seen).toBeDefined();
    expect(seen?.progress).toBeUndefined();
  });
});
