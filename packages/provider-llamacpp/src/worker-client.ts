import { type ChildProcess, fork } from 'node:child_process';
import type {
  HostMessage,
  RequestKind,
  RequestMap,
  WorkerErrorCode,
  WorkerEvent,
  WorkerMessage,
} from './protocol.js';

/** A request the worker refused, or could not finish because it died. */
export class WorkerRequestError extends Error {
  constructor(
    readonly code: WorkerErrorCode | 'crashed' | 'crashed-while-loading',
    message: string,
  ) {
    super(message);
    this.name = 'WorkerRequestError';
  }
}

export interface WorkerClientOptions {
  /** The built worker module (`dist/worker/worker-main.js`). */
  workerPath: string;
  /** Names the model in messages about the process. */
  label: string;
  log?: (level: 'debug' | 'info' | 'warn' | 'error', message: string) => void;
  /** Called once when the process is gone, for whatever reason. */
  onExit?: () => void;
}

export interface RequestOptions {
  signal?: AbortSignal;
  onEvent?: (event: WorkerEvent) => void;
}

interface Pending {
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
  onEvent?: (event: WorkerEvent) => void;
}

/** What the child's stderr keeps, to explain a crash (llama.cpp prints its assertion there). */
const STDERR_TAIL = 8192;

type RequestMessage<K extends RequestKind> = { type: K } & Omit<
  Extract<HostMessage, { type: K }>,
  'id' | 'type'
>;

/**
 * One worker process, seen from the host: requests with ids, streamed events, cancellation, and
 * a clear error for every pending request when the process dies. The process holds the event
 * loop only while a request is pending, so an idle model never keeps the host alive.
 */
export class WorkerClient {
  private readonly child: ChildProcess;
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;
  private stderrTail = '';
  private exitReason: string | undefined;

  constructor(private readonly options: WorkerClientOptions) {
    this.child = fork(options.workerPath, [], {
      // In VS Code's extension host process.execPath is Electron: this makes it run as plain Node.
      env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' },
      // The host's own flags (inspectors, test loaders) are not the worker's business.
      execArgv: [],
      stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
    });
    this.child.stdout?.on('data', (chunk: Buffer) =>
      this.options.log?.('debug', chunk.toString('utf8').trim()),
    );
    this.child.stderr?.on('data', (chunk: Buffer) => {
      this.stderrTail = (this.stderrTail + chunk.toString('utf8')).slice(-STDERR_TAIL);
    });
    this.child.on('message', (message: WorkerMessage) => this.onMessage(message));
    this.child.on('error', (error) => this.onGone(`could not be started: ${error.message}`));
    this.child.on('exit', (code, signal) =>
      this.onGone(signal ? `was killed by ${signal}` : `exited with code ${code}`),
    );
    this.updateRef();
  }

  get pid(): number | undefined {
    return this.child.pid;
  }

  get alive(): boolean {
    return this.exitReason === undefined;
  }

  request<K extends RequestKind>(
    message: RequestMessage<K>,
    options: RequestOptions = {},
  ): Promise<RequestMap[K]['result']> {
    if (this.exitReason !== undefined) return Promise.reject(this.crashError());
    const { signal, onEvent } = options;
    if (signal?.aborted) return Promise.reject(cancelled());
    const id = this.nextId++;
    return new Promise<RequestMap[K]['result']>((resolve, reject) => {
      const onAbort = () => {
        // Answer the caller now; the worker stops generating when the cancel arrives.
        this.settle(id);
        this.send({ type: 'cancel', id });
        reject(cancelled());
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      this.pending.set(id, {
        resolve: (value) => {
          signal?.removeEventListener('abort', onAbort);
          resolve(value as RequestMap[K]['result']);
        },
        reject: (error) => {
          signal?.removeEventListener('abort', onAbort);
          reject(error);
        },
        ...(onEvent ? { onEvent } : {}),
      });
      this.updateRef();
      this.send({ ...message, id } as HostMessage);
    });
  }

  /** Ends the process (idle unload, dispose); pending requests fail as cancelled. */
  kill(): void {
    if (this.exitReason !== undefined) return;
    for (const id of [...this.pending.keys()]) this.settle(id)?.reject(cancelled());
    this.child.kill();
  }

  private send(message: HostMessage): void {
    if (this.exitReason !== undefined || !this.child.connected) return;
    this.child.send(message, (error) => {
      if (error) this.options.log?.('debug', `IPC send failed: ${error.message}`);
    });
  }

  private onMessage(message: WorkerMessage): void {
    if (message.type === 'log') {
      this.options.log?.(message.level, `llama.cpp: ${message.message}`);
      return;
    }
    if (message.type === 'event') {
      this.pending.get(message.id)?.onEvent?.(message.event);
      return;
    }
    const pending = this.settle(message.id);
    if (!pending) return; // cancelled meanwhile
    if (message.type === 'result') pending.resolve(message.result);
    else pending.reject(new WorkerRequestError(message.error.code, message.error.message));
  }

  private settle(id: number): Pending | undefined {
    const pending = this.pending.get(id);
    this.pending.delete(id);
    this.updateRef();
    return pending;
  }

  private onGone(reason: string): void {
    if (this.exitReason !== undefined) return;
    this.exitReason = reason;
    const error = this.crashError();
    for (const id of [...this.pending.keys()]) this.settle(id)?.reject(error);
    this.options.onExit?.();
  }

  private crashError(): WorkerRequestError {
    const cause = crashCause(this.stderrTail);
    return new WorkerRequestError(
      'crashed',
      `The llama.cpp process for ${this.options.label} ${this.exitReason ?? 'stopped'}${cause ? ` (${cause})` : ''}`,
    );
  }

  private updateRef(): void {
    const busy = this.pending.size > 0;
    const handles: Array<{ ref?: () => void; unref?: () => void } | null | undefined> = [
      this.child,
      this.child.channel,
      this.child.stdout as { ref?: () => void; unref?: () => void } | null,
      this.child.stderr as { ref?: () => void; unref?: () => void } | null,
    ];
    for (const handle of handles) (busy ? handle?.ref : handle?.unref)?.call(handle);
  }
}

function cancelled(): WorkerRequestError {
  return new WorkerRequestError('cancelled', 'The request was cancelled.');
}

/**
 * The line of the dying process's stderr that says why: llama.cpp's `GGML_ASSERT(...) failed`,
 * or the C++ runtime's "terminate called..." and its `what():`. Source paths are trimmed.
 */
export function crashCause(stderr: string): string | undefined {
  const lines = stderr
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);
  const trim = (line: string) => line.replace(/^\S*[\\/]([^\\/\s]+:\d+:)/, '$1').slice(0, 300);
  const assertion = lines.findLast((line) => /GGML_ASSERT|Assertion .* failed/.test(line));
  if (assertion) return trim(assertion);
  const terminate = lines.findLast((line) => /terminate called/.test(line));
  const what = lines.findLast((line) => /what\(\):/.test(line));
  if (terminate || what)
    return trim([terminate, what?.replace(/^what\(\):\s*/, '')].filter(Boolean).join(': '));
  const other = lines.findLast((line) => /error|abort/i.test(line));
  return other === undefined ? undefined : trim(other);
}
