import { finishOf, type ScriptedReply, textChunksOf, usageOf } from '../script.js';
import type {
  GeminiCandidate,
  GeminiGenerateContentResponse,
  GeminiPart,
  GeminiUsageMetadata,
} from './wire.js';

/** How a scripted `content-filter` finish looks on the wire: a candidate finish reason, or a blocked prompt. */
export type GeminiContentFilter = { finishReason: string } | { blockReason: string };

export interface RenderOptions {
  /** The model id from the URL, reported as `modelVersion` unless the step names another. */
  model: string;
  responseId: string;
  contentFilter: GeminiContentFilter;
  /** Gemini 3 models send `functionCall.id`; Gemini 2.x left it out. */
  functionCallIds: boolean;
  /** Gemini 3 models put a `thoughtSignature` on the first function call of a step. */
  thoughtSignatures: boolean;
}

/** Gemini TTS answers raw 16-bit PCM at 24 kHz (https://ai.google.dev/gemini-api/docs/speech-generation). */
export const GEMINI_TTS_MIME_TYPE = 'audio/L16;codec=pcm;rate=24000';

/** The signature the fake puts on a response's first function call, so tests can see it come back. */
export function fakeThoughtSignature(responseId: string): string {
  return Buffer.from(`thought-signature:${responseId}`).toString('base64');
}

/** A whole generateContent answer (https://ai.google.dev/api/generate-content#v1beta.GenerateContentResponse). */
export function renderResponse(step: ScriptedReply, options: RenderOptions): GeminiGenerateContentResponse {
  const parts: GeminiPart[] = [];
  if (step.reasoning) parts.push({ text: step.reasoning, thought: true });
  if (step.text) parts.push({ text: step.text });
  parts.push(...mediaParts(step), ...callParts(step, options));
  return finalChunk(step, parts, options);
}

/**
 * The chunks of a streamGenerateContent answer: thought pieces, text pieces, media, then every
 * function call in one chunk (Gemini sends calls whole, never argument fragments). The last chunk
 * carries the finish reason and the complete usage; earlier ones carry the prompt count only, as
 * Google's running usage does.
 */
export function renderStreamChunks(
  step: ScriptedReply,
  options: RenderOptions,
): GeminiGenerateContentResponse[] {
  if (isPromptBlocked(step, options)) return [finalChunk(step, [], options)];
  const pieces: GeminiPart[][] = [
    ...textChunksOf({ text: step.reasoning ?? '' }).map((text) => [{ text, thought: true }]),
    ...textChunksOf(step).map((text) => [{ text }]),
    ...mediaParts(step).map((part) => [part]),
  ];
  const calls = callParts(step, options);
  if (calls.length) pieces.push(calls);
  const last = pieces.pop() ?? [];
  const usage = usageOf(step);
  return [
    ...pieces.map((parts) => ({
      candidates: [{ content: { role: 'model', parts }, index: 0 }],
      usageMetadata: { promptTokenCount: usage.inputTokens, totalTokenCount: usage.inputTokens },
      modelVersion: step.model ?? options.model,
      responseId: options.responseId,
    })),
    finalChunk(step, last, options),
  ];
}

function finalChunk(
  step: ScriptedReply,
  parts: GeminiPart[],
  options: RenderOptions,
): GeminiGenerateContentResponse {
  const base = {
    usageMetadata: usageMetadataOf(step),
    modelVersion: step.model ?? options.model,
    responseId: options.responseId,
  };
  if (isPromptBlocked(step, options)) {
    // A blocked prompt has no candidates at all, only promptFeedback.
    const blockReason = 'blockReason' in options.contentFilter ? options.contentFilter.blockReason : 'SAFETY';
    return { promptFeedback: { blockReason, safetyRatings: blockedRatings() }, ...base };
  }
  const candidate: GeminiCandidate = { index: 0, finishReason: finishReasonOf(step, options) };
  // A candidate stopped by a filter before writing anything comes without `content`.
  if (parts.length) candidate.content = { role: 'model', parts };
  else if (finishOf(step) !== 'content-filter') candidate.content = { role: 'model', parts: [{ text: '' }] };
  if (finishOf(step) === 'content-filter') candidate.safetyRatings = blockedRatings();
  return { candidates: [candidate], ...base };
}

function isPromptBlocked(step: ScriptedReply, options: RenderOptions): boolean {
  return finishOf(step) === 'content-filter' && 'blockReason' in options.contentFilter;
}

/** https://ai.google.dev/api/generate-content#FinishReason; function calls finish with STOP. */
function finishReasonOf(step: ScriptedReply, options: RenderOptions): string {
  switch (finishOf(step)) {
    case 'length':
      return 'MAX_TOKENS';
    case 'content-filter':
      return 'finishReason' in options.contentFilter ? options.contentFilter.finishReason : 'SAFETY';
    default:
      return 'STOP';
  }
}

function blockedRatings(): GeminiCandidate['safetyRatings'] {
  return [{ category: 'HARM_CATEGORY_DANGEROUS_CONTENT', probability: 'HIGH', blocked: true }];
}

function mediaParts(step: ScriptedReply): GeminiPart[] {
  const parts: GeminiPart[] = (step.images ?? []).map((image) => ({
    inlineData: { mimeType: 'image/png', data: image.b64 },
  }));
  if (step.audio) {
    parts.push({
      inlineData: { mimeType: GEMINI_TTS_MIME_TYPE, data: Buffer.from(step.audio).toString('base64') },
    });
  }
  return parts;
}

function callParts(step: ScriptedReply, options: RenderOptions): GeminiPart[] {
  return (step.toolCalls ?? []).map((call, index) => ({
    functionCall: {
      ...(options.functionCallIds ? { id: call.id } : {}),
      name: call.name,
      args: call.args,
    },
    ...(options.thoughtSignatures && index === 0
      ? { thoughtSignature: fakeThoughtSignature(options.responseId) }
      : {}),
  }));
}

/**
 * Core's usage counts cached tokens inside the input and reasoning inside the output; Gemini's
 * promptTokenCount also includes the cached content, but candidatesTokenCount excludes thoughts
 * (https://ai.google.dev/api/generate-content#UsageMetadata).
 */
function usageMetadataOf(step: ScriptedReply): GeminiUsageMetadata {
  const usage = usageOf(step);
  const thoughts = usage.reasoningTokens ?? 0;
  const candidates = Math.max(0, usage.outputTokens - thoughts);
  return {
    promptTokenCount: usage.inputTokens,
    candidatesTokenCount: candidates,
    ...(usage.cachedInputTokens ? { cachedContentTokenCount: usage.cachedInputTokens } : {}),
    ...(thoughts ? { thoughtsTokenCount: thoughts } : {}),
    totalTokenCount: usage.inputTokens + candidates + thoughts,
    promptTokensDetails: [{ modality: 'TEXT', tokenCount: usage.inputTokens }],
  };
}
