import { describe, expect, it } from 'vitest';
import { abortOn } from '../../../src/shared/cancellation.js';

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

describe('abortOn', () => {
  it('aborts when the token is cancelled', () => {
    const t = token();
    const { signal } = abortOn(t);
    expect(signal.aborted).toBe(false);
    t.cancel();
    expect(signal.aborted).toBe(true);
  });

  it('is aborted at once for a token already cancelled', () => {
    expect(abortOn(token(true)).signal.aborted).toBe(true);
  });

  it('stops listening when disposed', () => {
    const t = token();
    const { signal, dispose } = abortOn(t);
    dispose();
    expect(t.listeners.size).toBe(0);
    t.cancel();
    expect(signal.aborted).toBe(false);
  });
});
