// Token counts for VS Code's prompt budgeting. A counter sizes whole requests (core's tokenizer
// estimate, or a local model's own tokenizer); the size of a text or a message is the difference
// a counter sees with and without it, so request framing is not counted twice.
import type { ChatRequest, Message } from '@switchboard/core';

export type RequestCounter = (request: ChatRequest) => Promise<number>;

/** Tokens of a plain text, as the text of a user message. */
export async function textTokens(text: string, count: RequestCounter): Promise<number> {
  if (!text) return 0;
  const [withText, framing] = await Promise.all([count(userRequest(text)), count(userRequest(''))]);
  return Math.max(0, withText - framing);
}

/** Tokens the messages add to a prompt, their per-message framing included. */
export async function messageTokens(messages: readonly Message[], count: RequestCounter): Promise<number> {
  if (messages.length === 0) return 0;
  const [withMessages, empty] = await Promise.all([
    count({ messages: [...messages] }),
    // A chat template may refuse an empty conversation; then nothing is subtracted (over-counting is safe).
    count({ messages: [] }).catch(() => 0),
  ]);
  return Math.max(0, withMessages - empty);
}

/** Counts with the first counter that works: an exact one may fail (a model that does not load). */
export async function countTokens(
  input: string | readonly Message[],
  counters: readonly RequestCounter[],
): Promise<number> {
  let failure: unknown = new Error('No token counter.');
  for (const count of counters) {
    try {
      return typeof input === 'string' ? await textTokens(input, count) : await messageTokens(input, count);
    } catch (error) {
      failure = error;
    }
  }
  throw failure;
}

function userRequest(text: string): ChatRequest {
  return { messages: [{ role: 'user', content: text }] };
}
