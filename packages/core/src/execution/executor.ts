import { toSwitchboardError } from '../errors/classify.js';
import { isSwitchboardError, SwitchboardError, type SwitchboardErrorLike } from '../errors/errors.js';
import type { Hooks } from '../hooks/hooks.js';
import { modelOrigin } from '../registry/model-id.js';
import type { ChatModel } from '../types/models.js';
import type { ChatRequest } from '../types/request.js';
import type { AttemptRecord, GenerateResult } from '../types/response.js';
import type { CallWarning, ModelStreamEvent } from '../types/stream.js';
import { cancelledError } from './backoff.js';
import type { CooldownTracker } from './cooldown.js';
import { earliest, timeoutError, withDeadline } from './deadline.js';
import { type OpenedStream, openUntilContent } from './open-stream.js';
import { fitRequestToModel } from './option-support.js';
import { ContinuationSeam } from './overlap.js';
import { type Candidate, type FallbackWinner, runWithFallback } from './run-with-fallback.js';
import { StreamWatchdog } from './stream-watchdog.js';
import type { ExecutionOptions, SwitchboardStreamEvent } from './types.js';

export interface ExecutorDeps {
  getModel(candidate: Candidate): Promise<ChatModel>;
  cooldowns?: CooldownTracker;
  hooks?: Hooks;
  /** Observed latencies feed the `fastest` routing policy. */
  latency?: { record(id: string, sample: { ttftMs?: number; totalMs: number }): void };
}

export interface CallSettings extends ExecutionOptions {
  requestId: string;
  signal?: AbortSignal;
  random?: () => number;
  resolveCandidate?: (id: string) => Promise<Candidate>;
}

/** What the executor learned about a call, filled in as it goes (a stream cannot return it). */
export interface CallTrace {
  attempts: AttemptRecord[];
  /** Models that produced the delivered output, in order (more than one after continue-on-fallback). */
  models: string[];
  fallbackFrom?: string;
  warnings: CallWarning[];
}

export const newTrace = (): CallTrace => ({ attempts: [], models: [], warnings: [] });

const CONTINUE_INSTRUCTION =
  'Continue exactly where your previous message stopped, mid-sentence or mid-word if needed. ' +
  'Do not repeat anything already written and add no preamble.';

/** A filtered answer with no content fails over when the caller configured content-filter fallbacks. */
function filteredWithoutContent(reason: string | undefined, text: string, settings: CallSettings): boolean {
  return reason === 'content-filter' && text === '' && (settings.contentFilterFallbacks?.length ?? 0) > 0;
}

function contentFiltered(id: string): SwitchboardError {
  return new SwitchboardError(
    'content-filtered',
    `${id} blocked the answer with its content filter.`,
    modelOrigin(id),
  );
}

/** A non-streaming call with retries, fallback, cooldowns, hedging and timeouts. */
export async function executeGenerate(
  candidates: Candidate[],
  request: ChatRequest,
  deps: ExecutorDeps,
  settings: CallSettings,
  trace: CallTrace = newTrace(),
): Promise<GenerateResult> {
  const timeouts = settings.timeouts ?? {};
  const deadline = timeouts.totalMs === undefined ? undefined : Date.now() + timeouts.totalMs;
  const winner = await runWithFallback(
    candidates,
    async ({ candidate, signal }) => {
      const model = await deps.getModel(candidate);
      const { request: fitted, warnings } = fitRequestToModel(request, candidate.info);
      const startedAt = Date.now();
      const by = earliest(
        deadline,
        timeouts.firstTokenMs === undefined ? undefined : startedAt + timeouts.firstTokenMs,
      );
      const result = await withDeadline(
        model.generate(fitted, { signal }),
        by,
        () => timeoutError(candidate.id, 'did not answer', (by ?? startedAt) - startedAt),
        signal,
      );
      if (filteredWithoutContent(result.finishReason, result.text, settings))
        throw contentFiltered(candidate.id);
      deps.latency?.record(candidate.id, { totalMs: Date.now() - startedAt });
      return { result, warnings };
    },
    { ...settings, ...(deadline !== undefined ? { deadline } : {}), ...pick(deps) },
  );
  winner.release();
  trace.attempts.push(...winner.attempts);
  trace.models.push(winner.candidate.id);
  if (winner.fallbackFrom) trace.fallbackFrom = winner.fallbackFrom;
  trace.warnings.push(...winner.value.warnings, ...(winner.value.result.warnings ?? []));
  return winner.value.result;
}

/** The try that won the race later broke: its record says so instead of 'success'. */
function markBrokenAfterContent(attempts: AttemptRecord[], model: string, error: SwitchboardErrorLike): void {
  const record = attempts.findLast((a) => a.model === model && a.outcome === 'success');
  if (!record) return;
  record.outcome = 'error';
  record.errorKind = error.kind;
  record.message = error.message;
  record.phase = 'after-content';
}

function pick(deps: ExecutorDeps) {
  return {
    ...(deps.cooldowns ? { cooldowns: deps.cooldowns } : {}),
    ...(deps.hooks ? { hooks: deps.hooks } : {}),
  };
}

/**
 * A streaming call. Failures before the first content fail over invisibly; after content the
 * stream ends with an `interrupted` event carrying the partial text (or, opted in, another model
 * continues the text). Text is never duplicated or dropped.
 */
export async function* executeStream(
  candidates: Candidate[],
  request: ChatRequest,
  deps: ExecutorDeps,
  settings: CallSettings,
  trace: CallTrace = newTrace(),
): AsyncGenerator<SwitchboardStreamEvent, void, undefined> {
  const timeouts = settings.timeouts ?? {};
  const deadline = timeouts.totalMs === undefined ? undefined : Date.now() + timeouts.totalMs;
  const continueOnFallback = settings.onPartialFailure === 'continue-on-fallback';
  let pool = candidates;
  let segmentRequest = request;
  let delivered = '';
  let sawToolCall = false;
  let previous: { model: string; error: SwitchboardErrorLike } | undefined;

  for (;;) {
    let winner: FallbackWinner<{ opened: OpenedStream; warnings: CallWarning[] }>;
    try {
      winner = await runWithFallback(
        pool,
        async ({ candidate, signal, reportPhase }) => {
          const model = await deps.getModel(candidate);
          const { request: fitted, warnings } = fitRequestToModel(segmentRequest, candidate.info);
          const opened = await openUntilContent(
            model,
            candidate.id,
            fitted,
            signal,
            timeouts,
            deadline,
            reportPhase,
          );
          const finish = opened.buffered.find((e) => e.type === 'finish');
          if (
            opened.ended &&
            filteredWithoutContent(finish?.type === 'finish' ? finish.reason : undefined, '', settings)
          ) {
            throw contentFiltered(candidate.id);
          }
          return { opened, warnings };
        },
        { ...settings, ...(deadline !== undefined ? { deadline } : {}), ...pick(deps) },
      );
    } catch (error) {
      if (!previous) throw error;
      // A continuation found no model: the text so far is all there is.
      yield { type: 'interrupted', model: previous.model, error: previous.error, partialText: delivered };
      return;
    }

    const model = winner.candidate.id;
    trace.attempts.push(...winner.attempts);
    trace.models.push(model);
    const { opened } = winner.value;
    const seam = new ContinuationSeam(() => delivered, previous !== undefined);
    const deliver = function* (text: string): Generator<SwitchboardStreamEvent> {
      if (!text) return;
      delivered += text;
      yield { type: 'text-delta', text };
    };
    const emit = function* (event: ModelStreamEvent): Generator<SwitchboardStreamEvent> {
      if (event.type === 'warning') trace.warnings.push(event.warning);
      if (event.type === 'tool-call' || event.type === 'tool-call-delta') sawToolCall = true;
      if (event.type === 'finish') yield* deliver(seam.release());
      if (event.type === 'text-delta') yield* deliver(seam.push(event.text));
      else yield event;
    };

    let completed = false;
    let watchdog: StreamWatchdog<ModelStreamEvent> | undefined;
    try {
      if (previous) {
        yield { type: 'continued', from: previous.model, to: model, error: previous.error };
      } else {
        if (winner.fallbackFrom) trace.fallbackFrom = winner.fallbackFrom;
        yield {
          type: 'start',
          model,
          attempt: winner.attempt,
          ...(winner.fallbackFrom ? { fallbackFrom: winner.fallbackFrom } : {}),
        };
      }
      for (const warning of winner.value.warnings) {
        trace.warnings.push(warning);
        yield { type: 'warning', warning };
      }
      for (const event of opened.buffered) yield* emit(event);
      if (!opened.ended) {
        watchdog = new StreamWatchdog<ModelStreamEvent>({
          ...(timeouts.idleMs !== undefined ? { idleMs: timeouts.idleMs } : {}),
          ...(deadline !== undefined ? { deadline } : {}),
          signal: winner.controller.signal,
          idleError: () => timeoutError(model, 'went silent mid-answer for', timeouts.idleMs ?? 0),
          totalError: () => timeoutError(model, 'did not finish', timeouts.totalMs ?? 0),
        });
        for (;;) {
          const result = await watchdog.pull(opened.iterator);
          if (result.done) break;
          const event = result.value;
          // Text is nearly every event of a stream: the plain path, without the nested generators.
          if (event.type === 'text-delta') {
            const text = seam.push(event.text);
            if (text) {
              delivered += text;
              yield { type: 'text-delta', text };
            }
          } else {
            yield* emit(event);
          }
        }
      }
      yield* deliver(seam.release());
      completed = true;
      deps.cooldowns?.recordSuccess(model);
      deps.latency?.record(model, {
        ...(opened.firstContentAt ? { ttftMs: opened.firstContentAt - opened.openedAt } : {}),
        totalMs: Date.now() - opened.openedAt,
      });
      return;
    } catch (thrown) {
      if (settings.signal?.aborted) throw cancelledError(settings.signal);
      const error = isSwitchboardError(thrown) ? thrown : toSwitchboardError(thrown, modelOrigin(model));
      yield* deliver(seam.release());
      markBrokenAfterContent(winner.attempts, model, error);
      deps.cooldowns?.recordFailure(model, error);
      deps.hooks?.emit('error', { requestId: settings.requestId, error });
      if (continueOnFallback && !sawToolCall && winner.remaining.length > 0) {
        previous = { model, error };
        pool = winner.remaining;
        segmentRequest = {
          ...request,
          messages: [
            ...request.messages,
            { role: 'assistant', content: delivered },
            { role: 'user', content: CONTINUE_INSTRUCTION },
          ],
        };
        continue;
      }
      yield { type: 'interrupted', model, error, partialText: delivered };
      return;
    } finally {
      watchdog?.dispose();
      winner.release();
      if (!completed) {
        // The consumer stopped early or the stream failed: stop the SDK's request.
        winner.controller.abort(cancelledError());
        opened.iterator.return?.()?.catch(() => {});
      }
    }
  }
}
