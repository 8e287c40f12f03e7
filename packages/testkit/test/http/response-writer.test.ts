import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MALFORMED_JSON, sseFrame } from '../../src/http/response-writer.js';
import { post, readPieces, TestServer } from './test-server.js';

let server: TestServer;

beforeEach(async () => {
  server = await new TestServer().start();
});

afterEach(async () => {
  await server.close();
});

const frame = (word: string) => `event: word\ndata: {"word":"${word}"}\n\n`;

describe('ResponseWriter framing', () => {
  it('writes SSE as "event:" and "data:" lines per event, sentinels raw', async () => {
    server.reply({ text: 'a b' });
    const response = await post(`${server.url}/sse`);
    expect(response.headers.get('content-type')).toBe('text/event-stream');
    expect(response.headers.get('cache-control')).toBe('no-cache');
    expect(await response.text()).toBe(`${frame('a')}${frame('b')}data: [DONE]\n\n`);
  });

  it('sseFrame leaves out the event line when there is no event name', () => {
    expect(sseFrame(undefined, { x: 1 })).toBe('data: {"x":1}\n\n');
    expect(sseFrame('ping', 'raw')).toBe('event: ping\ndata: raw\n\n');
  });

  it('writes NDJSON as one JSON object per line', async () => {
    server.reply({ text: 'a b c' });
    const response = await post(`${server.url}/ndjson`);
    expect(response.headers.get('content-type')).toBe('application/x-ndjson');
    expect(await response.text()).toBe('{"word":"a"}\n{"word":"b"}\n{"word":"c"}\n');
  });

  it('sends a JSON body with its content-length', async () => {
    server.reply({ text: 'whole' });
    const response = await post(`${server.url}/json`);
    expect(response.headers.get('content-type')).toBe('application/json');
    expect(response.headers.get('content-length')).toBe(String('{"text":"whole"}'.length));
    expect(await response.json()).toEqual({ text: 'whole' });
  });

  it('sends a raw body verbatim with the given headers', async () => {
    server.reply({ text: '<html>bad gateway</html>' });
    const response = await post(`${server.url}/raw`);
    expect(response.headers.get('content-type')).toBe('text/plain');
    expect(await response.text()).toBe('<html>bad gateway</html>');
  });
});

describe('ResponseWriter faults', () => {
  it('latency: waits before the status line', async () => {
    server.reply({ text: 'late', faults: { latencyMs: 150 } });
    const started = Date.now();
    const response = await post(`${server.url}/json`);
    expect(Date.now() - started).toBeGreaterThanOrEqual(140);
    expect(await response.json()).toEqual({ text: 'late' });
  });

  it('hang: never answers (until the client gives up)', async () => {
    server.reply({ text: 'never', faults: { hang: true } });
    const outcome = await post(`${server.url}/json`, {}, { signal: AbortSignal.timeout(300) }).then(
      () => 'answered',
      (error: Error) => error.name,
    );
    expect(outcome).toBe('TimeoutError');
    await expect.poll(() => server.requests[0]?.aborted).toBe(true);
  });

  it('reset after 0 chunks: the socket dies before any byte', async () => {
    server.reply({ text: 'never', faults: { resetAfterChunks: 0 } });
    await expect(post(`${server.url}/json`)).rejects.toThrow(/fetch failed/);
  });

  it('reset after N chunks: N chunks arrive, then the connection breaks', async () => {
    server.reply({ text: 'a b c d', faults: { resetAfterChunks: 2 } });
    const { pieces, error } = await readPieces(await post(`${server.url}/sse`));
    expect(pieces.map((p) => p.text).join('')).toBe(frame('a') + frame('b'));
    expect(error).toBeInstanceOf(Error);
  });

  it('reset after N chunks counts NDJSON lines the same way', async () => {
    server.reply({ text: 'a b c d', faults: { resetAfterChunks: 3 } });
    const { pieces, error } = await readPieces(await post(`${server.url}/ndjson`));
    expect(pieces.map((p) => p.text).join('')).toBe('{"word":"a"}\n{"word":"b"}\n{"word":"c"}\n');
    expect(error).toBeInstanceOf(Error);
  });

  it('malformed chunk: that SSE event keeps its name but its data is not JSON', async () => {
    server.reply({ text: 'a b c', faults: { malformedChunkAt: 1 } });
    const text = await (await post(`${server.url}/sse`)).text();
    expect(text).toBe(`${frame('a')}event: word\ndata: ${MALFORMED_JSON}\n\n${frame('c')}data: [DONE]\n\n`);
  });

  it('malformed chunk: that NDJSON line is not JSON', async () => {
    server.reply({ text: 'a b', faults: { malformedChunkAt: 0 } });
    expect(await (await post(`${server.url}/ndjson`)).text()).toBe(`${MALFORMED_JSON}\n{"word":"b"}\n`);
  });

  it('malformed chunk: a JSON body is replaced whole, with a matching content-length', async () => {
    server.reply({
      text: 'a reply long enough to be longer than the malformed bytes',
      faults: { malformedChunkAt: 0 },
    });
    const response = await post(`${server.url}/json`, {}, { signal: AbortSignal.timeout(2_000) });
    expect(response.headers.get('content-length')).toBe(String(MALFORMED_JSON.length));
    expect(await response.text()).toBe(MALFORMED_JSON);
  });

  it('stall: stops after N chunks but keeps the connection open', async () => {
    server.reply({ text: 'a b c', faults: { stallAfterChunks: 1 } });
    const controller = new AbortController();
    const response = await post(`${server.url}/sse`, {}, { signal: controller.signal });
    const reader = response.body?.getReader();
    const first = await reader?.read();
    expect(new TextDecoder().decode(first?.value)).toBe(frame('a'));
    const next = await Promise.race([
      reader?.read().then(
        () => 'more data',
        () => 'error',
      ),
      new Promise((resolve) => setTimeout(() => resolve('still open'), 300)),
    ]);
    expect(next).toBe('still open');
    expect(server.requests[0]?.aborted).toBe(false);
    controller.abort();
  });

  it('drip: waits between chunks, so they arrive apart', async () => {
    server.reply({ text: 'a b c', faults: { dripMs: 80 } });
    // Measured from the request, not from the first piece: a busy client may read the first piece
    // late, which shortens the gap it sees but can never make two 80 ms waits take less than 160 ms.
    const started = Date.now();
    const { pieces } = await readPieces(await post(`${server.url}/ndjson`));
    expect(pieces.map((p) => p.text).join('')).toBe('{"word":"a"}\n{"word":"b"}\n{"word":"c"}\n');
    expect(pieces.length).toBe(3);
    expect((pieces[2]?.at ?? 0) - started).toBeGreaterThanOrEqual(155);
  });

  it('faults apply to errors too (a slow 503)', async () => {
    server.reply({ kind: 'error', status: 503, message: 'busy', faults: { latencyMs: 100 } });
    const started = Date.now();
    const response = await post(`${server.url}/json`);
    expect(response.status).toBe(503);
    expect(Date.now() - started).toBeGreaterThanOrEqual(90);
  });

  it('faults last for one response only', async () => {
    server.reply({ text: 'x', faults: { resetAfterChunks: 0 } }, { text: 'fine' });
    await expect(post(`${server.url}/json`)).rejects.toThrow();
    expect(await (await post(`${server.url}/json`)).json()).toEqual({ text: 'fine' });
  });
});
