import { describe, expect, it } from 'vitest';
import { LatencyTracker } from '../../src/router/latency.js';

describe('LatencyTracker', () => {
  it('starts at the first sample and moves by alpha', () => {
    const tracker = new LatencyTracker({ alpha: 0.5 });
    tracker.record('a/b', { ttftMs: 100, totalMs: 1000 });
    expect(tracker.get('a/b')).toEqual({ ttftMs: 100, totalMs: 1000, samples: 1 });
    tracker.record('a/b', { ttftMs: 300, totalMs: 2000 });
    expect(tracker.get('a/b')).toEqual({ ttftMs: 200, totalMs: 1500, samples: 2 });
  });

  it('keeps the ttft average when a sample has none (non-streamed call)', () => {
    const tracker = new LatencyTracker({ alpha: 0.5 });
    tracker.record('a/b', { ttftMs: 100, totalMs: 1000 });
    tracker.record('a/b', { totalMs: 3000 });
    expect(tracker.get('a/b')).toEqual({ ttftMs: 100, totalMs: 2000, samples: 2 });
  });

  it('scores by ttft when known, else total; undefined when never observed', () => {
    const tracker = new LatencyTracker();
    tracker.record('a/stream', { ttftMs: 250, totalMs: 4000 });
    tracker.record('a/plain', { totalMs: 900 });
    expect(tracker.score('a/stream')).toBe(250);
    expect(tracker.score('a/plain')).toBe(900);
    expect(tracker.score('a/never')).toBeUndefined();
  });

  it('ignores nonsense samples and validates alpha', () => {
    const tracker = new LatencyTracker();
    tracker.record('a/b', { totalMs: Number.NaN });
    tracker.record('a/b', { totalMs: -5 });
    expect(tracker.get('a/b')).toBeUndefined();
    expect(() => new LatencyTracker({ alpha: 0 })).toThrow(RangeError);
  });
});
