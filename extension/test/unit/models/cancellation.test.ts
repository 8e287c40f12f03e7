import { describe, expect, it } from 'vitest';
import { abortSignalOf } from '../../../src/features/models/cancellation.js';

function token(cancelled = false) {
  const listeners = new Set<() => void>();
  return {
    isCancellationRequested: cancelled,
    onCancellationRequested(listener: () => void) {
      listeners.add(listener);
      return { dispose: () => listeners.delete(listener) };
    },
    cancel() {
      this.isCancellationRequested = true;
      for (const listener of listeners) listener();
    },
    listeners,
  };
}

describe('abortSignalOf', () => {
  it('aborts when the token is cancelled', () => {
    const t = token();
    const { signal } = abortSignalOf(t);
    expect(signal.aborted).toBe(false);
    t.cancel();
    expect(signal.aborted).toBe(true);
  });

  it('is aborted at once for a token already cancelled', () => {
    expect(abortSignalOf(token(true)).signal.aborted).toBe(true);
  });

  it('stops listening when disposed', () => {
    const t = token();
    const { signal, dispose } = abortSignalOf(t);
    dispose();
    expect(t.listeners.size).toBe(0);
    t.cancel();
    expect(signal.aborted).toBe(false);
  });
});
