// What the chat hands to the editor actions when the user presses "Review as Diff" or "Open in
// New File": the code it got, where it belongs, and the document version it was made for.
// Plain JSON, because command arguments from chat buttons are serialized.
import type { CodeTask } from '../../prompts/code-tasks.js';

const SEED_KIND = 'switchboard.proposalSeed';

export interface ProposalSeed {
  kind: typeof SEED_KIND;
  task: Exclude<CodeTask, 'explain'>;
  code: string;
  languageId: string;
  /** For edits: the document and range the code replaces, and its version then. */
  target?: { uri: string; version: number; range: [number, number, number, number] };
  /** The footer of the answer the code came from. */
  footer?: string;
}

export function proposalSeed(seed: Omit<ProposalSeed, 'kind'>): ProposalSeed {
  return { kind: SEED_KIND, ...seed };
}

/** True for a seed; false for what menus pass instead (the editor's Uri, nothing). */
export function isProposalSeed(value: unknown): value is ProposalSeed {
  if (typeof value !== 'object' || value === null) return false;
  const seed = value as Partial<ProposalSeed>;
  if (seed.kind !== SEED_KIND || typeof seed.code !== 'string' || typeof seed.languageId !== 'string')
    return false;
  if (seed.target === undefined) return true;
  const { uri, version, range } = seed.target;
  return (
    typeof uri === 'string' &&
    typeof version === 'number' &&
    Array.isArray(range) &&
    range.length === 4 &&
    range.every((n) => Number.isInteger(n) && n >= 0)
  );
}
