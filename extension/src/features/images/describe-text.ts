// The texts of "Describe Image": what the model is asked, and the document it writes into.
import { formatUsd } from '../../shared/format.js';

export const DESCRIBE_PROMPT =
  'Describe this image for a software developer. Say what it shows; transcribe any text, code or ' +
  'numbers in it; for a screenshot, name the UI elements and any error shown; for a diagram, explain ' +
  'its parts and how they connect. Answer in Markdown.';

export function descriptionHeader(fileName: string): string {
  return `# ${fileName.replace(/[\\`*_[\]#<>]/g, '\\$&')}\n\n`;
}

export interface AnswerFacts {
  model: string;
  costUsd: number | null;
  fallbackFrom?: string;
}

/** `*openai/gpt-4o-mini · $0.0012*`, with the model that failed first when there was a fallback. */
export function answerFooter(answer: AnswerFacts): string {
  const fallback = answer.fallbackFrom ? ` (${answer.fallbackFrom} failed)` : '';
  return `\n\n---\n*${answer.model}${fallback} · ${costText(answer.costUsd)}*\n`;
}

/** `$0.04`, `free`, or `price unknown`. */
export function costText(costUsd: number | null): string {
  if (costUsd === null) return 'price unknown';
  return costUsd === 0 ? 'free' : formatUsd(costUsd);
}
