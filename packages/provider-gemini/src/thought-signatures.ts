/**
 * Gemini 3 returns an opaque `thoughtSignature` on the first function call of each step and
 * rejects the next turn with a 400 unless it comes back on that call
 * (https://ai.google.dev/gemini-api/docs/thought-signatures). Core's messages have no field for
 * it, so the provider remembers signatures by tool-call id for the history it will be sent next.
 */
const MAX_REMEMBERED = 2_000;

/**
 * Google's documented stand-in for a signature the client does not have (a history from another
 * model or from before a restart): it skips the validation instead of failing the turn.
 */
export const SKIP_SIGNATURE_VALIDATION = 'skip_thought_signature_validator';

export class ThoughtSignatures {
  private readonly byCallId = new Map<string, string>();

  remember(callId: string, signature: string | undefined): void {
    if (!signature) return;
    this.byCallId.delete(callId);
    this.byCallId.set(callId, signature);
    // Oldest first in a Map: drop the oldest once full.
    if (this.byCallId.size > MAX_REMEMBERED) {
      const oldest = this.byCallId.keys().next().value;
      if (oldest !== undefined) this.byCallId.delete(oldest);
    }
  }

  recall(callId: string): string | undefined {
    return this.byCallId.get(callId);
  }
}
