import { describe, expect, it } from 'vitest';
import { errorFromAbort, SwitchboardError } from '../../src/index.js';

describe('errorFromAbort', () => {
  it('a deadline from AbortSignal.timeout is a timeout, naming the vendor', async () => {
    const signal = AbortSignal.timeout(1);
    await new Promise((resolve) => setTimeout(resolve, 10));
    const error = errorFromAbort(signal.reason, { provider: 'acme', model: 'acme-1' }, 'Acme');
    expect(error).toMatchObject({ kind: 'timeout', provider: 'acme', model: 'acme-1', retryable: true });
    expect(error.message).toContain('Acme');
  });

  it('a plain abort is the caller cancelling', () => {
    const controller = new AbortController();
    controller.abort();
    expect(errorFromAbort(controller.signal.reason, { provider: 'acme' })).toMatchObject({
      kind: 'cancelled',
      message: 'The request to acme was cancelled.',
    });
  });

  it("core's own abort reason passes through with its kind", () => {
    const reason = new SwitchboardError('timeout', 'No first token within 30 s.', { code: 'first-token' });
    expect(errorFromAbort(reason, { provider: 'acme' })).toMatchObject({
      kind: 'timeout',
      message: 'No first token within 30 s.',
      code: 'first-token',
    });
  });
});
