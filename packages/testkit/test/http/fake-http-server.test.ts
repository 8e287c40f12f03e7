import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { post, TestServer } from './test-server.js';

let server: TestServer;

beforeEach(async () => {
  server = await new TestServer().start();
});

afterEach(async () => {
  await server.close();
});

describe('FakeHttpServer', () => {
  it('listens on 127.0.0.1 and adds the vendor prefix to its url', () => {
    expect(server.origin).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(server.url).toBe(`${server.origin}/api`);
  });

  it('refuses to give a url before start()', () => {
    expect(() => new TestServer().url).toThrow(/not started/);
  });

  it('records method, path, query, lower-cased headers and the parsed JSON body', async () => {
    await post(`${server.url}/json?page=2&q=a%20b`, { prompt: 'hello' });
    expect(server.requests).toHaveLength(1);
    const [request] = server.requests;
    expect(request).toMatchObject({
      method: 'POST',
      path: '/api/json',
      query: { page: '2', q: 'a b' },
      rawBody: '{"prompt":"hello"}',
      body: { prompt: 'hello' },
      aborted: false,
    });
    expect(request?.headers['x-custom']).toBe('Yes');
    expect(request?.headers['content-type']).toBe('application/json');
  });

  it('keeps a body that is not JSON raw and leaves `body` undefined', async () => {
    await fetch(`${server.url}/json`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body: 'plain',
    });
    await fetch(`${server.url}/json`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{broken',
    });
    expect(server.requests.map((r) => [r.rawBody, r.body])).toEqual([
      ['plain', undefined],
      ['{broken', undefined],
    ]);
  });

  it('answers queued steps in order, then the default reply', async () => {
    server.reply({ text: 'first' }, { text: 'second' });
    const texts = [];
    for (let i = 0; i < 3; i++)
      texts.push(((await (await post(`${server.url}/json`)).json()) as { text: string }).text);
    expect(texts).toEqual(['first', 'second', 'Hello from the fake server.']);
  });

  it('uses the step given to setDefaultReply when the queue is empty', async () => {
    server.setDefaultReply({ text: 'fallback' });
    server.reply({ text: 'queued' });
    const read = async () => ((await (await post(`${server.url}/json`)).json()) as { text: string }).text;
    expect([await read(), await read(), await read()]).toEqual(['queued', 'fallback', 'fallback']);
  });

  it('reset() forgets queued steps and recorded requests', async () => {
    server.reply({ text: 'stale' });
    await post(`${server.url}/raw`, {});
    server.reply({ text: 'stale again' });
    server.reset();
    expect(server.requests).toEqual([]);
    const body = (await (await post(`${server.url}/json`)).json()) as { text: string };
    expect(body.text).toBe('Hello from the fake server.');
  });

  it('renders a scripted error through the subclass, with its status and headers', async () => {
    server.reply({
      kind: 'error',
      status: 429,
      message: 'slow down',
      type: 'rate_limit',
      headers: { 'retry-after': '7' },
    });
    const response = await post(`${server.url}/json`);
    expect(response.status).toBe(429);
    expect(response.headers.get('retry-after')).toBe('7');
    expect(await response.json()).toEqual({ error: { message: 'slow down', type: 'rate_limit' } });
  });

  it('answers an unknown route with 404 and consumes no step', async () => {
    server.reply({ text: 'kept' });
    const response = await post(`${server.url}/nowhere`);
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({ error: { message: 'No route /api/nowhere' } });
    expect(((await (await post(`${server.url}/json`)).json()) as { text: string }).text).toBe('kept');
  });

  it('turns an exception in a route into a 500 that names the bug', async () => {
    const response = await post(`${server.url}/bug`);
    expect(response.status).toBe(500);
    expect(await response.text()).toBe('fake server bug: route exploded');
  });

  it('marks a request aborted when the client goes away before the answer is complete', async () => {
    server.reply({ text: 'a b c d', faults: { stallAfterChunks: 1 } });
    const controller = new AbortController();
    const response = await post(`${server.url}/sse`, {}, { signal: controller.signal });
    const reader = response.body?.getReader();
    await reader?.read();
    expect(server.requests[0]?.aborted).toBe(false);
    controller.abort();
    await expect.poll(() => server.requests[0]?.aborted).toBe(true);
  });

  it('leaves a completed request not aborted', async () => {
    await (await post(`${server.url}/sse`)).text();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(server.requests[0]?.aborted).toBe(false);
  });

  it('close() ends hung requests, so a client waiting on one fails instead of hanging', async () => {
    server.reply({ faults: { hang: true } });
    const pending = post(`${server.url}/json`);
    await expect.poll(() => server.requests.length).toBe(1);
    await server.close();
    await expect(pending).rejects.toThrow(/fetch failed/);
    await server.close(); // a second close is harmless
  });
});
