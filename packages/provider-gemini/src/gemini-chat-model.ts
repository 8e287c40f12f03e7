import type { GenerateContentResponse, GoogleGenAI } from '@google/genai';
import {
  type CallOptions,
  type ChatModel,
  type ChatRequest,
  type GenerateResult,
  type ModelInfo,
  type ModelStreamEvent,
  SwitchboardError,
  type ToolCall,
} from '@switchboard/core';
import { buildGeminiRequest } from './build-gemini-request.js';
import { GeminiCall } from './gemini-call.js';
import { PROVIDER_ID } from './gemini-error.js';
import { GeminiResponseReader } from './gemini-response-reader.js';
import type { ThoughtSignatures } from './thought-signatures.js';

export interface GeminiModelDeps {
  /** The SDK client; throws a Switchboard error when no API key is set. */
  client: () => GoogleGenAI;
  info: ModelInfo | undefined;
  signatures: ThoughtSignatures;
}

/** Chat through `models.generateContent` and `models.generateContentStream` of @google/genai. */
export class GeminiChatModel implements ChatModel {
  readonly provider = PROVIDER_ID;

  constructor(
    readonly modelId: string,
    private readonly deps: GeminiModelDeps,
  ) {}

  async generate(request: ChatRequest, options: CallOptions = {}): Promise<GenerateResult> {
    const call = new GeminiCall(this.modelId, options);
    try {
      if (call.aborted) throw call.error(undefined);
      const prepared = buildGeminiRequest(this.modelId, request, this.deps);
      const response = await this.deps.client().models.generateContent({
        model: this.modelId,
        contents: prepared.contents,
        config: { ...prepared.config, ...call.config },
      });
      const reader = new GeminiResponseReader(this.deps.signatures);
      let text = '';
      let reasoning = '';
      const toolCalls: ToolCall[] = [];
      let metadata: Record<string, unknown> = {};
      for (const event of reader.read(response)) {
        if (event.type === 'text-delta') text += event.text;
        else if (event.type === 'reasoning-delta') reasoning += event.text;
        else if (event.type === 'tool-call') toolCalls.push(event.toolCall);
        else if (event.type === 'metadata') metadata = { ...metadata, ...event.metadata };
      }
      const end = reader.result();
      return {
        text,
        ...(reasoning ? { reasoning } : {}),
        toolCalls,
        usage: end.usage,
        finishReason: end.finishReason,
        ...(prepared.warnings.length ? { warnings: prepared.warnings } : {}),
        metadata: { ...metadata, ...end.metadata },
      };
    } catch (error) {
      throw call.error(error);
    } finally {
      call.close();
    }
  }

  async *stream(request: ChatRequest, options: CallOptions = {}): AsyncIterable<ModelStreamEvent> {
    const call = new GeminiCall(this.modelId, options);
    try {
      if (call.aborted) throw call.error(undefined);
      const prepared = buildGeminiRequest(this.modelId, request, this.deps);
      let chunks: AsyncIterable<GenerateContentResponse>;
      try {
        chunks = await this.deps.client().models.generateContentStream({
          model: this.modelId,
          contents: prepared.contents,
          config: { ...prepared.config, ...call.config },
        });
      } catch (error) {
        throw call.error(error);
      }
      for (const warning of prepared.warnings) yield { type: 'warning', warning };
      const reader = new GeminiResponseReader(this.deps.signatures);
      try {
        for await (const chunk of chunks) yield* reader.read(chunk);
      } catch (error) {
        throw call.error(error);
      }
      if (!reader.ended) {
        throw new SwitchboardError(
          'invalid-response',
          'Gemini ended the stream without a finish reason; the answer may be cut off.',
          { provider: PROVIDER_ID, model: this.modelId },
        );
      }
      const end = reader.result();
      if (Object.keys(end.metadata).length) yield { type: 'metadata', metadata: end.metadata };
      yield { type: 'usage', usage: end.usage };
      yield { type: 'finish', reason: end.finishReason };
    } finally {
      // Also runs when the consumer stops early: the response is closed, not left open.
      call.close();
    }
  }
}
