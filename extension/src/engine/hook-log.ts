// Switchboard's hooks as lines in the log: requests, retries, fallbacks, cooldowns, errors.
// Core redacts registered secrets from error messages before they reach a hook.
import type { Hooks } from '@switchboard/core';
import type { LogLevel } from './engine.js';

export function logHooks(hooks: Hooks, log: (level: LogLevel, message: string) => void): () => void {
  const offs = [
    hooks.on('request', (e) =>
      log(
        'info',
        `${short(e.requestId)} ${e.streaming ? 'stream' : 'chat'} ${e.requested} → ${e.candidates.join(', ') || 'no candidate'}`,
      ),
    ),
    hooks.on('attempt', (e) => log('debug', `${short(e.requestId)} attempt ${e.attempt} on ${e.model}`)),
    hooks.on('retry', (e) =>
      log(
        'warn',
        `${short(e.requestId)} retry ${e.model} in ${e.delayMs} ms after ${e.error.kind}: ${e.error.message}`,
      ),
    ),
    hooks.on('fallback', (e) =>
      log(
        'warn',
        `${short(e.requestId)} fallback ${e.from} → ${e.to} after ${e.error.kind}: ${e.error.message}`,
      ),
    ),
    hooks.on('cooldown', (e) =>
      log('warn', `cooldown ${e.model} until ${new Date(e.until).toLocaleTimeString()}: ${e.reason}`),
    ),
    hooks.on('cache-hit', (e) => log('info', `${short(e.requestId)} answered from the cache (${e.model})`)),
    hooks.on('usage', (e) =>
      log(
        'info',
        `${short(e.requestId)} ${e.model}: ${e.usage.inputTokens ?? 0} in / ${e.usage.outputTokens ?? 0} out tokens, ${
          e.costUsd === null ? 'price unknown' : `$${e.costUsd.toFixed(6)}`
        }`,
      ),
    ),
    hooks.on('budget-warning', (e) =>
      log('warn', `budget: $${e.spentUsd.toFixed(2)} of $${e.limitUsd.toFixed(2)} this ${e.period}`),
    ),
    hooks.on('response', (e) =>
      log(
        'info',
        `${short(e.requestId)} answered by ${e.model} in ${Math.round(e.latencyMs)} ms${e.fallbackFrom ? ` (fallback from ${e.fallbackFrom})` : ''}`,
      ),
    ),
    hooks.on('error', (e) =>
      log('error', `${short(e.requestId)} failed: ${e.error.kind}: ${e.error.message}`),
    ),
  ];
  return () => {
    for (const off of offs) off();
  };
}

const short = (requestId: string) => `[${requestId.slice(0, 8)}]`;
