import { toSwitchboardError } from '../errors/classify.js';
import { isSwitchboardError, SwitchboardError, type SwitchboardErrorLike } from '../errors/errors.js';
import type { Hooks } from '../hooks/hooks.js';
import { modelOrigin } from '../registry/model-id.js';
import type { ModelInfo } from '../types/models.js';
import type { AttemptRecord, StreamPhase } from '../types/response.js';
import { cancelledError, sleep } from './backoff.js';
import type { CooldownTracker } from './cooldown.js';
import { decideAfterFailure } from './decide.js';
import type { ExecutionOptions } from './types.js';

export interface Candidate {
  /** Full model id, `provider/model`. */
  id: string;
  info?: ModelInfo;
}

export interface TryContext {
  candidate: Candidate;
  /** 1-based try number for this candidate. */
  attempt: number;
  /** Aborted when this try loses a hedge, times out, or the caller cancels. */
  signal: AbortSignal;
  /** A streaming launch reports how far it got, so a failure is classified by phase. */
  reportPhase(phase: StreamPhase): void;
}

export interface FallbackRunOptions extends ExecutionOptions {
  requestId: string;
  signal?: AbortSignal;
  /** Epoch ms by which the whole call must be done (the total timeout). */
  deadline?: number;
  cooldowns?: CooldownTracker;
  hooks?: Hooks;
  /** Turns extra fallback ids (context-window / content-filter) into candidates. */
  resolveCandidate?: (id: string) => Promise<Candidate>;
  random?: () => number;
}

export interface FallbackWinner<T> {
  value: T;
  candidate: Candidate;
  attempt: number;
  /** The winning try's controller: abort it to stop what the value still streams. */
  controller: AbortController;
  attempts: AttemptRecord[];
  /** The first candidate, when another one won. */
  fallbackFrom?: string;
  /** Candidates after the winner, for a later continue-on-fallback. */
  remaining: Candidate[];
  /** Removes the caller-signal link; call when the winner's value is fully consumed. */
  release(): void;
}

interface RunningTry<T> {
  candidate: Candidate;
  attempt: number;
  controller: AbortController;
  startedAt: number;
  phase?: StreamPhase;
  settled: Promise<
    { run: RunningTry<T>; ok: true; value: T } | { run: RunningTry<T>; ok: false; error: unknown }
  >;
}

/** Cooling models go last, soonest-available first: tried only when every healthy one failed. */
function orderByHealth(candidates: Candidate[], cooldowns?: CooldownTracker): Candidate[] {
  if (!cooldowns) return [...candidates];
  const healthy = candidates.filter((c) => !cooldowns.isCooling(c.id));
  const cooling = candidates.filter((c) => cooldowns.isCooling(c.id));
  const until = new Map(cooldowns.list().map((s) => [s.model, s.until]));
  cooling.sort((a, b) => (until.get(a.id) ?? 0) - (until.get(b.id) ?? 0));
  return [...healthy, ...cooling];
}

function exhaustedError(failures: Array<{ id: string; error: SwitchboardErrorLike }>): SwitchboardErrorLike {
  const last = new Map<string, SwitchboardErrorLike>();
  for (const f of failures) last.set(f.id, f.error);
  if (last.size === 1) return [...last.values()][0]!;
  // The user's own choice (the first candidate) decides the kind, so the hint fits what they picked.
  const primary = [...last.values()][0]!;
  const summary = [...last].map(([id, e]) => `${id}: ${e.message}`).join(' | ');
  return new SwitchboardError(primary.kind, `All ${last.size} models failed. ${summary}`, {
    retryable: false,
    fallbackMayHelp: false,
    hint: primary.hint,
    ...(primary.provider ? { provider: primary.provider } : {}),
    ...(primary.model ? { model: primary.model } : {}),
    ...(primary.status !== undefined ? { status: primary.status } : {}),
    cause: primary,
  });
}

/**
 * Runs `launch` over the candidates with retries, backoff, cooldowns, fallback and optional hedging,
 * and resolves with the first try that succeeds. "Succeeds" is whatever `launch` resolves: for a
 * stream, the moment its first content arrived, so everything before content fails over invisibly.
 */
export async function runWithFallback<T>(
  candidates: Candidate[],
  launch: (context: TryContext) => Promise<T>,
  options: FallbackRunOptions,
): Promise<FallbackWinner<T>> {
  const { hooks, cooldowns, signal, requestId } = options;
  const queue = orderByHealth(candidates, cooldowns);
  const primary = queue[0]?.id;
  const tried = new Set<string>();
  const records: AttemptRecord[] = [];
  const failures: Array<{ id: string; error: SwitchboardErrorLike }> = [];
  const inFlight = new Set<RunningTry<T>>();
  let pendingRetry: { candidate: Candidate; attempt: number; readyAt: number } | undefined;
  let lastStartAt = 0;

  let winnerController: AbortController | undefined;
  const abortAll = (reason: unknown) => {
    for (const run of inFlight) run.controller.abort(reason);
    winnerController?.abort(reason);
  };
  const onCallerAbort = () => abortAll(cancelledError(signal));
  signal?.addEventListener('abort', onCallerAbort);

  const takeNext = (): { candidate: Candidate; attempt: number; delayMs: number } | undefined => {
    if (pendingRetry) {
      const next = pendingRetry;
      pendingRetry = undefined;
      return {
        candidate: next.candidate,
        attempt: next.attempt,
        delayMs: Math.max(0, next.readyAt - Date.now()),
      };
    }
    while (queue.length) {
      const candidate = queue.shift()!;
      if (tried.has(candidate.id)) continue;
      tried.add(candidate.id);
      return { candidate, attempt: 1, delayMs: 0 };
    }
    return undefined;
  };

  const start = (candidate: Candidate, attempt: number) => {
    const controller = new AbortController();
    const run = { candidate, attempt, controller, startedAt: Date.now() } as RunningTry<T>;
    hooks?.emit('attempt', { requestId, model: candidate.id, attempt });
    run.settled = (async () => {
      try {
        return {
          run,
          ok: true as const,
          value: await launch({
            candidate,
            attempt,
            signal: controller.signal,
            reportPhase: (phase) => {
              run.phase = phase;
            },
          }),
        };
      } catch (error) {
        return { run, ok: false as const, error };
      }
    })();
    inFlight.add(run);
    lastStartAt = run.startedAt;
  };

  const record = (run: RunningTry<T>, outcome: AttemptRecord['outcome'], error?: SwitchboardErrorLike) => {
    const entry: AttemptRecord = {
      model: run.candidate.id,
      attempt: run.attempt,
      outcome,
      latencyMs: Date.now() - run.startedAt,
    };
    if (error) {
      entry.errorKind = error.kind;
      entry.message = error.message;
      if (run.phase) entry.phase = run.phase;
    }
    records.push(entry);
  };

  const addExtraFallbacks = async (ids: string[] | undefined) => {
    if (!ids?.length || !options.resolveCandidate) return;
    const extra: Candidate[] = [];
    for (const id of ids) if (!tried.has(id)) extra.push(await options.resolveCandidate(id));
    queue.unshift(...extra.filter((c) => !queue.some((q) => q.id === c.id)));
  };

  try {
    for (;;) {
      if (signal?.aborted) throw cancelledError(signal);
      if (options.deadline !== undefined && Date.now() >= options.deadline) {
        throw new SwitchboardError('timeout', 'The call ran past its total time limit.', {
          retryable: false,
        });
      }
      if (inFlight.size === 0) {
        const next = takeNext();
        if (!next)
          throw failures.length
            ? exhaustedError(failures)
            : new SwitchboardError('not-found', 'No model to try.');
        if (next.delayMs > 0) {
          const left = options.deadline === undefined ? next.delayMs : options.deadline - Date.now();
          await sleep(Math.max(0, Math.min(next.delayMs, left)), signal);
          if (options.deadline !== undefined && Date.now() >= options.deadline)
            throw exhaustedError(failures);
        }
        start(next.candidate, next.attempt);
      }

      const canHedge =
        options.hedge !== undefined &&
        inFlight.size < (options.hedge.maxParallel ?? 2) &&
        (pendingRetry !== undefined || queue.some((c) => !tried.has(c.id)));
      let hedgeTimer: ReturnType<typeof setTimeout> | undefined;
      const hedgeDue = canHedge
        ? new Promise<'hedge'>((resolve) => {
            hedgeTimer = setTimeout(
              () => resolve('hedge'),
              Math.max(0, lastStartAt + options.hedge!.afterMs - Date.now()),
            );
          })
        : undefined;
      const outcome = await Promise.race([
        ...[...inFlight].map((r) => r.settled),
        ...(hedgeDue ? [hedgeDue] : []),
      ]);
      if (hedgeTimer) clearTimeout(hedgeTimer);

      if (outcome === 'hedge') {
        const next = takeNext();
        if (next) start(next.candidate, next.attempt);
        continue;
      }

      const { run } = outcome;
      inFlight.delete(run);
      if (outcome.ok) {
        record(run, 'success');
        cooldowns?.recordSuccess(run.candidate.id);
        for (const loser of inFlight) {
          loser.controller.abort(
            new SwitchboardError('cancelled', 'Another model answered first (hedging).'),
          );
          record(loser, 'cancelled');
        }
        inFlight.clear();
        winnerController = run.controller;
        const winner: FallbackWinner<T> = {
          value: outcome.value,
          candidate: run.candidate,
          attempt: run.attempt,
          controller: run.controller,
          attempts: records,
          remaining: queue.filter((c) => !tried.has(c.id)),
          release: () => signal?.removeEventListener('abort', onCallerAbort),
        };
        if (run.candidate.id !== primary && primary !== undefined) winner.fallbackFrom = primary;
        hooks?.emit('response', {
          requestId,
          model: run.candidate.id,
          latencyMs: Date.now() - run.startedAt,
          ...(winner.fallbackFrom ? { fallbackFrom: winner.fallbackFrom } : {}),
        });
        // Ownership of the caller-signal link passes to the winner (see release()).
        return winner;
      }

      const error = isSwitchboardError(outcome.error)
        ? outcome.error
        : toSwitchboardError(outcome.error, modelOrigin(run.candidate.id));
      run.controller.abort(error);
      if (signal?.aborted) throw cancelledError(signal);
      record(run, 'error', error);
      failures.push({ id: run.candidate.id, error });
      cooldowns?.recordFailure(run.candidate.id, error);

      if (error.kind === 'context-window-exceeded') await addExtraFallbacks(options.contextWindowFallbacks);
      if (error.kind === 'content-filtered') await addExtraFallbacks(options.contentFilterFallbacks);
      const hasMore = queue.some((c) => !tried.has(c.id)) || inFlight.size > 0;
      const decision = decideAfterFailure(error, run.attempt, hasMore, options.retry, options.random);
      if (decision.action === 'throw') throw error;
      if (decision.action === 'retry') {
        hooks?.emit('retry', {
          requestId,
          model: run.candidate.id,
          attempt: run.attempt + 1,
          delayMs: decision.delayMs,
          error,
        });
        pendingRetry = {
          candidate: run.candidate,
          attempt: run.attempt + 1,
          readyAt: Date.now() + decision.delayMs,
        };
      } else {
        const next = queue.find((c) => !tried.has(c.id));
        if (next) hooks?.emit('fallback', { requestId, from: run.candidate.id, to: next.id, error });
      }
    }
  } catch (error) {
    abortAll(error);
    signal?.removeEventListener('abort', onCallerAbort);
    const failure = isSwitchboardError(error) ? error : toSwitchboardError(error);
    hooks?.emit('error', { requestId, error: failure });
    throw failure;
  }
}
