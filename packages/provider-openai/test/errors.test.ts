import type { ErrorKind } from '@switchboard/core';
import type { ScriptedError } from '@switchboard/testkit';
import { describe, expect, it } from 'vitest';
import { chatModel, collectUntilError, failureOf, useFakeServer } from './helpers.js';

const fake = useFakeServer();
const messages = [{ role: 'user' as const, content: 'x' }];

const table: Array<[string, ScriptedError, ErrorKind]> = [
  ['400', { kind: 'error', status: 400, message: "Invalid value for 'temperature'." }, 'invalid-request'],
  ['401', { kind: 'error', status: 401 }, 'authentication'],
  ['403', { kind: 'error', status: 403 }, 'permission-denied'],
  ['404', { kind: 'error', status: 404, message: 'The model `gpt-9` does not exist.' }, 'not-found'],
  ['408', { kind: 'error', status: 408 }, 'timeout'],
  ['413', { kind: 'error', status: 413 }, 'context-window-exceeded'],
  ['422', { kind: 'error', status: 422 }, 'invalid-request'],
  ['429', { kind: 'error', status: 429 }, 'rate-limit'],
  [
    '429 insufficient_quota',
    {
      kind: 'error',
      status: 429,
      type: 'insufficient_quota',
      code: 'insufficient_quota',
      message: 'You exceeded your current quota, please check your plan and billing details.',
    },
    'quota-exceeded',
  ],
  ['500', { kind: 'error', status: 500 }, 'service-unavailable'],
  ['502', { kind: 'error', status: 502 }, 'service-unavailable'],
  ['503', { kind: 'error', status: 503 }, 'service-unavailable'],
  ['529', { kind: 'error', status: 529, message: 'Overloaded' }, 'service-unavailable'],
];

describe('HTTP errors', () => {
  it.each(table)('%s maps to its kind (generate)', async (_label, step, kind) => {
    fake.server.reply(step);
    const error = await failureOf(chatModel(fake.server).generate({ messages }));
    expect(error.kind).toBe(kind);
    expect(error.status).toBe(step.status);
    expect(error.provider).toBe('openai');
    expect(error.model).toBe('openai/gpt-4o-mini');
    expect(error.message).toMatch(new RegExp(`^openai answered ${step.status}: `));
    expect(error.message).toMatch(/\(request req_fake_\d+\)$/);
    expect(error.hint.length).toBeGreaterThan(10);
    expect(error.message).not.toMatch(/\n\s+at /);
  });

  it.each(table)('%s maps to its kind (stream)', async (_label, step, kind) => {
    fake.server.reply(step);
    const { events, error } = await collectUntilError(chatModel(fake.server).stream({ messages }));
    expect(events).toEqual([]);
    expect(error.kind).toBe(kind);
  });

  it('keeps Retry-After (seconds) on a rate limit', async () => {
    fake.server.reply({ kind: 'error', status: 429, headers: { 'retry-after': '7' } });
    const error = await failureOf(chatModel(fake.server).generate({ messages }));
    expect(error.kind).toBe('rate-limit');
    expect(error.retryable).toBe(true);
    expect(error.retryAfterMs).toBe(7_000);
  });

  it('prefers retry-after-ms, which OpenAI also sends', async () => {
    fake.server.reply({
      kind: 'error',
      status: 429,
      headers: { 'retry-after-ms': '1500', 'retry-after': '2' },
    });
    const { error } = await collectUntilError(chatModel(fake.server).stream({ messages }));
    expect(error.retryAfterMs).toBe(1_500);
  });

  it('keeps Retry-After on a 503', async () => {
    fake.server.reply({ kind: 'error', status: 503, headers: { 'retry-after': '3' } });
    expect((await failureOf(chatModel(fake.server).generate({ messages }))).retryAfterMs).toBe(3_000);
  });

  it('maps OpenAI’s context_length_exceeded', async () => {
    fake.server.reply({
      kind: 'error',
      status: 400,
      code: 'context_length_exceeded',
      message:
        "This model's maximum context length is 128000 tokens. However, your messages resulted in 130000 tokens.",
    });
    const error = await failureOf(chatModel(fake.server).generate({ messages }));
    expect(error.kind).toBe('context-window-exceeded');
    expect(error.fallbackMayHelp).toBe(true);
  });

  it('maps Azure’s context-length error', async () => {
    // Azure's envelope: https://learn.microsoft.com/en-us/azure/ai-services/openai/reference#error-response
    fake.server.reply({
      kind: 'error',
      status: 400,
      rawBody: JSON.stringify({
        error: {
          message:
            "This model's maximum context length is 8192 tokens. However, your messages resulted in 9000 tokens. Please reduce the length of the messages.",
          type: 'invalid_request_error',
          param: 'messages',
          code: 'context_length_exceeded',
        },
      }),
    });
    const error = await failureOf(chatModel(fake.server, 'my-gpt4', 'azure').generate({ messages }));
    expect(error.kind).toBe('context-window-exceeded');
    expect(error.provider).toBe('azure');
  });

  it('maps OpenRouter’s context-length error (numeric code, own wording)', async () => {
    // OpenRouter's envelope: https://openrouter.ai/docs/api-reference/errors
    fake.server.reply({
      kind: 'error',
      status: 400,
      rawBody: JSON.stringify({
        error: {
          code: 400,
          message:
            'This endpoint\'s maximum context length is 200000 tokens. However, you requested about 250000 tokens (250000 of text input). Please reduce the length of either one, or use the "middle-out" transform to compress your prompt automatically.',
          metadata: { provider_name: 'Anthropic' },
        },
      }),
    });
    const error = await failureOf(
      chatModel(fake.server, 'anthropic/claude-3.5-sonnet', 'openrouter').generate({ messages }),
    );
    expect(error.kind).toBe('context-window-exceeded');
  });

  it('maps Azure’s content filter refusal', async () => {
    fake.server.reply({
      kind: 'error',
      status: 400,
      code: 'content_filter',
      message:
        "The response was filtered due to the prompt triggering Azure OpenAI's content management policy.",
    });
    const error = await failureOf(chatModel(fake.server, 'my-gpt4', 'azure').generate({ messages }));
    expect(error.kind).toBe('content-filtered');
  });

  it('says an HTML error page came back instead of quoting it', async () => {
    fake.server.reply({
      kind: 'error',
      status: 502,
      rawBody: '<!DOCTYPE html><html><body><h1>502 Bad Gateway</h1><p>nginx</p></body></html>',
    });
    const error = await failureOf(chatModel(fake.server).generate({ messages }));
    expect(error.kind).toBe('service-unavailable');
    expect(error.message).toContain('an HTML error page');
    expect(error.message).not.toContain('<html>');
  });
});
