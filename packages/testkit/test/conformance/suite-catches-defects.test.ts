import { Writable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { startVitest } from 'vitest/node';

// A check that cannot fail proves nothing. The reference plugin passes the whole suite
// (reference.test.ts); here it is run once per planted defect, in a vitest of its own, and each
// defect must fail exactly the checks that exist to catch it.
const EXPECTED_FAILURES: Record<string, string[]> = {
  'double-usage': [
    'streaming > deltas join to the text; exactly one usage event; finish comes last and nothing after it',
    'streaming > a streamed answer cut at the token limit finishes with "length"',
    'streaming > a streamed answer the vendor filtered finishes with "content-filter"',
    'tools > a streamed tool call ends in a complete tool-call event and finish reason "tool-calls"',
    'tools > parallel tool calls stream as separate calls (deltas kept apart by index)',
    'usage > input and output token counts reach the caller (generate and stream)',
    'usage > cached prompt tokens are reported as cacheReadTokens and counted in inputTokens',
    'usage > reasoning tokens are reported as reasoningTokens and counted in outputTokens',
    'faults > a slow drip still streams the full answer',
  ],
  'sdk-retry': [
    'streaming > an HTTP error is thrown from the stream, never yielded as an event',
    'errors > 500 is retryable',
    'errors > 503 is retryable',
    'faults > a connection reset before the first byte is a retryable connection error (no SDK retry)',
  ],
  'ignore-abort': [
    'faults > aborting a hung request rejects with "cancelled" within a second; the server sees the abort',
    'faults > aborting a hung stream rejects with "cancelled" within a second',
    'faults > aborting a stream that stalled after some text rejects with "cancelled" within a second',
    'faults > an already aborted signal rejects with "cancelled"',
  ],
  'swallow-malformed': ['faults > a malformed stream chunk is an error, not a silent wrong answer'],
  'new-tool-ids': [
    'tools > a tool call comes back with parsed arguments and finish reason "tool-calls"',
    'tools > a streamed tool call ends in a complete tool-call event and finish reason "tool-calls"',
    'tools > parallel tool calls come back in order',
    'tools > parallel tool calls stream as separate calls (deltas kept apart by index)',
  ],
  'length-as-stop': [
    'text > finish reason "length" when the answer hit the token limit',
    'text > finish reason "content-filter" when the vendor filtered the answer',
    'tools > a tool call comes back with parsed arguments and finish reason "tool-calls"',
    'tools > a streamed tool call ends in a complete tool-call event and finish reason "tool-calls"',
    'tools > parallel tool calls come back in order',
    'streaming > a streamed answer cut at the token limit finishes with "length"',
    'streaming > a streamed answer the vendor filtered finishes with "content-filter"',
  ],
  'drop-system': ['text > the system prompt reaches the server'],
  'leak-key': ['errors > 401 is "authentication"; the message holds no API key and no stack trace'],
  'local-ignore-abort': [
    'local model invariants > aborting a stream ends it promptly with "cancelled"',
    'local model invariants > an already aborted signal rejects with "cancelled"',
  ],
  'local-silent': [
    'local model invariants > generate gives non-empty text and usage',
    'local model invariants > a stream has text deltas, exactly one usage event and finish last',
    'local model invariants > aborting a stream ends it promptly with "cancelled"',
    'local model invariants > an already aborted signal rejects with "cancelled"', // it never looks at the signal
  ],
};

const silent = () => new Writable({ write: (_chunk, _encoding, done) => done() });

describe('the conformance suite catches defects', () => {
  it('fails exactly the checks each planted defect breaks, and passes the rest', {
    timeout: 120_000,
  }, async () => {
    const vitest = await startVitest(
      'test',
      [],
      {
        root: fileURLToPath(new URL('../..', import.meta.url)),
        config: false,
        include: ['test/conformance/quirks/*.fixture.ts'],
        watch: false,
        reporters: [],
        testTimeout: 10_000,
      },
      {},
      { stdout: silent(), stderr: silent() },
    );
    const failed: Record<string, string[]> = {};
    let passed = 0;
    for (const module of vitest.state.getTestModules()) {
      for (const test of module.children.allTests()) {
        const [suite, ...path] = test.fullName.split(' > ');
        const quirk = /^quirk:(\S+)/.exec(suite ?? '')?.[1] ?? suite ?? '';
        if (test.result().state === 'failed') failed[quirk] = [...(failed[quirk] ?? []), path.join(' > ')];
        if (test.result().state === 'passed') passed++;
      }
    }
    await vitest.close();
    for (const [quirk, expected] of Object.entries(EXPECTED_FAILURES)) {
      expect(failed[quirk]?.sort(), `checks failed by "${quirk}"`).toEqual([...expected].sort());
    }
    expect(Object.keys(failed).sort()).toEqual(Object.keys(EXPECTED_FAILURES).sort());
    expect(passed).toBeGreaterThan(300);
  });
});
