import type { UsageRecord } from './usage-record.js';

export type SummaryDimension = 'provider' | 'model' | 'day' | 'session';

export interface SummaryQuery {
  /** Inclusive lower bound on the record's time. */
  since?: Date;
  /** Exclusive upper bound on the record's time. */
  until?: Date;
  /** Dimensions to group by, in order; empty means one row with the totals. */
  groupBy: SummaryDimension[];
}

export interface SummaryRow {
  provider?: string;
  model?: string;
  day?: string;
  session?: string;
  requests: number;
  inputTokens: number;
  outputTokens: number;
  cacheReadTokens: number;
  cacheWriteTokens: number;
  reasoningTokens: number;
  /** USD of the priced requests. */
  costUsd: number;
  /** Requests whose model had no known price (not included in `costUsd`). */
  unpricedRequests: number;
}

const keyOf: Record<SummaryDimension, (r: UsageRecord) => string> = {
  provider: (r) => r.provider,
  model: (r) => r.model,
  day: (r) => r.day,
  session: (r) => r.sessionId,
};

function emptyRow(record: UsageRecord, groupBy: SummaryDimension[]): SummaryRow {
  const row: SummaryRow = {
    requests: 0,
    inputTokens: 0,
    outputTokens: 0,
    cacheReadTokens: 0,
    cacheWriteTokens: 0,
    reasoningTokens: 0,
    costUsd: 0,
    unpricedRequests: 0,
  };
  for (const dimension of groupBy) row[dimension] = keyOf[dimension](record);
  return row;
}

function addTo(row: SummaryRow, record: UsageRecord): void {
  row.requests++;
  row.inputTokens += record.inputTokens;
  row.outputTokens += record.outputTokens;
  row.cacheReadTokens += record.cacheReadTokens;
  row.cacheWriteTokens += record.cacheWriteTokens;
  row.reasoningTokens += record.reasoningTokens;
  if (record.costUsd === null) row.unpricedRequests++;
  else row.costUsd += record.costUsd;
}

/** Totals per group, ordered by the group keys in `groupBy` order (days oldest first), by code unit. */
export function summarize(records: Iterable<UsageRecord>, query: SummaryQuery): SummaryRow[] {
  const since = query.since?.getTime() ?? Number.NEGATIVE_INFINITY;
  const until = query.until?.getTime() ?? Number.POSITIVE_INFINITY;
  const groups = new Map<string, { keys: string[]; row: SummaryRow }>();
  for (const record of records) {
    const time = Date.parse(record.ts);
    if (!(time >= since && time < until)) continue;
    const keys = query.groupBy.map((dimension) => keyOf[dimension](record));
    const groupKey = JSON.stringify(keys);
    let group = groups.get(groupKey);
    if (!group) {
      group = { keys, row: emptyRow(record, query.groupBy) };
      groups.set(groupKey, group);
    }
    addTo(group.row, record);
  }
  return [...groups.values()].sort((a, b) => compareKeys(a.keys, b.keys)).map((group) => group.row);
}

function compareKeys(a: string[], b: string[]): number {
  for (let i = 0; i < a.length; i++) {
    const x = a[i] ?? '';
    const y = b[i] ?? '';
    if (x !== y) return x < y ? -1 : 1;
  }
  return 0;
}
