import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { type Faults, isScriptedError, type ScriptedError, type ScriptedStep } from '../script.js';
import type { NeutralChatRequest, RecordedRequest, ScriptableServer } from '../server-types.js';
import { type LoopbackListener, listenOnLoopback } from './loopback.js';
import { ResponseWriter } from './response-writer.js';

/** What a vendor server does with one request. */
export type RouteHandler = (request: RecordedRequest, writer: ResponseWriter) => Promise<void> | void;

/**
 * The HTTP half every vendor fake shares: listens on 127.0.0.1 only, records requests, keeps the
 * script queue, and closes hung sockets on `close()`. Subclasses route requests and render steps
 * in their vendor's wire format through a {@link ResponseWriter}, which applies the faults.
 */
export abstract class FakeHttpServer implements ScriptableServer {
  abstract readonly vendor: string;
  readonly requests: RecordedRequest[] = [];
  private readonly queue: ScriptedStep[] = [];
  private defaultReply: ScriptedStep = { text: 'Hello from the fake server.' };
  private listener: LoopbackListener | undefined;
  private baseUrl = '';

  /** Base URL of the listening server (`http://127.0.0.1:PORT` plus the vendor's prefix). */
  get url(): string {
    if (!this.listener) throw new Error(`${this.vendor} fake server is not started; call start() first.`);
    return this.baseUrl + this.urlPrefix();
  }

  /** The part of the base URL the vendor's SDK expects after host:port (OpenAI's `/v1`). */
  protected urlPrefix(): string {
    return '';
  }

  /** Root origin without the vendor prefix, e.g. for raw fetches in tests. */
  get origin(): string {
    return this.baseUrl;
  }

  async start(port = 0): Promise<this> {
    this.listener = await listenOnLoopback(
      createServer((req, res) => void this.onRequest(req, res)),
      port,
    );
    this.baseUrl = this.listener.origin;
    return this;
  }

  async close(): Promise<void> {
    const listener = this.listener;
    this.listener = undefined;
    await listener?.close();
  }

  reply(...steps: ScriptedStep[]): void {
    this.queue.push(...steps);
  }

  setDefaultReply(step: ScriptedStep): void {
    this.defaultReply = step;
  }

  reset(): void {
    this.queue.length = 0;
    this.requests.length = 0;
  }

  /** The next scripted step; model requests call this once each. */
  protected nextStep(): ScriptedStep {
    return this.queue.shift() ?? this.defaultReply;
  }

  abstract lastChatRequest(): NeutralChatRequest | undefined;

  /** Routes one recorded request; unknown routes should call `writer.notFound()`. */
  protected abstract route(request: RecordedRequest, writer: ResponseWriter): Promise<void> | void;

  /** Renders a scripted error in the vendor's error envelope (status, headers, body). */
  protected abstract renderError(step: ScriptedError, writer: ResponseWriter): Promise<void>;

  /** For subclasses: consumes the next step, renders errors itself, and hands replies on. */
  protected async withNextStep(
    writer: ResponseWriter,
    onReply: (step: Exclude<ScriptedStep, ScriptedError>) => Promise<void>,
  ): Promise<void> {
    const step = this.nextStep();
    writer.faults = step.faults ?? {};
    if (isScriptedError(step)) return this.renderError(step, writer);
    return onReply(step);
  }

  private async onRequest(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const recorded = await readRequest(req);
    this.requests.push(recorded);
    res.on('close', () => {
      if (!res.writableFinished) recorded.aborted = true;
    });
    const writer = new ResponseWriter(res, {} as Faults);
    try {
      await this.route(recorded, writer);
    } catch (error) {
      if (!res.headersSent) {
        res.writeHead(500, { 'content-type': 'text/plain' });
        res.end(`fake server bug: ${error instanceof Error ? error.message : String(error)}`);
      } else {
        res.destroy();
      }
    }
  }
}

async function readRequest(req: IncomingMessage): Promise<RecordedRequest> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const rawBody = Buffer.concat(chunks).toString('utf8');
  const url = new URL(req.url ?? '/', 'http://127.0.0.1');
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(req.headers)) {
    if (value !== undefined) headers[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
  }
  let body: unknown;
  if (rawBody && (headers['content-type'] ?? '').includes('json')) {
    try {
      body = JSON.parse(rawBody);
    } catch {
      body = undefined;
    }
  }
  return {
    method: req.method ?? 'GET',
    path: url.pathname,
    query: Object.fromEntries(url.searchParams),
    headers,
    rawBody,
    body,
    aborted: false,
  };
}
