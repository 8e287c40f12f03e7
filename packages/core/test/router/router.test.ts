import { describe, expect, it, vi } from 'vitest';
import { isSwitchboardErrorOfKind, type SwitchboardError } from '../../src/errors/errors.js';
import type { IntentClassifier } from '../../src/router/intent.js';
import { LatencyTracker } from '../../src/router/latency.js';
import { Router } from '../../src/router/router.js';
import type { ModelInfo } from '../../src/types/models.js';
import { ask, askWithImage, chatModel, MemoryCatalog, MemoryPrices } from './fixtures.js';

const models: Record<string, ModelInfo> = {
  'openai/gpt-3.5-turbo': chatModel(
    'openai/gpt-3.5-turbo',
    { vision: false, tools: true },
    { contextWindow: 16_000 },
  ),
  'openai/gpt-4o': chatModel(
    'openai/gpt-4o',
    { vision: true, tools: true },
    { contextWindow: 128_000, qualityRank: 8 },
  ),
  'openai/gpt-4o-mini': chatModel(
    'openai/gpt-4o-mini',
    { vision: true, tools: true },
    { contextWindow: 128_000 },
  ),
  'anthropic/claude': chatModel(
    'anthropic/claude',
    { vision: true, tools: true },
    { contextWindow: 200_000, qualityRank: 9 },
  ),
  'ollama/tiny': chatModel(
    'ollama/tiny',
    { vision: false, tools: false },
    { contextWindow: 2_000, local: true },
  ),
  'openai/gpt-image-1': { id: 'gpt-image-1', kind: 'image', capabilities: { imageGeneration: true } },
};

const prices = new MemoryPrices({
  'openai/gpt-3.5-turbo': { inputPerMTok: 0.5, outputPerMTok: 1.5 },
  'openai/gpt-4o': { inputPerMTok: 2.5, outputPerMTok: 10 },
  'openai/gpt-4o-mini': { inputPerMTok: 0.15, outputPerMTok: 0.6 },
  'anthropic/claude': { inputPerMTok: 3, outputPerMTok: 15 },
});

const aliases = {
  smart: ['anthropic/claude', 'openai/gpt-4o'],
  fast: ['openai/gpt-3.5-turbo', 'cheap'],
  cheap: 'openai/gpt-4o-mini',
  local: 'ollama/tiny',
  all: ['smart', 'fast', 'local'],
};

const ids = (plan: { candidates: Array<{ id: string }> }) => plan.candidates.map((c) => c.id);

async function routeError(promise: Promise<unknown>): Promise<SwitchboardError> {
  try {
    await promise;
  } catch (error) {
    return error as SwitchboardError;
  }
  throw new Error('expected the route to fail');
}

describe('Router', () => {
  it('passes an explicit id through with its info and estimated cost', async () => {
    const router = new Router({ catalog: new MemoryCatalog(models), prices });
    const plan = await router.route('openai/gpt-4o', ask('hello', { maxTokens: 100 }));
    expect(plan.requested).toBe('openai/gpt-4o');
    expect(ids(plan)).toEqual(['openai/gpt-4o']);
    const [candidate] = plan.candidates;
    expect(candidate?.info?.id).toBe('gpt-4o');
    // The cost module's tokenizer-free count: "hello" 5 chars -> 2, role "user" -> 1,
    // 3 framing per message + 3 reply priming = 9 prompt tokens; 100 output tokens.
    expect(plan.estimatedInputTokens).toBe(9);
    expect(candidate?.estimatedCostUsd).toBeCloseTo((9 * 2.5 + 100 * 10) / 1e6, 12);
  });

  it('keeps an id the catalog does not know (the provider will judge it)', async () => {
    const router = new Router({ catalog: new MemoryCatalog(models) });
    const plan = await router.route('mystery/model', askWithImage('hi'));
    expect(plan.candidates).toEqual([{ id: 'mystery/model', estimatedInputTokens: expect.any(Number) }]);
  });

  it('expands alias chains and nested aliases in order', async () => {
    const router = new Router({ catalog: new MemoryCatalog(models), aliases });
    expect(ids(await router.route('fast', ask('hi')))).toEqual([
      'openai/gpt-3.5-turbo',
      'openai/gpt-4o-mini',
    ]);
    expect(ids(await router.route('all', ask('hi')))).toEqual([
      'anthropic/claude',
      'openai/gpt-4o',
      'openai/gpt-3.5-turbo',
      'openai/gpt-4o-mini',
      'ollama/tiny',
    ]);
  });

  it('reports unknown names and cycles', async () => {
    const router = new Router({ catalog: new MemoryCatalog(models), aliases: { loop: 'loop', ...aliases } });
    const unknown = await routeError(router.route('gpt4', ask('hi')));
    expect(unknown.kind).toBe('not-found');
    expect(unknown.message).toContain('smart, fast, cheap, local, all');
    expect((await routeError(router.route('loop', ask('hi')))).kind).toBe('invalid-request');
  });

  it('filters out models without vision for an image, saying why', async () => {
    const router = new Router({ catalog: new MemoryCatalog(models), aliases });
    const plan = await router.route('fast', askWithImage('what is this?'));
    expect(ids(plan)).toEqual(['openai/gpt-4o-mini']);
    expect(plan.rejected).toEqual([
      {
        id: 'openai/gpt-3.5-turbo',
        category: 'vision',
        reason: 'openai/gpt-3.5-turbo: the request has images and this model has no vision',
      },
    ]);
  });

  it('filters out models without tools when tools are sent', async () => {
    const router = new Router({
      catalog: new MemoryCatalog(models),
      aliases: { chain: ['ollama/tiny', 'cheap'], ...aliases },
    });
    const plan = await router.route(
      'chain',
      ask('weather?', { tools: [{ name: 'weather', parameters: {} }] }),
    );
    expect(ids(plan)).toEqual(['openai/gpt-4o-mini']);
    expect(plan.rejected[0]?.category).toBe('tools');
  });

  it('filters by context window using the token estimator, per model', async () => {
    const estimateTokens = vi.fn((_request: unknown, id: string) => (id === 'ollama/tiny' ? 1_990 : 100));
    const router = new Router({ catalog: new MemoryCatalog(models), aliases, estimateTokens });
    const plan = await router.route('all', ask('long', { maxTokens: 50 }));
    expect(plan.rejected.map((r) => r.id)).toEqual(['ollama/tiny']);
    expect(estimateTokens).toHaveBeenCalledWith(expect.anything(), 'ollama/tiny', expect.anything());
  });

  it('orders by the cheapest policy, with local models free and unknown prices last', async () => {
    const catalog = new MemoryCatalog({ ...models, 'x/unpriced': chatModel('x/unpriced') });
    const router = new Router({ catalog, prices, aliases: { ...aliases, mix: ['x/unpriced', 'all'] } });
    const plan = await router.route('mix', ask('hi'), { policy: 'cheapest' });
    expect(ids(plan)).toEqual([
      'ollama/tiny',
      'openai/gpt-4o-mini',
      'openai/gpt-3.5-turbo',
      'openai/gpt-4o',
      'anthropic/claude',
      'x/unpriced',
    ]);
    expect(plan.candidates[0]?.estimatedCostUsd).toBe(0);
  });

  it('uses the model info price when the price lookup has none', async () => {
    const catalog = new MemoryCatalog({
      'p/own-price': chatModel('p/own-price', {}, { pricing: { inputPerMTok: 1, outputPerMTok: 1 } }),
    });
    const plan = await new Router({ catalog, prices }).route(
      'p/own-price',
      ask('hi', { maxTokens: 1_000_000 }),
    );
    expect(plan.candidates[0]?.estimatedCostUsd).toBeCloseTo(1, 3);
  });

  it('orders by fastest from the latency tracker, default policy from config', async () => {
    const latency = new LatencyTracker();
    latency.record('openai/gpt-4o', { ttftMs: 300, totalMs: 2000 });
    latency.record('anthropic/claude', { ttftMs: 700, totalMs: 2500 });
    const router = new Router({
      catalog: new MemoryCatalog(models),
      aliases,
      latency,
      defaultPolicy: 'fastest',
    });
    expect(ids(await router.route('all', ask('hi')))).toEqual([
      'openai/gpt-4o',
      'anthropic/claude',
      'openai/gpt-3.5-turbo',
      'openai/gpt-4o-mini',
      'ollama/tiny',
    ]);
  });

  it('orders by quality rank', async () => {
    const router = new Router({ catalog: new MemoryCatalog(models), aliases });
    const plan = await router.route('all', ask('hi'), { policy: 'quality' });
    expect(ids(plan).slice(0, 2)).toEqual(['anthropic/claude', 'openai/gpt-4o']);
  });

  it('drops candidates over the budget', async () => {
    const router = new Router({ catalog: new MemoryCatalog(models), prices, aliases });
    // A million output tokens: claude $15, gpt-4o $10.
    const plan = await router.route('smart', ask('hi'), {
      budgetRemainingUsd: 12,
      expectedOutputTokens: 1e6,
    });
    expect(ids(plan)).toEqual(['openai/gpt-4o']);
    expect(plan.rejected[0]?.reason).toMatch(
      /^anthropic\/claude: estimated \$15\.00 exceeds the \$12\.00 left/,
    );
  });

  it('fails with every reason when all candidates are filtered out', async () => {
    const router = new Router({
      catalog: new MemoryCatalog(models),
      aliases: { ...aliases, weak: ['openai/gpt-3.5-turbo', 'local'] },
    });
    const error = await routeError(router.route('weak', askWithImage('what is this?')));
    expect(isSwitchboardErrorOfKind(error, 'invalid-request')).toBe(true);
    expect(error.message).toContain('No model of "weak" can serve this request');
    expect(error.message).toContain(
      'openai/gpt-3.5-turbo: the request has images and this model has no vision',
    );
    expect(error.message).toContain('ollama/tiny: the request has images and this model has no vision');
    expect(error.hint).toContain('add a model with vision');
  });

  it('fails as context-window-exceeded when size was the only reason', async () => {
    const router = new Router({ catalog: new MemoryCatalog(models), estimateTokens: () => 1_000_000 });
    const error = await routeError(router.route('anthropic/claude', ask('x')));
    expect(error.kind).toBe('context-window-exceeded');
    expect(error.hint).toContain('larger context window');
  });

  it('fails as budget-exceeded when the budget was the only reason', async () => {
    const router = new Router({ catalog: new MemoryCatalog(models), prices, aliases });
    const error = await routeError(router.route('smart', ask('hi'), { budgetRemainingUsd: 0 }));
    expect(error.kind).toBe('budget-exceeded');
  });

  it('applies updated settings', async () => {
    const router = new Router({ catalog: new MemoryCatalog(models), aliases });
    router.updateConfig({ aliases: { fast: 'ollama/tiny' } });
    expect(ids(await router.route('fast', ask('hi')))).toEqual(['ollama/tiny']);
    expect((await routeError(router.route('smart', ask('hi')))).kind).toBe('not-found');
  });
});

describe('Router auto', () => {
  const autoRoutes = {
    vision: 'openai/gpt-4o',
    code: 'smart',
    chat: 'cheap',
    'image-generation': 'openai/gpt-image-1',
  };
  const router = new Router({ catalog: new MemoryCatalog(models), aliases, autoRoutes });

  it.each([
    ['vision', askWithImage('what is in this picture?'), ['openai/gpt-4o']],
    ['code', ask('Why does this throw?\n```js\nnull.x\n```'), ['anthropic/claude', 'openai/gpt-4o']],
    ['chat', ask('Suggest a name for my cat'), ['openai/gpt-4o-mini']],
    ['image-generation', ask('Draw a lighthouse in a storm'), ['openai/gpt-image-1']],
  ])('routes %s requests', async (intent, request, expected) => {
    const plan = await router.route('auto', request);
    expect(plan.intent).toBe(intent);
    expect(ids(plan)).toEqual(expected);
  });

  it('uses the chat route for an intent without its own route', async () => {
    const partial = new Router({
      catalog: new MemoryCatalog(models),
      aliases,
      autoRoutes: { chat: 'cheap' },
    });
    const plan = await partial.route('auto', ask('Refactor this Python function, it has a bug'));
    expect(plan.intent).toBe('code');
    expect(ids(plan)).toEqual(['openai/gpt-4o-mini']);
  });

  it('without routes, considers every chat model the catalog lists', async () => {
    const catalog = new MemoryCatalog(models);
    const bare = new Router({ catalog });
    const plan = await bare.route('auto', askWithImage('what is this?'));
    expect(ids(plan)).toEqual(['openai/gpt-4o', 'openai/gpt-4o-mini', 'anthropic/claude']);
    expect(catalog.lookups).toEqual([]); // the listing already carried the info
  });

  it('never sends image generation to chat models', async () => {
    const partial = new Router({ catalog: new MemoryCatalog(models), autoRoutes: { chat: 'openai/gpt-4o' } });
    const error = await routeError(partial.route('auto', ask('generate an image of a fox')));
    expect(error.kind).toBe('invalid-request');
    expect(error.message).toContain('"image-generation"');
  });

  it('passes the signal to the classifier', async () => {
    const classifier: IntentClassifier = { classify: vi.fn(async () => ({ intent: 'chat', confidence: 1 })) };
    const custom = new Router({ catalog: new MemoryCatalog(models), aliases, autoRoutes, classifier });
    const signal = new AbortController().signal;
    await custom.route('auto', ask('hi'), { signal });
    expect(classifier.classify).toHaveBeenCalledWith(expect.anything(), signal);
  });
});
