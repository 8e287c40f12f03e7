import { describe, expect, it } from 'vitest';
import { LatencyTracker } from '../../src/router/latency.js';
import { applyBudget, orderCandidates } from '../../src/router/policies.js';
import type { RouteCandidate } from '../../src/router/types.js';
import { chatModel } from './fixtures.js';

const ids = (list: RouteCandidate[]) => list.map((c) => c.id);

describe('orderCandidates', () => {
  const candidates: RouteCandidate[] = [
    { id: 'p/unknown-price' },
    { id: 'p/dear', estimatedCostUsd: 0.5 },
    { id: 'p/cheap', estimatedCostUsd: 0.01 },
    { id: 'p/free', estimatedCostUsd: 0 },
    { id: 'p/also-unknown' },
  ];

  it('order keeps the configured order', () => {
    expect(ids(orderCandidates(candidates, 'order'))).toEqual(ids(candidates));
  });

  it('cheapest sorts by estimated cost, unknown prices last in configured order', () => {
    expect(ids(orderCandidates(candidates, 'cheapest'))).toEqual([
      'p/free',
      'p/cheap',
      'p/dear',
      'p/unknown-price',
      'p/also-unknown',
    ]);
  });

  it('fastest sorts by observed latency, never-observed last in configured order', () => {
    const latency = new LatencyTracker();
    latency.record('p/slow', { ttftMs: 900, totalMs: 5000 });
    latency.record('p/quick', { ttftMs: 120, totalMs: 3000 });
    const list = [{ id: 'p/new1' }, { id: 'p/slow' }, { id: 'p/new2' }, { id: 'p/quick' }];
    expect(ids(orderCandidates(list, 'fastest', latency))).toEqual(['p/quick', 'p/slow', 'p/new1', 'p/new2']);
    // Without a tracker nothing is known: configured order.
    expect(ids(orderCandidates(list, 'fastest'))).toEqual(ids(list));
  });

  it('quality sorts by rank descending, stable among equals, unknown last', () => {
    const list: RouteCandidate[] = [
      { id: 'p/none', info: chatModel('p/none') },
      { id: 'p/mid-a', info: chatModel('p/mid-a', {}, { qualityRank: 5 }) },
      { id: 'p/top', info: chatModel('p/top', {}, { qualityRank: 9 }) },
      { id: 'p/mid-b', info: chatModel('p/mid-b', {}, { qualityRank: 5 }) },
      { id: 'p/no-info' },
    ];
    expect(ids(orderCandidates(list, 'quality'))).toEqual([
      'p/top',
      'p/mid-a',
      'p/mid-b',
      'p/none',
      'p/no-info',
    ]);
  });
});

describe('applyBudget', () => {
  it('drops candidates whose estimate exceeds the budget, keeps unpriced ones', () => {
    const { kept, rejected } = applyBudget(
      [
        { id: 'p/dear', estimatedCostUsd: 0.25 },
        { id: 'p/ok', estimatedCostUsd: 0.05 },
        { id: 'p/unpriced' },
      ],
      0.1,
    );
    expect(ids(kept)).toEqual(['p/ok', 'p/unpriced']);
    expect(rejected).toEqual([
      {
        id: 'p/dear',
        category: 'budget',
        reason: 'p/dear: estimated $0.25 exceeds the $0.10 left in the budget',
      },
    ]);
  });

  it('does nothing without a budget', () => {
    expect(applyBudget([{ id: 'p/x', estimatedCostUsd: 1e6 }], undefined).kept).toHaveLength(1);
  });
});
