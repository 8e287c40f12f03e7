import type { ChatModel, ErrorKind } from '@switchboard/core';
import type { ScriptedError } from '@switchboard/testkit';
import { describe, expect, it } from 'vitest';
import { anthropicProvider } from '../src/index.js';
import { ask, collectUntilError, failure, textOf, useFakeAnthropic } from './helpers.js';

const fake = useFakeAnthropic();
/** A server that takes any key, so a scripted 401 can echo the one it got. */
const open = useFakeAnthropic({});

interface Case {
  step: ScriptedError;
  kind: ErrorKind;
  retryable: boolean;
  retryAfterMs?: number;
}

const CASES: Array<[string, Case]> = [
  [
    '400 invalid_request_error',
    {
      step: { kind: 'error', status: 400, message: 'messages: field required' },
      kind: 'invalid-request',
      retryable: false,
    },
  ],
  [
    '400 prompt is too long',
    {
      step: { kind: 'error', status: 400, message: 'prompt is too long: 1200000 tokens > 1000000 maximum' },
      kind: 'context-window-exceeded',
      retryable: false,
    },
  ],
  [
    '401 authentication_error',
    { step: { kind: 'error', status: 401 }, kind: 'authentication', retryable: false },
  ],
  ['402 billing_error', { step: { kind: 'error', status: 402 }, kind: 'quota-exceeded', retryable: false }],
  [
    '403 permission_error',
    { step: { kind: 'error', status: 403 }, kind: 'permission-denied', retryable: false },
  ],
  [
    '404 not_found_error',
    {
      step: { kind: 'error', status: 404, message: 'model: claude-nope' },
      kind: 'not-found',
      retryable: false,
    },
  ],
  [
    '413 request_too_large',
    { step: { kind: 'error', status: 413 }, kind: 'context-window-exceeded', retryable: false },
  ],
  [
    '429 rate_limit_error with retry-after',
    {
      step: { kind: 'error', status: 429, headers: { 'retry-after': '7' } },
      kind: 'rate-limit',
      retryable: true,
      retryAfterMs: 7000,
    },
  ],
  [
    '429 with a spend-limit error_code',
    {
      step: {
        kind: 'error',
        status: 429,
        code: 'enforced_spend_limit_reached',
        message: 'Monthly spend cap reached.',
      },
      kind: 'quota-exceeded',
      retryable: false,
    },
  ],
  ['500 api_error', { step: { kind: 'error', status: 500 }, kind: 'service-unavailable', retryable: true }],
  [
    '529 overloaded_error',
    { step: { kind: 'error', status: 529 }, kind: 'service-unavailable', retryable: true },
  ],
  [
    '502 with an HTML page',
    {
      step: { kind: 'error', status: 502, rawBody: '<html><body>Bad gateway</body></html>' },
      kind: 'service-unavailable',
      retryable: true,
    },
  ],
];

describe('HTTP errors', () => {
  it.each(CASES)('%s (generate) maps to the right kind, status and message', async (_name, c) => {
    fake.server.reply(c.step);
    const error = await failure(() => fake.model().generate(ask('Hi.')));
    expect(error.kind).toBe(c.kind);
    expect(error.retryable).toBe(c.retryable);
    expect(error.status).toBe(c.step.status);
    expect(error.provider).toBe('anthropic');
    expect(error.model).toBe('claude-sonnet-5-5');
    if (c.retryAfterMs !== undefined) expect(error.retryAfterMs).toBe(c.retryAfterMs);
    expect(error.message).toMatch(new RegExp(`^Anthropic answered ${c.step.status}`));
    if (!c.step.rawBody) expect(error.message).toMatch(/request-id req_fake_/);
    expect(error.message).not.toMatch(/\n\s+at /);
    expect(error.userMessage).toContain(error.hint);
    // One attempt only: the SDK's own retries are off.
    expect(fake.server.requests).toHaveLength(1);
  });

  it.each(CASES.filter(([name]) => /^(401|429 rate|529)/.test(name)))(
    '%s (stream) is thrown from the stream, never yielded',
    async (_name, c) => {
      fake.server.reply(c.step);
      const { events, error } = await collectUntilError(fake.model().stream(ask('Hi.')));
      expect(events).toEqual([]);
      expect(error).toMatchObject({ kind: c.kind, status: c.step.status });
    },
  );

  it('an authentication error says where to set the key', async () => {
    fake.server.reply({ kind: 'error', status: 401 });
    const error = await failure(() => fake.model().generate(ask('Hi.')));
    expect(error.hint).toContain('ANTHROPIC_API_KEY');
    expect(error.action).toBe('set-api-key');
  });

  it('without an API key the call fails as authentication before anything is sent', async () => {
    const model = anthropicProvider.chatModel?.('claude-sonnet-5-5', {
      settings: { baseUrl: fake.server.url },
    }) as ChatModel;
    const error = await failure(() => model.generate(ask('Hi.')));
    expect(error.kind).toBe('authentication');
    expect(error.message).toBe('No Anthropic API key is set.');
    expect(fake.server.requests).toHaveLength(0);
  });

  it('a wrong key is refused by the server (401) and reported as authentication', async () => {
    const error = await failure(() =>
      fake.model('claude-sonnet-5-5', { apiKey: 'sk-ant-wrong-key-000000' }).generate(ask('Hi.')),
    );
    expect(error.kind).toBe('authentication');
    expect(error.message).toContain('invalid x-api-key');
  });
});

describe('mid-stream error events', () => {
  it('an overloaded_error after some text is thrown as service-unavailable, after the text it sent', async () => {
    fake.server.replyWithStreamError({ reply: { text: 'Half an answer and then' }, afterEvents: 5 });
    const { events, error } = await collectUntilError(fake.model().stream(ask('Hi.')));
    expect(textOf(events).length).toBeGreaterThan(0);
    expect(events.some((e) => e.type === 'finish' || e.type === 'usage')).toBe(false);
    expect(error).toMatchObject({ kind: 'service-unavailable', retryable: true, code: 'overloaded_error' });
    expect((error as Error).message).toMatch(
      /^Anthropic failed mid-stream with overloaded_error: Overloaded \(request-id req_fake_\d+\)$/,
    );
  });

  it('a mid-stream rate_limit_error is a rate-limit error', async () => {
    fake.server.replyWithStreamError({ type: 'rate_limit_error', message: 'Slow down.', afterEvents: 1 });
    const { error } = await collectUntilError(fake.model().stream(ask('Hi.')));
    expect(error).toMatchObject({ kind: 'rate-limit', retryable: true });
  });

  it('the same scripted failure without streaming is an HTTP 529', async () => {
    fake.server.replyWithStreamError();
    const error = await failure(() => fake.model().generate(ask('Hi.')));
    expect(error).toMatchObject({ kind: 'service-unavailable', status: 529 });
  });
});

describe('no key leaks', () => {
  it('a server message that echoes the key does not carry it into the error', async () => {
    // Not an sk-ant-style key: only registration as a secret can catch it.
    const key = 'corp-gateway-token-7f3a9c2e51';
    open.server.reply({ kind: 'error', status: 401, message: `the key ${key} is not valid` });
    const model = anthropicProvider.chatModel?.('claude-sonnet-5-5', {
      settings: { apiKey: key, baseUrl: open.server.url },
    }) as ChatModel;
    const error = await failure(() => model.generate(ask('Hi.')));
    expect(open.server.lastApiKey()).toBe(key);
    for (const text of [error.message, error.hint, error.userMessage, JSON.stringify(error)]) {
      expect(text).not.toContain(key);
    }
    expect(error.message).toContain('[REDACTED]');
    // Streamed too.
    open.server.reply({ kind: 'error', status: 401, message: `bad key ${key}` });
    const { error: streamed } = await collectUntilError(model.stream(ask('Hi.')));
    expect(String((streamed as Error).message)).not.toContain(key);
  });
});
