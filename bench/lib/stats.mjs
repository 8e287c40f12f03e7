// Small statistics and timing helpers shared by every scenario.
import { setImmediate as tick } from 'node:timers/promises';

export const now = () => performance.now();

export function quantile(values, q) {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const at = (sorted.length - 1) * q;
  const lo = Math.floor(at);
  const hi = Math.ceil(at);
  return sorted[lo] + (sorted[hi] - sorted[lo]) * (at - lo);
}

export const median = (values) => quantile(values, 0.5);

/** Median with the spread of the trials it came from. */
export function summary(values) {
  return {
    median: median(values),
    min: Math.min(...values),
    max: Math.max(...values),
    n: values.length,
    samples: values,
  };
}

/** Collects garbage left by the previous contender (node --expose-gc) and lets the loop drain. */
export async function settle() {
  globalThis.gc?.();
  await tick();
  globalThis.gc?.();
  await tick();
}

/**
 * Runs `trials` rounds; each round runs every key once, in an order rotated per round so no
 * contender always goes first (or always follows the same one). `fn(key, round)` returns what is
 * recorded. Before each turn: a forced GC (unless `gc: false`), so one contender's garbage is not
 * collected on another's time, then `prime(key)` untimed: the first calls after a full GC run
 * several ms slower in proportion to the heap (all contenders share it), which must not land on
 * the timed call.
 */
export async function interleaved(keys, trials, fn, { gc = true, prime } = {}) {
  const out = Object.fromEntries(keys.map((key) => [key, []]));
  for (let round = 0; round < trials; round++) {
    for (let i = 0; i < keys.length; i++) {
      const key = keys[(i + round) % keys.length];
      if (gc) await settle();
      if (prime) await prime(key);
      out[key].push(await fn(key, round));
    }
  }
  return out;
}

/** Runs `count` calls of `task` with at most `concurrency` in flight; returns each call's latency (ms). */
export async function pool(count, concurrency, task) {
  const latencies = new Array(count);
  let next = 0;
  const lane = async () => {
    while (next < count) {
      const index = next++;
      const started = now();
      await task(index);
      latencies[index] = now() - started;
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, count) }, lane));
  return latencies;
}

/** Each item's own statistics over a list of per-trial objects: [{a, b}, …] -> {a: summary, b: summary}. */
export function summarizeFields(trials, fields) {
  return Object.fromEntries(fields.map((field) => [field, summary(trials.map((trial) => trial[field]))]));
}
