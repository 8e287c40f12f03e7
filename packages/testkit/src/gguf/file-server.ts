import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { type LoopbackListener, listenOnLoopback } from '../http/loopback.js';

export interface ServedRequest {
  method: string;
  path: string;
  /** The `Range` header as sent, if any. */
  range?: string;
  /** First byte asked for (0 without a range). */
  start: number;
}

/**
 * Serves model files on 127.0.0.1 the way a CDN does (HEAD, GET, `Range` with 206 answers), to
 * test downloads without the internet. `stallFrom` simulates a transfer that dies midway: bytes
 * at and after that offset are never sent, the connection just hangs.
 */
export class GgufFileServer {
  readonly requests: ServedRequest[] = [];
  /** Bytes from this offset on are withheld (set `undefined` to serve everything). */
  stallFrom: number | undefined;
  private readonly files = new Map<string, Uint8Array>();
  private listener: LoopbackListener | undefined;

  /** Serves `data` at `path` (e.g. `/user/repo/resolve/main/model.gguf`, Hugging Face's layout). */
  serve(path: string, data: Uint8Array): this {
    this.files.set(path, data);
    return this;
  }

  get url(): string {
    if (!this.listener) throw new Error('GgufFileServer is not started; call start() first.');
    return `${this.listener.origin}/`;
  }

  async start(): Promise<this> {
    this.listener = await listenOnLoopback(createServer((req, res) => this.onRequest(req, res)));
    return this;
  }

  async close(): Promise<void> {
    const listener = this.listener;
    this.listener = undefined;
    await listener?.close();
  }

  private onRequest(req: IncomingMessage, res: ServerResponse): void {
    const path = new URL(req.url ?? '/', 'http://127.0.0.1').pathname;
    const data = this.files.get(path);
    const rangeHeader = req.headers.range;
    const range = /^bytes=(\d+)-(\d*)$/.exec(rangeHeader ?? '');
    const start = range ? Number(range[1]) : 0;
    this.requests.push({
      method: req.method ?? 'GET',
      path,
      start,
      ...(rangeHeader ? { range: rangeHeader } : {}),
    });
    if (!data) {
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('Entry not found');
      return;
    }
    const end = range?.[2] ? Math.min(Number(range[2]), data.length - 1) : data.length - 1;
    if (start > end) {
      res.writeHead(416, { 'content-range': `bytes */${data.length}` });
      res.end();
      return;
    }
    res.writeHead(range ? 206 : 200, {
      'content-type': 'application/octet-stream',
      'accept-ranges': 'bytes',
      'content-length': String(end - start + 1),
      etag: `"${data.length}"`,
      ...(range ? { 'content-range': `bytes ${start}-${end}/${data.length}` } : {}),
    });
    if (req.method === 'HEAD') {
      res.end();
      return;
    }
    const stall = this.stallFrom;
    if (stall === undefined || end < stall) {
      res.end(data.subarray(start, end + 1));
      return;
    }
    if (start < stall) res.write(data.subarray(start, stall)); // then hang: a transfer that died
  }
}
