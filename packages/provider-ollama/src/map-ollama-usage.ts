import type { Usage } from '@switchboard/core';

/** The counters and timings of Ollama's final object (durations in nanoseconds). */
export interface OllamaFinalStats {
  model?: string;
  done_reason?: string;
  total_duration?: number;
  load_duration?: number;
  prompt_eval_count?: number;
  prompt_eval_duration?: number;
  eval_count?: number;
  eval_duration?: number;
}

/**
 * prompt_eval_count is every prompt token evaluated (Ollama omits it when the whole prompt came
 * from its KV cache, hence the 0); eval_count is every generated token, thinking included. Ollama
 * reports neither cached nor reasoning tokens separately.
 */
export function mapOllamaUsage(stats: OllamaFinalStats): Usage {
  return { inputTokens: stats.prompt_eval_count ?? 0, outputTokens: stats.eval_count ?? 0 };
}

const ms = (ns: number | undefined) => (ns === undefined ? undefined : Math.round(ns / 1e6));

/** What is worth keeping besides usage: the model that answered and where the time went. */
export function ollamaMetadata(stats: OllamaFinalStats): Record<string, unknown> {
  const entries = {
    model: stats.model,
    doneReason: stats.done_reason,
    totalDurationMs: ms(stats.total_duration),
    loadDurationMs: ms(stats.load_duration),
    promptEvalDurationMs: ms(stats.prompt_eval_duration),
    evalDurationMs: ms(stats.eval_duration),
  };
  return Object.fromEntries(Object.entries(entries).filter(([, value]) => value !== undefined));
}
