import { describe, expect, it } from 'vitest';
import {
  errorFromHttp,
  isSwitchboardError,
  parseRetryAfter,
  redact,
  registerSecret,
  SwitchboardError,
  toSwitchboardError,
} from '../../src/index.js';

describe('errorFromHttp', () => {
  it.each([
    [401, 'Incorrect API key provided', undefined, 'authentication'],
    [403, 'Your key may not access this model', undefined, 'permission-denied'],
    [404, 'The model `gpt-9` does not exist', undefined, 'not-found'],
    [429, 'Rate limit reached for requests', undefined, 'rate-limit'],
    [429, 'You exceeded your current quota, please check your plan', 'insufficient_quota', 'quota-exceeded'],
    [402, 'Payment required', undefined, 'quota-exceeded'],
    [500, 'Internal error', undefined, 'service-unavailable'],
    [503, 'Service unavailable', undefined, 'service-unavailable'],
    [529, 'Overloaded', 'overloaded_error', 'service-unavailable'],
    [504, 'Gateway timeout', undefined, 'timeout'],
    [400, 'Invalid value for temperature', undefined, 'invalid-request'],
    [400, 'blocked', 'content_filter', 'content-filtered'],
  ] as const)('%i %s -> %s', (status, message, code, kind) => {
    const error = errorFromHttp({ status, message, ...(code ? { code } : {}), provider: 'openai' });
    expect(error.kind).toBe(kind);
    expect(error.status).toBe(status);
    expect(error.message).toContain(message);
  });

  it.each([
    [
      "This model's maximum context length is 128000 tokens. However, your messages resulted in 130000 tokens.",
      'OpenAI/Azure',
    ],
    ['prompt is too long: 210000 tokens > 200000 maximum', 'Anthropic'],
    ['input length and `max_tokens` exceed context limit: 199000 + 8192 > 200000', 'Anthropic'],
    ['The input token count (1048577) exceeds the maximum number of tokens allowed (1048576).', 'Gemini'],
    ['the request exceeds the available context size, try increasing it', 'llama.cpp'],
    ["This model's maximum context length is 4096 tokens. However, you requested 5000 tokens", 'vLLM'],
    ["This endpoint's maximum context length is 8192 tokens.", 'OpenRouter'],
    [
      'Prompt contains 40000 tokens and 0 draft tokens, too large for model with 32768 maximum context length',
      'Mistral',
    ],
  ])('context-window phrasing: %s (%s)', (message) => {
    expect(errorFromHttp({ status: 400, message }).kind).toBe('context-window-exceeded');
  });

  it('keeps Retry-After and says whether retrying or falling back may help', () => {
    const error = errorFromHttp({
      status: 429,
      message: 'slow down',
      headers: new Headers({ 'retry-after': '7' }),
    });
    expect(error.retryAfterMs).toBe(7000);
    expect(error.retryable).toBe(true);
    expect(error.fallbackMayHelp).toBe(true);
    const bad = errorFromHttp({ status: 400, message: 'bad' });
    expect(bad.retryable).toBe(false);
    expect(bad.fallbackMayHelp).toBe(false);
  });
});

describe('parseRetryAfter', () => {
  it('reads seconds, HTTP dates and retry-after-ms', () => {
    expect(parseRetryAfter({ 'Retry-After': '2' })).toBe(2000);
    expect(parseRetryAfter({ 'retry-after-ms': '150' })).toBe(150);
    const now = Date.parse('2026-01-01T00:00:00Z');
    expect(parseRetryAfter({ 'retry-after': 'Thu, 01 Jan 2026 00:00:30 GMT' }, now)).toBe(30_000);
    expect(parseRetryAfter({ 'retry-after': 'soon' })).toBeUndefined();
    expect(parseRetryAfter({})).toBeUndefined();
  });
});

describe('redaction', () => {
  it('removes key shapes, auth headers and query keys', () => {
    const line =
      'Authorization: Bearer sk-proj-abcdefghijklmnop1234 x-api-key: sk-ant-api03-ZZZZZZZZZZZZ ' +
      'url=https://x.test/v1?key=AIzaSyA1234567890abcdefghijkl&alt=sse';
    const out = redact(line);
    expect(out).not.toMatch(/sk-proj-abcdef|sk-ant-api03|AIzaSyA123/);
    expect(out).toContain('[REDACTED]');
    expect(out).toContain('alt=sse');
  });

  it('removes registered secrets of any shape, everywhere an error goes', () => {
    registerSecret('my-own-weird-token-42');
    const error = new SwitchboardError('authentication', 'server said my-own-weird-token-42 is wrong', {
      provider: 'custom',
    });
    expect(error.message).not.toContain('my-own-weird-token-42');
    expect(JSON.stringify(error)).not.toContain('my-own-weird-token-42');
    expect(error.userMessage).toMatch(/Set API Key/);
  });
});

describe('brand, not instanceof', () => {
  it('recognises errors from another copy of core and converts them to this copy', async () => {
    // A plugin bundles its own core: importing the built module under another URL makes a second copy.
    const distUrl = new URL('../../dist/errors/errors.js', import.meta.url).href;
    const other = (await import(`${distUrl}?copy=plugin`)) as typeof import('../../src/errors/errors.js');
    const foreign = new other.SwitchboardError('rate-limit', 'slow down', {
      retryAfterMs: 1200,
      provider: 'x',
    });
    expect(foreign instanceof SwitchboardError).toBe(false);
    expect(isSwitchboardError(foreign)).toBe(true);
    const local = toSwitchboardError(foreign);
    expect(local instanceof SwitchboardError).toBe(true);
    expect(local).toMatchObject({ kind: 'rate-limit', retryAfterMs: 1200, provider: 'x', retryable: true });
  });

  it('maps aborts and socket failures', () => {
    const abort = Object.assign(new Error('This operation was aborted'), { name: 'AbortError' });
    expect(toSwitchboardError(abort).kind).toBe('cancelled');
    const refused = new TypeError('fetch failed', {
      cause: Object.assign(new Error('connect'), { code: 'ECONNREFUSED' }),
    });
    const error = toSwitchboardError(refused, { provider: 'ollama' });
    expect(error.kind).toBe('connection');
    expect(error.hint).toMatch(/base URL/);
    expect(toSwitchboardError(new Error('weird')).kind).toBe('unknown');
  });
});
