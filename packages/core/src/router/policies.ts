import type { LatencyTracker } from './latency.js';
import type { RejectedCandidate, RouteCandidate, RoutingPolicy } from './types.js';

/**
 * Orders candidates by policy. Every sort is stable, so ties (and everything unknown, which sorts
 * last) keep the configured order.
 * - `order`: as configured.
 * - `cheapest`: by `estimatedCostUsd` ascending; unknown price last.
 * - `fastest`: by the latency tracker's score ascending; never-observed models last.
 * - `quality`: by `info.qualityRank` descending; unknown rank last.
 */
export function orderCandidates(
  candidates: readonly RouteCandidate[],
  policy: RoutingPolicy,
  latency?: LatencyTracker,
): RouteCandidate[] {
  switch (policy) {
    case 'order':
      return [...candidates];
    case 'cheapest':
      return sortByKnown(candidates, (c) => c.estimatedCostUsd, 'asc');
    case 'fastest':
      return sortByKnown(candidates, (c) => latency?.score(c.id), 'asc');
    case 'quality':
      return sortByKnown(candidates, (c) => c.info?.qualityRank, 'desc');
  }
}

function sortByKnown(
  candidates: readonly RouteCandidate[],
  value: (candidate: RouteCandidate) => number | undefined,
  direction: 'asc' | 'desc',
): RouteCandidate[] {
  const sign = direction === 'asc' ? 1 : -1;
  const keyed = candidates.map((candidate) => ({ candidate, key: value(candidate) }));
  keyed.sort((a, b) => {
    if (a.key === undefined || b.key === undefined) {
      return (a.key === undefined ? 1 : 0) - (b.key === undefined ? 1 : 0);
    }
    return sign * (a.key - b.key);
  });
  return keyed.map((k) => k.candidate);
}

/**
 * Drops candidates whose estimated cost exceeds the budget left. A candidate without a price is
 * kept: we cannot say it is too expensive, and the budget check after the call still counts it.
 */
export function applyBudget(
  candidates: readonly RouteCandidate[],
  budgetRemainingUsd: number | undefined,
): { kept: RouteCandidate[]; rejected: RejectedCandidate[] } {
  if (budgetRemainingUsd === undefined) return { kept: [...candidates], rejected: [] };
  const kept: RouteCandidate[] = [];
  const rejected: RejectedCandidate[] = [];
  for (const candidate of candidates) {
    const cost = candidate.estimatedCostUsd;
    if (cost !== undefined && cost > budgetRemainingUsd) {
      rejected.push({
        id: candidate.id,
        category: 'budget',
        reason: `${candidate.id}: estimated ${usdForPeople(cost)} exceeds the ${usdForPeople(Math.max(0, budgetRemainingUsd))} left in the budget`,
      });
    } else {
      kept.push(candidate);
    }
  }
  return { kept, rejected };
}

/** Dollars for people: cents for normal amounts, two significant digits for tiny ones. */
function usdForPeople(amount: number): string {
  if (amount === 0) return '$0';
  if (Math.abs(amount) >= 0.01) return `$${amount.toFixed(2)}`;
  return `$${Number(amount.toPrecision(2))}`;
}
