import { SwitchboardError } from '../errors/errors.js';
import { hasImages } from '../types/messages.js';
import type { EmbeddingModel } from '../types/models.js';
import type { ChatRequest } from '../types/request.js';
import {
  type Intent,
  type IntentClassifier,
  type IntentResult,
  lastUserText,
  RuleBasedClassifier,
} from './intent.js';

export type EmbedFunction = (texts: string[], signal?: AbortSignal) => Promise<number[][]>;

export interface EmbeddingSimilarityOptions {
  embed: EmbedFunction;
  /** Example utterances per intent; the more varied, the better the routing. */
  examples: Partial<Record<Intent, string[]>>;
  /** Below this best similarity the classifier is unsure and defers to `fallback`. Default 0.5. */
  threshold?: number;
  /** Used when the best similarity is under the threshold. Default: `RuleBasedClassifier`. */
  fallback?: IntentClassifier;
  /**
   * How an intent's examples score a message: `max` (default) takes the nearest example, so one
   * close utterance decides even when an intent's examples are varied; `mean` averages them,
   * which is steadier with many near-duplicate examples but dilutes varied ones.
   */
  aggregate?: 'max' | 'mean';
}

interface EmbeddedExample {
  intent: Intent;
  vector: number[];
}

/**
 * Semantic routing: the intent whose example utterances are most similar (cosine) to the latest
 * user message. Examples are embedded once, on first use. Images short-cut to `vision`, because a
 * text embedding cannot see them. Confidence is the winning similarity, clamped to 0..1.
 */
export class EmbeddingSimilarityClassifier implements IntentClassifier {
  private readonly embed: EmbedFunction;
  private readonly examples: Array<{ intent: Intent; text: string }>;
  private readonly threshold: number;
  private readonly fallback: IntentClassifier;
  private readonly aggregate: 'max' | 'mean';
  private embedded: Promise<EmbeddedExample[]> | undefined;

  constructor(options: EmbeddingSimilarityOptions) {
    this.embed = options.embed;
    this.examples = Object.entries(options.examples).flatMap(([intent, texts]) =>
      (texts ?? []).map((text) => ({ intent, text })),
    );
    if (this.examples.length === 0) throw new RangeError('EmbeddingSimilarityClassifier needs examples');
    this.threshold = options.threshold ?? 0.5;
    this.fallback = options.fallback ?? new RuleBasedClassifier();
    this.aggregate = options.aggregate ?? 'max';
  }

  async classify(request: ChatRequest, signal?: AbortSignal): Promise<IntentResult> {
    throwIfAborted(signal);
    if (hasImages(request.messages)) return { intent: 'vision', confidence: 1 };
    const text = lastUserText(request.messages).trim();
    if (!text) return this.fallback.classify(request, signal);

    const [examples, [query]] = await Promise.all([
      this.embeddedExamples(),
      this.embedChecked([text], signal),
    ]);
    throwIfAborted(signal);
    const best = this.bestIntent(examples, query ?? []);
    if (!best || best.similarity < this.threshold) return this.fallback.classify(request, signal);
    return { intent: best.intent, confidence: Math.max(0, Math.min(1, best.similarity)) };
  }

  private bestIntent(examples: EmbeddedExample[], query: number[]) {
    const scores = new Map<Intent, number[]>();
    for (const example of examples) {
      const list = scores.get(example.intent) ?? [];
      list.push(cosineSimilarity(query, example.vector));
      scores.set(example.intent, list);
    }
    let best: { intent: Intent; similarity: number } | undefined;
    for (const [intent, list] of scores) {
      const similarity =
        this.aggregate === 'max' ? Math.max(...list) : list.reduce((a, b) => a + b, 0) / list.length;
      if (!best || similarity > best.similarity) best = { intent, similarity };
    }
    return best;
  }

  /** Shared by concurrent calls, so no caller's signal cancels it. */
  private embeddedExamples(): Promise<EmbeddedExample[]> {
    if (!this.embedded) {
      this.embedded = this.embedChecked(this.examples.map((e) => e.text)).then((vectors) =>
        vectors.map((vector, i) => ({ intent: this.examples[i]!.intent, vector })),
      );
      // A failed attempt (network) must not be memoized: the next call tries again.
      this.embedded.catch(() => {
        this.embedded = undefined;
      });
    }
    return this.embedded;
  }

  private async embedChecked(texts: string[], signal?: AbortSignal): Promise<number[][]> {
    const vectors = await this.embed(texts, signal);
    if (vectors.length !== texts.length) {
      throw new SwitchboardError(
        'invalid-response',
        `The embedding model returned ${vectors.length} vectors for ${texts.length} texts.`,
      );
    }
    return vectors;
  }
}

/** Adapts an `EmbeddingModel` to the classifier's `embed` function. */
export function embedWith(model: EmbeddingModel): EmbedFunction {
  return async (texts, signal) => (await model.embed(texts, signal ? { signal } : {})).embeddings;
}

/** Cosine of the angle between two vectors; 0 when either is all zeros or lengths differ. */
export function cosineSimilarity(a: readonly number[], b: readonly number[]): number {
  if (a.length !== b.length || a.length === 0) return 0;
  let dot = 0;
  let normA = 0;
  let normB = 0;
  for (let i = 0; i < a.length; i++) {
    const x = a[i]!;
    const y = b[i]!;
    dot += x * y;
    normA += x * x;
    normB += y * y;
  }
  return normA === 0 || normB === 0 ? 0 : dot / Math.sqrt(normA * normB);
}

function throwIfAborted(signal?: AbortSignal): void {
  if (signal?.aborted) {
    throw new SwitchboardError('cancelled', 'Intent classification was cancelled.', { cause: signal.reason });
  }
}
