import type { WorkerEvent } from '../protocol.js';

/** Events at most this often per request; a token every 0.5 ms would otherwise be a message each. */
const INTERVAL_MS = 8;

/**
 * Coalesces a request's streamed events. The first event after a quiet spell goes out at once
 * (time to first token is not delayed); later ones within the interval are merged (text to text,
 * a call's parameter chunks to the same call) and sent together when it ends.
 */
export class EventBatcher {
  private held: WorkerEvent[] = [];
  private timer: NodeJS.Timeout | undefined;
  private lastSent = 0;

  constructor(private readonly send: (event: WorkerEvent) => void) {}

  push(event: WorkerEvent): void {
    const last = this.held[this.held.length - 1];
    if (last && mergeable(last, event)) {
      this.held[this.held.length - 1] = merge(last, event);
    } else {
      this.held.push(event);
    }
    const wait = INTERVAL_MS - (performance.now() - this.lastSent);
    if (wait <= 0) this.flush();
    else this.timer ??= setTimeout(() => this.flush(), wait);
  }

  flush(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    const events = this.held;
    this.held = [];
    for (const event of events) this.send(event);
    if (events.length > 0) this.lastSent = performance.now();
  }
}

function mergeable(a: WorkerEvent, b: WorkerEvent): boolean {
  if (a.type === 'text' || a.type === 'reasoning') return a.type === b.type;
  if (a.type === 'function-params') return b.type === 'function-params' && a.index === b.index;
  return false;
}

function merge(a: WorkerEvent, b: WorkerEvent): WorkerEvent {
  if ((a.type === 'text' || a.type === 'reasoning') && a.type === b.type)
    return { type: a.type, text: a.text + b.text };
  if (a.type === 'function-params' && b.type === 'function-params') return { ...a, text: a.text + b.text };
  return b;
}
