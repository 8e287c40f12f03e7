// Cohere reports `billed_units` (what is charged) and `tokens` (what the model saw, including the
// instructions Cohere adds itself), plus `cached_tokens`, the prompt tokens that hit its cache
// (https://docs.cohere.com/reference/chat). Billed units come first, so costs match the invoice.

/**
 * @param {{ billed_units?: { input_tokens?: number, output_tokens?: number }, tokens?: { input_tokens?: number, output_tokens?: number }, cached_tokens?: number } | undefined} usage
 * @returns {import('@switchboard/core').Usage}
 */
export function mapCohereUsage(usage) {
  const counted = { ...usage?.tokens, ...usage?.billed_units };
  return {
    inputTokens: Math.round(counted.input_tokens ?? 0),
    outputTokens: Math.round(counted.output_tokens ?? 0),
    ...(usage?.cached_tokens ? { cacheReadTokens: Math.round(usage.cached_tokens) } : {}),
  };
}
