import type { SwitchboardErrorLike } from '../errors/errors.js';
import type { Usage } from '../types/usage.js';

/** What Switchboard reports as it works, for the editor to log and display. */
export interface HookEvents {
  request: { requestId: string; requested: string; candidates: string[]; streaming: boolean };
  attempt: { requestId: string; model: string; attempt: number };
  retry: { requestId: string; model: string; attempt: number; delayMs: number; error: SwitchboardErrorLike };
  fallback: { requestId: string; from: string; to: string; error: SwitchboardErrorLike };
  cooldown: { model: string; until: number; reason: string };
  'cache-hit': { requestId: string; model: string; key: string };
  usage: { requestId: string; model: string; usage: Usage; costUsd: number | null };
  'budget-warning': { period: 'day' | 'month'; spentUsd: number; limitUsd: number };
  response: { requestId: string; model: string; latencyMs: number; fallbackFrom?: string };
  error: { requestId: string; error: SwitchboardErrorLike };
}

export type HookName = keyof HookEvents;
export type HookHandler<K extends HookName> = (event: HookEvents[K]) => void;

/** A small typed emitter; a throwing listener never breaks a request. */
export class Hooks {
  private readonly listeners = new Map<HookName, Set<(event: never) => void>>();

  on<K extends HookName>(name: K, handler: HookHandler<K>): () => void {
    let set = this.listeners.get(name);
    if (!set) {
      set = new Set();
      this.listeners.set(name, set);
    }
    set.add(handler as (event: never) => void);
    return () => {
      set.delete(handler as (event: never) => void);
    };
  }

  emit<K extends HookName>(name: K, event: HookEvents[K]): void {
    const set = this.listeners.get(name);
    if (!set) return;
    for (const handler of set) {
      try {
        (handler as HookHandler<K>)(event);
      } catch {
        // Observers must not change the outcome of a call.
      }
    }
  }
}
