/**
 * Token usage of one call, normalized across vendors.
 *
 * Conventions (providers convert into these; the cost code relies on them):
 * - `inputTokens` counts ALL prompt tokens, including those read from or written to the prompt
 *   cache. `cacheReadTokens` / `cacheWriteTokens` say how many of them were cached, they are not
 *   extra. (OpenAI reports it this way; Anthropic reports them separately and its provider adds them.)
 * - `outputTokens` counts ALL generated tokens, including reasoning; `reasoningTokens` is the part
 *   that was reasoning.
 */
export interface Usage {
  inputTokens: number;
  outputTokens: number;
  cacheReadTokens?: number;
  cacheWriteTokens?: number;
  reasoningTokens?: number;
}

export const emptyUsage = (): Usage => ({ inputTokens: 0, outputTokens: 0 });

export function addUsage(a: Usage, b: Usage): Usage {
  const sum = (x?: number, y?: number) =>
    x === undefined && y === undefined ? undefined : (x ?? 0) + (y ?? 0);
  const out: Usage = {
    inputTokens: a.inputTokens + b.inputTokens,
    outputTokens: a.outputTokens + b.outputTokens,
  };
  const cacheRead = sum(a.cacheReadTokens, b.cacheReadTokens);
  const cacheWrite = sum(a.cacheWriteTokens, b.cacheWriteTokens);
  const reasoning = sum(a.reasoningTokens, b.reasoningTokens);
  if (cacheRead !== undefined) out.cacheReadTokens = cacheRead;
  if (cacheWrite !== undefined) out.cacheWriteTokens = cacheWrite;
  if (reasoning !== undefined) out.reasoningTokens = reasoning;
  return out;
}
