import type { ServerResponse } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Faults } from '../script.js';

/** Bytes that no JSON parser accepts, used for the malformed-chunk fault. */
export const MALFORMED_JSON = '{"this is": not json';

/** An SSE event: `event:` line (optional) and the `data:` payload (a string or a JSON value). */
export interface SseEvent {
  event?: string;
  data: unknown;
}

/**
 * Writes one response and applies its faults. A "chunk" is one SSE event, one NDJSON line or
 * one whole JSON body; faults count chunks, so "reset after 2 chunks" means the same thing for
 * every wire format.
 */
export class ResponseWriter {
  constructor(
    private readonly res: ServerResponse,
    public faults: Faults,
  ) {}

  /** True once the client went away; streams stop writing. */
  get clientGone(): boolean {
    return this.res.destroyed || this.res.writableEnded;
  }

  /** Sends a JSON body (one chunk). */
  async json(status: number, body: unknown, headers: Record<string, string> = {}): Promise<void> {
    await this.stream(status, { 'content-type': 'application/json', ...headers }, [JSON.stringify(body)], {
      malformed: () => MALFORMED_JSON,
    });
  }

  /** Sends a non-JSON body verbatim (error pages, proxies' HTML). */
  async raw(status: number, body: string | Uint8Array, headers: Record<string, string>): Promise<void> {
    await this.stream(status, headers, [body], { malformed: () => body });
  }

  /** Sends Server-Sent Events: `event: name\ndata: json\n\n` per event. `[DONE]`-style sentinels go in as strings. */
  async sse(events: SseEvent[], headers: Record<string, string> = {}): Promise<void> {
    const frames = events.map((event) => sseFrame(event.event, event.data));
    await this.stream(
      200,
      {
        'content-type': 'text/event-stream',
        'cache-control': 'no-cache',
        connection: 'keep-alive',
        ...headers,
      },
      frames,
      { malformed: (index) => sseFrame(events[index]?.event, MALFORMED_JSON) },
    );
  }

  /** Sends newline-delimited JSON, one object per line (Ollama's streaming format). */
  async ndjson(lines: unknown[], headers: Record<string, string> = {}): Promise<void> {
    await this.stream(
      200,
      { 'content-type': 'application/x-ndjson', ...headers },
      lines.map((line) => `${JSON.stringify(line)}\n`),
      { malformed: () => `${MALFORMED_JSON}\n` },
    );
  }

  async notFound(message = 'Not found'): Promise<void> {
    this.faults = {};
    await this.json(404, { error: { message } });
  }

  /** Writes chunks one by one, honouring latency, hang, drip, malformed, stall and reset. */
  private async stream(
    status: number,
    headers: Record<string, string>,
    chunks: Array<string | Uint8Array>,
    replace: { malformed: (index: number) => string | Uint8Array },
  ): Promise<void> {
    const faults = this.faults;
    if (faults.latencyMs) await sleep(faults.latencyMs);
    if (faults.hang) return; // never answer; close() destroys the socket
    if (faults.resetAfterChunks === 0) {
      this.res.socket?.destroy();
      return;
    }
    // Count the length after the malformed swap, or a client waits for bytes that never come.
    const sent = chunks.map((chunk, index) =>
      index === faults.malformedChunkAt ? replace.malformed(index) : chunk,
    );
    const streaming = chunks.length > 1 || headers['content-type'] === 'text/event-stream';
    this.res.writeHead(
      status,
      streaming ? headers : { ...headers, 'content-length': String(byteLength(sent)) },
    );
    if (streaming) this.res.flushHeaders();
    for (let index = 0; index < chunks.length; index++) {
      if (this.clientGone) return;
      if (faults.stallAfterChunks !== undefined && index >= faults.stallAfterChunks) return;
      if (faults.resetAfterChunks !== undefined && index >= faults.resetAfterChunks) {
        this.res.socket?.destroy();
        return;
      }
      if (index > 0 && faults.dripMs) await sleep(faults.dripMs);
      await write(this.res, sent[index]!);
    }
    this.res.end();
  }
}

export function sseFrame(event: string | undefined, data: unknown): string {
  const payload = typeof data === 'string' ? data : JSON.stringify(data);
  return `${event ? `event: ${event}\n` : ''}data: ${payload}\n\n`;
}

function byteLength(chunks: Array<string | Uint8Array>): number {
  return chunks.reduce(
    (sum, chunk) => sum + (typeof chunk === 'string' ? Buffer.byteLength(chunk) : chunk.length),
    0,
  );
}

/**
 * Writes and waits until the chunk is handed to the socket, so a slow client applies backpressure,
 * drips really drip, and a reset after N chunks never discards chunks still queued in the process.
 */
function write(res: ServerResponse, chunk: string | Uint8Array): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      res.off('close', done);
      resolve();
    };
    res.on('close', done);
    res.write(chunk, done);
  });
}
