import { randomUUID } from 'node:crypto';

/**
 * Gemini 2.x sends function calls without ids (Gemini 3 sends them). Core needs one per call to
 * pair results with calls, so we make ids that stay the same for a whole answer (stream or not)
 * and are unique across answers: the response id when Google sent one, else a random key.
 * They carry a prefix so that, when the history comes back, we know not to send them to Gemini.
 */
const GENERATED_PREFIX = 'gemini-call-';

export function responseKeyOf(responseId: string | undefined): string {
  return responseId || randomUUID().slice(0, 8);
}

export function generatedCallId(responseKey: string, index: number): string {
  return `${GENERATED_PREFIX}${responseKey}-${index}`;
}

export function isGeneratedCallId(id: string): boolean {
  return id.startsWith(GENERATED_PREFIX);
}
