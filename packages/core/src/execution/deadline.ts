import { SwitchboardError } from '../errors/errors.js';
import { modelOrigin } from '../registry/model-id.js';
import { cancelledError } from './backoff.js';

/**
 * Awaits `promise`, but gives up at `deadline` (epoch ms) with the error `onTimeout` makes, or when
 * `signal` aborts. We race rather than trust the callee to honour its signal: a hung SDK call or a
 * misbehaving plugin must not hang Switchboard.
 */
export function withDeadline<T>(
  promise: Promise<T>,
  deadline: number | undefined,
  onTimeout: () => SwitchboardError,
  signal?: AbortSignal,
): Promise<T> {
  if (deadline === undefined && !signal) return promise;
  return new Promise<T>((resolve, reject) => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const cleanup = () => {
      if (timer) clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
    };
    const onAbort = () => {
      cleanup();
      reject(cancelledError(signal));
    };
    if (signal?.aborted) {
      promise.catch(() => {}); // abandoned: its later failure is not news
      return onAbort();
    }
    signal?.addEventListener('abort', onAbort, { once: true });
    if (deadline !== undefined) {
      timer = setTimeout(
        () => {
          cleanup();
          reject(onTimeout());
        },
        Math.max(0, deadline - Date.now()),
      );
    }
    promise.then(
      (value) => {
        cleanup();
        resolve(value);
      },
      (error: unknown) => {
        cleanup();
        reject(error);
      },
    );
  });
}

export function timeoutError(model: string, what: string, ms: number): SwitchboardError {
  return new SwitchboardError('timeout', `${model} ${what} within ${ms} ms.`, modelOrigin(model));
}

/** The earliest of the given deadlines (epoch ms); undefined when none is set. */
export function earliest(...deadlines: Array<number | undefined>): number | undefined {
  const set = deadlines.filter((d): d is number => d !== undefined);
  return set.length ? Math.min(...set) : undefined;
}
