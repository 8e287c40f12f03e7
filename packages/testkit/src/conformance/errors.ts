import { describe, expect } from 'vitest';
import type { ScriptedError } from '../script.js';
import { captureError, expectSafeForUsers, expectSwitchboardError } from './checks.js';
import { itIfSupported, itWhen, type ScriptedContext } from './context.js';
import { ask } from './fixtures.js';

/**
 * HTTP errors in the vendor's own envelope map into core's taxonomy. Every check also asserts one
 * HTTP request: the SDK's own retries must be off, because core retries and falls back.
 */
export function describeErrors(ctx: ScriptedContext): void {
  const http = ctx.target.supports.httpErrors;

  const failWith = async (step: ScriptedError) => {
    ctx.server.reply(step);
    const error = await captureError(async () => (await ctx.chat()).generate(ask('Hello?')));
    expectSwitchboardError(error);
    expect(ctx.server.requests, 'one HTTP request: the SDK must not retry by itself').toHaveLength(1);
    expectSafeForUsers(error, ctx.secrets());
    return error;
  };

  describe('errors', () => {
    itIfSupported(
      ctx,
      http,
      '401 is "authentication"; the message holds no API key and no stack trace',
      async () => {
        // Vendors echo (part of) the key they rejected; the provider must not pass it on.
        const key = ctx.secrets()[0] ?? 'sk-conformance-0123456789abcdef';
        const error = await failWith({
          kind: 'error',
          status: 401,
          message: `Incorrect API key provided: ${key}`,
        });
        expect(error.kind).toBe('authentication');
        expect(error.retryable).toBe(false);
        expectSafeForUsers(error, [key]);
      },
    );

    itIfSupported(ctx, http, '429 with Retry-After: 7 is "rate-limit" with retryAfterMs 7000', async () => {
      const error = await failWith({
        kind: 'error',
        status: 429,
        message: 'Rate limit reached. Please try again later.',
        headers: { 'retry-after': '7' },
      });
      expect(error.kind).toBe('rate-limit');
      expect(error.retryAfterMs).toBe(7000);
      expect(error.retryable).toBe(true);
    });

    for (const status of [500, 503]) {
      itIfSupported(ctx, http, `${status} is retryable`, async () => {
        const error = await failWith({
          kind: 'error',
          status,
          message: 'The server had an error. Try again.',
        });
        expect(error.retryable).toBe(true);
        expect(error.status).toBe(status);
      });
    }

    itIfSupported(ctx, http, '404 for an unknown model is "not-found"', async () => {
      const error = await failWith({ kind: 'error', status: 404, message: 'The model does not exist.' });
      expect(error.kind).toBe('not-found');
    });

    itWhen(
      http && ctx.target.contextWindowError !== undefined,
      http ? 'the target gives no contextWindowError' : `not supported by ${ctx.vendor}`,
      'the vendor\'s prompt-too-long error is "context-window-exceeded"',
      async () => {
        const step = ctx.target.contextWindowError;
        if (!step) return;
        const error = await failWith(step);
        expect(error.kind).toBe('context-window-exceeded');
        expect(error.retryable).toBe(false);
      },
    );
  });
}
