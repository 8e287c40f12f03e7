import { createHash } from 'node:crypto';
import { describe, expect, it, vi } from 'vitest';
import {
  cosineSimilarity,
  EmbeddingSimilarityClassifier,
  embedWith,
} from '../../src/router/embedding-classifier.js';
import type { IntentClassifier } from '../../src/router/intent.js';
import type { EmbeddingModel } from '../../src/types/models.js';
import { ask, askWithImage } from './fixtures.js';

const DIMENSIONS = 512;
const STOP_WORDS = new Set([
  'a',
  'an',
  'the',
  'my',
  'me',
  'for',
  'of',
  'in',
  'this',
  'to',
  'is',
  'it',
  'that',
]);

/** Deterministic bag-of-words embedding: each content word adds 1 to a hashed dimension. */
function bagOfWords(text: string): number[] {
  const vector = new Array<number>(DIMENSIONS).fill(0);
  for (const word of text.toLowerCase().match(/[a-z]+/g) ?? []) {
    if (STOP_WORDS.has(word)) continue;
    const bucket = createHash('sha256').update(word).digest().readUInt32BE(0) % DIMENSIONS;
    vector[bucket] = (vector[bucket] ?? 0) + 1;
  }
  return vector;
}

const examples = {
  code: [
    'fix the bug in my python function',
    'why does my typescript code not compile',
    'write a unit test for this class',
  ],
  'image-generation': [
    'draw a picture of a cat',
    'generate an image of a sunset over mountains',
    'make a logo for my company',
  ],
  chat: ['what is the capital of france', 'tell me a joke', 'recommend a good book to read'],
};

function setup(threshold = 0.3) {
  const embed = vi.fn(async (texts: string[]) => texts.map(bagOfWords));
  const fallback: IntentClassifier = { classify: vi.fn(async () => ({ intent: 'chat', confidence: 0.1 })) };
  const classifier = new EmbeddingSimilarityClassifier({ embed, examples, threshold, fallback });
  return { embed, fallback, classifier };
}

describe('EmbeddingSimilarityClassifier', () => {
  it('picks the intent of the most similar example', async () => {
    const { classifier } = setup();
    const code = await classifier.classify(ask('please write a python function that parses dates'));
    expect(code.intent).toBe('code');
    expect(code.confidence).toBeGreaterThan(0.3);
    expect((await classifier.classify(ask('please generate a picture of my cat'))).intent).toBe(
      'image-generation',
    );
    expect((await classifier.classify(ask('tell me a joke about france'))).intent).toBe('chat');
  });

  it('embeds the examples once, then only the query', async () => {
    const { classifier, embed } = setup();
    await classifier.classify(ask('fix my typescript code'));
    await classifier.classify(ask('draw a cat'));
    const exampleCalls = embed.mock.calls.filter(([texts]) => texts.length === 9);
    expect(exampleCalls).toHaveLength(1);
    expect(embed).toHaveBeenCalledTimes(3);
  });

  it('falls back when the best similarity is under the threshold', async () => {
    const { classifier, fallback } = setup(0.3);
    const result = await classifier.classify(ask('quantum entanglement explained simply'));
    expect(result).toEqual({ intent: 'chat', confidence: 0.1 });
    expect(fallback.classify).toHaveBeenCalledTimes(1);
  });

  it('sends images to vision without embedding', async () => {
    const { classifier, embed } = setup();
    expect(await classifier.classify(askWithImage('what is this?'))).toEqual({
      intent: 'vision',
      confidence: 1,
    });
    expect(embed).not.toHaveBeenCalled();
  });

  it('retries embedding the examples after a failure', async () => {
    let fail = true;
    const embed = vi.fn(async (texts: string[]) => {
      if (fail) throw new Error('network down');
      return texts.map(bagOfWords);
    });
    const classifier = new EmbeddingSimilarityClassifier({ embed, examples, threshold: 0.3 });
    await expect(classifier.classify(ask('fix my python code'))).rejects.toThrow('network down');
    fail = false;
    expect((await classifier.classify(ask('fix my python code'))).intent).toBe('code');
  });

  it('throws cancelled for an aborted signal', async () => {
    const { classifier } = setup();
    const controller = new AbortController();
    controller.abort();
    await expect(classifier.classify(ask('hi'), controller.signal)).rejects.toMatchObject({
      kind: 'cancelled',
    });
  });

  it('adapts an EmbeddingModel', async () => {
    const model: EmbeddingModel = {
      provider: 'fake',
      modelId: 'bow',
      embed: async (values) => ({ embeddings: values.map(bagOfWords) }),
    };
    const classifier = new EmbeddingSimilarityClassifier({
      embed: embedWith(model),
      examples,
      threshold: 0.3,
    });
    expect((await classifier.classify(ask('make a logo for my shop'))).intent).toBe('image-generation');
  });
});

describe('cosineSimilarity', () => {
  it('is 1 for parallel vectors, 0 for orthogonal or degenerate ones', () => {
    expect(cosineSimilarity([1, 2], [2, 4])).toBeCloseTo(1);
    expect(cosineSimilarity([1, 0], [0, 1])).toBe(0);
    expect(cosineSimilarity([0, 0], [1, 1])).toBe(0);
    expect(cosineSimilarity([1], [1, 2])).toBe(0);
  });
});
