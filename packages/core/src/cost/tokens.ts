import type { Message } from '../types/messages.js';
import type { ChatRequest } from '../types/request.js';
import type { TextCounter } from './openai-tokenizer.js';
import { encodingFor, isOpenAiFamily, loadCounter } from './openai-tokenizer.js';
import { splitModelId } from './provider-ids.js';

/**
 * Chat framing per message (`<|start|>role … <|end|>`) and the priming of the reply
 * (`<|start|>assistant<|message|>`), as OpenAI's cookbook "How to count tokens with tiktoken"
 * counts them for current models. The role's own tokens come on top of the per-message 3.
 */
export const MESSAGE_OVERHEAD_TOKENS = 3;
export const REPLY_PRIMING_TOKENS = 3;

/**
 * One image, when its size is not known before upload: OpenAI's high-detail cost of a 1024x1024
 * image (85 base + 170 for each of four 512px tiles). Low detail is a flat 85. Other vendors bill
 * images in the same order of magnitude (Anthropic: about 1,600 tokens per megapixel).
 */
export const IMAGE_TOKENS = 765;
export const LOW_DETAIL_IMAGE_TOKENS = 85;

/**
 * A tokenizer-free estimate. English prose and code average about 4 characters per token in
 * every current BPE vocabulary (OpenAI's rule of thumb), but CJK and other non-Latin scripts run
 * near one token per character, so characters outside ASCII count as a token each. Over-counting
 * is the safe side: the estimate guards context windows and budgets.
 */
export function approximateTokens(text: string): number {
  let ascii = 0;
  let other = 0;
  for (const char of text) {
    if (char.charCodeAt(0) < 0x80) ascii++;
    else other++;
  }
  return Math.ceil(ascii / 4) + other;
}

/** The prompt tokens of a request, before the call: exact text counts for OpenAI models, an approximation otherwise. */
export async function estimatePromptTokens(request: ChatRequest, id: string): Promise<number> {
  const { provider, model } = splitModelId(id);
  if (isOpenAiFamily(provider, model)) {
    try {
      return countPromptTokens(request, await loadCounter(encodingFor(model)));
    } catch {
      // The tokenizer failed to load (a broken bundle): an estimate still beats no answer.
    }
  }
  return countPromptTokens(request, approximateTokens);
}

export interface PromptEstimateNeeds {
  /** The model's context window, when known: an exact count may decide whether the prompt fits. */
  contextWindow?: number;
  /** Ask for the exact count regardless (a budget compares the estimate with money). */
  exact?: boolean;
}

/**
 * The prompt tokens of a request, exact only where exactness can change a decision. The tokenizer
 * costs ~10 µs per call and ~50 MiB once loaded, and for nearly every request the approximation
 * settles the one question routing asks (does it fit?): no tokenizer counts more tokens than
 * characters, and the approximation counts at least one token per four characters, so the exact
 * count is at most four times the approximate one. Only when that bound could overflow the
 * context window, or `exact` is asked for, is the real tokenizer used.
 */
export function estimatePromptTokensAsNeeded(
  request: ChatRequest,
  id: string,
  needs: PromptEstimateNeeds = {},
): number | Promise<number> {
  if (needs.exact) return estimatePromptTokens(request, id);
  const approximate = countPromptTokens(request, approximateTokens);
  if (needs.contextWindow === undefined) return approximate;
  const upperBound = approximate * MAX_EXACT_PER_APPROXIMATE + Math.max(0, request.maxTokens ?? 0);
  return upperBound > needs.contextWindow ? estimatePromptTokens(request, id) : approximate;
}

/** How many times the approximate count the exact one can be, at most (see `estimatePromptTokensAsNeeded`). */
const MAX_EXACT_PER_APPROXIMATE = 4;

/** Sums the prompt with a given text counter; images are counted by the fixed estimate above. */
export function countPromptTokens(request: ChatRequest, countText: TextCounter): number {
  let total = REPLY_PRIMING_TOKENS;
  for (const message of request.messages) {
    total += MESSAGE_OVERHEAD_TOKENS + countText(message.role);
    for (const text of messageTexts(message)) total += countText(text);
    total += imageTokens(message);
  }
  // Tool definitions and schemas are sent to the model as text too; their JSON is a close proxy.
  if (request.tools?.length) total += countText(JSON.stringify(request.tools));
  if (request.responseFormat?.type === 'json' && request.responseFormat.schema) {
    total += countText(JSON.stringify(request.responseFormat.schema));
  }
  return total;
}

/** Every piece of a message the model reads as text: text parts, tool calls and tool results. */
function messageTexts(message: Message): string[] {
  if (typeof message.content === 'string') return [message.content];
  const texts: string[] = [];
  for (const part of message.content) {
    if (part.type === 'text') texts.push(part.text);
    else if (part.type === 'tool-call') texts.push(part.name, JSON.stringify(part.args));
    else if (part.type === 'tool-result') texts.push(JSON.stringify(part.result));
  }
  return texts;
}

function imageTokens(message: Message): number {
  if (message.role !== 'user' || typeof message.content === 'string') return 0;
  let total = 0;
  for (const part of message.content) {
    if (part.type === 'image') total += part.detail === 'low' ? LOW_DETAIL_IMAGE_TOKENS : IMAGE_TOKENS;
  }
  return total;
}
