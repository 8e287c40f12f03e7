import type {
  CallOptions,
  ChatModel,
  ChatRequest,
  GenerateResult,
  ModelInfo,
  ModelStreamEvent,
} from '@switchboard/core';
import { requestOptions, signalOf } from './call-options.js';
import { convertOpenAICompletion } from './convert-openai-completion.js';
import type { ClientHandle } from './create-openai-client.js';
import { buildChatBody } from './openai-chat-request.js';
import { ChatStreamState } from './openai-chat-stream.js';
import { abortError, mapOpenAIError } from './openai-error.js';
import type { OpenAIPreset } from './presets.js';

/**
 * A chat model on the Chat Completions API, which every preset speaks. The SDK client is made on
 * first use, so a missing key surfaces as an authentication error from the call, not from the
 * registry creating the model.
 */
export class OpenAIChatModel implements ChatModel {
  readonly provider: string;

  constructor(
    private readonly preset: OpenAIPreset,
    readonly modelId: string,
    private readonly connect: () => ClientHandle,
    private readonly info: ModelInfo | undefined,
  ) {
    this.provider = preset.id;
  }

  private get fullId(): string {
    return `${this.provider}/${this.modelId}`;
  }

  async generate(request: ChatRequest, options: CallOptions = {}): Promise<GenerateResult> {
    const { client, origin } = this.connect();
    const { body, warnings } = this.prepare(request);
    try {
      const completion = await client.chat.completions.create(
        { ...body, stream: false },
        requestOptions(options),
      );
      return convertOpenAICompletion(completion, { provider: this.provider, model: this.fullId }, warnings);
    } catch (error) {
      throw mapOpenAIError(error, { ...origin, model: this.modelId, ...signalOf(options) });
    }
  }

  async *stream(request: ChatRequest, options: CallOptions = {}): AsyncIterable<ModelStreamEvent> {
    const { client, origin } = this.connect();
    const { body, warnings } = this.prepare(request);
    const errorOrigin = { ...origin, model: this.modelId, ...signalOf(options) };
    const state = new ChatStreamState({ provider: this.provider, model: this.fullId });
    try {
      const stream = await client.chat.completions.create(
        {
          ...body,
          stream: true,
          ...(this.preset.streamUsage ? { stream_options: { include_usage: true } } : {}),
        },
        requestOptions(options),
      );
      for (const warning of warnings) yield { type: 'warning', warning };
      // A plain loop, not `yield*`: delegating to an array costs an extra await per event.
      for await (const chunk of stream) for (const event of state.consume(chunk)) yield event;
    } catch (error) {
      throw mapOpenAIError(error, errorOrigin);
    }
    // The SDK ends a stream quietly when its signal aborts; the caller must still learn why it stopped.
    if (options.signal?.aborted) throw abortError(options.signal, errorOrigin);
    for (const event of state.finish()) yield event;
  }

  private prepare(request: ChatRequest) {
    return buildChatBody(request, {
      preset: this.preset,
      modelId: this.modelId,
      ...(this.info ? { info: this.info } : {}),
    });
  }
}
