import { z } from 'zod';

/** One priced call, as the ledger keeps it. */
export interface UsageRecord {
  /** Random UUID: tells records apart when several windows append to one file. */
  id: string;
  /** When the call was recorded, ISO 8601 (UTC). */
  ts: string;
  /** The local calendar day of `ts`, `YYYY-MM-DD`: the day the user saw, which budgets count by. */
  day: string;
  provider: string;
  /** Full model id, `provider/model`. */
  model: string;
  sessionId: string;
  requestId?: string;
  inputTokens: number;
  outputTokens: number;
  cacheReadTokens: number;
  cacheWriteTokens: number;
  reasoningTokens: number;
  /** Null when no price was known for the model. */
  costUsd: number | null;
}

/** Where the ledger keeps its records. Appends must be safe from concurrent callers. */
export interface LedgerStore {
  append(record: UsageRecord): Promise<void>;
  readAll(): Promise<UsageRecord[]>;
}

const tokens = z.number().nonnegative();

const usageRecordSchema = z.object({
  id: z.string().min(1),
  ts: z.string().min(1),
  day: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  provider: z.string(),
  model: z.string(),
  sessionId: z.string(),
  requestId: z.string().optional(),
  inputTokens: tokens,
  outputTokens: tokens,
  cacheReadTokens: tokens,
  cacheWriteTokens: tokens,
  reasoningTokens: tokens,
  costUsd: z.number().nonnegative().nullable(),
});

/** A record read back from storage, or undefined for anything that is not one (a torn or foreign line). */
export function parseUsageRecord(value: unknown): UsageRecord | undefined {
  const parsed = usageRecordSchema.safeParse(value);
  if (!parsed.success) return undefined;
  const { requestId, ...rest } = parsed.data;
  return requestId === undefined ? rest : { ...rest, requestId };
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** `YYYY-MM-DD` of a date in the machine's time zone. */
export function localDay(date: Date): string {
  return `${pad(date.getFullYear(), 4)}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** `YYYY-MM` of a date in the machine's time zone. */
export function localMonth(date: Date): string {
  return localDay(date).slice(0, 7);
}
