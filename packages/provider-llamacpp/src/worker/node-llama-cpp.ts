/**
 * The only place node-llama-cpp is loaded: an ES module with top-level await and heavy native
 * binaries, so it is imported dynamically, and only inside the worker process.
 */
export type NodeLlamaCpp = typeof import('node-llama-cpp');

let loading: Promise<NodeLlamaCpp> | undefined;

export function loadNodeLlamaCpp(): Promise<NodeLlamaCpp> {
  loading ??= import('node-llama-cpp');
  return loading;
}
