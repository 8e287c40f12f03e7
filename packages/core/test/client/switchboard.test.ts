import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  type ChatStreamEvent,
  discoverPlugins,
  Hooks,
  JsonFileLedgerStore,
  type ModelInfo,
  PriceBook,
  ProviderRegistry,
  ResponseCache,
  Switchboard,
  SwitchboardError,
  UsageLedger,
} from '../../src/index.js';
import { collect, ScriptedModel, type Turn, text } from '../helpers/scripted-model.js';

const chat = (id: string, extra: Partial<ModelInfo> = {}): ModelInfo => ({
  id,
  kind: 'chat',
  capabilities: { tools: true },
  contextWindow: 100_000,
  ...extra,
});

/** A registry with one in-memory provider whose models follow scripts. */
function providerWith(scripts: Record<string, { info?: Partial<ModelInfo>; turns: Turn[] }>) {
  const models = new Map(
    Object.entries(scripts).map(([id, s]) => [id, new ScriptedModel('acme', id, s.turns)]),
  );
  const registry = new ProviderRegistry({ resolveSettings: () => ({}) });
  registry.register({
    apiVersion: 1,
    name: 'acme-plugin',
    providers: [
      {
        id: 'acme',
        displayName: 'Acme',
        listModels: async () => Object.entries(scripts).map(([id, s]) => chat(id, s.info)),
        chatModel: (id) => {
          const model = models.get(id);
          if (!model) throw new SwitchboardError('not-found', `acme has no ${id}`);
          return model;
        },
      },
    ],
  });
  return { registry, models };
}

/** A ledger on a fresh temp file, as the extension keeps one. */
async function fileLedger(): Promise<UsageLedger> {
  return new UsageLedger({
    store: new JsonFileLedgerStore(join(await mkdtemp(join(tmpdir(), 'sb-')), 'u.jsonl')),
  });
}

const spentToday = (costUsd: number) => ({
  provider: 'acme',
  model: 'acme/a',
  usage: { inputTokens: 1, outputTokens: 1 },
  costUsd,
});

const prices = new PriceBook({
  overrides: { 'acme/*': { inputPerMTok: 1_000_000, outputPerMTok: 2_000_000 } },
});
const hello = { messages: [{ role: 'user' as const, content: 'hello' }] };

describe('Switchboard', () => {
  it('does not wait for the ledger store: the spend counts at once and a failed write is reported', async () => {
    const { registry } = providerWith({ a: { turns: [{ events: text('one') }, { events: text('two') }] } });
    let releaseWrite: () => void = () => {};
    const store = {
      append: () =>
        new Promise<void>((_resolve, reject) => {
          releaseWrite = () => reject(new Error('disk full'));
        }),
      readAll: async () => [],
    };
    const ledger = new UsageLedger({ store });
    const hooks = new Hooks();
    const errors: string[] = [];
    hooks.on('error', (e) => errors.push(e.error.message));
    const sb = new Switchboard({
      registry,
      hooks,
      prices,
      ledger,
      budget: { dailyUsd: 10_000, mode: 'block' },
    });
    // The store never finishes this write before the answer comes back.
    const cost = (await sb.chat({ model: 'acme/a', ...hello })).costUsd ?? 0;
    expect(cost).toBeGreaterThan(0);
    expect(await ledger.spent('day')).toBeCloseTo(cost, 6);
    releaseWrite();
    await ledger.flush();
    expect(errors).toEqual([expect.stringMatching(/usage of acme\/a could not be saved: disk full/)]);
    // The failed write does not hide the spend from the budget.
    expect(await sb.budget?.remainingUsd()).toBeCloseTo(10_000 - cost, 6);
  });

  it('routes an alias, falls back, prices the answer and records it in the ledger', async () => {
    const { registry, models } = providerWith({
      primary: { turns: [{ error: new SwitchboardError('service-unavailable', '503') }] },
      backup: { turns: [{ events: text('hi ', 'there') }] },
    });
    const hooks = new Hooks();
    const seen: string[] = [];
    hooks.on('fallback', (e) => seen.push(`fallback ${e.from} -> ${e.to}`));
    hooks.on('usage', (e) => seen.push(`usage ${e.model} $${e.costUsd}`));
    const ledger = await fileLedger();
    const sb = new Switchboard({
      registry,
      hooks,
      prices,
      ledger,
      aliases: { smart: ['acme/primary', 'acme/backup'] },
      execution: { retry: { maxAttempts: 1 } },
    });
    const response = await sb.chat({ model: 'smart', ...hello });
    expect(response).toMatchObject({
      text: 'hi there',
      model: 'acme/backup',
      provider: 'acme',
      fallbackFrom: 'acme/primary',
      finishReason: 'stop',
      cached: false,
      usage: { inputTokens: 10, outputTokens: 2 },
    });
    // 10 input tokens at $1/token + 2 output tokens at $2/token.
    expect(response.costUsd).toBeCloseTo(14, 6);
    expect(response.attempts.map((a) => a.outcome)).toEqual(['error', 'success']);
    expect(seen).toEqual(['fallback acme/primary -> acme/backup', 'usage acme/backup $14']);
    expect(models.get('primary')!.calls).toHaveLength(1);
    const rows = await ledger.summary({ groupBy: ['model'] });
    expect(rows).toMatchObject([
      { model: 'acme/backup', requests: 1, inputTokens: 10, outputTokens: 2, costUsd: 14 },
    ]);
  });

  it('streams and ends with the normalized response', async () => {
    const { registry } = providerWith({ a: { turns: [{ events: text('one ', 'two') }] } });
    const sb = new Switchboard({ registry, prices, defaultModel: 'acme/a' });
    const events: ChatStreamEvent[] = await collect(sb.stream(hello));
    expect(events[0]).toEqual({ type: 'start', model: 'acme/a', attempt: 1 });
    const last = events.at(-1);
    expect(last?.type).toBe('response');
    if (last?.type !== 'response') return;
    expect(last.response).toMatchObject({ text: 'one two', model: 'acme/a', costUsd: 14 });
  });

  it('sends images only to a model with vision', async () => {
    const { registry, models } = providerWith({
      text: { info: { capabilities: { vision: false } }, turns: [{ events: text('cannot see') }] },
      eyes: { info: { capabilities: { vision: true } }, turns: [{ events: text('a cat') }] },
    });
    const sb = new Switchboard({ registry, prices, aliases: { any: ['acme/text', 'acme/eyes'] } });
    const image = {
      type: 'image' as const,
      image: { kind: 'url' as const, url: 'https://example.test/cat.png' },
    };
    const response = await sb.chat({ model: 'any', messages: [{ role: 'user', content: [image] }] });
    expect(response.model).toBe('acme/eyes');
    expect(models.get('text')!.calls).toHaveLength(0);
    const plan = await sb.route({ model: 'any', messages: [{ role: 'user', content: [image] }] });
    expect(plan.rejected[0]?.reason).toMatch(/vision/);
  });

  it('blocks a call over budget before any model is called', async () => {
    const { registry, models } = providerWith({ a: { turns: [{ events: text('x') }] } });
    const ledger = await fileLedger();
    await ledger.record(spentToday(9.99));
    const sb = new Switchboard({
      registry,
      prices,
      ledger,
      budget: { dailyUsd: 10 },
      defaultModel: 'acme/a',
    });
    const error = await sb.chat(hello).catch((e) => e);
    expect(error.kind).toBe('budget-exceeded');
    expect(error.message).toMatch(/left in the budget/);
    expect(models.get('a')!.calls).toHaveLength(0);
  });

  it('a warning budget lets the call through and warns once', async () => {
    const { registry, models } = providerWith({ a: { turns: [{ events: text('x') }] } });
    const ledger = await fileLedger();
    await ledger.record(spentToday(9.99));
    const hooks = new Hooks();
    const warnings: number[] = [];
    hooks.on('budget-warning', (e) => warnings.push(e.limitUsd));
    const sb = new Switchboard({
      registry,
      prices,
      ledger,
      hooks,
      budget: { dailyUsd: 10, mode: 'warn' },
      defaultModel: 'acme/a',
    });
    await sb.chat(hello);
    await sb.chat(hello);
    expect(models.get('a')!.calls).toHaveLength(2);
    expect(warnings).toEqual([10]);
  });

  it('serves repeated requests from the cache, never caches errors or interrupted streams', async () => {
    const { registry, models } = providerWith({
      a: { turns: [{ events: text('cached answer') }] },
      broken: {
        turns: [
          { error: new SwitchboardError('invalid-request', 'bad') },
          { events: text('partial'), error: new SwitchboardError('connection', 'reset'), failAfter: 1 },
          { events: text('whole') },
        ],
      },
    });
    const cache = new ResponseCache<import('../../src/index.js').ChatResponse>({ maxEntries: 10 });
    const sb = new Switchboard({ registry, prices, cache, defaultModel: 'acme/a' });
    const first = await sb.chat(hello);
    const second = await sb.chat(hello);
    expect(first.cached).toBe(false);
    expect(second).toMatchObject({ cached: true, text: 'cached answer', costUsd: 0 });
    expect(models.get('a')!.calls).toHaveLength(1);
    await sb.chat({ ...hello, temperature: 0.5 });
    expect(models.get('a')!.calls).toHaveLength(2);

    const broken = { model: 'acme/broken', ...hello };
    await expect(sb.chat(broken)).rejects.toMatchObject({ kind: 'invalid-request' });
    const interrupted = await collect(sb.stream(broken));
    expect(interrupted.some((e) => e.type === 'interrupted')).toBe(true);
    const whole = await collect(sb.stream(broken));
    expect(whole.at(-1)).toMatchObject({ type: 'response', response: { text: 'whole', cached: false } });
    expect(models.get('broken')!.calls).toHaveLength(3);
  });

  it('prices each model for its own part after continue-on-fallback', async () => {
    const { registry } = providerWith({
      a: {
        turns: [
          {
            events: text('The quick brown ', 'fox'),
            error: new SwitchboardError('connection', 'reset'),
            failAfter: 1,
          },
        ],
      },
      b: { turns: [{ events: text('quick brown fox jumps.') }] },
    });
    const book = new PriceBook({
      overrides: {
        'acme/a': { inputPerMTok: 1_000_000, outputPerMTok: 1_000_000 },
        'acme/b': { inputPerMTok: 2_000_000, outputPerMTok: 2_000_000 },
      },
    });
    const ledger = await fileLedger();
    const sb = new Switchboard({
      registry,
      prices: book,
      ledger,
      aliases: { both: ['acme/a', 'acme/b'] },
      execution: { onPartialFailure: 'continue-on-fallback' },
    });
    const events = await collect(sb.stream({ model: 'both', ...hello }));
    const last = events.at(-1);
    if (last?.type !== 'response') throw new Error('no response event');
    expect(last.response.text).toBe('The quick brown fox jumps.');
    // a broke before reporting usage; b reported 10 in + 1 out at $2/token.
    expect(last.response.costUsd).toBe(22);
    expect(last.response.model).toBe('acme/b');
    expect((await ledger.summary({ groupBy: ['model'] })).map((r) => r.model)).toEqual(['acme/b']);
  });

  it('runs a batch in input order, one failure not sinking the rest, and observers cannot break calls', async () => {
    const { registry } = providerWith({
      slow: { turns: [{ events: text('slow'), delayMs: 30 }] },
      fast: { turns: [{ events: text('fast') }] },
    });
    const hooks = new Hooks();
    hooks.on('request', () => {
      throw new Error('a broken observer');
    });
    const sb = new Switchboard({ registry, prices, hooks });
    const results = await sb.chatBatch(
      [
        { model: 'acme/slow', ...hello },
        { model: 'acme/missing', ...hello },
        { model: 'acme/fast', ...hello },
      ],
      { concurrency: 3 },
    );
    expect(results.map((r) => (r.ok ? r.value.text : (r.error as SwitchboardError).kind))).toEqual([
      'slow',
      'not-found',
      'fast',
    ]);
    const order: number[] = [];
    for await (const item of sb.chatBatchAsCompleted(
      [
        { model: 'acme/slow', ...hello },
        { model: 'acme/fast', ...hello },
      ],
      { concurrency: 2 },
    )) {
      order.push(item.index);
    }
    expect(order).toEqual([1, 0]);
  });

  it('says what to do for an unknown model or provider', async () => {
    const { registry } = providerWith({ a: { turns: [{ events: text('x') }] } });
    const sb = new Switchboard({ registry, prices });
    await expect(sb.chat({ model: 'nonsense', ...hello })).rejects.toThrow(/neither|alias/i);
    const error = await sb.chat({ model: 'nope/model', ...hello }).catch((e) => e);
    expect(error.kind).toBe('not-found');
    expect(error.message).toMatch(/acme/);
    await expect(sb.chat(hello)).rejects.toMatchObject({
      kind: 'not-found',
      hint: expect.stringMatching(/Select Model/),
    });
  });

  it('discovers the example plugin from a folder and falls back from its flaky model', async () => {
    const examples = fileURLToPath(new URL('../../../../examples', import.meta.url));
    const registry = new ProviderRegistry();
    const discovery = await discoverPlugins([{ path: examples, source: 'examples' }]);
    expect(discovery.problems).toEqual([]);
    registry.addDiscovered(discovery);
    expect(registry.list()).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ name: 'switchboard-provider-echo', status: 'discovered' }),
      ]),
    );
    const sb = new Switchboard({
      registry,
      aliases: { demo: ['echo/flaky', 'echo/echo'] },
      execution: { retry: { maxAttempts: 2, baseDelayMs: 1 } },
    });
    const events = await collect(
      sb.stream({ model: 'demo', messages: [{ role: 'user', content: 'ping pong' }] }),
    );
    expect(registry.list().find((plugin) => plugin.name === 'switchboard-provider-echo')?.status).toBe(
      'loaded',
    );
    expect(events[0]).toMatchObject({ type: 'start', model: 'echo/echo', fallbackFrom: 'echo/flaky' });
    const last = events.at(-1);
    expect(last).toMatchObject({ type: 'response', response: { text: 'You said: ping pong', costUsd: 0 } });
    if (last?.type !== 'response') return;
    expect(last.response.attempts.map((a) => `${a.model}#${a.attempt}:${a.outcome}`)).toEqual([
      'echo/flaky#1:error',
      'echo/flaky#2:error',
      'echo/echo#1:success',
    ]);
  });
});
