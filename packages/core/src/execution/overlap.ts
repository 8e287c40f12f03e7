/** Shortest repetition we treat as the model repeating itself rather than coincidence. */
const MIN_OVERLAP = 8;

/**
 * When a fallback model continues a broken answer it often restarts a few words back. Returns
 * `next` without the part that repeats the end of `previous`, so text is never duplicated.
 */
export function stripOverlap(previous: string, next: string): string {
  for (let k = Math.min(previous.length, next.length); k >= MIN_OVERLAP; k--) {
    if (previous.endsWith(next.slice(0, k))) return next.slice(k);
  }
  return next;
}
