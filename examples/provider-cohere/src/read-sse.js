/**
 * Server-Sent Events from a fetch body (https://html.spec.whatwg.org/multipage/server-sent-events.html):
 * lines up to a blank line make one event; `data:` lines join with "\n"; comments (":") are skipped.
 * A body that breaks off throws whatever fetch threw (a reset, an abort).
 * @param {ReadableStream<Uint8Array>} body
 * @returns {AsyncGenerator<{ event?: string, data: string }>}
 */
export async function* readSse(body) {
  let buffer = '';
  /** @type {{ event?: string, data: string[] }} */
  let pending = { data: [] };
  for await (const text of body.pipeThrough(new TextDecoderStream())) {
    buffer += text;
    let newline = buffer.search(/\r\n|\r|\n/);
    while (newline !== -1) {
      const line = buffer.slice(0, newline);
      buffer = buffer.slice(newline + (buffer.startsWith('\r\n', newline) ? 2 : 1));
      if (line === '') {
        if (pending.data.length > 0)
          yield { ...(pending.event ? { event: pending.event } : {}), data: pending.data.join('\n') };
        pending = { data: [] };
      } else if (!line.startsWith(':')) {
        const colon = line.indexOf(':');
        const field = colon === -1 ? line : line.slice(0, colon);
        const value = colon === -1 ? '' : line.slice(colon + 1).replace(/^ /, '');
        if (field === 'data') pending.data.push(value);
        else if (field === 'event') pending.event = value;
      }
      newline = buffer.search(/\r\n|\r|\n/);
    }
  }
}
