/** A stream line that is not JSON. */
export class MalformedLineError extends Error {
  constructor(readonly line: string) {
    super(`Ollama sent a stream line that is not JSON: ${line.slice(0, 80)}`);
    this.name = 'MalformedLineError';
  }
}

export interface NdjsonGuardEvents {
  /** Each line that parsed, in order (to spot Ollama's `{"error": ...}` lines). */
  line(value: unknown): void;
  /** The first line that did not parse; nothing after it is passed on. */
  malformed(error: MalformedLineError): void;
}

/**
 * Checks an NDJSON body line by line on its way to the ollama client. The client's own parser
 * console.warns about an unparseable line and drops it, which would silently lose part of an
 * answer. Here such a line ends the stream instead: the lines before it still reach the client,
 * then an `{"error": ...}` line in their place makes the client throw, in order. Bytes pass
 * through unchanged, whole lines only.
 */
export function ndjsonGuard(events: NdjsonGuardEvents): TransformStream<Uint8Array, Uint8Array> {
  const decoder = new TextDecoder();
  const encoder = new TextEncoder();
  let buffer = '';
  let broken = false;
  const pass = (line: string, controller: TransformStreamDefaultController<Uint8Array>) => {
    if (broken || line.trim() === '') return;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      broken = true;
      const error = new MalformedLineError(line);
      events.malformed(error);
      controller.enqueue(encoder.encode(`${JSON.stringify({ error: error.message })}\n`));
      controller.terminate();
      return;
    }
    events.line(value);
    controller.enqueue(encoder.encode(`${line}\n`));
  };
  return new TransformStream({
    transform(chunk, controller) {
      buffer += decoder.decode(chunk, { stream: true });
      const lines = buffer.split('\n');
      buffer = lines.pop() ?? '';
      for (const line of lines) pass(line, controller);
    },
    flush(controller) {
      pass(buffer + decoder.decode(), controller);
    },
  });
}
