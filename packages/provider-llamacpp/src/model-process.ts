import { abortable } from './abortable.js';
import type { LoadedModel, LoadOptions, WorkerStats } from './protocol.js';
import { WorkerClient, WorkerRequestError } from './worker-client.js';

export interface ModelProcessOptions {
  workerPath: string;
  load: LoadOptions;
  /** Kill the process after this long without requests; 0 never does. */
  idleUnloadMs: number;
  label: string;
  log?: (level: 'debug' | 'info' | 'warn' | 'error', message: string) => void;
}

interface Running {
  client: WorkerClient;
  ready: Promise<LoadedModel>;
}

/**
 * One model, loaded once in its own worker process and shared by every request for it. The
 * process starts on first use, is killed after an idle time (which frees all its memory, native
 * allocations included), and is replaced by a fresh one on the next request if it dies.
 */
export class ModelProcess {
  private running: Running | undefined;
  private active = 0;
  private idleTimer: NodeJS.Timeout | undefined;

  constructor(private readonly options: ModelProcessOptions) {}

  /** Runs `work` once the model is loaded; a failed or cancelled load rejects like the request. */
  async use<T>(
    work: (client: WorkerClient, model: LoadedModel) => Promise<T>,
    signal?: AbortSignal,
  ): Promise<T> {
    this.active++;
    this.clearIdle();
    try {
      const running = this.start();
      const model = await abortable(running.ready, signal);
      return await work(running.client, model);
    } finally {
      this.active--;
      if (this.active === 0) this.armIdle();
    }
  }

  get loaded(): boolean {
    return this.running !== undefined;
  }

  get busy(): boolean {
    return this.active > 0;
  }

  get modelPath(): string {
    return this.options.load.modelPath;
  }

  /** The worker's process id (tests use it to kill the worker the way a native abort would). */
  get pid(): number | undefined {
    return this.running?.client.pid;
  }

  /** The worker's counters (diagnostics), or undefined when no process is running. */
  async stats(): Promise<WorkerStats | undefined> {
    const running = this.running;
    if (!running?.client.alive) return undefined;
    return running.client.request({ type: 'stats' });
  }

  unload(): void {
    this.clearIdle();
    const running = this.running;
    this.running = undefined;
    running?.client.kill();
  }

  private start(): Running {
    if (this.running?.client.alive) return this.running;
    const client: WorkerClient = new WorkerClient({
      workerPath: this.options.workerPath,
      label: this.options.label,
      ...(this.options.log ? { log: this.options.log } : {}),
      onExit: () => {
        if (this.running?.client === client) this.running = undefined;
      },
    });
    const ready = client.request({ type: 'load', options: this.options.load }).catch((error: unknown) => {
      // A process that could not load the model is of no further use; the next request retries.
      if (this.running?.client === client) this.running = undefined;
      client.kill();
      throw error instanceof WorkerRequestError && error.code === 'crashed'
        ? new WorkerRequestError('crashed-while-loading', error.message)
        : error;
    });
    ready.catch(() => {}); // observed by every `use`; never an unhandled rejection
    this.running = { client, ready };
    this.options.log?.(
      'info',
      `Starting a llama.cpp process for ${this.options.label} (pid ${client.pid ?? '?'})`,
    );
    return this.running;
  }

  private armIdle(): void {
    if (this.options.idleUnloadMs <= 0 || !this.running) return;
    this.idleTimer = setTimeout(() => {
      this.options.log?.(
        'info',
        `Unloading ${this.options.label} after ${this.options.idleUnloadMs / 1000} s idle`,
      );
      this.unload();
    }, this.options.idleUnloadMs);
    this.idleTimer.unref();
  }

  private clearIdle(): void {
    if (this.idleTimer) clearTimeout(this.idleTimer);
    this.idleTimer = undefined;
  }
}
