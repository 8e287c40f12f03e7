import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  type CallSettings,
  type Candidate,
  CooldownTracker,
  type ExecutorDeps,
  executeGenerate,
  executeStream,
  Hooks,
  newTrace,
  SwitchboardError,
  type SwitchboardStreamEvent,
} from '../../src/index.js';
import { collect, ScriptedModel, text } from '../helpers/scripted-model.js';

const unavailable = () => new SwitchboardError('service-unavailable', 'upstream 503', { status: 503 });

function setup(models: ScriptedModel[], extra: Partial<ExecutorDeps> = {}) {
  const byId = new Map(models.map((m) => [m.id, m]));
  const deps: ExecutorDeps = {
    getModel: async (c: Candidate) => {
      const model = byId.get(c.id);
      if (!model) throw new SwitchboardError('not-found', `no ${c.id}`);
      return model;
    },
    ...extra,
  };
  const candidates = models.map((m) => ({ id: m.id }));
  return { deps, candidates };
}

const settings = (over: Partial<CallSettings> = {}): CallSettings => ({
  requestId: 'r1',
  retry: { jitter: false, baseDelayMs: 1000 },
  ...over,
});
const ask = { messages: [{ role: 'user' as const, content: 'hi' }] };

afterEach(() => {
  vi.useRealTimers();
});

describe('retries', () => {
  it('backs off exponentially between retries (fake timers)', async () => {
    vi.useFakeTimers();
    const a = new ScriptedModel('p', 'a', [
      { error: unavailable() },
      { error: unavailable() },
      { events: text('ok') },
    ]);
    const { deps, candidates } = setup([a]);
    let done = false;
    const call = executeGenerate(candidates, ask, deps, settings()).then((r) => {
      done = true;
      return r;
    });
    await vi.advanceTimersByTimeAsync(999);
    expect(a.calls).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(a.calls).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(1999);
    expect(a.calls).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(1);
    expect((await call).text).toBe('ok');
    expect(done).toBe(true);
    expect(a.calls).toHaveLength(3);
  });

  it('honours Retry-After when no sibling can answer', async () => {
    vi.useFakeTimers();
    const limited = new SwitchboardError('rate-limit', '429', { status: 429, retryAfterMs: 5000 });
    const a = new ScriptedModel('p', 'a', [{ error: limited }, { events: text('later') }]);
    const { deps, candidates } = setup([a]);
    const call = executeGenerate(candidates, ask, deps, settings());
    await vi.advanceTimersByTimeAsync(4999);
    expect(a.calls).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect((await call).text).toBe('later');
  });

  it('with a sibling, moves on at once and cools the rate-limited model until Retry-After', async () => {
    const limited = new SwitchboardError('rate-limit', '429', { status: 429, retryAfterMs: 60_000 });
    const a = new ScriptedModel('p', 'a', [{ error: limited }]);
    const b = new ScriptedModel('p', 'b', [{ events: text('from b') }]);
    const cooldowns = new CooldownTracker();
    const { deps, candidates } = setup([a, b], { cooldowns });
    const started = Date.now();
    const trace = newTrace();
    const result = await executeGenerate(candidates, ask, deps, settings(), trace);
    expect(result.text).toBe('from b');
    expect(Date.now() - started).toBeLessThan(1000);
    expect(trace.fallbackFrom).toBe('p/a');
    const [state] = cooldowns.list();
    expect(state?.model).toBe('p/a');
    expect(state?.reason).toMatch(/retry after 60 s/);
    expect(state!.until - Date.now()).toBeGreaterThan(58_000);
  });

  it('does not retry or fall back on an invalid request', async () => {
    const a = new ScriptedModel('p', 'a', [
      { error: new SwitchboardError('invalid-request', 'bad temperature') },
    ]);
    const b = new ScriptedModel('p', 'b', [{ events: text('never') }]);
    const { deps, candidates } = setup([a, b]);
    await expect(executeGenerate(candidates, ask, deps, settings())).rejects.toMatchObject({
      kind: 'invalid-request',
    });
    expect(a.calls).toHaveLength(1);
    expect(b.calls).toHaveLength(0);
  });
});

describe('fallback', () => {
  it('walks the candidates in order and records every attempt', async () => {
    const hooks = new Hooks();
    const fallbacks: string[] = [];
    hooks.on('fallback', (e) => fallbacks.push(`${e.from}->${e.to}`));
    const a = new ScriptedModel('p', 'a', [
      { error: new SwitchboardError('authentication', 'bad key', { status: 401 }) },
    ]);
    const b = new ScriptedModel('p', 'b', [{ error: unavailable() }]);
    const c = new ScriptedModel('p', 'c', [{ events: text('from c') }]);
    const { deps, candidates } = setup([a, b, c], { hooks });
    const trace = newTrace();
    const result = await executeGenerate(
      candidates,
      ask,
      deps,
      settings({ retry: { maxAttempts: 2, baseDelayMs: 1, jitter: false } }),
      trace,
    );
    expect(result.text).toBe('from c');
    expect(trace.attempts.map((x) => `${x.model}#${x.attempt}:${x.outcome}`)).toEqual([
      'p/a#1:error',
      'p/b#1:error',
      'p/b#2:error',
      'p/c#1:success',
    ]);
    expect(fallbacks).toEqual(['p/a->p/b', 'p/b->p/c']);
    expect(trace.fallbackFrom).toBe('p/a');
  });

  it('when all fail, the error names each model and keeps the primary kind and hint', async () => {
    const a = new ScriptedModel('p', 'a', [
      { error: new SwitchboardError('authentication', 'bad key', { provider: 'p' }) },
    ]);
    const b = new ScriptedModel('q', 'b', [{ error: new SwitchboardError('not-found', 'no such model') }]);
    const { deps, candidates } = setup([a, b]);
    const error = await executeGenerate(candidates, ask, deps, settings()).catch((e) => e);
    expect(error.kind).toBe('authentication');
    expect(error.message).toMatch(/All 2 models failed.*p\/a: bad key.*q\/b: no such model/);
    expect(error.hint).toMatch(/Set API Key/);
  });

  it('tries the context-window fallbacks first when a prompt is too long', async () => {
    const a = new ScriptedModel('p', 'small', [
      { error: new SwitchboardError('context-window-exceeded', 'too long') },
    ]);
    const b = new ScriptedModel('p', 'other', [{ events: text('other') }]);
    const big = new ScriptedModel('p', 'big', [{ events: text('big') }]);
    const { deps } = setup([a, b, big]);
    const result = await executeGenerate(
      [{ id: 'p/small' }, { id: 'p/other' }],
      ask,
      deps,
      settings({ contextWindowFallbacks: ['p/big'], resolveCandidate: async (id) => ({ id }) }),
    );
    expect(result.text).toBe('big');
    expect(b.calls).toHaveLength(0);
  });

  it('fails over on a content-filtered empty answer when content-filter fallbacks are set', async () => {
    const a = new ScriptedModel('p', 'strict', [{ events: [{ type: 'finish', reason: 'content-filter' }] }]);
    const b = new ScriptedModel('p', 'lenient', [{ events: text('answer') }]);
    const { deps } = setup([a, b]);
    const s = settings({ contentFilterFallbacks: ['p/lenient'], resolveCandidate: async (id) => ({ id }) });
    expect((await executeGenerate([{ id: 'p/strict' }], ask, deps, s)).text).toBe('answer');
    const events = await collect(executeStream([{ id: 'p/strict' }], ask, deps, s));
    expect(events.filter((e) => e.type === 'text-delta')).toEqual([{ type: 'text-delta', text: 'answer' }]);
  });
});

describe('cooldown', () => {
  it('skips a model after repeated failures and tries it again once the cooldown ends', async () => {
    let now = 1_000_000;
    const cooldowns = new CooldownTracker({ failureThreshold: 2, cooldownMs: 10_000 }, undefined, () => now);
    const a = new ScriptedModel('p', 'a', [
      { error: unavailable() },
      { error: unavailable() },
      { events: text('a is back') },
    ]);
    const b = new ScriptedModel('p', 'b', [{ events: text('b') }]);
    const { deps, candidates } = setup([a, b], { cooldowns });
    const s = settings({ retry: { maxAttempts: 1 } });
    expect((await executeGenerate(candidates, ask, deps, s)).text).toBe('b');
    expect((await executeGenerate(candidates, ask, deps, s)).text).toBe('b');
    expect(cooldowns.list().map((c) => c.model)).toEqual(['p/a']);
    // While cooling, a goes last: b answers without a being called.
    expect((await executeGenerate(candidates, ask, deps, s)).text).toBe('b');
    expect(a.calls).toHaveLength(2);
    now += 10_001;
    expect(cooldowns.list()).toEqual([]);
    expect((await executeGenerate(candidates, ask, deps, s)).text).toBe('a is back');
    expect(a.calls).toHaveLength(3);
  });
});

describe('hedging', () => {
  it('starts the next candidate when the first is slow, keeps the faster and aborts the loser', async () => {
    const slow = new ScriptedModel('p', 'slow', [{ events: text('slow'), firstDelayMs: 2000 }]);
    const fast = new ScriptedModel('p', 'fast', [{ events: text('fast'), firstDelayMs: 10 }]);
    const { deps, candidates } = setup([slow, fast]);
    const trace = newTrace();
    const started = Date.now();
    const events = await collect(
      executeStream(candidates, ask, deps, settings({ hedge: { afterMs: 50 } }), trace),
    );
    expect(Date.now() - started).toBeLessThan(1500);
    expect(events.filter((e) => e.type === 'text-delta').map((e) => (e as { text: string }).text)).toEqual([
      'fast',
    ]);
    expect(events[0]).toMatchObject({ type: 'start', model: 'p/fast', fallbackFrom: 'p/slow' });
    expect(slow.aborted).toEqual([true]);
    expect(trace.attempts.map((a) => `${a.model}:${a.outcome}`)).toEqual([
      'p/fast:success',
      'p/slow:cancelled',
    ]);
  });
});

describe('streams', () => {
  const textOf = (events: SwitchboardStreamEvent[]) =>
    events.map((e) => (e.type === 'text-delta' ? e.text : '')).join('');

  it('fails over invisibly when the first pull throws (lazy SDK open)', async () => {
    const a = new ScriptedModel('p', 'a', [{ error: new SwitchboardError('authentication', '401') }]);
    const b = new ScriptedModel('p', 'b', [{ events: text('Hello', ' world') }]);
    const { deps, candidates } = setup([a, b]);
    const events = await collect(executeStream(candidates, ask, deps, settings()));
    expect(events[0]).toEqual({ type: 'start', model: 'p/b', attempt: 1, fallbackFrom: 'p/a' });
    expect(textOf(events)).toBe('Hello world');
    expect(events.at(-1)).toEqual({ type: 'finish', reason: 'stop' });
  });

  it('fails over when the vendor sends an error event before any text (Anthropic overloaded_error)', async () => {
    const overloaded = new SwitchboardError('service-unavailable', 'Overloaded', {
      code: 'overloaded_error',
    });
    const a = new ScriptedModel('p', 'a', [
      { events: [{ type: 'metadata', metadata: { id: 'msg_1' } }], error: overloaded, failAfter: 1 },
    ]);
    const b = new ScriptedModel('p', 'b', [{ events: text('fine') }]);
    const { deps, candidates } = setup([a, b]);
    const events = await collect(
      executeStream(candidates, ask, deps, settings({ retry: { maxAttempts: 1 } })),
    );
    expect(textOf(events)).toBe('fine');
    expect(events.some((e) => e.type === 'metadata')).toBe(false);
  });

  it('after partial output, ends with an interruption carrying the partial text, never a finish', async () => {
    const a = new ScriptedModel('p', 'a', [
      {
        events: text('Hello ', 'there'),
        error: new SwitchboardError('connection', 'socket reset'),
        failAfter: 1,
      },
    ]);
    const b = new ScriptedModel('p', 'b', [{ events: text('never') }]);
    const { deps, candidates } = setup([a, b]);
    const events = await collect(executeStream(candidates, ask, deps, settings()));
    expect(textOf(events)).toBe('Hello ');
    const last = events.at(-1);
    expect(last).toMatchObject({ type: 'interrupted', model: 'p/a', partialText: 'Hello ' });
    expect(events.some((e) => e.type === 'finish')).toBe(false);
    expect(b.calls).toHaveLength(0);
  });

  it('classifies each stream failure by how far it got', async () => {
    const a = new ScriptedModel('p', 'a', [{ error: new SwitchboardError('authentication', '401') }]);
    const b = new ScriptedModel('p', 'b', [
      {
        events: [{ type: 'metadata', metadata: {} }],
        error: new SwitchboardError('service-unavailable', 'overloaded'),
        failAfter: 1,
      },
    ]);
    const c = new ScriptedModel('p', 'c', [
      { events: text('partial', 'more'), error: new SwitchboardError('connection', 'reset'), failAfter: 1 },
    ]);
    const { deps, candidates } = setup([a, b, c]);
    const trace = newTrace();
    await collect(executeStream(candidates, ask, deps, settings({ retry: { maxAttempts: 1 } }), trace));
    expect(trace.attempts.map((x) => `${x.model}:${x.outcome}:${x.phase}`)).toEqual([
      'p/a:error:before-first-byte',
      'p/b:error:before-first-content',
      'p/c:error:after-content',
    ]);
  });

  it('continue-on-fallback lets the next model continue, without duplicating the repeated words', async () => {
    const a = new ScriptedModel('p', 'a', [
      {
        events: text('The quick brown ', 'fox'),
        error: new SwitchboardError('connection', 'reset'),
        failAfter: 1,
      },
    ]);
    const b = new ScriptedModel('p', 'b', [{ events: text('quick brown fox jumps over the lazy dog.') }]);
    const { deps, candidates } = setup([a, b]);
    const trace = newTrace();
    const events = await collect(
      executeStream(candidates, ask, deps, settings({ onPartialFailure: 'continue-on-fallback' }), trace),
    );
    expect(textOf(events)).toBe('The quick brown fox jumps over the lazy dog.');
    expect(events.find((e) => e.type === 'continued')).toMatchObject({ from: 'p/a', to: 'p/b' });
    const sent = b.calls[0]!.request.messages;
    expect(sent.at(-2)).toEqual({ role: 'assistant', content: 'The quick brown ' });
    expect(trace.models).toEqual(['p/a', 'p/b']);
    expect(events.at(-1)).toEqual({ type: 'finish', reason: 'stop' });
  });

  it('cuts the repeat at the seam even when the continuation arrives in many small chunks', async () => {
    const a = new ScriptedModel('p', 'a', [
      {
        events: text('Alpha beta gamma delta '),
        error: new SwitchboardError('connection', 'reset'),
        failAfter: 1,
      },
    ]);
    const tail = `gamma delta epsilon ${'zeta '.repeat(60)}end.`;
    const b = new ScriptedModel('p', 'b', [{ events: text(...tail.match(/.{1,3}/gs)!) }]);
    const { deps, candidates } = setup([a, b]);
    const events = await collect(
      executeStream(candidates, ask, deps, settings({ onPartialFailure: 'continue-on-fallback' })),
    );
    expect(textOf(events)).toBe(`Alpha beta gamma delta epsilon ${'zeta '.repeat(60)}end.`);
  });

  it('a consumer that stops at the start event still aborts the model call', async () => {
    const a = new ScriptedModel('p', 'a', [{ events: text('1', '2'), delayMs: 5 }]);
    const { deps, candidates } = setup([a]);
    for await (const e of executeStream(candidates, ask, deps, settings())) if (e.type === 'start') break;
    expect(a.aborted).toEqual([true]);
  });

  it('never continues on fallback after a tool call', async () => {
    const call = { type: 'tool-call' as const, toolCall: { id: 't1', name: 'f', args: {} } };
    const a = new ScriptedModel('p', 'a', [
      {
        events: [call, { type: 'text-delta', text: 'x' }],
        error: new SwitchboardError('connection', 'reset'),
        failAfter: 1,
      },
    ]);
    const b = new ScriptedModel('p', 'b', [{ events: text('no') }]);
    const { deps, candidates } = setup([a, b]);
    const events = await collect(
      executeStream(candidates, ask, deps, settings({ onPartialFailure: 'continue-on-fallback' })),
    );
    expect(events.at(-1)?.type).toBe('interrupted');
    expect(b.calls).toHaveLength(0);
  });

  it('cancellation mid-stream reaches the model and stops the stream', async () => {
    const a = new ScriptedModel('p', 'a', [{ events: text('1', '2', '3', '4', '5'), delayMs: 30 }]);
    const { deps, candidates } = setup([a]);
    const controller = new AbortController();
    const seen: string[] = [];
    const run = (async () => {
      for await (const e of executeStream(candidates, ask, deps, settings({ signal: controller.signal }))) {
        if (e.type === 'text-delta') {
          seen.push(e.text);
          if (seen.length === 2) controller.abort();
        }
      }
    })();
    await expect(run).rejects.toMatchObject({ kind: 'cancelled' });
    expect(seen).toEqual(['1', '2']);
    expect(a.aborted).toEqual([true]);
  });

  it('a consumer that stops reading aborts the model call', async () => {
    const a = new ScriptedModel('p', 'a', [{ events: text('1', '2', '3'), delayMs: 5 }]);
    const { deps, candidates } = setup([a]);
    for await (const e of executeStream(candidates, ask, deps, settings()))
      if (e.type === 'text-delta') break;
    expect(a.aborted).toEqual([true]);
  });

  it('a hang before the first token times out and falls back', async () => {
    const a = new ScriptedModel('p', 'a', [{ hang: true }]);
    const b = new ScriptedModel('p', 'b', [{ events: text('b') }]);
    const { deps, candidates } = setup([a, b]);
    const trace = newTrace();
    const events = await collect(
      executeStream(
        candidates,
        ask,
        deps,
        settings({ timeouts: { firstTokenMs: 50 }, retry: { maxAttempts: 1 } }),
        trace,
      ),
    );
    expect(textOf(events)).toBe('b');
    expect(trace.attempts[0]).toMatchObject({ model: 'p/a', errorKind: 'timeout' });
    expect(trace.attempts[0]?.message).toMatch(/no first token within 50 ms/);
    expect(a.aborted).toEqual([true]);
  });

  it('a stream that goes silent mid-answer hits the idle timeout and is reported as interrupted', async () => {
    const a = new ScriptedModel('p', 'a', [{ events: text('start'), error: 'unused', failAfter: 99 }]);
    const slowTail = new ScriptedModel('p', 'slow', [
      {
        events: [
          { type: 'text-delta', text: 'part' },
          { type: 'text-delta', text: 'late' },
        ],
        delayMs: 0,
      },
    ]);
    // The second event arrives after 300 ms, past the 50 ms idle limit.
    slowTail.stream = async function* (request, options) {
      slowTail.calls.push({ request, ...(options?.signal ? { signal: options.signal } : {}) });
      yield { type: 'text-delta', text: 'part' };
      await new Promise((r) => setTimeout(r, 300));
      yield { type: 'text-delta', text: 'late' };
    };
    const { deps } = setup([a, slowTail]);
    const events = await collect(
      executeStream([{ id: 'p/slow' }], ask, deps, settings({ timeouts: { idleMs: 50 } })),
    );
    expect(events.at(-1)).toMatchObject({ type: 'interrupted', partialText: 'part' });
    expect((events.at(-1) as { error: { kind: string } }).error.kind).toBe('timeout');
  });

  it('a stream that hangs mid-answer and ignores its signal still ends at the total deadline', async () => {
    const stuck = new ScriptedModel('p', 'stuck', []);
    stuck.stream = async function* () {
      yield { type: 'text-delta', text: 'part' };
      await new Promise(() => {}); // never answers, never looks at the signal
    };
    const { deps } = setup([stuck]);
    const events = await collect(
      executeStream([{ id: 'p/stuck' }], ask, deps, settings({ timeouts: { totalMs: 60 } })),
    );
    expect(events.at(-1)).toMatchObject({ type: 'interrupted', partialText: 'part' });
    expect((events.at(-1) as { error: { message: string } }).error.message).toMatch(
      /did not finish within 60 ms/,
    );
  });

  it('cancelling a stream that hangs mid-answer ends it at once', async () => {
    const stuck = new ScriptedModel('p', 'stuck', []);
    stuck.stream = async function* () {
      yield { type: 'text-delta', text: 'part' };
      await new Promise(() => {});
    };
    const { deps } = setup([stuck]);
    const controller = new AbortController();
    const run = (async () => {
      for await (const e of executeStream(
        [{ id: 'p/stuck' }],
        ask,
        deps,
        settings({ signal: controller.signal }),
      ))
        if (e.type === 'text-delta') setTimeout(() => controller.abort(), 10);
    })();
    await expect(run).rejects.toMatchObject({ kind: 'cancelled' });
  });

  it('drops options the model does not support, with a warning', async () => {
    const a = new ScriptedModel('p', 'a', [{ events: text('ok') }]);
    const { deps } = setup([a]);
    const trace = newTrace();
    const candidate = {
      id: 'p/a',
      info: { id: 'a', kind: 'chat' as const, capabilities: {}, unsupportedOptions: ['seed' as const] },
    };
    const events = await collect(executeStream([candidate], { ...ask, seed: 7 }, deps, settings(), trace));
    expect(a.calls[0]!.request.seed).toBeUndefined();
    expect(events).toContainEqual({
      type: 'warning',
      warning: {
        type: 'unsupported-option',
        option: 'seed',
        details: 'a does not support "seed"; it was not sent.',
      },
    });
    expect(trace.warnings).toHaveLength(1);
  });
});
