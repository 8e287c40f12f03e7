import { FakeOllamaServer, type OllamaScriptedReply } from '@switchboard/testkit';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

/** The fake must speak Ollama's documented wire format, or the provider tests prove nothing. */
describe('FakeOllamaServer wire format', () => {
  let server: FakeOllamaServer;
  beforeEach(async () => {
    server = await new FakeOllamaServer().start();
  });
  afterEach(() => server.close());

  const post = (path: string, body: unknown) =>
    fetch(`${server.url}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });

  it('streams /api/chat as NDJSON by default, tool calls whole, done_reason stop', async () => {
    server.reply({ text: 'Hi you', toolCalls: [{ id: 'call_a1b2c3d4', name: 'f', args: { x: 1 } }] });
    const response = await post('/api/chat', { model: 'llama3.2', messages: [] });
    expect(response.headers.get('content-type')).toBe('application/x-ndjson');
    const lines = (await response.text())
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(lines.map((l) => (l.message as { content: string }).content)).toEqual(['Hi', ' you', '', '']);
    expect(lines[2]?.message).toEqual({
      role: 'assistant',
      content: '',
      tool_calls: [{ id: 'call_a1b2c3d4', function: { index: 0, name: 'f', arguments: { x: 1 } } }],
    });
    expect(lines.slice(0, 3).every((l) => l.done === false)).toBe(true);
    expect(lines[3]).toMatchObject({ done: true, done_reason: 'stop', prompt_eval_count: 12, eval_count: 2 });
    expect(typeof lines[3]?.eval_duration).toBe('number');
  });

  it('answers stream:false with one JSON object', async () => {
    server.reply({ text: 'Whole.', finish: 'length', usage: { inputTokens: 3, outputTokens: 2 } });
    const response = await post('/api/chat', { model: 'llama3.2', messages: [], stream: false });
    expect(await response.json()).toMatchObject({
      model: 'llama3.2',
      message: { role: 'assistant', content: 'Whole.' },
      done: true,
      done_reason: 'length',
      prompt_eval_count: 3,
      eval_count: 2,
    });
  });

  it('reads a chat body in neutral terms', async () => {
    await post('/api/chat', {
      model: 'llava',
      stream: false,
      format: 'json',
      options: { num_predict: 5, temperature: 0.1, top_p: 0.5, stop: ['x'] },
      tools: [{ type: 'function', function: { name: 'f', parameters: {} } }],
      messages: [
        { role: 'system', content: 'S' },
        { role: 'user', content: 'U', images: ['/9j/4AAQ'] },
        { role: 'assistant', content: '', tool_calls: [{ function: { name: 'f', arguments: { a: 1 } } }] },
        { role: 'tool', content: 'R', tool_name: 'f' },
      ],
    });
    expect(server.lastChatRequest()).toEqual({
      model: 'llava',
      stream: false,
      system: 'S',
      tools: ['f'],
      maxTokens: 5,
      temperature: 0.1,
      topP: 0.5,
      stop: ['x'],
      json: true,
      messages: [
        {
          role: 'user',
          text: 'U',
          images: [{ base64: '/9j/4AAQ', mimeType: 'image/jpeg' }],
          toolCalls: [],
          toolResults: [],
        },
        {
          role: 'assistant',
          text: '',
          images: [],
          toolCalls: [{ name: 'f', args: { a: 1 } }],
          toolResults: [],
        },
        { role: 'tool', text: '', images: [], toolCalls: [], toolResults: [{ name: 'f', content: 'R' }] },
      ],
    });
  });

  it('serves /api/tags, /api/show (404 in its own words), /api/version and the root', async () => {
    const tags = (await (await fetch(`${server.url}/api/tags`)).json()) as {
      models: Array<Record<string, unknown>>;
    };
    expect(tags.models[0]).toMatchObject({
      name: 'llama3.2:latest',
      model: 'llama3.2:latest',
      details: { family: 'llama', parameter_size: '3.2B', quantization_level: 'Q4_K_M' },
    });
    expect(tags.models[0]?.digest).toMatch(/^[0-9a-f]{64}$/);
    const show = await (await post('/api/show', { model: 'llama3.2' })).json();
    expect(show).toMatchObject({
      capabilities: ['completion', 'tools'],
      model_info: { 'general.architecture': 'llama', 'llama.context_length': 131072 },
    });
    const missing = await post('/api/show', { model: 'nope' });
    expect(missing.status).toBe(404);
    expect(await missing.json()).toEqual({ error: "model 'nope' not found" });
    expect(await (await fetch(`${server.url}/api/version`)).json()).toEqual({ version: '0.12.6' });
    expect(await (await fetch(`${server.url}/`)).text()).toBe('Ollama is running');
    expect((await fetch(`${server.url}/api/nothing`)).status).toBe(404);
  });

  it('renders errors in Ollama’s envelope, and a mid-stream error as a line', async () => {
    server.reply({ kind: 'error', status: 404 });
    const missing = await post('/api/chat', { model: 'llama9', messages: [] });
    expect(missing.status).toBe(404);
    expect(await missing.json()).toEqual({ error: 'model "llama9" not found, try pulling it first' });

    const step: OllamaScriptedReply = { text: 'a b c', midStreamError: { afterChunks: 1, message: 'boom' } };
    server.reply(step);
    const lines = (await (await post('/api/chat', { model: 'm', messages: [] })).text()).trim().split('\n');
    expect(lines).toHaveLength(2);
    expect(JSON.parse(lines[1] ?? '')).toEqual({ error: 'boom' });
  });

  it('embeds with /api/embed, one vector per input', async () => {
    const body = await (await post('/api/embed', { model: 'nomic-embed-text', input: ['a', 'bb'] })).json();
    expect(body).toMatchObject({ model: 'nomic-embed-text', prompt_eval_count: 2 });
    expect((body as { embeddings: number[][] }).embeddings).toHaveLength(2);
  });
});
