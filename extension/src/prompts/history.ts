// The chat's earlier turns as core messages. Written against the shape of VS Code's
// ChatRequestTurn / ChatResponseTurn (not the classes), so it runs and is tested without VS Code.
import type { Message } from '@switchboard/core';
import { stripFooter } from './footer.js';

export interface RequestTurnLike {
  readonly prompt: string;
  readonly participant: string;
  readonly command?: string | undefined;
}

export interface ResponseTurnLike {
  /** Markdown parts carry `{ value: MarkdownString }`; anchors, buttons and file trees are skipped. */
  readonly response: ReadonlyArray<unknown>;
  readonly participant: string;
  readonly command?: string | undefined;
  readonly result: {
    readonly errorDetails?: unknown;
    readonly metadata?: { readonly [key: string]: unknown };
  };
}

export type TurnLike = RequestTurnLike | ResponseTurnLike;

export interface HistoryOptions {
  /** Only this participant's turns count. */
  participant: string;
  /** Commands whose turns are reports, not conversation (`models`, `cost`...). */
  skipCommands?: readonly string[];
  /** Oldest turns are dropped beyond this many characters. */
  maxChars?: number;
}

const DEFAULT_MAX_CHARS = 60_000;

export function historyToMessages(history: readonly TurnLike[], options: HistoryOptions): Message[] {
  const skip = new Set(options.skipCommands ?? []);
  const messages: Array<{ role: 'user' | 'assistant'; content: string }> = [];
  for (const turn of history) {
    if (turn.participant !== options.participant || (turn.command && skip.has(turn.command))) continue;
    if (isRequestTurn(turn)) {
      const text = (turn.command ? `/${turn.command} ${turn.prompt}` : turn.prompt).trim();
      if (text) messages.push({ role: 'user', content: text });
      continue;
    }
    if (failed(turn)) {
      // A failed answer and the question it failed on say nothing the model should build on.
      if (messages.at(-1)?.role === 'user') messages.pop();
      continue;
    }
    const text = stripFooter(responseText(turn)).trim();
    if (text) messages.push({ role: 'assistant', content: text });
  }
  return keepRecent(mergeSameRole(messages), options.maxChars ?? DEFAULT_MAX_CHARS);
}

function isRequestTurn(turn: TurnLike): turn is RequestTurnLike {
  return typeof (turn as Partial<RequestTurnLike>).prompt === 'string';
}

function failed(turn: ResponseTurnLike): boolean {
  return turn.result.errorDetails !== undefined || turn.result.metadata?.error === true;
}

/** The Markdown of a response turn, from parts shaped `{ value: string | { value: string } }`. */
export function responseText(turn: Pick<ResponseTurnLike, 'response'>): string {
  let text = '';
  for (const part of turn.response) {
    const value = (part as { value?: unknown } | null)?.value;
    if (typeof value === 'string') text += value;
    else if (typeof (value as { value?: unknown } | null)?.value === 'string') {
      text += (value as { value: string }).value;
    }
  }
  return text;
}

function mergeSameRole<T extends { role: string; content: string }>(messages: T[]): T[] {
  const out: T[] = [];
  for (const message of messages) {
    const last = out.at(-1);
    if (last && last.role === message.role) last.content = `${last.content}\n\n${message.content}`;
    else out.push({ ...message });
  }
  return out;
}

/** The newest messages that fit in `maxChars`, starting with a user message. */
function keepRecent<T extends { role: string; content: string }>(messages: T[], maxChars: number): T[] {
  let total = 0;
  let start = messages.length;
  while (start > 0 && total + messages[start - 1]!.content.length <= maxChars) {
    total += messages[start - 1]!.content.length;
    start--;
  }
  while (start < messages.length && messages[start]!.role !== 'user') start++;
  return messages.slice(start);
}
