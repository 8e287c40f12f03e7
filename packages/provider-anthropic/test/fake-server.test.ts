import { ANTHROPIC_API_VERSION } from '@switchboard/testkit';
import { describe, expect, it } from 'vitest';
import { API_KEY, useFakeAnthropic } from './helpers.js';

// The fake server itself, spoken to with plain fetch: the wire details the SDK hides.
const fake = useFakeAnthropic();

const headers = (extra: Record<string, string> = {}) => ({
  'content-type': 'application/json',
  'x-api-key': API_KEY,
  'anthropic-version': ANTHROPIC_API_VERSION,
  ...extra,
});
const body = (extra: Record<string, unknown> = {}) =>
  JSON.stringify({
    model: 'claude-sonnet-5-5',
    max_tokens: 64,
    messages: [{ role: 'user', content: 'Hi' }],
    ...extra,
  });

async function post(path: string, init: { headers?: Record<string, string>; body?: string } = {}) {
  const response = await fetch(`${fake.server.url}${path}`, {
    method: 'POST',
    headers: init.headers ?? headers(),
    body: init.body ?? body(),
  });
  return { status: response.status, headers: response.headers, text: await response.text() };
}

describe('FakeAnthropicServer wire format', () => {
  it('streams the documented SSE event names in order, with a ping', async () => {
    fake.server.reply({ text: 'Hi there', toolCalls: [{ id: 'toolu_1', name: 'f', args: { a: 1 } }] });
    const {
      status,
      headers: responseHeaders,
      text,
    } = await post('/v1/messages', { body: body({ stream: true }) });
    expect(status).toBe(200);
    expect(responseHeaders.get('content-type')).toBe('text/event-stream');
    expect(responseHeaders.get('request-id')).toMatch(/^req_/);
    const names = [...text.matchAll(/^event: (.+)$/gm)].map((m) => m[1]);
    expect(names[0]).toBe('message_start');
    expect(names).toContain('ping');
    expect(names.slice(-2)).toEqual(['message_delta', 'message_stop']);
    expect(text).toContain('"type":"input_json_delta"');
    for (const line of text.split('\n').filter((l) => l.startsWith('data: '))) {
      expect(() => JSON.parse(line.slice(6))).not.toThrow();
    }
  });

  it('answers errors in the Anthropic envelope with request-id and the scripted headers', async () => {
    fake.server.reply({ kind: 'error', status: 529, headers: { 'retry-after': '3' } });
    const { status, headers: responseHeaders, text } = await post('/v1/messages');
    expect(status).toBe(529);
    expect(responseHeaders.get('retry-after')).toBe('3');
    expect(JSON.parse(text)).toEqual({
      type: 'error',
      error: { type: 'overloaded_error', message: 'Overloaded' },
      request_id: responseHeaders.get('request-id'),
    });
  });

  it.each([
    [
      'no API key',
      { headers: { 'content-type': 'application/json', 'anthropic-version': ANTHROPIC_API_VERSION } },
      401,
      'authentication_error',
    ],
    [
      'no anthropic-version',
      { headers: { 'content-type': 'application/json', 'x-api-key': API_KEY } },
      400,
      'invalid_request_error',
    ],
    [
      'no max_tokens',
      { body: JSON.stringify({ model: 'm', messages: [{ role: 'user', content: 'Hi' }] }) },
      400,
      'invalid_request_error',
    ],
    ['temperature under 2026-10-21', { body: body({ temperature: 0.5 }) }, 400, 'invalid_request_error'],
  ])('rejects a request with %s, like the API', async (_name, init, status, type) => {
    const response = await post('/v1/messages', init);
    expect(response.status).toBe(status);
    expect(JSON.parse(response.text)).toMatchObject({ type: 'error', error: { type } });
    // Rejected requests do not use up the script.
    fake.server.reply({ text: 'still queued' });
    expect(JSON.parse((await post('/v1/messages')).text).content[0].text).toBe('still queued');
  });

  it('accepts the key as a Bearer token (what SDK 1.x sends)', async () => {
    fake.server.reply({ text: 'ok' });
    const response = await post('/v1/messages', {
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${API_KEY}`,
        'anthropic-version': ANTHROPIC_API_VERSION,
      },
    });
    expect(response.status).toBe(200);
    expect(fake.server.lastApiKey()).toBe(API_KEY);
  });

  it('pages GET /v1/models backwards with before_id, and retrieves one model', async () => {
    const get = async (path: string) => {
      const response = await fetch(`${fake.server.url}${path}`, { headers: headers() });
      return { status: response.status, json: (await response.json()) as Record<string, unknown> };
    };
    const page = await get('/v1/models?limit=1&before_id=claude-haiku-5-5');
    expect(page.json).toMatchObject({
      first_id: 'claude-sonnet-5-5',
      last_id: 'claude-sonnet-5-5',
      has_more: true,
    });
    expect((await get('/v1/models/claude-opus-5-5')).json).toMatchObject({
      type: 'model',
      id: 'claude-opus-5-5',
    });
    expect((await get('/v1/models/claude-nope')).status).toBe(404);
  });

  it('answers unknown routes with a not_found_error envelope', async () => {
    const response = await post('/v1/complete');
    expect(response.status).toBe(404);
    expect(JSON.parse(response.text)).toMatchObject({ type: 'error', error: { type: 'not_found_error' } });
  });
});
