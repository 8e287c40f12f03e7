import { appendFile, mkdir, open, readFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { LedgerStore, UsageRecord } from './usage-record.js';
import { parseUsageRecord } from './usage-record.js';

const isMissing = (error: unknown) => (error as NodeJS.ErrnoException)?.code === 'ENOENT';

/**
 * The ledger as a JSON Lines file, shared by every editor window on the machine.
 *
 * Each record is written by ONE `appendFile` call: the file is opened with O_APPEND and a line
 * well under 512 KiB goes out in a single write(2), which the kernel places at the end of the
 * file atomically. Concurrent writers, in this process or in another window's, therefore never
 * interleave or overwrite each other's lines, and no lock file is needed.
 */
export class JsonFileLedgerStore implements LedgerStore {
  private folderReady: Promise<unknown> | undefined;

  constructor(readonly filePath: string) {}

  async append(record: UsageRecord): Promise<void> {
    this.folderReady ??= mkdir(dirname(this.filePath), { recursive: true });
    await this.folderReady;
    // After a crash mid-write the file may end inside a line; start on a fresh one so this
    // record does not fuse with the torn one and get lost with it.
    const prefix = (await this.endsMidLine()) ? '\n' : '';
    await appendFile(this.filePath, `${prefix}${JSON.stringify(record)}\n`, 'utf8');
  }

  /** Every intact record, oldest first. Torn or garbled lines and repeated ids are skipped, not fatal. */
  async readAll(): Promise<UsageRecord[]> {
    let text: string;
    try {
      text = await readFile(this.filePath, 'utf8');
    } catch (error) {
      if (isMissing(error)) return [];
      throw error;
    }
    const seen = new Set<string>();
    const records: UsageRecord[] = [];
    for (const line of text.split('\n')) {
      const record = parseLine(line);
      if (record && !seen.has(record.id)) {
        seen.add(record.id);
        records.push(record);
      }
    }
    return records;
  }

  private async endsMidLine(): Promise<boolean> {
    let handle: Awaited<ReturnType<typeof open>> | undefined;
    try {
      handle = await open(this.filePath, 'r');
      const { size } = await handle.stat();
      if (size === 0) return false;
      const last = Buffer.alloc(1);
      await handle.read(last, 0, 1, size - 1);
      return last[0] !== 0x0a;
    } catch (error) {
      if (isMissing(error)) return false;
      throw error;
    } finally {
      await handle?.close();
    }
  }
}

function parseLine(line: string): UsageRecord | undefined {
  const trimmed = line.trim();
  if (!trimmed) return undefined;
  try {
    return parseUsageRecord(JSON.parse(trimmed));
  } catch {
    return undefined;
  }
}
