import type { SwitchboardErrorLike } from '../errors/errors.js';
import type { Hooks } from '../hooks/hooks.js';
import type { CooldownOptions } from './types.js';

export interface CooldownState {
  model: string;
  /** Epoch ms when the model is tried again. */
  until: number;
  reason: string;
  consecutiveFailures: number;
}

/** Kinds that mean "this model will keep failing for a while": one is enough to open the circuit. */
const IMMEDIATE = new Set(['authentication', 'permission-denied', 'quota-exceeded', 'not-found']);
/** Kinds that are about this request, not the model's health: they never count. */
const IGNORED = new Set([
  'cancelled',
  'invalid-request',
  'context-window-exceeded',
  'content-filtered',
  'budget-exceeded',
]);

/**
 * A circuit breaker per model: after repeated failures (or one Retry-After) a model is skipped until
 * its cooldown ends; the next success closes the circuit. Queryable, so the editor can show it.
 */
export class CooldownTracker {
  private readonly states = new Map<string, CooldownState>();
  private readonly failureThreshold: number;
  private readonly cooldownMs: number;

  constructor(
    options: CooldownOptions = {},
    private readonly hooks?: Hooks,
    private readonly now: () => number = Date.now,
  ) {
    this.failureThreshold = options.failureThreshold ?? 3;
    this.cooldownMs = options.cooldownMs ?? 30_000;
  }

  isCooling(model: string): boolean {
    const state = this.states.get(model);
    return state !== undefined && state.until > this.now();
  }

  /** Cooling models with why and until when, soonest first. */
  list(): CooldownState[] {
    const now = this.now();
    return [...this.states.values()].filter((s) => s.until > now).sort((a, b) => a.until - b.until);
  }

  recordSuccess(model: string): void {
    this.states.delete(model);
  }

  recordFailure(model: string, error: SwitchboardErrorLike): void {
    if (IGNORED.has(error.kind)) return;
    const previous = this.states.get(model);
    const failures = (previous?.consecutiveFailures ?? 0) + 1;
    let until = previous?.until ?? 0;
    let reason = previous?.reason ?? '';
    if (error.retryAfterMs !== undefined) {
      until = Math.max(until, this.now() + error.retryAfterMs);
      reason = `${error.kind}: asked to retry after ${Math.ceil(error.retryAfterMs / 1000)} s`;
    } else if (IMMEDIATE.has(error.kind) || failures >= this.failureThreshold) {
      until = Math.max(until, this.now() + this.cooldownMs);
      reason = `${error.kind} (${failures} failure${failures > 1 ? 's' : ''} in a row): ${error.message}`;
    }
    this.states.set(model, { model, until, reason, consecutiveFailures: failures });
    if (until > this.now() && until !== previous?.until)
      this.hooks?.emit('cooldown', { model, until, reason });
  }

  /** Forget cooldowns, e.g. after the user changed a key. */
  reset(model?: string): void {
    if (model === undefined) this.states.clear();
    else this.states.delete(model);
  }
}
