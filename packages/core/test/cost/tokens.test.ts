import { readdir, readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { countTokens, encodeChat } from 'gpt-tokenizer/encoding/o200k_base';
import { describe, expect, it } from 'vitest';
import {
  approximateTokens,
  countPromptTokens,
  encodingFor,
  estimatePromptTokens,
  estimatePromptTokensAsNeeded,
  IMAGE_TOKENS,
  isOpenAiFamily,
  LOW_DETAIL_IMAGE_TOKENS,
} from '../../src/cost/index.js';
import type { ChatRequest } from '../../src/types/request.js';

const FOX = 'The quick brown fox jumps over the lazy dog.'; // 10 tokens in o200k_base and cl100k_base
const TERSE = 'You are terse.'; // 4 tokens

const chat: ChatRequest = {
  messages: [
    { role: 'system', content: TERSE },
    { role: 'user', content: FOX },
  ],
};

describe('estimatePromptTokens with the real OpenAI tokenizer', () => {
  it('counts text + 3 per message + role + 3 for the reply, as the OpenAI cookbook does', async () => {
    // 3 priming + (3 + "system" 1 + 4) + (3 + "user" 1 + 10)
    expect(await estimatePromptTokens(chat, 'openai/gpt-4o')).toBe(25);
    // Cross-check against gpt-tokenizer's own chat encoding.
    expect(
      encodeChat([...chat.messages] as Array<{ role: 'system' | 'user'; content: string }>, 'gpt-4o'),
    ).toHaveLength(25);
  });

  it('picks o200k_base or cl100k_base by model', async () => {
    const cjk: ChatRequest = { messages: [{ role: 'user', content: 'こんにちは世界' }] };
    // "こんにちは世界" is 2 tokens in o200k_base and 4 in cl100k_base; framing is 3 + 1 + 3.
    expect(await estimatePromptTokens(cjk, 'openai/gpt-4o-mini')).toBe(7 + 2);
    expect(await estimatePromptTokens(cjk, 'openai/gpt-4')).toBe(7 + 4);
    expect(await estimatePromptTokens(cjk, 'openai/gpt-3.5-turbo')).toBe(7 + 4);
    expect(await estimatePromptTokens(cjk, 'openrouter/openai/o3-mini')).toBe(7 + 2);
  });

  it('counts text that looks like a special token as plain text instead of throwing', async () => {
    const request: ChatRequest = { messages: [{ role: 'user', content: '<|endoftext|>' }] };
    expect(await estimatePromptTokens(request, 'openai/gpt-4o')).toBe(7 + 7);
  });

  it('counts tool definitions as their JSON', async () => {
    const tools = [
      {
        name: 'get_weather',
        description: 'Weather for a city',
        parameters: { type: 'object', properties: { city: { type: 'string' } }, required: ['city'] },
      },
    ];
    const withTools = await estimatePromptTokens({ ...chat, tools }, 'openai/gpt-4o');
    expect(withTools).toBe(25 + countTokens(JSON.stringify(tools)));
  });

  it('counts tool calls and tool results in the conversation', async () => {
    const request: ChatRequest = {
      messages: [
        { role: 'assistant', content: [{ type: 'tool-call', id: 'c1', name: 'lookup', args: { q: 'fox' } }] },
        {
          role: 'tool',
          content: [{ type: 'tool-result', toolCallId: 'c1', toolName: 'lookup', result: FOX }],
        },
      ],
    };
    const expected =
      3 +
      (3 + countTokens('assistant') + countTokens('lookup') + countTokens('{"q":"fox"}')) +
      (3 + countTokens('tool') + countTokens(JSON.stringify(FOX)));
    expect(await estimatePromptTokens(request, 'openai/gpt-4o')).toBe(expected);
  });
});

describe('estimatePromptTokens without a tokenizer', () => {
  it('approximates ceil(chars / 4) plus the same framing for other providers', async () => {
    const request: ChatRequest = { messages: [{ role: 'user', content: 'x'.repeat(40) }] };
    // 3 priming + 3 per message + "user" (4 chars -> 1) + 40 chars -> 10
    expect(await estimatePromptTokens(request, 'anthropic/claude-sonnet-4-5')).toBe(17);
    expect(await estimatePromptTokens(request, 'ollama/llama3.2')).toBe(17);
  });

  it('approximateTokens: a quarter per ASCII character, one per other character', () => {
    expect(approximateTokens('')).toBe(0);
    expect(approximateTokens('abcd')).toBe(1);
    expect(approximateTokens('abcde')).toBe(2);
    expect(approximateTokens('こんにちは世界')).toBe(7);
  });

  it('counts tools for other providers too', async () => {
    const tools = [{ name: 't', parameters: { type: 'object' } }];
    const without = await estimatePromptTokens(chat, 'anthropic/claude-sonnet-4-5');
    const withTools = await estimatePromptTokens({ ...chat, tools }, 'anthropic/claude-sonnet-4-5');
    expect(withTools - without).toBe(Math.ceil(JSON.stringify(tools).length / 4));
  });
});

describe('images', () => {
  const image = { kind: 'url' as const, url: 'https://example.com/cat.png' };
  const request: ChatRequest = {
    messages: [
      {
        role: 'user',
        content: [
          { type: 'text', text: FOX },
          { type: 'image', image },
          { type: 'image', image, detail: 'low' },
        ],
      },
    ],
  };
  const textOnly: ChatRequest = { messages: [{ role: 'user', content: FOX }] };

  it.each(['openai/gpt-4o', 'anthropic/claude-sonnet-4-5'])('%s: a fixed estimate per image', async (id) => {
    const difference = (await estimatePromptTokens(request, id)) - (await estimatePromptTokens(textOnly, id));
    expect(difference).toBe(IMAGE_TOKENS + LOW_DETAIL_IMAGE_TOKENS);
    expect(IMAGE_TOKENS).toBe(765);
  });
});

describe('model family detection', () => {
  it.each([
    ['openai', 'whatever-deployment', true],
    ['azure', 'my-gpt-deploy', true],
    ['openrouter', 'openai/gpt-4o', true],
    ['groq', 'openai/gpt-oss-120b', true],
    ['github', 'o4-mini', true],
    ['anthropic', 'claude-sonnet-4-5', false],
    ['ollama', 'llama3.2', false],
  ])('%s/%s -> %s', (provider, model, expected) => {
    expect(isOpenAiFamily(provider, model)).toBe(expected);
  });

  it.each([
    ['gpt-4', 'cl100k_base'],
    ['gpt-4-turbo', 'cl100k_base'],
    ['gpt-4-0613', 'cl100k_base'],
    ['gpt-3.5-turbo', 'cl100k_base'],
    ['gpt-4o', 'o200k_base'],
    ['gpt-4.1-mini', 'o200k_base'],
    ['gpt-5', 'o200k_base'],
    ['o3', 'o200k_base'],
  ])('%s uses %s', (model, encoding) => {
    expect(encodingFor(model)).toBe(encoding);
  });
});

describe('start-up cost', () => {
  it('no cost module imports gpt-tokenizer statically (it must load on first use)', async () => {
    const folder = fileURLToPath(new URL('../../src/cost/', import.meta.url));
    const files = (await readdir(folder)).filter((name) => name.endsWith('.ts'));
    expect(files.length).toBeGreaterThan(5);
    for (const name of files) {
      const source = await readFile(folder + name, 'utf8');
      expect(source, name).not.toMatch(/^\s*import\s[^(]*from\s+['"]gpt-tokenizer/m);
      expect(source, name).not.toMatch(/^\s*export\s[^(]*from\s+['"]gpt-tokenizer/m);
    }
  });
});

describe('estimatePromptTokensAsNeeded: the tokenizer only where it can change a decision', () => {
  const approximate = countPromptTokens(chat, approximateTokens);

  it('approximates when even four times the estimate fits the context window', () => {
    expect(estimatePromptTokensAsNeeded(chat, 'openai/gpt-4o', { contextWindow: 128_000 })).toBe(approximate);
    expect(estimatePromptTokensAsNeeded(chat, 'openai/gpt-4o')).toBe(approximate);
  });

  it('counts exactly when asked to (a budget applies)', async () => {
    expect(await estimatePromptTokensAsNeeded(chat, 'openai/gpt-4o', { exact: true })).toBe(25);
  });

  it('counts exactly when the prompt might not fit, the requested output included', async () => {
    expect(
      await estimatePromptTokensAsNeeded(chat, 'openai/gpt-4o', { contextWindow: approximate * 4 - 1 }),
    ).toBe(25);
    const long = { ...chat, maxTokens: 1000 };
    expect(await estimatePromptTokensAsNeeded(long, 'openai/gpt-4o', { contextWindow: 1000 })).toBe(25);
  });

  it('the bound holds: the exact count is never more than four times the approximation', () => {
    const nasty = [
      '1,2,3,4,5,6,7,8,9,0;'.repeat(50),
      '{"a":[1,{"b":null}],"c":"\\u0000"}'.repeat(30),
      '!@#$%^&*()_+-=[]{}|;:\'",.<>/?`~'.repeat(40),
      'x y z a b c '.repeat(100),
      '日本語のテキスト と emoji 🎉🎉🎉 mixed'.repeat(20),
    ];
    for (const text of nasty) expect(countTokens(text)).toBeLessThanOrEqual(4 * approximateTokens(text));
  });
});
