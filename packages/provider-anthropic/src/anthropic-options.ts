import { SwitchboardError } from '@switchboard/core';
import { PROVIDER_ID } from './anthropic-error.js';

export type Effort = 'low' | 'medium' | 'high' | 'xhigh' | 'max';
export type ThinkingDisplay = 'summarized' | 'omitted';

export type ThinkingOption =
  /** Manual extended thinking with a budget of at least 1,024 tokens. */
  | { type: 'enabled'; budgetTokens: number; display?: ThinkingDisplay }
  | { type: 'adaptive'; display?: ThinkingDisplay }
  | { type: 'disabled' };

/**
 * `providerOptions.anthropic`:
 * - `thinking`: `{ budgetTokens: 4096 }` (or `{ type: 'enabled', budgetTokens }`), `{ type: 'adaptive' }`,
 *   `{ type: 'disabled' }`; `display: 'summarized' | 'omitted'` (default `summarized`, so the
 *   reasoning text comes back).
 * - `effort`: `low` ... `max`, how hard an adaptive model thinks (output_config.effort).
 * - `disableParallelToolUse`: at most one tool call per answer.
 * - `cacheControl`: `true` or `{ ttl: '5m' | '1h' }`, automatic prompt caching of the request prefix.
 */
export interface AnthropicOptions {
  thinking?: ThinkingOption;
  effort?: Effort;
  disableParallelToolUse?: boolean;
  cacheControl?: { ttl?: '5m' | '1h' };
}

const EFFORTS = new Set<string>(['low', 'medium', 'high', 'xhigh', 'max']);
const DISPLAYS = new Set<string>(['summarized', 'omitted']);

function invalid(what: string): SwitchboardError {
  return new SwitchboardError('invalid-request', `providerOptions.anthropic.${what}`, {
    provider: PROVIDER_ID,
    hint: 'Fix providerOptions.anthropic (see the @switchboard/provider-anthropic README).',
  });
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

export function parseAnthropicOptions(raw: unknown): AnthropicOptions {
  if (raw === undefined) return {};
  if (!isRecord(raw)) throw invalid('must be an object.');
  const options: AnthropicOptions = {};
  if (raw.thinking !== undefined) options.thinking = parseThinking(raw.thinking);
  if (raw.effort !== undefined) {
    if (typeof raw.effort !== 'string' || !EFFORTS.has(raw.effort)) {
      throw invalid(`effort must be one of ${[...EFFORTS].join(', ')}.`);
    }
    options.effort = raw.effort as Effort;
  }
  if (raw.disableParallelToolUse !== undefined) {
    if (typeof raw.disableParallelToolUse !== 'boolean')
      throw invalid('disableParallelToolUse must be a boolean.');
    options.disableParallelToolUse = raw.disableParallelToolUse;
  }
  if (raw.cacheControl !== undefined && raw.cacheControl !== false) {
    if (raw.cacheControl === true) options.cacheControl = {};
    else if (isRecord(raw.cacheControl) && (raw.cacheControl.ttl === '5m' || raw.cacheControl.ttl === '1h')) {
      options.cacheControl = { ttl: raw.cacheControl.ttl };
    } else throw invalid("cacheControl must be true or { ttl: '5m' | '1h' }.");
  }
  return options;
}

function parseThinking(raw: unknown): ThinkingOption {
  if (!isRecord(raw))
    throw invalid("thinking must be an object, e.g. { budgetTokens: 4096 } or { type: 'adaptive' }.");
  const type = raw.type ?? (raw.budgetTokens === undefined ? undefined : 'enabled');
  let display: ThinkingDisplay | undefined;
  if (raw.display !== undefined) {
    if (typeof raw.display !== 'string' || !DISPLAYS.has(raw.display)) {
      throw invalid("thinking.display must be 'summarized' or 'omitted'.");
    }
    display = raw.display as ThinkingDisplay;
  }
  const withDisplay = display === undefined ? {} : { display };
  if (type === 'enabled') {
    const budget = raw.budgetTokens;
    if (typeof budget !== 'number' || !Number.isInteger(budget) || budget < 1024) {
      throw invalid('thinking.budgetTokens must be a whole number of at least 1024.');
    }
    return { type: 'enabled', budgetTokens: budget, ...withDisplay };
  }
  if (type === 'adaptive') return { type: 'adaptive', ...withDisplay };
  if (type === 'disabled') return { type: 'disabled' };
  throw invalid("thinking.type must be 'enabled' (with budgetTokens), 'adaptive' or 'disabled'.");
}
