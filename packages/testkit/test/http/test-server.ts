import { FakeHttpServer } from '../../src/http/fake-http-server.js';
import type { ResponseWriter } from '../../src/http/response-writer.js';
import type { ScriptedError } from '../../src/script.js';
import type { NeutralChatRequest, RecordedRequest } from '../../src/server-types.js';

/**
 * The smallest vendor: one route per framing, each reply's text split into words. It exists to
 * test the shared base (recording, the script queue, the faults) without any vendor's details.
 */
export class TestServer extends FakeHttpServer {
  readonly vendor = 'test';

  protected override urlPrefix(): string {
    return '/api';
  }

  lastChatRequest(): NeutralChatRequest | undefined {
    const body = this.requests.at(-1)?.body as { prompt?: string } | undefined;
    if (!body) return undefined;
    return {
      model: 'test',
      stream: false,
      messages: [{ role: 'user', text: body.prompt ?? '', images: [], toolCalls: [], toolResults: [] }],
      tools: [],
    };
  }

  protected route(request: RecordedRequest, writer: ResponseWriter): Promise<void> {
    const words = (text = '') => text.split(' ');
    switch (request.path) {
      case '/api/json':
        return this.withNextStep(writer, (step) => writer.json(200, { text: step.text }));
      case '/api/sse':
        return this.withNextStep(writer, (step) =>
          writer.sse([
            ...words(step.text).map((word) => ({ event: 'word', data: { word } })),
            { data: '[DONE]' },
          ]),
        );
      case '/api/ndjson':
        return this.withNextStep(writer, (step) => writer.ndjson(words(step.text).map((word) => ({ word }))));
      case '/api/raw':
        return this.withNextStep(writer, (step) =>
          writer.raw(200, step.text ?? '', { 'content-type': 'text/plain' }),
        );
      case '/api/bug':
        throw new Error('route exploded');
      default:
        return writer.notFound(`No route ${request.path}`);
    }
  }

  protected renderError(step: ScriptedError, writer: ResponseWriter): Promise<void> {
    return writer.json(
      step.status,
      { error: { message: step.message ?? 'error', type: step.type } },
      step.headers,
    );
  }
}

/** Reads a response body piece by piece, noting when each piece arrived; stops at the end or an error. */
export async function readPieces(
  response: Response,
): Promise<{ pieces: Array<{ text: string; at: number }>; error: unknown }> {
  const pieces: Array<{ text: string; at: number }> = [];
  const reader = response.body?.getReader();
  if (!reader) return { pieces, error: undefined };
  const decoder = new TextDecoder();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return { pieces, error: undefined };
      pieces.push({ text: decoder.decode(value, { stream: true }), at: Date.now() });
    }
  } catch (error) {
    return { pieces, error };
  }
}

export function post(
  url: string,
  body: unknown = { prompt: 'hi' },
  init: RequestInit = {},
): Promise<Response> {
  return fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'X-Custom': 'Yes' },
    body: JSON.stringify(body),
    ...init,
  });
}
