import {
  type CallOptions,
  type CallWarning,
  type ChatModel,
  type ChatRequest,
  type GenerateResult,
  hasImages,
  type ModelStreamEvent,
  SwitchboardError,
} from '@switchboard/core';
import type { ChatResponse } from 'ollama';
import type { OllamaToolCall } from './convert-to-ollama-messages.js';
import { mapOllamaFinishReason } from './map-ollama-finish-reason.js';
import { mapOllamaToolCall } from './map-ollama-tool-call.js';
import { mapOllamaUsage, ollamaMetadata } from './map-ollama-usage.js';
import type { OllamaModelCatalog } from './models.js';
import { openScope, type RequestScope } from './ollama-client.js';
import type { OllamaConfig } from './ollama-config.js';
import { toOllamaError } from './ollama-error.js';
import { type OllamaChatBody, prepareChatRequest } from './prepare-chat-request.js';

type OllamaChunk = Omit<ChatResponse, 'message'> & {
  message?: Omit<ChatResponse['message'], 'tool_calls'> & { tool_calls?: OllamaToolCall[] };
};

/** A chat model served by Ollama's /api/chat, through the official `ollama` client. */
export class OllamaChatModel implements ChatModel {
  readonly provider = 'ollama';

  constructor(
    readonly modelId: string,
    private readonly config: OllamaConfig,
    private readonly catalog: OllamaModelCatalog,
  ) {}

  async generate(request: ChatRequest, options: CallOptions = {}): Promise<GenerateResult> {
    const scope = openScope(this.config, options);
    try {
      const { body, warnings } = await this.prepare(request, options, scope);
      const response = (await scope.client.chat({ ...body, stream: false })) as OllamaChunk;
      const toolCalls = (response.message?.tool_calls ?? []).map(mapOllamaToolCall);
      const result: GenerateResult = {
        text: response.message?.content ?? '',
        toolCalls,
        usage: mapOllamaUsage(response),
        finishReason: mapOllamaFinishReason(response.done_reason, toolCalls.length > 0),
        metadata: ollamaMetadata(response),
      };
      if (response.message?.thinking) result.reasoning = response.message.thinking;
      if (warnings.length) result.warnings = warnings;
      return result;
    } catch (error) {
      throw this.error(error, scope);
    } finally {
      scope.dispose();
    }
  }

  async *stream(request: ChatRequest, options: CallOptions = {}): AsyncIterable<ModelStreamEvent> {
    const scope = openScope(this.config, options);
    try {
      const { body, warnings } = await this.prepare(request, options, scope);
      const chunks = await scope.client.chat({ ...body, stream: true });
      for (const warning of warnings) yield { type: 'warning', warning };
      let toolIndex = 0;
      let final: OllamaChunk | undefined;
      for await (const chunk of chunks as AsyncIterable<OllamaChunk>) {
        const message = chunk.message;
        if (message?.thinking) yield { type: 'reasoning-delta', text: message.thinking };
        if (message?.content) yield { type: 'text-delta', text: message.content };
        // Ollama sends each call whole, never in pieces: one delta with all arguments, then the call.
        for (const call of message?.tool_calls ?? []) {
          const toolCall = mapOllamaToolCall(call);
          yield {
            type: 'tool-call-delta',
            index: toolIndex++,
            id: toolCall.id,
            name: toolCall.name,
            argsTextDelta: JSON.stringify(toolCall.args),
          };
          yield { type: 'tool-call', toolCall };
        }
        if (chunk.done) final = chunk;
      }
      // The client throws when the stream ends without `done`, so `final` is set here.
      const stats = final ?? {};
      yield { type: 'metadata', metadata: ollamaMetadata(stats) };
      yield { type: 'usage', usage: mapOllamaUsage(stats) };
      yield { type: 'finish', reason: mapOllamaFinishReason(final?.done_reason, toolIndex > 0) };
    } catch (error) {
      throw this.error(error, scope);
    } finally {
      // Also runs when the consumer stops early: frees the connection of an unfinished stream.
      scope.dispose();
    }
  }

  private async prepare(
    request: ChatRequest,
    options: CallOptions,
    scope: RequestScope,
  ): Promise<{ body: OllamaChatBody; warnings: CallWarning[] }> {
    if (hasImages(request.messages)) await this.assertVision(options);
    return prepareChatRequest(this.modelId, request, scope.signal);
  }

  /** Fails before sending (and before downloading any image) when the model is known to be blind. */
  private async assertVision(options: CallOptions): Promise<void> {
    const facts = await this.catalog.lookup(this.config, this.modelId, options);
    const caps = facts?.capabilities;
    if (!caps || caps.includes('vision')) return;
    throw new SwitchboardError(
      'invalid-request',
      `The Ollama model "${this.modelId}" cannot read images (its capabilities: ${caps.join(', ') || 'none'}).`,
      {
        provider: 'ollama',
        model: this.modelId,
        // A vision model elsewhere in the chain can answer the same request.
        fallbackMayHelp: true,
        hint: 'Use a vision model such as llava, qwen2.5vl or gemma3, or remove the images.',
      },
    );
  }

  private error(error: unknown, scope: RequestScope): SwitchboardError {
    return toOllamaError(error, { host: this.config.displayHost, model: this.modelId, scope });
  }
}
