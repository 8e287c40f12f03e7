import { type ErrorKind, SwitchboardError } from '../errors/errors.js';
import type { RejectedCandidate, RejectionCategory } from './types.js';

const ADVICE: Record<RejectionCategory, string> = {
  kind: 'use a chat model (image generation needs an image model)',
  vision: 'add a model with vision, or remove the images',
  tools: 'add a model with tool calling, or send the request without tools',
  json: 'add a model with JSON output, or ask for text',
  'context-window': 'shorten the conversation, or add a model with a larger context window',
  budget: 'raise the budget in the settings, lower maxTokens, or add a cheaper model',
};

/**
 * The error for "every candidate was filtered out": lists each reason, picks the kind from what
 * they have in common, and says what to change.
 */
export function noCandidateError(
  requested: string,
  rejected: readonly RejectedCandidate[],
): SwitchboardError {
  const categories = [...new Set(rejected.map((r) => r.category).filter((c) => c !== undefined))];
  const only = categories.length === 1 && rejected.every((r) => r.category) ? categories[0] : undefined;
  const kind: ErrorKind =
    only === 'context-window'
      ? 'context-window-exceeded'
      : only === 'budget'
        ? 'budget-exceeded'
        : 'invalid-request';
  const reasons = rejected.map((r) => `- ${r.reason}`).join('\n');
  const advice = categories.map((c) => ADVICE[c]);
  const todo = advice.length > 0 ? advice.join('; ') : 'pick another model';
  return new SwitchboardError(kind, `No model of "${requested}" can serve this request:\n${reasons}`, {
    model: requested,
    hint: `To use "${requested}", ${todo}.`,
  });
}
