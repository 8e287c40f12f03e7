import type { ModelStreamEvent } from '@switchboard/core';
import { describe, expect, it } from 'vitest';
import { collect, failure, lastBody, textOf, useOllama } from './helpers.js';

const hello = { messages: [{ role: 'user' as const, content: 'Hello?' }] };

describe('ollama chat', () => {
  const ollama = useOllama();

  it('generates text with usage, finish reason and metadata', async () => {
    ollama.server.reply({ text: 'Hi there.', usage: { inputTokens: 26, outputTokens: 4 } });
    const result = await ollama.chat().generate(hello);
    expect(result).toMatchObject({
      text: 'Hi there.',
      toolCalls: [],
      usage: { inputTokens: 26, outputTokens: 4 },
      finishReason: 'stop',
      metadata: { model: 'llama3.2', doneReason: 'stop', totalDurationMs: 182 },
    });
    const sent = ollama.server.lastChatRequest();
    expect(sent).toMatchObject({ model: 'llama3.2', stream: false });
    expect(sent?.messages).toEqual([
      { role: 'user', text: 'Hello?', images: [], toolCalls: [], toolResults: [] },
    ]);
  });

  it('streams text deltas, then metadata, exactly one usage and the finish', async () => {
    ollama.server.reply({ text: 'One two three', usage: { inputTokens: 9, outputTokens: 3 } });
    const events = await collect(ollama.chat().stream(hello));
    expect(events.filter((e) => e.type === 'text-delta').map((e) => e.text)).toEqual([
      'One',
      ' two',
      ' three',
    ]);
    expect(events.slice(-3).map((e) => e.type)).toEqual(['metadata', 'usage', 'finish']);
    expect(events.filter((e) => e.type === 'usage')).toEqual([
      { type: 'usage', usage: { inputTokens: 9, outputTokens: 3 } },
    ]);
    expect(events.at(-1)).toEqual({ type: 'finish', reason: 'stop' });
    expect(ollama.server.lastChatRequest()?.stream).toBe(true);
  });

  it('sends the system prompt and a multi-turn history in order', async () => {
    await ollama.chat().generate({
      messages: [
        { role: 'system', content: 'Be terse.' },
        { role: 'user', content: 'Why is the sky blue?' },
        { role: 'assistant', content: [{ type: 'text', text: 'Rayleigh scattering.' }] },
        {
          role: 'user',
          content: [
            { type: 'text', text: 'And ' },
            { type: 'text', text: 'sunsets?' },
          ],
        },
      ],
    });
    const sent = ollama.server.lastChatRequest();
    expect(sent?.system).toBe('Be terse.');
    expect(sent?.messages.map((m) => [m.role, m.text])).toEqual([
      ['user', 'Why is the sky blue?'],
      ['assistant', 'Rayleigh scattering.'],
      ['user', 'And sunsets?'],
    ]);
    const body = ollama.server.requests.at(-1)?.body as { messages: Array<{ role: string }> };
    expect(body.messages[0]?.role).toBe('system');
  });

  it('maps sampling options to Ollama options', async () => {
    await ollama
      .chat()
      .generate({ ...hello, temperature: 0.2, topP: 0.9, maxTokens: 64, stop: ['END'], seed: 7 });
    expect(ollama.server.lastChatRequest()).toMatchObject({
      temperature: 0.2,
      topP: 0.9,
      maxTokens: 64,
      stop: ['END'],
    });
    const body = ollama.server.requests.at(-1)?.body as { options: Record<string, unknown> };
    expect(body.options.seed).toBe(7);
  });

  it('passes extra Modelfile options and keep_alive from providerOptions.ollama', async () => {
    await ollama.chat().generate({
      ...hello,
      maxTokens: 10,
      providerOptions: { ollama: { options: { num_ctx: 8192 }, keep_alive: '10m' } },
    });
    const body = ollama.server.requests.at(-1)?.body as Record<string, unknown>;
    expect(body.options).toEqual({ num_predict: 10, num_ctx: 8192 });
    expect(body.keep_alive).toBe('10m');
  });

  it('asks for JSON with format "json", or with the schema itself', async () => {
    ollama.server.reply({ text: '{"age":22}' }, { text: '{"age":22}' });
    const plain = await ollama.chat().generate({ ...hello, responseFormat: { type: 'json' } });
    expect(JSON.parse(plain.text)).toEqual({ age: 22 });
    expect(ollama.server.lastChatRequest()).toMatchObject({ json: true });
    expect(ollama.server.lastChatRequest()?.jsonSchema).toBeUndefined();

    const schema = { type: 'object', properties: { age: { type: 'integer' } }, required: ['age'] };
    await ollama.chat().generate({ ...hello, responseFormat: { type: 'json', schema } });
    expect(ollama.server.lastChatRequest()).toMatchObject({ json: true, jsonSchema: schema });
  });

  it('sends think and turns message.thinking into reasoning, streamed and not', async () => {
    ollama.server.reply(
      { reasoning: 'Let me think. Done.', text: 'Answer.' },
      { reasoning: 'Hmm.', text: 'Answer.' },
    );
    const chat = ollama.chat('qwen3:8b');
    const events = await collect(chat.stream({ ...hello, providerOptions: { ollama: { think: true } } }));
    const reasoning = events.filter((e) => e.type === 'reasoning-delta').map((e) => e.text);
    expect(reasoning.join('')).toBe('Let me think. Done.');
    expect(reasoning.length).toBeGreaterThan(1);
    expect(textOf(events)).toBe('Answer.');
    // Reasoning comes before the answer, as Ollama sends it.
    const firstText = events.findIndex((e) => e.type === 'text-delta');
    expect(events.findIndex((e) => e.type === 'reasoning-delta')).toBeLessThan(firstText);
    expect(lastBody(ollama.server).think).toBe(true);

    const result = await chat.generate({ ...hello, providerOptions: { ollama: { think: 'high' } } });
    expect(result.reasoning).toBe('Hmm.');
    expect(lastBody(ollama.server).think).toBe('high');
  });

  it('maps done_reason "length" to a length finish', async () => {
    ollama.server.reply({ text: 'Cut', finish: 'length' }, { text: 'Cut', finish: 'length' });
    expect((await ollama.chat().generate(hello)).finishReason).toBe('length');
    const events = await collect(ollama.chat().stream(hello));
    expect(events.at(-1)).toEqual({ type: 'finish', reason: 'length' });
  });

  it('warns about what Ollama cannot honour instead of dropping it silently', async () => {
    const tools = [{ name: 'lookup', parameters: { type: 'object', properties: {} } }];
    const events = await collect(
      ollama.chat().stream({
        ...hello,
        tools,
        toolChoice: 'required',
        providerOptions: { ollama: { temprature: 1 } },
      }),
    );
    const warnings = events.filter(
      (e): e is Extract<ModelStreamEvent, { type: 'warning' }> => e.type === 'warning',
    );
    expect(warnings.map((w) => w.warning)).toEqual([
      { type: 'other', message: 'providerOptions.ollama.temprature is not an Ollama option; ignored.' },
      expect.objectContaining({ type: 'unsupported-option', option: 'toolChoice' }),
    ]);
    const result = await ollama
      .chat()
      .generate({ ...hello, tools, toolChoice: { type: 'tool', name: 'lookup' } });
    expect(result.warnings).toEqual([expect.objectContaining({ option: 'toolChoice' })]);
  });

  it('rejects a malformed providerOptions.ollama before sending', async () => {
    const error = await failure(() =>
      ollama.chat().generate({ ...hello, providerOptions: { ollama: { think: 'very' } } }),
    );
    expect(error.kind).toBe('invalid-request');
    expect(error.message).toContain('think must be');
    expect(ollama.server.requests).toHaveLength(0);
  });

  it('passes per-call headers through', async () => {
    await ollama.chat().generate(hello, { headers: { 'x-trace': 'abc' } });
    expect(ollama.server.requests.at(-1)?.headers['x-trace']).toBe('abc');
  });
});
