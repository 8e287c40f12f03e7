/**
 * OpenAI's real tokenizers, through `gpt-tokenizer`. Each encoding is a multi-megabyte module,
 * so it is imported on first use (never at editor start-up) and kept once loaded.
 */
export type OpenAiEncoding = 'o200k_base' | 'cl100k_base';
export type TextCounter = (text: string) => number;

// Literal specifiers, so bundlers can split each encoding into its own lazily loaded chunk.
const loaders: Record<OpenAiEncoding, () => Promise<{ countTokens: CountTokens }>> = {
  o200k_base: () => import('gpt-tokenizer/encoding/o200k_base'),
  cl100k_base: () => import('gpt-tokenizer/encoding/cl100k_base'),
};
type CountTokens = (text: string, options?: { disallowedSpecial?: Set<string> }) => number;

const counters = new Map<OpenAiEncoding, Promise<TextCounter>>();

// User text may contain `<|endoftext|>`; it is sent as plain text, so count it that way instead of throwing.
const PLAIN_TEXT = { disallowedSpecial: new Set<string>() };

/** True for models that use OpenAI's tokenizers: OpenAI and Azure, and GPT/o-series names elsewhere. */
export function isOpenAiFamily(provider: string, model: string): boolean {
  if (provider === 'openai' || provider === 'azure') return true;
  const name = model.slice(model.lastIndexOf('/') + 1).toLowerCase();
  return /^(gpt-|chatgpt-|o\d|ft:gpt-)/.test(name);
}

/** cl100k_base for GPT-4 (not 4o/4.1/4.5), GPT-3.5 and the older embeddings; o200k_base for everything newer. */
export function encodingFor(model: string): OpenAiEncoding {
  const name = model.slice(model.lastIndexOf('/') + 1).toLowerCase();
  return /^(ft:)?(gpt-4(?![o.\d])|gpt-3\.5|gpt-35|text-embedding-(ada|3))/.test(name)
    ? 'cl100k_base'
    : 'o200k_base';
}

export function loadCounter(encoding: OpenAiEncoding): Promise<TextCounter> {
  let counter = counters.get(encoding);
  if (!counter) {
    counter = loaders[encoding]().then(
      ({ countTokens }): TextCounter =>
        (text) =>
          text ? countTokens(text, PLAIN_TEXT) : 0,
    );
    // A failed import is not cached: the next call tries again.
    counter.catch(() => counters.delete(encoding));
    counters.set(encoding, counter);
  }
  return counter;
}
