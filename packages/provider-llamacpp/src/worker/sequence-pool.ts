/**
 * Hands out a context's sequences one request at a time; requests beyond the number of sequences
 * wait in arrival order, and leave the line when their signal aborts.
 */
export class SequencePool<T> {
  private readonly free: T[];
  private readonly waiting: Array<(item: T) => void> = [];

  constructor(items: T[]) {
    this.free = [...items];
  }

  acquire(signal: AbortSignal): Promise<T> {
    signal.throwIfAborted();
    const item = this.free.shift();
    if (item !== undefined) return Promise.resolve(item);
    return new Promise<T>((resolve, reject) => {
      const onAbort = () => {
        const index = this.waiting.indexOf(grant);
        if (index !== -1) this.waiting.splice(index, 1);
        reject(signal.reason);
      };
      const grant = (granted: T) => {
        signal.removeEventListener('abort', onAbort);
        resolve(granted);
      };
      this.waiting.push(grant);
      signal.addEventListener('abort', onAbort, { once: true });
    });
  }

  release(item: T): void {
    const next = this.waiting.shift();
    if (next) next(item);
    else this.free.push(item);
  }
}
