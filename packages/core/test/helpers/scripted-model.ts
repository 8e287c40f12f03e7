import type {
  CallOptions,
  ChatModel,
  ChatRequest,
  GenerateResult,
  ModelStreamEvent,
} from '../../src/index.js';
import { generateFromStream } from '../../src/index.js';

/** What one call to a scripted model does. */
export interface Turn {
  /** Events to stream (generate() folds them into a result). */
  events?: ModelStreamEvent[];
  /** Throw this after `failAfter` events (0 = on the first pull, like an SDK that opens lazily). */
  error?: unknown;
  failAfter?: number;
  /** Delay before each event. */
  delayMs?: number;
  /** Delay before the first event only. */
  firstDelayMs?: number;
  /** Never answer (until aborted). */
  hang?: boolean;
}

export const text = (...parts: string[]): ModelStreamEvent[] => [
  ...parts.map((t) => ({ type: 'text-delta' as const, text: t })),
  { type: 'usage', usage: { inputTokens: 10, outputTokens: parts.length } },
  { type: 'finish', reason: 'stop' },
];

function wait(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener('abort', () => {
      clearTimeout(timer);
      reject(signal.reason);
    });
  });
}

/**
 * An in-process model implementing the provider contract from a script of turns; it records every
 * request and whether its signal was aborted, so tests can assert what the executor did to it.
 */
export class ScriptedModel implements ChatModel {
  readonly calls: Array<{ request: ChatRequest; signal?: AbortSignal }> = [];
  private turnIndex = 0;

  constructor(
    readonly provider: string,
    readonly modelId: string,
    private readonly turns: Turn[],
  ) {}

  get id(): string {
    return `${this.provider}/${this.modelId}`;
  }

  get aborted(): boolean[] {
    return this.calls.map((c) => c.signal?.aborted ?? false);
  }

  private nextTurn(): Turn {
    const turn = this.turns[Math.min(this.turnIndex, this.turns.length - 1)];
    this.turnIndex++;
    if (!turn) throw new Error(`${this.id} has no scripted turn`);
    return turn;
  }

  async *stream(request: ChatRequest, options: CallOptions = {}): AsyncIterable<ModelStreamEvent> {
    this.calls.push({ request, ...(options.signal ? { signal: options.signal } : {}) });
    const turn = this.nextTurn();
    const events = turn.events ?? [];
    for (let i = 0; ; i++) {
      if (turn.hang)
        await new Promise((_, reject) =>
          options.signal?.addEventListener('abort', () => reject(options.signal?.reason)),
        );
      if (i === 0 && turn.firstDelayMs) await wait(turn.firstDelayMs, options.signal);
      if (turn.delayMs) await wait(turn.delayMs, options.signal);
      if (turn.error !== undefined && i === (turn.failAfter ?? 0)) throw turn.error;
      const event = events[i];
      if (!event) return;
      yield event;
    }
  }

  generate(request: ChatRequest, options: CallOptions = {}): Promise<GenerateResult> {
    return generateFromStream(this.stream(request, options));
  }
}

export async function collect<T>(iterable: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of iterable) out.push(item);
  return out;
}
