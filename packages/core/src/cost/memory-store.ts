import type { LedgerStore, UsageRecord } from './usage-record.js';

/** A ledger store that lives as long as the process: for tests and for "don't persist usage". */
export class MemoryLedgerStore implements LedgerStore {
  private readonly records: UsageRecord[] = [];

  async append(record: UsageRecord): Promise<void> {
    this.records.push({ ...record });
  }

  async readAll(): Promise<UsageRecord[]> {
    return this.records.map((record) => ({ ...record }));
  }
}
