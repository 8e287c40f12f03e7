import type { CallOptions } from '@switchboard/core';

/** The per-request options the SDK takes that core's CallOptions carry: the signal reaches fetch. */
export function requestOptions(options: CallOptions): {
  signal?: AbortSignal;
  headers?: Record<string, string>;
} {
  return {
    ...(options.signal ? { signal: options.signal } : {}),
    ...(options.headers ? { headers: options.headers } : {}),
  };
}

export function signalOf(options: CallOptions): { signal?: AbortSignal } {
  return options.signal ? { signal: options.signal } : {};
}
