import type { HttpOptions } from '@google/genai';
import type { CallOptions, SwitchboardError } from '@switchboard/core';
import { toGeminiError } from './gemini-error.js';

/**
 * What one SDK call needs besides its parameters: the abort signal, extra headers, and a view of
 * the HTTP response when it fails. The SDK's ApiError keeps the status and body but drops the
 * headers, so a thin `fetch` (a documented HttpOptions hook) notes them for Retry-After; it
 * changes nothing on the wire. (With a custom fetch the SDK leaves out its no-timeout undici
 * dispatcher, so Node's default 300 s header/idle limits apply; core's timeouts are shorter.)
 *
 * The call has its own AbortController, linked to the caller's signal, so that a stream the
 * consumer stops reading early is really closed instead of left open until garbage collection.
 */
export class GeminiCall {
  private readonly controller = new AbortController();
  private failedHeaders: Headers | undefined;
  private readonly unlink: () => void;

  constructor(
    /** The model the call is for, named in errors; undefined for calls about no model (listing). */
    private readonly model: string | undefined,
    private readonly options: CallOptions = {},
  ) {
    const signal = options.signal;
    const onAbort = () => this.controller.abort(signal?.reason);
    if (signal?.aborted) onAbort();
    else signal?.addEventListener('abort', onAbort, { once: true });
    this.unlink = () => signal?.removeEventListener('abort', onAbort);
  }

  /** Spread into the SDK call's `config`. */
  get config(): { abortSignal: AbortSignal; httpOptions: HttpOptions } {
    const spy: typeof fetch = async (input, init) => {
      const response = await fetch(input, init);
      if (!response.ok) this.failedHeaders = response.headers;
      return response;
    };
    return {
      abortSignal: this.controller.signal,
      httpOptions: { ...(this.options.headers ? { headers: this.options.headers } : {}), fetch: spy },
    };
  }

  /** The caller's signal, to throw before sending anything. */
  get aborted(): boolean {
    return this.options.signal?.aborted ?? false;
  }

  error(error: unknown): SwitchboardError {
    return toGeminiError(error, {
      ...(this.model ? { model: this.model } : {}),
      ...(this.options.signal ? { signal: this.options.signal } : {}),
      ...(this.failedHeaders ? { headers: this.failedHeaders } : {}),
    });
  }

  /** Ends the call: closes the HTTP response if it is still open and drops the signal link. */
  close(): void {
    this.unlink();
    if (!this.controller.signal.aborted) this.controller.abort();
  }
}
