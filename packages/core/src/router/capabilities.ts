import { hasImages } from '../types/messages.js';
import type { ModelInfo } from '../types/models.js';
import type { ChatRequest } from '../types/request.js';
import type { RejectedCandidate } from './types.js';

/** What the caller will do with the model: chat (the default) or generate images (`auto` route). */
export type RouteTask = 'chat' | 'image-generation';

export interface CapabilityCheck {
  id: string;
  /** Undefined when the catalog does not know the model. */
  info: ModelInfo | undefined;
  request: ChatRequest;
  estimatedInputTokens: number;
  task?: RouteTask;
}

/**
 * Returns why a model cannot serve a request, or undefined when it can.
 *
 * Unknown facts pass: a model the catalog does not list, or a capability / context window it
 * leaves undefined, is kept, because we cannot judge it and the provider will say no itself
 * (the fallback executor then moves on). Only what is known to be missing rejects.
 *
 * JSON rule: `responseFormat: json` (with or without a schema) rejects only a model whose
 * `capabilities.json` is explicitly `false`; such a model would answer in prose and break the
 * caller's parser. Undefined passes, as above.
 */
export function checkCapabilities(check: CapabilityCheck): RejectedCandidate | undefined {
  const { id, info, request } = check;
  if (!info) return undefined;
  const reject = (category: RejectedCandidate['category'], why: string): RejectedCandidate => ({
    id,
    category,
    reason: `${id}: ${why}`,
  });

  if ((check.task ?? 'chat') === 'image-generation') {
    const makesImages = info.kind === 'image' || info.capabilities.imageGeneration === true;
    return makesImages ? undefined : reject('kind', `this ${info.kind} model does not generate images`);
  }
  if (info.kind !== 'chat') return reject('kind', `this is ${article(info.kind)} model, not a chat model`);

  const caps = info.capabilities;
  if (caps.vision === false && hasImages(request.messages)) {
    return reject('vision', 'the request has images and this model has no vision');
  }
  if (caps.tools === false && (request.tools?.length ?? 0) > 0) {
    return reject('tools', 'the request uses tools and this model has no tool calling');
  }
  if (caps.json === false && request.responseFormat?.type === 'json') {
    return reject('json', 'the request asks for JSON output and this model has no JSON mode');
  }
  if (info.contextWindow !== undefined) {
    const output = request.maxTokens ?? 0;
    const needed = check.estimatedInputTokens + output;
    if (needed > info.contextWindow) {
      const parts = output > 0 ? `~${check.estimatedInputTokens} prompt + ${output} output tokens` : '';
      return reject(
        'context-window',
        `the request needs about ${needed} tokens${parts ? ` (${parts})` : ''} and the context window is ${info.contextWindow}`,
      );
    }
  }
  return undefined;
}

const article = (word: string) => (/^[aeiou]/i.test(word) ? `an ${word}` : `a ${word}`);
