// The line under every answer: which model answered (and which one it stood in for), what it cost,
// how many tokens it took, and what the model could not honour.
import type { CallWarning, FinishReason, Usage } from '@switchboard/core';
import { formatTokens, formatUsd } from '../shared/format.js';

/** The parts of core's ChatResponse the footer reads. */
export interface AnswerFacts {
  model: string;
  fallbackFrom?: string;
  costUsd: number | null;
  usage: Usage;
  cached?: boolean;
  warnings?: readonly CallWarning[];
  finishReason?: FinishReason;
}

/** `answered by openai/gpt-4o-mini (fallback from anthropic/claude-sonnet-4-5) · $0.0012 · 1.2K in / 340 out tokens` */
export function footerText(facts: AnswerFacts): string {
  const parts = [
    `answered by ${facts.model}${facts.fallbackFrom ? ` (fallback from ${facts.fallbackFrom})` : ''}`,
  ];
  parts.push(facts.cached ? 'from cache' : costText(facts.costUsd));
  const { inputTokens, outputTokens } = facts.usage;
  if (inputTokens > 0 || outputTokens > 0) {
    parts.push(`${formatTokens(inputTokens)} in / ${formatTokens(outputTokens)} out tokens`);
  }
  return parts.join(' · ');
}

export function costText(costUsd: number | null): string {
  if (costUsd === null) return 'price unknown';
  if (costUsd === 0) return 'free';
  return formatUsd(costUsd);
}

/** One sentence per warning, e.g. an option the model ignored. */
export function warningNotes(warnings: readonly CallWarning[] = []): string[] {
  return warnings.map((warning) =>
    warning.type === 'unsupported-option'
      ? `The model ignored "${warning.option}"${warning.details ? `: ${warning.details}` : '.'}`
      : warning.message,
  );
}

/** Warnings, and why an answer stopped early when it did. */
export function answerNotes(facts: Pick<AnswerFacts, 'warnings' | 'finishReason'>): string[] {
  const notes = warningNotes(facts.warnings);
  if (facts.finishReason === 'length')
    notes.push("The answer reached the model's output limit and is cut off.");
  if (facts.finishReason === 'content-filter')
    notes.push("The provider's content filter stopped the answer.");
  return notes;
}

/** Starts every footer in chat; `stripFooter` finds it again in the history. */
const FOOTER_START = '\n\n---\n*— ';

/** The footer as chat Markdown: a rule, the italic line, then notes and warnings as a small quote. */
export function footerMarkdown(facts: AnswerFacts, extraNotes: readonly string[] = []): string {
  const notes = [...extraNotes, ...answerNotes(facts)];
  const quote = notes.length > 0 ? `\n\n> ${notes.map(escapeMarkdown).join('  \n> ')}` : '';
  return `${FOOTER_START}${escapeMarkdown(footerText(facts))}*${quote}`;
}

/** The footer closing a Markdown document (Explain, Describe Image): read as source, so nothing is escaped. */
export function documentFooter(facts: AnswerFacts): string {
  const notes = answerNotes(facts).map((note) => `\n> ${note}`);
  return `${FOOTER_START}${footerText(facts)}*\n${notes.join('')}`;
}

/** The answer without the footer this module added (for the conversation history). */
export function stripFooter(text: string): string {
  const at = text.lastIndexOf(FOOTER_START);
  return at >= 0 ? text.slice(0, at) : text;
}

/** Escapes the characters that would turn a model id or a message into Markdown (or math: `$`). */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_[\]<>#|~$]/g, (char) => `\\${char}`);
}
