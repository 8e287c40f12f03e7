const CACHEABLE_FINISH_REASONS: ReadonlySet<string> = new Set(['stop', 'length', 'tool-calls']);

/**
 * Whether a response may be cached: only complete answers. Errors, content-filter stops, and
 * anything unusual are refused, so a failure is never replayed from the cache. (A stream that
 * broke off has no finish reason of these and must not be cached either.)
 */
export function isCacheable(response: { finishReason: string }): boolean {
  return CACHEABLE_FINISH_REASONS.has(response.finishReason);
}
