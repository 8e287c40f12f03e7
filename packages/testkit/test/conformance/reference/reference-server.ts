import { FakeHttpServer } from '../../../src/http/fake-http-server.js';
import type { ResponseWriter } from '../../../src/http/response-writer.js';
import {
  finishOf,
  type ScriptedError,
  type ScriptedReply,
  splitArgs,
  textChunksOf,
  usageOf,
} from '../../../src/script.js';
import type { NeutralChatRequest, NeutralMessage, RecordedRequest } from '../../../src/server-types.js';

/**
 * The wire format of an imaginary vendor, as plain as one can be: the chat body is the neutral
 * request itself, answers are JSON or data-only SSE. It lets the testkit run its own conformance
 * suite end to end, against the reference plugin beside it.
 */
export interface ReferenceChatBody {
  model: string;
  stream: boolean;
  system?: string;
  messages: NeutralMessage[];
  tools?: Array<{ name: string; description?: string; parameters: unknown }>;
  max_tokens?: number;
  temperature?: number;
  top_p?: number;
  stop?: string[];
  json?: boolean;
  json_schema?: unknown;
}

export type ReferenceStreamEvent =
  | { type: 'text' | 'reasoning'; text: string }
  | { type: 'tool'; index: number; id?: string; name?: string; args: string }
  | { type: 'end'; finish: string; usage: ReferenceUsage };

export interface ReferenceUsage {
  input: number;
  output: number;
  cached?: number;
  cache_write?: number;
  reasoning?: number;
}

export class ReferenceServer extends FakeHttpServer {
  readonly vendor = 'reference';

  lastChatRequest(): NeutralChatRequest | undefined {
    const body = this.requests.findLast((request) => request.path === '/chat')?.body as
      | ReferenceChatBody
      | undefined;
    if (!body) return undefined;
    return {
      model: body.model,
      stream: body.stream,
      ...(body.system !== undefined ? { system: body.system } : {}),
      messages: body.messages,
      tools: (body.tools ?? []).map((tool) => tool.name),
      ...(body.max_tokens !== undefined ? { maxTokens: body.max_tokens } : {}),
      ...(body.temperature !== undefined ? { temperature: body.temperature } : {}),
      ...(body.top_p !== undefined ? { topP: body.top_p } : {}),
      ...(body.stop !== undefined ? { stop: body.stop } : {}),
      ...(body.json ? { json: true } : {}),
      ...(body.json_schema !== undefined ? { jsonSchema: body.json_schema } : {}),
    };
  }

  protected route(request: RecordedRequest, writer: ResponseWriter): Promise<void> {
    switch (`${request.method} ${request.path}`) {
      case 'GET /models':
        return writer.json(200, {
          models: [
            { id: 'ref-chat', kind: 'chat' },
            { id: 'ref-embed', kind: 'embedding' },
          ],
        });
      case 'POST /chat':
        return this.withNextStep(writer, (step) =>
          this.chat(request.body as ReferenceChatBody, step, writer),
        );
      case 'POST /embed':
        return this.withNextStep(writer, (step) => writer.json(200, { vectors: step.embeddings ?? [] }));
      case 'POST /images':
        return this.withNextStep(writer, (step) => writer.json(200, { images: step.images ?? [] }));
      case 'POST /speech':
        return this.withNextStep(writer, (step) =>
          writer.raw(200, step.audio ?? new Uint8Array(), { 'content-type': 'audio/mpeg' }),
        );
      default:
        return writer.notFound();
    }
  }

  protected renderError(step: ScriptedError, writer: ResponseWriter): Promise<void> {
    return writer.json(
      step.status,
      { error: { message: step.message ?? 'error', code: step.code } },
      step.headers,
    );
  }

  private chat(body: ReferenceChatBody, step: ScriptedReply, writer: ResponseWriter): Promise<void> {
    const scripted = usageOf(step);
    const usage: ReferenceUsage = {
      input: scripted.inputTokens,
      output: scripted.outputTokens,
      ...(scripted.cachedInputTokens !== undefined ? { cached: scripted.cachedInputTokens } : {}),
      ...(scripted.cacheWriteTokens !== undefined ? { cache_write: scripted.cacheWriteTokens } : {}),
      ...(scripted.reasoningTokens !== undefined ? { reasoning: scripted.reasoningTokens } : {}),
    };
    const calls = (step.toolCalls ?? []).map((call) => ({ ...call, args: JSON.stringify(call.args) }));
    if (!body.stream) {
      return writer.json(200, {
        text: step.text ?? '',
        ...(step.reasoning ? { reasoning: step.reasoning } : {}),
        tool_calls: calls,
        finish: finishOf(step),
        usage,
      });
    }
    const events: ReferenceStreamEvent[] = [
      ...textChunksOf({ text: step.reasoning ?? '' }).map((text) => ({ type: 'reasoning' as const, text })),
      ...textChunksOf(step).map((text) => ({ type: 'text' as const, text })),
      ...calls.flatMap((call, index) =>
        splitArgs(call.args).map((args, piece) => ({
          type: 'tool' as const,
          index,
          ...(piece === 0 ? { id: call.id, name: call.name } : {}),
          args,
        })),
      ),
      { type: 'end', finish: finishOf(step), usage },
    ];
    return writer.sse([...events.map((data) => ({ data })), { data: '[DONE]' }]);
  }
}
