import {
  type CallOptions,
  type ChatModel,
  type ChatRequest,
  definePlugin,
  errorFromHttp,
  type FinishReason,
  type GenerateResult,
  hasImages,
  type ModelStreamEvent,
  type ProviderContext,
  type ProviderPlugin,
  SwitchboardError,
  type ToolCall,
  toSwitchboardError,
  type Usage,
} from '@switchboard/core';
import type { NeutralMessage } from '../../../src/server-types.js';
import type { ReferenceChatBody, ReferenceStreamEvent, ReferenceUsage } from './reference-server.js';

/**
 * Defects the reference plugin can be told to have, each one a mistake real providers make.
 * The suite's own test runs it with each and expects the matching checks to fail.
 */
export const QUIRKS = [
  'double-usage', // reports usage twice in a stream
  'sdk-retry', // retries failed calls itself, behind core's back
  'ignore-abort', // never hands the AbortSignal to fetch
  'swallow-malformed', // skips stream events it cannot parse: a silent wrong answer
  'new-tool-ids', // makes up its own tool call ids
  'length-as-stop', // reports every finish as "stop"
  'drop-system', // forgets the system prompt
  'leak-key', // throws a branded error of its own core copy, with the key in it
] as const;

export type Quirk = (typeof QUIRKS)[number];

type Has = (quirk: Quirk) => boolean;

const FINISH: Record<string, FinishReason> = {
  stop: 'stop',
  length: 'length',
  'tool-calls': 'tool-calls',
  'content-filter': 'content-filter',
};

export function createReferencePlugin(quirks: readonly Quirk[] = []): ProviderPlugin {
  const has = (quirk: Quirk) => quirks.includes(quirk);
  return definePlugin({
    name: `reference-plugin${quirks.length ? `-${quirks.join('-')}` : ''}`,
    providers: [
      {
        id: 'reference',
        displayName: 'Reference',
        settings: [
          { key: 'apiKey', label: 'API key', secret: true, required: true },
          { key: 'baseUrl', label: 'Base URL', required: true },
        ],
        async listModels(context, options) {
          if (!options?.live)
            return [{ id: 'ref-chat', kind: 'chat', capabilities: { tools: true, vision: true } }];
          const response = await call(has, context, 'GET', '/models', undefined, options);
          const body = (await response.json()) as {
            models: Array<{ id: string; kind: 'chat' | 'embedding' }>;
          };
          return body.models.map((model) => ({ ...model, capabilities: {} }));
        },
        chatModel: (modelId, context) => new ReferenceChatModel(modelId, context, has),
        embeddingModel: (modelId, context) => ({
          provider: 'reference',
          modelId,
          async embed(values, options) {
            const response = await call(
              has,
              context,
              'POST',
              '/embed',
              { model: modelId, input: values },
              options,
            );
            return { embeddings: ((await response.json()) as { vectors: number[][] }).vectors };
          },
        }),
        imageModel: (modelId, context) => ({
          provider: 'reference',
          modelId,
          async generate(request, options) {
            const response = await call(
              has,
              context,
              'POST',
              '/images',
              { model: modelId, prompt: request.prompt },
              options,
            );
            const body = (await response.json()) as { images: Array<{ b64: string }> };
            return {
              images: body.images.map((image) => ({
                data: Buffer.from(image.b64, 'base64'),
                mimeType: 'image/png',
              })),
            };
          },
        }),
        speechModel: (modelId, context) => ({
          provider: 'reference',
          modelId,
          async synthesize(request, options) {
            const response = await call(
              has,
              context,
              'POST',
              '/speech',
              { model: modelId, text: request.text },
              options,
            );
            return { audio: new Uint8Array(await response.arrayBuffer()), mimeType: 'audio/mpeg' };
          },
        }),
      },
    ],
  });
}

/** One HTTP call; every failure becomes a SwitchboardError. */
async function call(
  has: Has,
  context: ProviderContext,
  method: string,
  path: string,
  body: unknown,
  options: CallOptions = {},
  attempt = 1,
): Promise<Response> {
  const apiKey = context.settings.apiKey ?? '';
  let response: Response;
  try {
    response = await fetch(`${context.settings.baseUrl}${path}`, {
      method,
      headers: { authorization: `Bearer ${apiKey}`, 'content-type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      ...(options.signal && !has('ignore-abort') ? { signal: options.signal } : {}),
    });
  } catch (error) {
    if (has('sdk-retry') && attempt === 1) return call(has, context, method, path, body, options, 2);
    throw toSwitchboardError(error, { provider: 'reference' });
  }
  if (response.ok) return response;
  if (has('sdk-retry') && attempt === 1 && response.status >= 500)
    return call(has, context, method, path, body, options, 2);
  const message = ((await response.json()) as { error?: { message?: string } }).error?.message ?? 'error';
  if (has('leak-key') && response.status === 401) throw foreignError(`${message} (key ${apiKey})`);
  throw errorFromHttp({
    status: response.status,
    message,
    headers: response.headers,
    provider: 'reference',
  });
}

/** A ChatModel over the reference wire format. */
class ReferenceChatModel implements ChatModel {
  readonly provider = 'reference';

  constructor(
    readonly modelId: string,
    private readonly context: ProviderContext,
    private readonly quirk: Has,
  ) {}

  async generate(request: ChatRequest, options: CallOptions = {}): Promise<GenerateResult> {
    const response = await call(
      this.quirk,
      this.context,
      'POST',
      '/chat',
      this.body(request, false),
      options,
    );
    let body: {
      text: string;
      reasoning?: string;
      tool_calls: Array<{ id: string; name: string; args: string }>;
      finish: string;
      usage: ReferenceUsage;
    };
    try {
      body = JSON.parse(await response.text());
    } catch (error) {
      throw toSwitchboardError(error, { provider: 'reference' });
    }
    return {
      text: body.text,
      ...(body.reasoning ? { reasoning: body.reasoning } : {}),
      toolCalls: body.tool_calls.map((c, index) => this.toolCall(c.id, c.name, c.args, index)),
      usage: toUsage(body.usage),
      finishReason: this.finish(body.finish),
    };
  }

  async *stream(request: ChatRequest, options: CallOptions = {}): AsyncIterable<ModelStreamEvent> {
    const response = await call(this.quirk, this.context, 'POST', '/chat', this.body(request, true), options);
    const calls = new Map<number, { id: string; name: string; args: string }>();
    let buffer = '';
    try {
      for await (const chunk of response.body ?? []) {
        buffer += Buffer.from(chunk).toString('utf8');
        const frames = buffer.split('\n\n');
        buffer = frames.pop() ?? '';
        for (const frame of frames) {
          const data = frame.replace(/^data: /, '');
          if (data === '[DONE]') continue;
          let event: ReferenceStreamEvent;
          try {
            event = JSON.parse(data);
          } catch {
            if (this.quirk('swallow-malformed')) continue;
            throw new SwitchboardError('invalid-response', 'The reference server sent a malformed event.');
          }
          if (event.type === 'text') yield { type: 'text-delta', text: event.text };
          if (event.type === 'reasoning') yield { type: 'reasoning-delta', text: event.text };
          if (event.type === 'tool') {
            const known = calls.get(event.index) ?? {
              id: event.id ?? '',
              name: event.name ?? '',
              args: '',
            };
            known.args += event.args;
            calls.set(event.index, known);
            yield { type: 'tool-call-delta', index: event.index, argsTextDelta: event.args };
          }
          if (event.type === 'end') {
            for (const [index, c] of calls)
              yield { type: 'tool-call', toolCall: this.toolCall(c.id, c.name, c.args, index) };
            yield { type: 'usage', usage: toUsage(event.usage) };
            if (this.quirk('double-usage')) yield { type: 'usage', usage: toUsage(event.usage) };
            yield { type: 'finish', reason: this.finish(event.finish) };
            return;
          }
        }
      }
    } catch (error) {
      throw toSwitchboardError(error, { provider: 'reference' });
    }
    throw new SwitchboardError('invalid-response', 'The reference stream ended without its end event.');
  }

  private body(request: ChatRequest, stream: boolean): ReferenceChatBody {
    if (this.modelId === 'ref-text' && hasImages(request.messages)) {
      throw new SwitchboardError('invalid-request', 'Model "ref-text" cannot read images.', {
        provider: 'reference',
      });
    }
    const system = request.messages.flatMap((m) => (m.role === 'system' ? [m.content] : [])).join('\n');
    return {
      model: this.modelId,
      stream,
      ...(system && !this.quirk('drop-system') ? { system } : {}),
      messages: request.messages.flatMap((m) => (m.role === 'system' ? [] : [toNeutral(m)])),
      ...(request.tools ? { tools: request.tools } : {}),
      ...(request.maxTokens !== undefined ? { max_tokens: request.maxTokens } : {}),
      ...(request.temperature !== undefined ? { temperature: request.temperature } : {}),
      ...(request.topP !== undefined ? { top_p: request.topP } : {}),
      ...(request.stop ? { stop: request.stop } : {}),
      ...(request.responseFormat?.type === 'json' ? { json: true } : {}),
      ...(request.responseFormat?.type === 'json' && request.responseFormat.schema
        ? { json_schema: request.responseFormat.schema }
        : {}),
    };
  }

  private toolCall(id: string, name: string, args: string, index: number): ToolCall {
    return {
      id: this.quirk('new-tool-ids') ? `generated_${index}` : id,
      name,
      args: JSON.parse(args || '{}'),
    };
  }

  private finish(finish: string): FinishReason {
    return this.quirk('length-as-stop') ? 'stop' : (FINISH[finish] ?? 'other');
  }
}

function toNeutral(message: Exclude<ChatRequest['messages'][number], { role: 'system' }>): NeutralMessage {
  const parts =
    typeof message.content === 'string'
      ? [{ type: 'text' as const, text: message.content }]
      : message.content;
  const out: NeutralMessage = { role: message.role, text: '', images: [], toolCalls: [], toolResults: [] };
  for (const part of parts) {
    if (part.type === 'text') out.text += part.text;
    if (part.type === 'image') {
      out.images.push(
        part.image.kind === 'url'
          ? { url: part.image.url }
          : { base64: Buffer.from(part.image.data).toString('base64'), mimeType: part.image.mimeType },
      );
    }
    if (part.type === 'tool-call') out.toolCalls.push({ id: part.id, name: part.name, args: part.args });
    if (part.type === 'tool-result') {
      out.toolResults.push({
        id: part.toolCallId,
        name: part.toolName,
        content: JSON.stringify(part.result),
      });
    }
  }
  return out;
}

function toUsage(usage: ReferenceUsage): Usage {
  return {
    inputTokens: usage.input,
    outputTokens: usage.output,
    ...(usage.cached !== undefined ? { cacheReadTokens: usage.cached } : {}),
    ...(usage.cache_write !== undefined ? { cacheWriteTokens: usage.cache_write } : {}),
    ...(usage.reasoning !== undefined ? { reasoningTokens: usage.reasoning } : {}),
  };
}

/** What a plugin that bundles its own copy of core throws: branded, but blind to the host's secrets. */
function foreignError(message: string): Error {
  return Object.assign(new Error(message), {
    [Symbol.for('switchboard.error')]: true,
    kind: 'authentication',
    hint: 'Check the key.',
    retryable: false,
    fallbackMayHelp: true,
    userMessage: message,
  });
}
