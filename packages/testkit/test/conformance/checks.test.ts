import { type ModelStreamEvent, SwitchboardError } from '@switchboard/core';
import { describe, expect, it } from 'vitest';
import {
  captureError,
  expectModelInfo,
  expectSafeForUsers,
  expectSwitchboardError,
  expectToolDeltasBeforeCalls,
  expectWellFormedStream,
  rejectionWithin,
  waitFor,
} from '../../src/conformance/checks.js';

// The suite is only as good as its checks: each must fail on the defect it exists to catch.

const usage: ModelStreamEvent = { type: 'usage', usage: { inputTokens: 3, outputTokens: 2 } };
const finish: ModelStreamEvent = { type: 'finish', reason: 'stop' };
const text = (t: string): ModelStreamEvent => ({ type: 'text-delta', text: t });

describe('expectWellFormedStream', () => {
  it('accepts text, then usage, then finish (metadata anywhere)', () => {
    expectWellFormedStream([
      { type: 'metadata', metadata: { id: 'x' } },
      text('a'),
      text('b'),
      usage,
      finish,
    ]);
  });

  it.each<[string, ModelStreamEvent[], RegExp]>([
    ['no finish', [text('a'), usage], /exactly one finish/],
    ['two finishes', [text('a'), usage, finish, finish], /exactly one finish/],
    ['something after finish', [text('a'), usage, finish, text('late')], /must be the last/],
    ['no usage', [text('a'), finish], /usage exactly once/],
    ['two usage events', [text('a'), usage, usage, finish], /usage exactly once/],
    ['text after usage', [usage, text('late'), finish], /no content may follow/],
    [
      'a fractional token count',
      [{ type: 'usage', usage: { inputTokens: 1.5, outputTokens: 1 } }, finish],
      /true/,
    ],
    [
      'an error event',
      [{ type: 'error', error: 'x' } as unknown as ModelStreamEvent, usage, finish],
      /unknown stream event/,
    ],
  ])('rejects a stream with %s', (_name, events, message) => {
    expect(() => expectWellFormedStream(events)).toThrow(message);
  });
});

describe('expectToolDeltasBeforeCalls', () => {
  const delta = (index: number, argsTextDelta: string): ModelStreamEvent => ({
    type: 'tool-call-delta',
    index,
    argsTextDelta,
  });
  const call = (id: string, args: Record<string, string>): ModelStreamEvent => ({
    type: 'tool-call',
    toolCall: { id, name: 'f', args },
  });

  it('accepts deltas per index that join to each call, before it', () => {
    expectToolDeltasBeforeCalls([
      delta(0, '{"a":'),
      delta(1, '{"b":"2"}'),
      delta(0, '"1"}'),
      call('x', { a: '1' }),
      call('y', { b: '2' }),
    ]);
  });

  it('rejects deltas that join to other arguments', () => {
    expect(() => expectToolDeltasBeforeCalls([delta(0, '{"a":"9"}'), call('x', { a: '1' })])).toThrow(
      /join to the arguments/,
    );
  });

  it('rejects a delta after its complete call', () => {
    expect(() =>
      expectToolDeltasBeforeCalls([delta(0, '{"a":'), call('x', { a: '1' }), delta(0, '"1"}')]),
    ).toThrow(/come before/);
  });

  it('rejects calls streamed without any delta, and deltas that are not JSON', () => {
    expect(() => expectToolDeltasBeforeCalls([call('x', { a: '1' })])).toThrow(
      /one group of tool-call deltas/,
    );
    expect(() => expectToolDeltasBeforeCalls([delta(0, '{"a":'), call('x', { a: '1' })])).toThrow(
      /not valid JSON/,
    );
  });
});

describe('error checks', () => {
  it('expectSwitchboardError knows errors by brand and checks the kind', () => {
    expectSwitchboardError(new SwitchboardError('cancelled', 'stop'), 'cancelled');
    expectSwitchboardError(new SwitchboardError('connection', 'reset'), ['connection', 'invalid-response']);
    expect(() => expectSwitchboardError(new Error('plain'))).toThrow(
      /expected a SwitchboardError, got Error: plain/,
    );
    expect(() => expectSwitchboardError(new SwitchboardError('unknown', 'x'), 'cancelled')).toThrow(
      /error kind/,
    );
  });

  it('expectSafeForUsers catches a key anywhere the user looks, and stack traces', () => {
    const secret = 'co-secret-value';
    expectSafeForUsers(new SwitchboardError('authentication', 'Cohere answered 401: invalid api token'), [
      secret,
    ]);
    const leaky = new SwitchboardError('authentication', `Cohere answered 401: bad key ${secret}`);
    expect(() => expectSafeForUsers(leaky, [secret])).toThrow(/never contain the API key/);
    const hinted = new SwitchboardError('authentication', 'no', { hint: `use ${secret}` });
    expect(() => expectSafeForUsers(hinted, [secret])).toThrow(/never contain the API key/);
    const traced = new SwitchboardError('unknown', 'boom\n    at fn (/app/x.js:1:2)');
    expect(() => expectSafeForUsers(traced, [])).toThrow(/stack trace/);
  });

  it('captureError fails when the call succeeds', async () => {
    expect(await captureError(async () => Promise.reject(new Error('x')))).toBeInstanceOf(Error);
    await expect(captureError(async () => 'fine')).rejects.toThrow(
      /expected the call to fail, but it resolved with "fine"/,
    );
  });

  it('rejectionWithin fails fast on a call that ignores its abort, and on one that resolves', async () => {
    const started = Date.now();
    await expect(rejectionWithin(new Promise(() => {}), 50, 'the call')).rejects.toThrow(
      /did not end within 50 ms/,
    );
    expect(Date.now() - started).toBeLessThan(1_000);
    await expect(rejectionWithin(Promise.resolve(1), 50, 'the call')).rejects.toThrow(/resolved with 1/);
    expect(await rejectionWithin(Promise.reject(new Error('cancelled')), 50, 'the call')).toBeInstanceOf(
      Error,
    );
  });
});

describe('other checks', () => {
  it('expectModelInfo rejects prefixed ids, unknown kinds and odd limits', () => {
    expectModelInfo({ id: 'm', kind: 'chat', capabilities: {}, contextWindow: 1000 }, 'acme');
    expect(() => expectModelInfo({ id: 'acme/m', kind: 'chat', capabilities: {} }, 'acme')).toThrow(
      /must not repeat/,
    );
    expect(() => expectModelInfo({ id: 'm', kind: 'video' as 'chat', capabilities: {} }, 'acme')).toThrow(
      /model kind/,
    );
    expect(() =>
      expectModelInfo({ id: 'm', kind: 'chat', capabilities: {}, contextWindow: 0 }, 'acme'),
    ).toThrow();
  });

  it('waitFor fails with what it waited for', async () => {
    await waitFor(() => true, 'nothing');
    await expect(waitFor(() => false, 'the moon', 30)).rejects.toThrow(/waiting until the moon/);
  });
});
