export interface LatencySample {
  /** Time to the first content token; absent for non-streamed calls. */
  ttftMs?: number;
  totalMs: number;
}

export interface LatencyStats {
  /** EWMA of time to first token; undefined until a streamed call was observed. */
  ttftMs?: number;
  /** EWMA of total latency. */
  totalMs: number;
  samples: number;
}

export interface LatencyTrackerOptions {
  /** Weight of the newest sample, 0 < alpha <= 1. Higher reacts faster to change. */
  alpha?: number;
}

/**
 * Per-model exponentially weighted moving averages of latency, fed by the executor after each
 * successful call and read by the `fastest` policy.
 */
export class LatencyTracker {
  private readonly alpha: number;
  private readonly stats = new Map<string, LatencyStats>();

  constructor(options: LatencyTrackerOptions = {}) {
    const alpha = options.alpha ?? 0.3;
    if (!(alpha > 0 && alpha <= 1)) throw new RangeError(`alpha must be in (0, 1], got ${alpha}`);
    this.alpha = alpha;
  }

  record(id: string, sample: LatencySample): void {
    if (!Number.isFinite(sample.totalMs) || sample.totalMs < 0) return;
    const ttft = sample.ttftMs !== undefined && Number.isFinite(sample.ttftMs) ? sample.ttftMs : undefined;
    const previous = this.stats.get(id);
    if (!previous) {
      // The first sample is the average: no zero prior dragging it down.
      this.stats.set(id, {
        totalMs: sample.totalMs,
        samples: 1,
        ...(ttft !== undefined && { ttftMs: ttft }),
      });
      return;
    }
    const next: LatencyStats = {
      totalMs: this.mix(previous.totalMs, sample.totalMs),
      samples: previous.samples + 1,
    };
    const ttftMs = ttft === undefined ? previous.ttftMs : this.mix(previous.ttftMs, ttft);
    if (ttftMs !== undefined) next.ttftMs = ttftMs;
    this.stats.set(id, next);
  }

  get(id: string): LatencyStats | undefined {
    const stats = this.stats.get(id);
    return stats && { ...stats };
  }

  /**
   * What `fastest` sorts by: time to first token when known (what a chat user waits for),
   * else total latency, which bounds it from above. Undefined for a model never observed.
   */
  score(id: string): number | undefined {
    const stats = this.stats.get(id);
    return stats && (stats.ttftMs ?? stats.totalMs);
  }

  forget(id: string): void {
    this.stats.delete(id);
  }

  clear(): void {
    this.stats.clear();
  }

  private mix(previous: number | undefined, sample: number): number {
    return previous === undefined ? sample : this.alpha * sample + (1 - this.alpha) * previous;
  }
}
