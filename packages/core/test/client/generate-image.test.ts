import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  type ImageRequest,
  JsonFileLedgerStore,
  PriceBook,
  ProviderRegistry,
  Switchboard,
  UsageLedger,
} from '../../src/index.js';

/** An in-memory image provider that reports token usage like gpt-image-1 does. */
function imageRegistry(usage?: { inputTokens: number; outputTokens: number }) {
  const requests: ImageRequest[] = [];
  const registry = new ProviderRegistry({ resolveSettings: () => ({}) });
  registry.register({
    apiVersion: 1,
    name: 'pictures-plugin',
    providers: [
      {
        id: 'pictures',
        displayName: 'Pictures',
        listModels: async () => [{ id: 'painter', kind: 'image', capabilities: { imageGeneration: true } }],
        imageModel: (modelId) => ({
          provider: 'pictures',
          modelId,
          generate: async (request) => {
            requests.push(request);
            return {
              images: [{ data: new Uint8Array([1, 2, 3]), mimeType: 'image/png' }],
              ...(usage ? { usage } : {}),
            };
          },
        }),
      },
    ],
  });
  return { registry, requests };
}

async function ledger() {
  return new UsageLedger({
    store: new JsonFileLedgerStore(join(await mkdtemp(join(tmpdir(), 'sb-img-')), 'u.jsonl')),
  });
}

describe('Switchboard.generateImage', () => {
  it('prices the call from the reported usage, records it and tells the usage hook', async () => {
    const { registry } = imageRegistry({ inputTokens: 50, outputTokens: 4000 });
    const usageLedger = await ledger();
    const prices = new PriceBook({
      overrides: { 'pictures/painter': { inputPerMTok: 5, outputPerMTok: 40 } },
    });
    const sb = new Switchboard({
      registry,
      ledger: usageLedger,
      prices,
      aliases: { art: 'pictures/painter' },
    });
    const heard: Array<number | null> = [];
    sb.hooks.on('usage', (event) => heard.push(event.costUsd));

    const result = await sb.generateImage('art', { prompt: 'a lighthouse' });

    const expected = (50 * 5 + 4000 * 40) / 1_000_000;
    expect(result.model).toBe('pictures/painter');
    expect(result.costUsd).toBeCloseTo(expected, 12);
    expect(result.images).toHaveLength(1);
    expect(heard).toEqual([result.costUsd]);
    expect(await usageLedger.spent('day')).toBeCloseTo(expected, 12);
    const [row] = await usageLedger.summary({ groupBy: ['model'] });
    expect(row).toMatchObject({
      model: 'pictures/painter',
      requests: 1,
      inputTokens: 50,
      outputTokens: 4000,
    });
  });

  it('records a call without usage as unpriced', async () => {
    const { registry } = imageRegistry();
    const usageLedger = await ledger();
    const sb = new Switchboard({ registry, ledger: usageLedger });
    const result = await sb.generateImage('pictures/painter', { prompt: 'x' });
    expect(result.costUsd).toBeNull();
    const [row] = await usageLedger.summary({ groupBy: [] });
    expect(row).toMatchObject({ requests: 1, unpricedRequests: 1, costUsd: 0 });
  });

  it('is refused by a blocking budget that is spent, before the model is called', async () => {
    const { registry, requests } = imageRegistry({ inputTokens: 1, outputTokens: 1 });
    const sb = new Switchboard({ registry, ledger: await ledger(), budget: { dailyUsd: 0, mode: 'block' } });
    await expect(sb.generateImage('pictures/painter', { prompt: 'x' })).rejects.toMatchObject({
      kind: 'budget-exceeded',
    });
    expect(requests).toEqual([]);
  });
});
