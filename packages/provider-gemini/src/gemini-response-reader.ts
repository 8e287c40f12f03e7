import type { GenerateContentResponse, GenerateContentResponseUsageMetadata, Part } from '@google/genai';
import type { FinishReason, JsonValue, ModelStreamEvent, Usage } from '@switchboard/core';
import { mapGeminiFinishReason } from './map-gemini-finish-reason.js';
import { mapGeminiUsage } from './map-gemini-usage.js';
import type { ThoughtSignatures } from './thought-signatures.js';
import { generatedCallId, responseKeyOf } from './tool-call-ids.js';

/**
 * Reads Gemini answers, whole or chunk by chunk, into core's events. A stream's chunks are partial
 * responses of the same shape (https://ai.google.dev/api/generate-content#method:-models.streamgeneratecontent);
 * their usageMetadata is a running total, so the last one wins. Function calls arrive whole, so each
 * gives one tool-call-delta with all its arguments, then the tool-call.
 */
export class GeminiResponseReader {
  private responseKey: string | undefined;
  private calls = 0;
  private finishReason: string | undefined;
  private finishMessage: string | undefined;
  private blockReason: string | undefined;
  private usage: GenerateContentResponseUsageMetadata | undefined;
  private metadataSent = false;

  constructor(private readonly signatures: ThoughtSignatures) {}

  /** The answer is complete: a finish reason arrived, or the prompt was blocked. */
  get ended(): boolean {
    return this.finishReason !== undefined || this.blockReason !== undefined;
  }

  read(response: GenerateContentResponse): ModelStreamEvent[] {
    const events: ModelStreamEvent[] = [];
    this.responseKey ??= responseKeyOf(response.responseId);
    if (!this.metadataSent && (response.responseId || response.modelVersion)) {
      this.metadataSent = true;
      events.push({
        type: 'metadata',
        metadata: {
          ...(response.responseId ? { responseId: response.responseId } : {}),
          ...(response.modelVersion ? { modelVersion: response.modelVersion } : {}),
        },
      });
    }
    if (response.promptFeedback?.blockReason) this.blockReason = response.promptFeedback.blockReason;
    if (response.usageMetadata) this.usage = response.usageMetadata;
    const candidate = response.candidates?.[0];
    if (candidate?.finishReason) this.finishReason = candidate.finishReason;
    if (candidate?.finishMessage) this.finishMessage = candidate.finishMessage;
    for (const part of candidate?.content?.parts ?? []) events.push(...this.readPart(part));
    return events;
  }

  /** Facts about the end of the answer, for the closing metadata, usage and finish. */
  result(): { usage: Usage; finishReason: FinishReason; metadata: Record<string, unknown> } {
    const metadata: Record<string, unknown> = {};
    if (this.finishReason) metadata.geminiFinishReason = this.finishReason;
    if (this.finishMessage) metadata.finishMessage = this.finishMessage;
    if (this.blockReason) metadata.blockReason = this.blockReason;
    return {
      usage: mapGeminiUsage(this.usage),
      finishReason: mapGeminiFinishReason(this.finishReason, {
        hasToolCalls: this.calls > 0,
        promptBlocked: this.blockReason !== undefined,
      }),
      metadata,
    };
  }

  private readPart(part: Part): ModelStreamEvent[] {
    if (part.functionCall) {
      const index = this.calls++;
      const id = part.functionCall.id || generatedCallId(this.responseKey ?? responseKeyOf(undefined), index);
      const name = part.functionCall.name ?? '';
      const args = (part.functionCall.args ?? {}) as { [key: string]: JsonValue };
      this.signatures.remember(id, part.thoughtSignature);
      return [
        { type: 'tool-call-delta', index, id, name, argsTextDelta: JSON.stringify(args) },
        { type: 'tool-call', toolCall: { id, name, args } },
      ];
    }
    if (!part.text) return [];
    return [{ type: part.thought ? 'reasoning-delta' : 'text-delta', text: part.text }];
  }
}
