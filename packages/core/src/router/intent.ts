import { hasImages, type Message, messageText } from '../types/messages.js';
import type { ChatRequest } from '../types/request.js';

/** What the `auto` route decided the user wants. Open-ended: hosts may add their own intents. */
export type Intent = 'image-generation' | 'vision' | 'code' | 'chat' | (string & {});

export interface IntentResult {
  intent: Intent;
  /** 0..1: how sure the classifier is. */
  confidence: number;
}

export interface IntentClassifier {
  classify(request: ChatRequest, signal?: AbortSignal): Promise<IntentResult>;
}

/** The text of the latest user message: what the user is asking for now. */
export function lastUserText(messages: readonly Message[]): string {
  for (let i = messages.length - 1; i >= 0; i--) {
    const message = messages[i];
    if (message?.role === 'user') return messageText(message);
  }
  return '';
}

const IMAGE_NOUNS =
  'image|picture|photo|photograph|logo|icon|illustration|drawing|painting|sketch|wallpaper|avatar|banner|poster|artwork|portrait';
const IMAGE_REQUEST = [
  // "draw a cat", "paint me a sunset" but not "draw conclusions".
  /\b(?:draw|paint|sketch|illustrate)\b(?!\s+(?:conclusions?|attention|on|from|up|out|the line)\b)/i,
  new RegExp(
    `\\b(?:generate|create|make|design|produce|render)\\b[^.?!\\n]{0,40}\\b(?:${IMAGE_NOUNS})s?\\b`,
    'i',
  ),
];

/** Signals that are code on their own. */
const CODE_STRONG = [
  /```/, // a fenced block
  /^\s+at .+\(?.+:\d+:\d+\)?$/m, // JavaScript / Java stack frame
  /Traceback \(most recent call last\)/, // Python
  /\b\w*(?:Error|Exception): /, // TypeError: ..., NullPointerException: ...
  /^\s*(?:def|function|class|import|from|const|let|fn|pub fn|func|#include)\b.*[({:=;]/m,
];
/** Programming words; two or more make a request about code. */
const CODE_WORDS =
  /\b(?:function|refactor|compile[rd]?|debug(?:ging)?|bug|regex|typescript|javascript|python|rust|golang|java|kotlin|swift|c\+\+|sql|api|endpoint|class|method|variable|unit tests?|stack trace|exception|segfault|npm|pnpm|git|repo(?:sitory)?|algorithm|script|code|syntax|lint(?:er)?|null pointer)\b/gi;

/**
 * Keyword rules, checked in order: an attached image means vision; asking to draw or generate a
 * picture means image generation; code fences, stack traces or programming vocabulary mean code;
 * anything else is chat. Cheap and offline; the default classifier and the semantic one's fallback.
 */
export class RuleBasedClassifier implements IntentClassifier {
  async classify(request: ChatRequest): Promise<IntentResult> {
    if (hasImages(request.messages)) return { intent: 'vision', confidence: 0.95 };
    const text = lastUserText(request.messages);
    if (IMAGE_REQUEST.some((rule) => rule.test(text))) return { intent: 'image-generation', confidence: 0.8 };
    if (CODE_STRONG.some((rule) => rule.test(text))) return { intent: 'code', confidence: 0.85 };
    const words = new Set((text.match(CODE_WORDS) ?? []).map((w) => w.toLowerCase()));
    if (words.size >= 2) return { intent: 'code', confidence: Math.min(0.8, 0.5 + 0.1 * words.size) };
    return { intent: 'chat', confidence: 0.5 };
  }
}
