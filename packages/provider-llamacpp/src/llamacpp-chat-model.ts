import { randomUUID } from 'node:crypto';
import type {
  CallOptions,
  ChatModel,
  ChatRequest,
  GenerateResult,
  ModelStreamEvent,
  ProviderContext,
  Usage,
} from '@switchboard/core';
import { generateFromStream } from '@switchboard/core';
import { EventQueue } from './event-queue.js';
import { toLlamaCppError } from './llamacpp-error.js';
import type { LlamaCppRuntime } from './llamacpp-runtime.js';
import { PROVIDER_ID } from './llamacpp-settings.js';
import { mapLlamaCppFinishReason } from './map-llamacpp-finish-reason.js';
import { prepareLlamaCppRequest } from './prepare-llamacpp-request.js';
import type { ChatOutcome, LoadedModel, WorkerEvent } from './protocol.js';

/** Chat with a local GGUF model; generation runs in the model's worker process. */
export class LlamaCppChatModel implements ChatModel {
  readonly provider = PROVIDER_ID;

  constructor(
    readonly modelId: string,
    private readonly runtime: LlamaCppRuntime,
    private readonly context: ProviderContext,
  ) {}

  async *stream(request: ChatRequest, options: CallOptions = {}): AsyncIterable<ModelStreamEvent> {
    // Our own controller: it also stops generation when the caller stops reading early.
    const controller = new AbortController();
    const onAbort = () => controller.abort(options.signal?.reason);
    if (options.signal?.aborted) onAbort();
    options.signal?.addEventListener('abort', onAbort, { once: true });
    try {
      const { prepared, process } = await this.prepare(request, controller.signal);
      const queue = new EventQueue<ModelStreamEvent>();
      for (const warning of prepared.warnings) queue.push({ type: 'warning', warning });
      const callIds: string[] = [];
      let loaded: LoadedModel | undefined;
      process
        .use((client, model) => {
          loaded = model;
          return client.request(
            { type: 'chat', request: prepared.wire },
            { signal: controller.signal, onEvent: (event) => queue.push(...streamEvents(event, callIds)) },
          );
        }, controller.signal)
        .then(
          (outcome) => {
            queue.push(...finalEvents(outcome, callIds, loaded));
            queue.close();
          },
          (error: unknown) => queue.fail(error),
        );
      yield* queue;
    } catch (error) {
      throw toLlamaCppError(error, this.modelId);
    } finally {
      options.signal?.removeEventListener('abort', onAbort);
      controller.abort();
    }
  }

  generate(request: ChatRequest, options: CallOptions = {}): Promise<GenerateResult> {
    return generateFromStream(this.stream(request, options));
  }

  /** Exact: the prompt as the chat wrapper renders it, tokenized by the model's tokenizer. */
  async countTokens(request: ChatRequest, options: CallOptions = {}): Promise<number> {
    try {
      const { prepared, process } = await this.prepare(request, options.signal);
      return await process.use(
        (client) =>
          client.request(
            { type: 'count', request: prepared.wire },
            options.signal ? { signal: options.signal } : {},
          ),
        options.signal,
      );
    } catch (error) {
      throw toLlamaCppError(error, this.modelId);
    }
  }

  /** The request in the worker's terms, and the worker process (started or reused) for its load options. */
  private async prepare(request: ChatRequest, signal: AbortSignal | undefined) {
    const prepared = prepareLlamaCppRequest(request, this.modelId);
    const { process } = await this.runtime.processFor(
      this.modelId,
      this.context,
      request.providerOptions?.[PROVIDER_ID],
      signal,
    );
    return { prepared, process };
  }
}

/** Worker events as stream events; a tool call's id is made on its first chunk. */
function streamEvents(event: WorkerEvent, callIds: string[]): ModelStreamEvent[] {
  switch (event.type) {
    case 'text':
      return [{ type: 'text-delta', text: event.text }];
    case 'reasoning':
      return [{ type: 'reasoning-delta', text: event.text }];
    case 'function-params': {
      const known = callIds[event.index];
      if (known !== undefined)
        return [{ type: 'tool-call-delta', index: event.index, argsTextDelta: event.text }];
      const id = newCallId();
      callIds[event.index] = id;
      return [
        { type: 'tool-call-delta', index: event.index, id, name: event.name, argsTextDelta: event.text },
      ];
    }
    case 'progress':
      return [];
  }
}

function finalEvents(
  outcome: ChatOutcome,
  callIds: string[],
  loaded: LoadedModel | undefined,
): ModelStreamEvent[] {
  const events: ModelStreamEvent[] = outcome.functionCalls.map((call, index) => ({
    type: 'tool-call',
    toolCall: { id: callIds[index] ?? newCallId(), name: call.name, args: call.params },
  }));
  const usage: Usage = { inputTokens: outcome.usage.promptTokens, outputTokens: outcome.usage.outputTokens };
  if (outcome.usage.cachedPromptTokens > 0) usage.cacheReadTokens = outcome.usage.cachedPromptTokens;
  if (outcome.usage.reasoningTokens > 0) usage.reasoningTokens = outcome.usage.reasoningTokens;
  if (loaded) {
    events.push({
      type: 'metadata',
      metadata: {
        stopReason: outcome.stopReason,
        chatWrapper: loaded.chatWrapper,
        gpu: loaded.gpu,
        gpuLayers: loaded.gpuLayers,
        contextSize: loaded.contextSize,
      },
    });
  }
  events.push({ type: 'usage', usage }, { type: 'finish', reason: mapLlamaCppFinishReason(outcome) });
  return events;
}

/** node-llama-cpp's calls carry no id; core needs one to pair results with calls. */
function newCallId(): string {
  return `call_${randomUUID().replaceAll('-', '').slice(0, 24)}`;
}
