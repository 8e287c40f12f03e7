/**
 * Who serves a provider id that several plugins claim. The rule, first difference wins:
 * 1. higher `priority` (default 0 for discovered and registered plugins alike);
 * 2. source order: discovered plugins by the position of their root (earlier root first); any
 *    discovered plugin before a `register()`ed one; registered ones by registration order;
 * 3. package name, in code-point order (two packages in one root).
 * Deterministic whatever the order in which plugins were added.
 */
export interface Claimant {
  name: string;
  source: string;
  priority: number;
  origin: 'discovered' | 'registered';
  /** Root position for discovered plugins. */
  rootIndex: number;
  /** Registration sequence for registered plugins. */
  seq: number;
}

/** Negative when `a` takes precedence over `b`. */
export function comparePrecedence(a: Claimant, b: Claimant): number {
  if (a.priority !== b.priority) return b.priority - a.priority;
  if (a.origin !== b.origin) return a.origin === 'discovered' ? -1 : 1;
  const order = a.origin === 'discovered' ? a.rootIndex - b.rootIndex : a.seq - b.seq;
  if (order !== 0) return order;
  return a.name < b.name ? -1 : a.name > b.name ? 1 : 0;
}

/** Why `winner` beats `loser`, for the loser's 'shadowed' reason. */
export function explainPrecedence(winner: Claimant, loser: Claimant): string {
  if (winner.priority !== loser.priority) return `higher priority (${winner.priority} > ${loser.priority})`;
  if (winner.origin !== loser.origin)
    return 'discovered plugins come before register()ed ones at equal priority';
  if (winner.origin === 'discovered' && winner.rootIndex !== loser.rootIndex) {
    return `its plugin folder "${winner.source}" comes before "${loser.source}"`;
  }
  if (winner.origin === 'registered' && winner.seq !== loser.seq) return 'it was registered first';
  return `"${winner.name}" sorts before "${loser.name}"`;
}
