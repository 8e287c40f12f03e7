import { describe, expect, it } from 'vitest';
import {
  inputPartOf,
  Role,
  toCoreMessages,
  toRequestOptions,
} from '../../../src/features/models/convert-messages.js';

// Stand-ins with the same fields as VS Code's part classes.
class TextPart {
  constructor(readonly value: string) {}
}
class ToolCallPart {
  constructor(
    readonly callId: string,
    readonly name: string,
    readonly input: object,
  ) {}
}
class ToolResultPart {
  constructor(
    readonly callId: string,
    readonly content: unknown[],
  ) {}
}
class DataPart {
  constructor(
    readonly data: Uint8Array,
    readonly mimeType: string,
  ) {}
}
class PromptTsxPart {
  constructor(readonly value: unknown) {}
}

const user = (...content: unknown[]) => ({ role: Role.User, content, name: undefined });
const assistant = (...content: unknown[]) => ({ role: Role.Assistant, content, name: undefined });

describe('inputPartOf', () => {
  it('recognises parts by shape and ignores the rest', () => {
    expect(inputPartOf(new TextPart('hi'))).toEqual({ kind: 'text', text: 'hi' });
    expect(inputPartOf(new ToolCallPart('c1', 'read', { path: 'a' }))?.kind).toBe('tool-call');
    expect(inputPartOf(new ToolResultPart('c1', []))?.kind).toBe('tool-result');
    expect(inputPartOf(new DataPart(new Uint8Array([1]), 'image/png'))?.kind).toBe('data');
    expect(inputPartOf(new PromptTsxPart({ node: {} }))).toBeUndefined();
    expect(inputPartOf('text')).toBeUndefined();
    expect(inputPartOf(null)).toBeUndefined();
  });
});

describe('toCoreMessages', () => {
  it('turns text-only messages into plain strings and keeps system prompts', () => {
    expect(
      toCoreMessages([
        { role: Role.System, content: [new TextPart('Be brief.')] },
        user(new TextPart('Hello '), new TextPart('there')),
        assistant(new TextPart('Hi!')),
      ]),
    ).toEqual([
      { role: 'system', content: 'Be brief.' },
      { role: 'user', content: 'Hello there' },
      { role: 'assistant', content: 'Hi!' },
    ]);
  });

  it('carries images as bytes and drops other data parts', () => {
    const png = new Uint8Array([137, 80, 78, 71]);
    const [message] = toCoreMessages([
      user(new TextPart('What is this?'), new DataPart(png, 'image/png'), new DataPart(png, 'cache_control')),
    ]);
    expect(message).toEqual({
      role: 'user',
      content: [
        { type: 'text', text: 'What is this?' },
        { type: 'image', image: { kind: 'bytes', data: png, mimeType: 'image/png' } },
      ],
    });
  });

  it('converts a tool round trip, naming results after their calls', () => {
    const json = new TextEncoder().encode('{"lines":3}');
    const messages = toCoreMessages([
      user(new TextPart('Read a.ts')),
      assistant(new TextPart('Reading.'), new ToolCallPart('call-1', 'read_file', { path: 'a.ts' })),
      user(
        new ToolResultPart('call-1', [new TextPart('const a = 1;'), new DataPart(json, 'application/json')]),
        new TextPart('Now explain it.'),
      ),
    ]);
    expect(messages).toEqual([
      { role: 'user', content: 'Read a.ts' },
      {
        role: 'assistant',
        content: [
          { type: 'text', text: 'Reading.' },
          { type: 'tool-call', id: 'call-1', name: 'read_file', args: { path: 'a.ts' } },
        ],
      },
      {
        role: 'tool',
        content: [
          {
            type: 'tool-result',
            toolCallId: 'call-1',
            toolName: 'read_file',
            result: 'const a = 1;{"lines":3}',
          },
        ],
      },
      { role: 'user', content: 'Now explain it.' },
    ]);
  });

  it('skips messages left empty and unknown parts', () => {
    expect(toCoreMessages([user(new PromptTsxPart({})), assistant(), user(new TextPart(''))])).toEqual([]);
  });
});

describe('toRequestOptions', () => {
  const tool = { name: 'read_file', description: 'Reads a file', inputSchema: { type: 'object' } };

  it('maps tools and a required tool mode', () => {
    expect(toRequestOptions({ tools: [tool], toolMode: 2 })).toEqual({
      tools: [{ name: 'read_file', description: 'Reads a file', parameters: { type: 'object' } }],
      toolChoice: 'required',
    });
    expect(toRequestOptions({ tools: [tool], toolMode: 1 }).toolChoice).toBeUndefined();
    expect(toRequestOptions({ tools: [], toolMode: 2 })).toEqual({});
  });

  it('gives a tool without a schema an empty object schema', () => {
    const [mapped] = toRequestOptions({ tools: [{ name: 'now', description: '' }] }).tools ?? [];
    expect(mapped).toEqual({ name: 'now', parameters: { type: 'object', properties: {} } });
  });

  it('maps model options in either naming style and ignores bad values', () => {
    expect(
      toRequestOptions({
        modelOptions: { temperature: 0.2, top_p: 0.9, max_tokens: 500, stop: 'END', seed: 7 },
      }),
    ).toEqual({ temperature: 0.2, topP: 0.9, maxTokens: 500, stop: ['END'], seed: 7 });
    expect(toRequestOptions({ modelOptions: { maxTokens: 100, topP: 1 } })).toEqual({
      maxTokens: 100,
      topP: 1,
    });
    expect(toRequestOptions({ modelOptions: { temperature: 'hot', max_tokens: 0, stop: [1, ''] } })).toEqual(
      {},
    );
  });
});
