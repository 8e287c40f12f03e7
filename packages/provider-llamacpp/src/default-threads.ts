import { availableParallelism } from 'node:os';

/**
 * CPU threads when the user sets none: one less than the cores this process may use, at least 1.
 *
 * llama.cpp's threads meet at a barrier after every operation and spin while they wait, so one
 * thread that loses its core to another process (the editor, a language server, a build) stalls
 * all the others. node-llama-cpp's CPU default is at least 4 threads. Measured on a shared
 * 2-core machine with the tiny test model (scripts/throughput.mjs, raw node-llama-cpp):
 * 1 thread 1,700-2,400 tokens/s, 2 threads 70-100, 4 threads about 3 (quiet machine or not).
 * Leaving a core free keeps the spinning threads from fighting the editor for it.
 */
export function defaultThreads(): number {
  return Math.max(1, availableParallelism() - 1);
}
