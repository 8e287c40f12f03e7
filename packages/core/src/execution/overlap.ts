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

/** How much of a continuation is held back to find the seam; restarts rarely go further back. */
const HOLD_BACK_CHARS = 200;

/**
 * The seam between a broken answer and its continuation by another model: holds back the
 * continuation's first characters until the part repeating the delivered tail can be cut.
 */
export class ContinuationSeam {
  private held: string | undefined;

  constructor(
    private readonly delivered: () => string,
    active: boolean,
  ) {
    this.held = active ? '' : undefined;
  }

  /** The text to pass on now: all of it once the seam is cut, nothing while still holding back. */
  push(text: string): string {
    if (this.held === undefined) return text;
    this.held += text;
    return this.held.length < HOLD_BACK_CHARS ? '' : this.release();
  }

  /** Whatever is still held back, without the repeat (at the end of the stream, or on failure). */
  release(): string {
    if (this.held === undefined) return '';
    const text = stripOverlap(this.delivered(), this.held);
    this.held = undefined;
    return text;
  }
}
