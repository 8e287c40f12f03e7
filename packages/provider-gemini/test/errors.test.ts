import { inspect } from 'node:util';
import { type ErrorKind, isSwitchboardError, type SwitchboardErrorLike } from '@switchboard/core';
import { geminiError, geminiErrorBody } from '@switchboard/testkit';
import { describe, expect, it } from 'vitest';
import { API_KEY, chatModel, failure, useFakeGemini, user } from './helpers.js';

const { server, provider } = useFakeGemini();

const ask = { messages: [user('Hi')] };

async function generateError(): Promise<SwitchboardErrorLike> {
  const error = await failure(chatModel(provider(), server).generate(ask));
  if (!isSwitchboardError(error)) throw new Error(`not a Switchboard error: ${String(error)}`);
  return error;
}

async function streamError(): Promise<SwitchboardErrorLike> {
  const error = await failure(chatModel(provider(), server).stream(ask));
  if (!isSwitchboardError(error)) throw new Error(`not a Switchboard error: ${String(error)}`);
  return error;
}

// Statuses and rpc names: https://ai.google.dev/gemini-api/docs/troubleshooting#error-codes
describe('errors: HTTP statuses in Google’s envelope', () => {
  it.each<[number, string, ErrorKind, boolean]>([
    [400, 'INVALID_ARGUMENT', 'invalid-request', false],
    [401, 'UNAUTHENTICATED', 'authentication', false],
    [403, 'PERMISSION_DENIED', 'permission-denied', false],
    [404, 'NOT_FOUND', 'not-found', false],
    [500, 'INTERNAL', 'service-unavailable', true],
    [503, 'UNAVAILABLE', 'service-unavailable', true],
    [504, 'DEADLINE_EXCEEDED', 'timeout', true],
  ])('%i %s -> %s (generate and stream), after exactly one request', async (status, rpc, kind, retryable) => {
    server.reply({ kind: 'error', status }, { kind: 'error', status });
    const error = await generateError();
    expect(error).toMatchObject({
      kind,
      status,
      code: rpc,
      provider: 'gemini',
      model: 'gemini-2.5-flash',
      retryable,
    });
    expect(error.message).toMatch(new RegExp(`^Gemini answered ${status} ${rpc}: \\S`));
    expect(error.hint.length).toBeGreaterThan(10);
    expect(server.requests).toHaveLength(1); // the SDK's own retries are off
    expect(await streamError()).toMatchObject({ kind, status, code: rpc });
    expect(server.requests).toHaveLength(2);
  });

  it('reads a 400 API_KEY_INVALID as a bad key, with a hint that says where keys come from', async () => {
    // Google answers a bad key with 400 INVALID_ARGUMENT + ErrorInfo reason API_KEY_INVALID
    // (https://ai.google.dev/gemini-api/docs/troubleshooting, https://cloud.google.com/apis/design/errors#error_info).
    server.reply(
      geminiError(400, {
        message: 'API key not valid. Please pass a valid API key.',
        reason: 'API_KEY_INVALID',
      }),
    );
    const error = await generateError();
    expect(error).toMatchObject({ kind: 'authentication', status: 400, action: 'set-api-key' });
    expect(error.hint).toContain('aistudio.google.com/apikey');
  });

  it('names the model and how to list the others on a 404', async () => {
    server.reply({
      kind: 'error',
      status: 404,
      message: 'models/gemini-9 is not found for API version v1, or is not supported for generateContent.',
    });
    const error = await generateError();
    expect(error.kind).toBe('not-found');
    expect(error.message).toContain('models/gemini-9 is not found');
    expect(error.hint).toContain('listModels');
  });

  it("reads Gemini's context-length message as context-window-exceeded", async () => {
    server.reply({
      kind: 'error',
      status: 400,
      message: 'The input token count (1200000) exceeds the maximum number of tokens allowed (1048576).',
    });
    expect(await generateError()).toMatchObject({ kind: 'context-window-exceeded', fallbackMayHelp: true });
  });

  it('reads a proxy’s HTML error page as a short readable message', async () => {
    server.reply({
      kind: 'error',
      status: 502,
      rawBody: '<html><head><title>502 Bad Gateway</title></head><body><h1>Bad Gateway</h1></body></html>',
    });
    const error = await generateError();
    expect(error.kind).toBe('service-unavailable');
    expect(error.message).toContain('502 Bad Gateway');
    expect(error.message).not.toContain('<');
  });
});

describe('errors: rate limits', () => {
  it('takes the wait from RetryInfo.retryDelay', async () => {
    // 429 RESOURCE_EXHAUSTED with google.rpc.RetryInfo (https://ai.google.dev/gemini-api/docs/rate-limits,
    // https://cloud.google.com/apis/design/errors#retry_info).
    server.reply(geminiError(429, { retryDelay: '30s', message: 'You exceeded your current quota.' }));
    expect(await generateError()).toMatchObject({
      kind: 'rate-limit',
      retryAfterMs: 30_000,
      retryable: true,
      code: 'RESOURCE_EXHAUSTED',
    });
  });

  it('takes a fractional RetryInfo delay in a stream too', async () => {
    server.reply(geminiError(429, { retryDelay: '1.5s' }));
    expect(await streamError()).toMatchObject({ kind: 'rate-limit', retryAfterMs: 1_500 });
  });

  it('takes the wait from a Retry-After header', async () => {
    server.reply({ kind: 'error', status: 429, headers: { 'retry-after': '7' } });
    expect(await generateError()).toMatchObject({ kind: 'rate-limit', retryAfterMs: 7_000 });
    server.reply({ kind: 'error', status: 429, headers: { 'retry-after': '2' } });
    expect(await streamError()).toMatchObject({ kind: 'rate-limit', retryAfterMs: 2_000 });
  });

  it('reads an exhausted daily quota as quota-exceeded, which waiting does not fix', async () => {
    // google.rpc.QuotaFailure names the violated quota (https://cloud.google.com/apis/design/errors#quota_failure).
    const body = geminiErrorBody(429, { message: 'You exceeded your current quota.', retryDelay: '40s' }) as {
      error: { details: unknown[] };
    };
    body.error.details.push({
      '@type': 'type.googleapis.com/google.rpc.QuotaFailure',
      violations: [{ quotaId: 'GenerateRequestsPerDayPerProjectPerModel-FreeTier' }],
    });
    server.reply({ kind: 'error', status: 429, rawBody: JSON.stringify(body) });
    expect(await generateError()).toMatchObject({
      kind: 'quota-exceeded',
      retryable: false,
      fallbackMayHelp: true,
    });
  });
});

describe('errors: the API key never shows', () => {
  it('keeps the key out of messages, hints, JSON and inspection, even when Google echoes it', async () => {
    // Google's DebugInfo detail can repeat the key it rejected (https://cloud.google.com/apis/design/errors#debug_info).
    const body = geminiErrorBody(400, {
      message: 'API key not valid. Please pass a valid API key.',
      reason: 'API_KEY_INVALID',
    }) as {
      error: { details: unknown[] };
    };
    body.error.details.push({
      '@type': 'type.googleapis.com/google.rpc.DebugInfo',
      detail: `Invalid API key: ${API_KEY}`,
    });
    server.reply(
      { kind: 'error', status: 400, rawBody: JSON.stringify(body) },
      { kind: 'error', status: 400, rawBody: JSON.stringify(body) },
    );
    for (const error of [await generateError(), await streamError()]) {
      for (const text of [
        error.message,
        error.hint,
        error.userMessage,
        JSON.stringify(error),
        inspect(error, { depth: 10 }),
      ]) {
        expect(text).not.toContain(API_KEY);
      }
    }
    // The SDK sends the key in a header, so no URL (and no error quoting one) carries it.
    expect(
      server.requests.every((request) => !request.path.includes(API_KEY) && !('key' in request.query)),
    ).toBe(true);
  });

  it('keeps the key out of connection errors', async () => {
    server.reply({ faults: { resetAfterChunks: 0 } });
    const error = await generateError();
    expect(error.kind).toBe('connection');
    expect(inspect(error, { depth: 10 })).not.toContain(API_KEY);
  });
});
