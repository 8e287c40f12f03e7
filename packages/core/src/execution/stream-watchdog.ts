import type { SwitchboardError } from '../errors/errors.js';
import { cancelledError } from './backoff.js';

export interface StreamWatchdogOptions {
  /** Longest silence between two events. */
  idleMs?: number;
  /** Epoch ms by which the stream must be done. */
  deadline?: number;
  signal: AbortSignal;
  idleError: () => SwitchboardError;
  totalError: () => SwitchboardError;
}

/**
 * Guards the pulls of one flowing stream against a silent provider (idle timeout), the call's total
 * deadline and cancellation. A stream delivers thousands of events a second, so instead of a timer,
 * an abort listener and a race per event (`withDeadline`), it keeps one timer and one listener for
 * the whole stream: the timer is re-armed only when it fires before anything is due, and it rejects
 * the pending pull itself, so a hung SDK call cannot hang Switchboard.
 */
export class StreamWatchdog<T> {
  private lastEventAt = Date.now();
  private timer: ReturnType<typeof setTimeout> | undefined;
  private pending:
    | { resolve: (value: IteratorResult<T>) => void; reject: (error: unknown) => void }
    | undefined;
  private failure: unknown;
  private readonly guarded: boolean;

  constructor(private readonly options: StreamWatchdogOptions) {
    this.guarded = options.idleMs !== undefined || options.deadline !== undefined;
    options.signal.addEventListener('abort', this.onAbort, { once: true });
  }

  /** The iterator's next result, or a rejection when a limit passes or the signal aborts first. */
  pull(iterator: AsyncIterator<T>): Promise<IteratorResult<T>> {
    if (this.options.signal.aborted) this.failure ??= cancelledError(this.options.signal);
    if (this.failure !== undefined) return Promise.reject(this.failure);
    const next = iterator.next();
    this.arm();
    return new Promise<IteratorResult<T>>((resolve, reject) => {
      this.pending = { resolve, reject };
      next.then(this.onResult, this.onError);
    });
  }

  /** Stops the timer and the listener; call when the stream is over, however it ended. */
  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    this.pending = undefined;
    this.options.signal.removeEventListener('abort', this.onAbort);
  }

  private readonly onResult = (result: IteratorResult<T>) => {
    const pending = this.pending;
    if (!pending) return; // a limit passed first; the stream is being torn down
    this.pending = undefined;
    if (this.options.idleMs !== undefined) this.lastEventAt = Date.now();
    pending.resolve(result);
  };

  private readonly onError = (error: unknown) => {
    const pending = this.pending;
    this.pending = undefined;
    pending?.reject(error);
  };

  private readonly onAbort = () => this.fail(cancelledError(this.options.signal));

  /** Arms the timer for the earliest limit, unless one is already armed (it re-arms itself). */
  private arm(): void {
    if (this.timer || !this.guarded) return;
    const due = this.due();
    if (due !== undefined) this.timer = setTimeout(this.onTimer, Math.max(0, due - Date.now()));
  }

  private due(): number | undefined {
    const { idleMs, deadline } = this.options;
    const idleBy = idleMs === undefined ? undefined : this.lastEventAt + idleMs;
    if (idleBy === undefined) return deadline;
    return deadline === undefined ? idleBy : Math.min(idleBy, deadline);
  }

  private readonly onTimer = () => {
    this.timer = undefined;
    // Nothing is waiting: the next pull arms the timer again.
    if (!this.pending) return;
    const now = Date.now();
    const { idleMs, deadline } = this.options;
    const idleBy = idleMs === undefined ? undefined : this.lastEventAt + idleMs;
    const idleOver = idleBy !== undefined && now >= idleBy;
    const totalOver = deadline !== undefined && now >= deadline;
    // When both passed, the one that passed first names the failure (the silence, on a tie).
    const idleFirst = idleOver && (deadline === undefined || (idleBy ?? 0) <= deadline);
    if (idleFirst) this.fail(this.options.idleError());
    else if (totalOver) this.fail(this.options.totalError());
    else this.arm();
  };

  private fail(error: unknown): void {
    this.failure ??= error;
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    const pending = this.pending;
    this.pending = undefined;
    pending?.reject(this.failure);
  }
}
