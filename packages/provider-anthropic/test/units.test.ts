import type { RawMessageStreamEvent } from '@anthropic-ai/sdk/resources/messages';
import { isSwitchboardErrorOfKind } from '@switchboard/core';
import { describe, expect, it } from 'vitest';
import { parseAnthropicOptions } from '../src/anthropic-options.js';
import { AnthropicStreamTranslator } from '../src/anthropic-stream-translator.js';
import { convertAnthropicUsage } from '../src/convert-anthropic-usage.js';
import { mapAnthropicFinishReason } from '../src/map-anthropic-finish-reason.js';
import { staticSpec } from '../src/models.js';
import { ThinkingMemory } from '../src/thinking-memory.js';

/** Stream events as loose JSON, the way they arrive on the wire. */
const events = (...list: unknown[]) => list as RawMessageStreamEvent[];

function run(translator: AnthropicStreamTranslator, list: RawMessageStreamEvent[]) {
  return list.flatMap((event) => translator.push(event));
}

describe('mapAnthropicFinishReason', () => {
  it.each([
    ['end_turn', 'stop'],
    ['stop_sequence', 'stop'],
    ['max_tokens', 'length'],
    ['model_context_window_exceeded', 'length'],
    ['tool_use', 'tool-calls'],
    ['refusal', 'content-filter'],
    ['pause_turn', 'other'],
    ['something_new', 'other'],
    [null, 'other'],
  ] as const)('%s -> %s', (reason, expected) => {
    expect(mapAnthropicFinishReason(reason)).toBe(expected);
  });
});

describe('convertAnthropicUsage', () => {
  it('adds cache reads and writes to input, keeps thinking inside output', () => {
    expect(
      convertAnthropicUsage({
        input_tokens: 100,
        output_tokens: 80,
        cache_read_input_tokens: 1000,
        cache_creation_input_tokens: 400,
        output_tokens_details: { thinking_tokens: 60 },
      }),
    ).toEqual({
      inputTokens: 1500,
      outputTokens: 80,
      cacheReadTokens: 1000,
      cacheWriteTokens: 400,
      reasoningTokens: 60,
    });
  });

  it('treats null counts as zero and leaves unreported parts out', () => {
    expect(
      convertAnthropicUsage({
        input_tokens: 5,
        output_tokens: 2,
        cache_read_input_tokens: null,
        cache_creation_input_tokens: 0,
      }),
    ).toEqual({ inputTokens: 5, outputTokens: 2 });
  });
});

describe('parseAnthropicOptions', () => {
  it('reads thinking, effort, parallel tool use and cache control', () => {
    expect(
      parseAnthropicOptions({
        thinking: { budgetTokens: 2048, display: 'omitted' },
        effort: 'high',
        disableParallelToolUse: true,
        cacheControl: true,
      }),
    ).toEqual({
      thinking: { type: 'enabled', budgetTokens: 2048, display: 'omitted' },
      effort: 'high',
      disableParallelToolUse: true,
      cacheControl: {},
    });
    expect(parseAnthropicOptions(undefined)).toEqual({});
  });

  it.each([
    ['a budget below 1024', { thinking: { budgetTokens: 100 } }, 'budgetTokens'],
    ['an unknown thinking type', { thinking: { type: 'deep' } }, 'thinking.type'],
    ['a bad display', { thinking: { type: 'adaptive', display: 'full' } }, 'display'],
    ['a bad cacheControl', { cacheControl: { ttl: '2h' } }, 'cacheControl'],
    ['a non-object', 'fast', 'must be an object'],
  ])('rejects %s with an invalid-request error naming the option', (_name, raw, mention) => {
    let error: unknown;
    try {
      parseAnthropicOptions(raw);
    } catch (caught) {
      error = caught;
    }
    expect(isSwitchboardErrorOfKind(error, 'invalid-request')).toBe(true);
    expect((error as Error).message).toContain(mention);
  });
});

describe('AnthropicStreamTranslator', () => {
  const start = {
    type: 'message_start',
    message: { id: 'msg_1', model: 'm', usage: { input_tokens: 3, output_tokens: 1 } },
  };

  it('a stream without message_stop is incomplete: finish() throws invalid-response', () => {
    const translator = new AnthropicStreamTranslator('m');
    run(
      translator,
      events(start, { type: 'content_block_start', index: 0, content_block: { type: 'text', text: '' } }),
    );
    expect(() => translator.finish()).toThrow(/ended before message_stop/);
  });

  it('tool arguments that are not JSON are an invalid-response error', () => {
    const translator = new AnthropicStreamTranslator('m');
    expect(() =>
      run(
        translator,
        events(
          start,
          {
            type: 'content_block_start',
            index: 0,
            content_block: { type: 'tool_use', id: 't1', name: 'f', input: {} },
          },
          {
            type: 'content_block_delta',
            index: 0,
            delta: { type: 'input_json_delta', partial_json: '{"a":' },
          },
          { type: 'content_block_stop', index: 0 },
        ),
      ),
    ).toThrow(/not valid JSON/);
  });

  it('keeps thinking and redacted thinking for the next turn, skips server tool blocks, and reports usage once', () => {
    const translator = new AnthropicStreamTranslator('m');
    const out = run(
      translator,
      events(
        start,
        {
          type: 'content_block_start',
          index: 0,
          content_block: { type: 'thinking', thinking: '', signature: '' },
        },
        { type: 'content_block_delta', index: 0, delta: { type: 'thinking_delta', thinking: 'Hmm.' } },
        { type: 'content_block_delta', index: 0, delta: { type: 'signature_delta', signature: 'sig' } },
        { type: 'content_block_stop', index: 0 },
        {
          type: 'content_block_start',
          index: 1,
          content_block: { type: 'redacted_thinking', data: 'opaque' },
        },
        { type: 'content_block_stop', index: 1 },
        {
          type: 'content_block_start',
          index: 2,
          content_block: { type: 'server_tool_use', id: 's1', name: 'web_search', input: {} },
        },
        { type: 'content_block_stop', index: 2 },
        {
          type: 'content_block_start',
          index: 3,
          content_block: { type: 'tool_use', id: 't1', name: 'f', input: {} },
        },
        { type: 'content_block_stop', index: 3 },
        {
          type: 'message_delta',
          delta: { stop_reason: 'tool_use', stop_sequence: null },
          usage: { output_tokens: 9 },
        },
        { type: 'something_new_in_a_later_api', detail: 1 },
        { type: 'message_stop' },
      ),
    );
    expect(out.filter((e) => e.type === 'reasoning-delta')).toEqual([
      { type: 'reasoning-delta', text: 'Hmm.' },
    ]);
    expect(out.filter((e) => e.type === 'tool-call-delta')).toEqual([
      { type: 'tool-call-delta', index: 0, id: 't1', name: 'f', argsTextDelta: '' },
    ]);
    expect(translator.toolCalls).toEqual([{ id: 't1', name: 'f', args: {} }]);
    expect(translator.thinking).toEqual([
      { type: 'thinking', thinking: 'Hmm.', signature: 'sig' },
      { type: 'redacted_thinking', data: 'opaque' },
    ]);
    expect(translator.finish()).toEqual([
      { type: 'usage', usage: { inputTokens: 3, outputTokens: 9 } },
      { type: 'finish', reason: 'tool-calls' },
    ]);
  });
});

describe('ThinkingMemory', () => {
  it('gives thinking back only to the same model, and forgets the oldest beyond its capacity', () => {
    const memory = new ThinkingMemory(2);
    const block = (thinking: string) => [{ type: 'thinking' as const, thinking, signature: 's' }];
    memory.remember('m', ['a'], block('A'));
    memory.remember('m', ['b'], block('B'));
    expect(memory.recall('m', ['a'])).toEqual(block('A'));
    expect(memory.recall('other', ['a'])).toBeUndefined();
    memory.remember('m', ['c'], block('C'));
    expect(memory.recall('m', ['a'])).toBeUndefined();
    expect(memory.recall('m', ['c'])).toEqual(block('C'));
  });
});

describe('static model table', () => {
  it('finds dated snapshots under their alias', () => {
    expect(staticSpec('claude-haiku-4-5-20251001')?.info.id).toBe('claude-haiku-4-5');
    expect(staticSpec('claude-unknown')).toBeUndefined();
  });
});
