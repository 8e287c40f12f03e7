import { describe, expect, it } from 'vitest';
import { chatModel, collect, useFakeServer } from './helpers.js';

const fake = useFakeServer();
const schema = { type: 'object', properties: { answer: { type: 'number' } }, required: ['answer'] };
const messages = [{ role: 'user' as const, content: 'Answer in JSON: 2+2' }];

describe('JSON output', () => {
  it('sends a schema as response_format json_schema', async () => {
    fake.server.reply({ text: '{"answer":4}' });
    const result = await chatModel(fake.server).generate({
      messages,
      responseFormat: { type: 'json', schema, name: 'sum', description: 'The sum' },
    });
    expect(JSON.parse(result.text)).toEqual({ answer: 4 });
    expect(fake.server.lastRequestTo('/chat/completions')?.body).toMatchObject({
      response_format: { type: 'json_schema', json_schema: { name: 'sum', description: 'The sum', schema } },
    });
    expect(fake.server.lastChatRequest()).toMatchObject({ json: true, jsonSchema: schema });
  });

  it('asks for json_object without a schema', async () => {
    await collect(chatModel(fake.server).stream({ messages, responseFormat: { type: 'json' } }));
    expect(fake.server.lastRequestTo('/chat/completions')?.body).toMatchObject({
      response_format: { type: 'json_object' },
    });
    expect(fake.server.lastChatRequest()?.jsonSchema).toBeUndefined();
  });

  it('falls back to json_object with a warning where the service takes no schema (DeepSeek)', async () => {
    const result = await chatModel(fake.server, 'deepseek-chat', 'deepseek').generate({
      messages,
      responseFormat: { type: 'json', schema },
    });
    expect(fake.server.lastRequestTo('/chat/completions')?.body).toMatchObject({
      response_format: { type: 'json_object' },
    });
    expect(result.warnings).toEqual([
      expect.objectContaining({ type: 'unsupported-option', option: 'responseFormat' }),
    ]);
  });

  it('sends nothing for a text response format', async () => {
    await chatModel(fake.server).generate({ messages, responseFormat: { type: 'text' } });
    expect(fake.server.lastRequestTo('/chat/completions')?.body).not.toHaveProperty('response_format');
  });
});
