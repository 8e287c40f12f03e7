import type Anthropic from '@anthropic-ai/sdk';
import type { MessageCountTokensParams } from '@anthropic-ai/sdk/resources/messages';
import type {
  CallOptions,
  ChatModel,
  ChatRequest,
  GenerateResult,
  ModelStreamEvent,
  ProviderContext,
  ToolCall,
} from '@switchboard/core';
import { createAnthropicClient } from './anthropic-client.js';
import { abortError, PROVIDER_ID, toAnthropicError } from './anthropic-error.js';
import { AnthropicStreamTranslator } from './anthropic-stream-translator.js';
import { type BuiltRequest, buildAnthropicRequest } from './build-anthropic-request.js';
import type { ClaudeModelSpec } from './models.js';
import type { ThinkingMemory, ThinkingParam } from './thinking-memory.js';
import { translateAnthropicMessage } from './translate-anthropic-message.js';

export interface AnthropicChatModelConfig {
  context: ProviderContext;
  memory: ThinkingMemory;
  /** What is known about the model now (the live list may have taught more since creation). */
  spec: () => ClaudeModelSpec | undefined;
}

/** A Claude model behind core's ChatModel, on the official SDK's Messages API. */
export class AnthropicChatModel implements ChatModel {
  readonly provider = PROVIDER_ID;
  private sdk: Anthropic | undefined;

  constructor(
    readonly modelId: string,
    private readonly config: AnthropicChatModelConfig,
  ) {}

  async generate(request: ChatRequest, options: CallOptions = {}): Promise<GenerateResult> {
    const { params, warnings } = this.build(request);
    let message: unknown;
    try {
      message = await this.client().messages.create({ ...params, stream: false }, sdkOptions(options));
    } catch (error) {
      throw toAnthropicError(error, { model: this.modelId, signal: options.signal });
    }
    const { result, thinking } = translateAnthropicMessage(message, this.modelId);
    this.remember(result.toolCalls, thinking);
    if (warnings.length > 0) result.warnings = warnings;
    return result;
  }

  async *stream(request: ChatRequest, options: CallOptions = {}): AsyncIterable<ModelStreamEvent> {
    const { params, warnings } = this.build(request);
    for (const warning of warnings) yield { type: 'warning', warning };
    const scope = { model: this.modelId, signal: options.signal };
    const translator = new AnthropicStreamTranslator(this.modelId);
    try {
      const events = await this.client().messages.create({ ...params, stream: true }, sdkOptions(options));
      for await (const event of events) yield* translator.push(event);
    } catch (error) {
      throw toAnthropicError(error, scope);
    }
    // The SDK ends a stream quietly when its request is aborted; the caller must hear about it.
    if (options.signal?.aborted) throw abortError(options.signal, scope);
    const closing = translator.finish();
    this.remember(translator.toolCalls, translator.thinking);
    yield* closing;
  }

  /** Exact prompt size from the API's token counter (POST /v1/messages/count_tokens). */
  async countTokens(request: ChatRequest, options: CallOptions = {}): Promise<number> {
    const { params } = this.build(request);
    const counted: MessageCountTokensParams = { model: params.model, messages: params.messages };
    if (params.system !== undefined) counted.system = params.system;
    if (params.tools !== undefined) counted.tools = params.tools;
    if (params.tool_choice !== undefined) counted.tool_choice = params.tool_choice;
    if (params.thinking !== undefined) counted.thinking = params.thinking;
    if (params.output_config !== undefined) counted.output_config = params.output_config;
    try {
      const { input_tokens } = await this.client().messages.countTokens(counted, sdkOptions(options));
      return input_tokens;
    } catch (error) {
      throw toAnthropicError(error, { model: this.modelId, signal: options.signal });
    }
  }

  private build(request: ChatRequest): BuiltRequest {
    return buildAnthropicRequest(request, {
      modelId: this.modelId,
      spec: this.config.spec(),
      memory: this.config.memory,
    });
  }

  private client(): Anthropic {
    this.sdk ??= createAnthropicClient(this.config.context, this.modelId);
    return this.sdk;
  }

  private remember(toolCalls: readonly ToolCall[], thinking: readonly ThinkingParam[]): void {
    if (toolCalls.length > 0) {
      this.config.memory.remember(
        this.modelId,
        toolCalls.map((call) => call.id),
        thinking,
      );
    }
  }
}

/** The caller's signal and headers, as the SDK's per-request options. */
function sdkOptions(options: CallOptions): Anthropic.RequestOptions {
  return {
    ...(options.signal ? { signal: options.signal } : {}),
    ...(options.headers ? { headers: options.headers } : {}),
  };
}
