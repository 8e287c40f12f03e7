import type { WorkerError, WorkerErrorCode } from '../protocol.js';

/** An error the worker raises on purpose, with the code the host maps to a Switchboard error. */
export class WorkerFailure extends Error {
  constructor(
    readonly code: WorkerErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'WorkerFailure';
  }
}

/** Name and first line only: a message crosses to the editor, a stack trace never does. */
export function firstLine(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return (text.split('\n')[0] ?? '').trim() || 'Unknown error';
}

/**
 * Classifies what node-llama-cpp threw. `llamaErrors` are llama.cpp's own recent error log lines:
 * node-llama-cpp only says "Failed to load model", the reason is in the log.
 */
export function toWorkerError(error: unknown, aborted: boolean, llamaErrors: readonly string[]): WorkerError {
  if (error instanceof WorkerFailure) return { code: error.code, message: error.message };
  if (aborted) return { code: 'cancelled', message: 'The request was cancelled.' };
  const name = error instanceof Error ? error.name : '';
  const constructorName = (error as { constructor?: { name?: string } } | null)?.constructor?.name ?? '';
  const message = firstLine(error);
  const code = (error as { code?: unknown } | null)?.code;
  if (code === 'ENOENT') return { code: 'file-not-found', message };
  if (
    constructorName === 'InsufficientMemoryError' ||
    /insufficient|out of memory|failed to allocate/i.test(message)
  ) {
    return { code: 'insufficient-memory', message };
  }
  if (constructorName === 'NoBinaryFoundError') return { code: 'no-binary', message };
  if (constructorName === 'InvalidGgufMagicError' || constructorName === 'UnsupportedGgufValueTypeError') {
    return { code: 'invalid-model', message };
  }
  if (/failed to load model/i.test(message)) {
    const reason = llamaErrors.find((line) => /error loading model/i.test(line)) ?? llamaErrors[0];
    const detail = reason ? reason.replace(/^.*error loading model:\s*/i, '') : message;
    const architecture = /unknown model architecture: '([^']*)'/.exec(detail);
    if (architecture) {
      return {
        code: 'unsupported-architecture',
        message: `llama.cpp does not support the model architecture "${architecture[1]}"`,
      };
    }
    return { code: 'invalid-model', message: `llama.cpp could not load the file: ${detail}` };
  }
  if (name === 'AbortError') return { code: 'cancelled', message: 'The request was cancelled.' };
  return { code: 'internal', message };
}
