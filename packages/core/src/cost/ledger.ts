import { randomUUID } from 'node:crypto';
import type { Usage } from '../types/usage.js';
import type { SummaryQuery, SummaryRow } from './ledger-summary.js';
import { summarize } from './ledger-summary.js';
import type { LedgerStore, UsageRecord } from './usage-record.js';
import { localDay, localMonth } from './usage-record.js';

export interface UsageLedgerOptions {
  store: LedgerStore;
  /** Tells this editor window's records apart; a random id by default. */
  sessionId?: string;
  /** The clock, for tests. */
  now?: () => Date;
}

export interface RecordUsageInput {
  provider: string;
  /** Full model id, `provider/model`. */
  model: string;
  usage: Usage;
  costUsd: number | null;
  requestId?: string;
}

export type SpendPeriod = 'day' | 'month';

const tokenCount = (n: number | undefined) => (n !== undefined && Number.isFinite(n) && n > 0 ? n : 0);

/**
 * Usage and spend by provider, model, day and session, kept in a pluggable store. A copy lives in
 * memory so budget checks before every call do not reread the store; `refresh()` picks up what
 * other processes (other editor windows) appended since.
 */
export class UsageLedger {
  readonly sessionId: string;
  private readonly store: LedgerStore;
  private readonly now: () => Date;
  private readonly records: UsageRecord[] = [];
  private readonly ids = new Set<string>();
  private readonly costByDay = new Map<string, number>();
  private loading: Promise<void> | undefined;
  private readonly writes = new Set<Promise<UsageRecord>>();

  constructor(options: UsageLedgerOptions) {
    this.store = options.store;
    this.sessionId = options.sessionId ?? randomUUID();
    this.now = options.now ?? (() => new Date());
  }

  /**
   * Persists one call's usage and resolves with the record once the store has it. The in-memory
   * copy (what `spent`, `summary` and budget checks read) has it at once, before this returns, so
   * a caller need not wait for the disk: the spend counts even if the write then fails.
   */
  record(input: RecordUsageInput): Promise<UsageRecord> {
    // No need to load first: a record both appended here and read back later is kept once (by id).
    const at = this.now();
    const record: UsageRecord = {
      id: randomUUID(),
      ts: at.toISOString(),
      day: localDay(at),
      provider: input.provider,
      model: input.model,
      sessionId: this.sessionId,
      inputTokens: tokenCount(input.usage.inputTokens),
      outputTokens: tokenCount(input.usage.outputTokens),
      cacheReadTokens: tokenCount(input.usage.cacheReadTokens),
      cacheWriteTokens: tokenCount(input.usage.cacheWriteTokens),
      reasoningTokens: tokenCount(input.usage.reasoningTokens),
      costUsd: input.costUsd !== null && Number.isFinite(input.costUsd) ? Math.max(0, input.costUsd) : null,
    };
    if (input.requestId !== undefined) record.requestId = input.requestId;
    this.remember(record);
    const write = this.store.append(record).then(() => record);
    this.writes.add(write);
    const done = () => this.writes.delete(write);
    write.then(done, done);
    return write;
  }

  /** Waits for every write started so far (failed ones included); for shutdown and tests. */
  async flush(): Promise<void> {
    await Promise.allSettled([...this.writes]);
  }

  /** Rereads the store, adding records other processes appended. */
  async refresh(): Promise<void> {
    for (const record of await this.store.readAll()) this.remember(record);
  }

  async summary(query: SummaryQuery): Promise<SummaryRow[]> {
    await this.load();
    return summarize(this.records, query);
  }

  /** USD spent in the local day or month that contains `now`. */
  async spent(period: SpendPeriod, now: Date = this.now()): Promise<number> {
    await this.load();
    if (period === 'day') return this.costByDay.get(localDay(now)) ?? 0;
    const month = localMonth(now);
    let total = 0;
    for (const [day, cost] of this.costByDay) if (day.startsWith(month)) total += cost;
    return total;
  }

  /** A copy of every record known, oldest first as stored. */
  async all(): Promise<UsageRecord[]> {
    await this.load();
    return this.records.map((record) => ({ ...record }));
  }

  /** The first read of the store, shared by concurrent callers; retried after a failure. */
  private load(): Promise<void> {
    this.loading ??= this.refresh().catch((error: unknown) => {
      this.loading = undefined;
      throw error;
    });
    return this.loading;
  }

  private remember(record: UsageRecord): void {
    if (this.ids.has(record.id)) return;
    this.ids.add(record.id);
    this.records.push(record);
    if (record.costUsd !== null) {
      this.costByDay.set(record.day, (this.costByDay.get(record.day) ?? 0) + record.costUsd);
    }
  }
}
