import {
  type ErrorKind,
  isContentEvent,
  isSwitchboardError,
  type ModelInfo,
  type ModelStreamEvent,
  type SwitchboardErrorLike,
  type ToolCall,
} from '@switchboard/core';
import { expect } from 'vitest';

/**
 * The assertions behind the conformance suite, exported so that a provider's own tests (and the
 * suite's tests) can use them on their own. Each throws a vitest assertion error naming the rule.
 */

const EVENT_TYPES = new Set<string>([
  'text-delta',
  'reasoning-delta',
  'tool-call-delta',
  'tool-call',
  'usage',
  'warning',
  'metadata',
  'finish',
]);

const MODEL_KINDS = new Set<string>(['chat', 'embedding', 'image', 'speech']);

export async function collect(stream: AsyncIterable<ModelStreamEvent>): Promise<ModelStreamEvent[]> {
  const events: ModelStreamEvent[] = [];
  for await (const event of stream) events.push(event);
  return events;
}

/** Reads a stream to its end or its error; `error` is undefined when the stream ended normally. */
export async function collectUntilError(
  stream: AsyncIterable<ModelStreamEvent>,
): Promise<{ events: ModelStreamEvent[]; error: unknown }> {
  const events: ModelStreamEvent[] = [];
  try {
    for await (const event of stream) events.push(event);
  } catch (error) {
    return { events, error };
  }
  return { events, error: undefined };
}

/** What `run` rejected with; fails when it resolved (a call that should have failed answered instead). */
export async function captureError(run: () => Promise<unknown>): Promise<unknown> {
  let value: unknown;
  try {
    value = await run();
  } catch (error) {
    return error;
  }
  return expect.fail(`expected the call to fail, but it resolved with ${preview(value)}`);
}

export function textOf(events: readonly ModelStreamEvent[]): string {
  return events.map((event) => (event.type === 'text-delta' ? event.text : '')).join('');
}

export function reasoningOf(events: readonly ModelStreamEvent[]): string {
  return events.map((event) => (event.type === 'reasoning-delta' ? event.text : '')).join('');
}

export function toolCallsOf(events: readonly ModelStreamEvent[]): ToolCall[] {
  return events.flatMap((event) => (event.type === 'tool-call' ? [event.toolCall] : []));
}

/**
 * The stream contract: only known event types; exactly one `usage` (with whole, non-negative
 * counts) and after it no more content; exactly one `finish`, and it is the last event.
 */
export function expectWellFormedStream(events: readonly ModelStreamEvent[]): void {
  for (const event of events) {
    expect(EVENT_TYPES.has(event.type), `unknown stream event type "${event.type}"`).toBe(true);
  }
  const finishes = events.filter((event) => event.type === 'finish');
  expect(finishes.length, 'a stream must end with exactly one finish event').toBe(1);
  expect(events.at(-1)?.type, 'the finish event must be the last event').toBe('finish');
  const usageAt = events.findIndex((event) => event.type === 'usage');
  const usages = events.filter((event) => event.type === 'usage');
  expect(usages.length, 'a stream must report usage exactly once').toBe(1);
  const after = events.slice(usageAt + 1).filter(isContentEvent);
  expect(after, 'no content may follow the usage event').toEqual([]);
  const usage = usages[0];
  if (usage?.type === 'usage') {
    expect(Number.isInteger(usage.usage.inputTokens) && usage.usage.inputTokens >= 0).toBe(true);
    expect(Number.isInteger(usage.usage.outputTokens) && usage.usage.outputTokens >= 0).toBe(true);
  }
}

/** Tool-call deltas grouped by index, each group's argument pieces joined and parsed. */
export function toolDeltaArgs(events: readonly ModelStreamEvent[]): Array<{ index: number; args: unknown }> {
  const pieces = new Map<number, string>();
  for (const event of events) {
    if (event.type === 'tool-call-delta')
      pieces.set(event.index, (pieces.get(event.index) ?? '') + event.argsTextDelta);
  }
  return [...pieces.entries()]
    .sort(([a], [b]) => a - b)
    .map(([index, text]) => ({ index, args: parseJson(text, `tool-call deltas of index ${index}`) }));
}

/**
 * Streamed tool calls: the deltas of each index join to the arguments of the complete call at the
 * same position, and every delta of a call comes before its complete `tool-call` event.
 */
export function expectToolDeltasBeforeCalls(events: readonly ModelStreamEvent[]): void {
  const calls = toolCallsOf(events);
  const groups = toolDeltaArgs(events);
  expect(groups.length, 'one group of tool-call deltas per tool call').toBe(calls.length);
  groups.forEach((group, position) => {
    expect(group.args, `deltas of index ${group.index} join to the arguments of call ${position}`).toEqual(
      calls[position]?.args,
    );
    const lastDelta = events.findLastIndex(
      (event) => event.type === 'tool-call-delta' && event.index === group.index,
    );
    const complete = events.findIndex(
      (event) => event.type === 'tool-call' && event.toolCall === calls[position],
    );
    expect(lastDelta, `deltas of index ${group.index} come before the complete tool-call`).toBeLessThan(
      complete,
    );
  });
}

/** A Switchboard error (by brand, from any copy of core), optionally of one of `kinds`. */
export function expectSwitchboardError(
  error: unknown,
  kinds?: ErrorKind | readonly ErrorKind[],
): asserts error is SwitchboardErrorLike {
  expect(
    isSwitchboardError(error),
    `expected a SwitchboardError, got ${error instanceof Error ? `${error.name}: ${error.message}` : preview(error)}`,
  ).toBe(true);
  if (kinds === undefined || !isSwitchboardError(error)) return;
  const allowed = typeof kinds === 'string' ? [kinds] : kinds;
  expect(allowed, `error kind (message: ${error.message})`).toContain(error.kind);
}

/** Everything a user may see of an error holds none of `secrets` and no stack trace. */
export function expectSafeForUsers(error: SwitchboardErrorLike, secrets: readonly string[]): void {
  const shown = [error.message, error.hint, error.userMessage, JSON.stringify(error)].join('\n');
  for (const secret of secrets) {
    expect(shown.includes(secret), 'an error shown to the user must never contain the API key').toBe(false);
  }
  expect(shown, 'an error message must not carry a stack trace').not.toMatch(/\n\s+at \S.*:\d+:\d+/);
  expect(error.hint.trim().length, 'an error must say what to do (its hint)').toBeGreaterThan(0);
}

/** A list entry the router can use: a bare id (no `provider/` prefix), a known kind, capabilities. */
export function expectModelInfo(info: ModelInfo, providerId: string): void {
  expect(typeof info.id === 'string' && info.id.length > 0, 'ModelInfo.id is a non-empty string').toBe(true);
  expect(
    info.id.startsWith(`${providerId}/`),
    `ModelInfo.id "${info.id}" must not repeat the provider id`,
  ).toBe(false);
  expect(MODEL_KINDS.has(info.kind), `ModelInfo.kind "${String(info.kind)}" is a model kind`).toBe(true);
  expect(typeof info.capabilities, 'ModelInfo.capabilities is an object').toBe('object');
  for (const limit of [info.contextWindow, info.maxOutputTokens]) {
    if (limit !== undefined) expect(Number.isInteger(limit) && limit > 0).toBe(true);
  }
}

/**
 * What `pending` rejected with, given `ms` to settle: fails fast (instead of at the test timeout)
 * when it is still pending, and when it resolved although it should have failed.
 */
export async function rejectionWithin(pending: Promise<unknown>, ms: number, what: string): Promise<unknown> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<'late'>((resolve) => {
    timer = setTimeout(() => resolve('late'), ms);
  });
  const outcome = await Promise.race([
    pending.then(
      (value) => ({ value }),
      (error: unknown) => ({ error }),
    ),
    late,
  ]);
  clearTimeout(timer);
  if (outcome === 'late') return expect.fail(`${what} did not end within ${ms} ms`);
  if ('error' in outcome) return outcome.error;
  return expect.fail(`${what} resolved with ${preview(outcome.value)} instead of failing`);
}

/** Polls until `condition` holds; fails with `what` after `timeoutMs`. */
export async function waitFor(condition: () => boolean, what: string, timeoutMs = 2_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) expect.fail(`timed out after ${timeoutMs} ms waiting until ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

function parseJson(text: string, what: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return expect.fail(`${what} are not valid JSON: ${text}`);
  }
}

function preview(value: unknown): string {
  try {
    return JSON.stringify(value)?.slice(0, 200) ?? String(value);
  } catch {
    return String(value);
  }
}
