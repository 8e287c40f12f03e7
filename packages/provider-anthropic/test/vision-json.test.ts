import { fakeModel } from '@switchboard/testkit';
import { describe, expect, it } from 'vitest';
import { anthropicProvider } from '../src/index.js';
import { ask, failure, PNG_BASE64, PNG_BYTES, useFakeAnthropic } from './helpers.js';

const fake = useFakeAnthropic();

const PERSON = {
  type: 'object',
  properties: { name: { type: 'string' }, age: { type: 'integer', minimum: 0 } },
  required: ['name', 'age'],
};

describe('vision', () => {
  it('sends image bytes as a base64 source with their media type', async () => {
    fake.server.reply({ text: 'A single pixel.' });
    const result = await fake.model().generate({
      messages: [
        {
          role: 'user',
          content: [
            { type: 'text', text: 'What is in this image?' },
            { type: 'image', image: { kind: 'bytes', data: PNG_BYTES, mimeType: 'image/png' } },
          ],
        },
      ],
    });
    expect(result.text).toBe('A single pixel.');
    const [message] = fake.server.lastChatRequest()?.messages ?? [];
    expect(message?.text).toBe('What is in this image?');
    expect(message?.images).toEqual([{ base64: PNG_BASE64, mimeType: 'image/png' }]);
  });

  it('sends image URLs as url sources, and data: URLs as the bytes they hold', async () => {
    fake.server.reply({ text: 'Two images.' });
    await fake.model().generate({
      messages: [
        {
          role: 'user',
          content: [
            { type: 'image', image: { kind: 'url', url: 'https://example.com/cat.png' } },
            { type: 'image', image: { kind: 'url', url: `data:image/png;base64,${PNG_BASE64}` } },
          ],
        },
      ],
    });
    expect(fake.server.lastChatRequest()?.messages[0]?.images).toEqual([
      { url: 'https://example.com/cat.png' },
      { base64: PNG_BASE64, mimeType: 'image/png' },
    ]);
  });

  it('refuses an image type Anthropic does not take, before sending', async () => {
    const error = await failure(() =>
      fake.model().generate({
        messages: [
          {
            role: 'user',
            content: [{ type: 'image', image: { kind: 'bytes', data: PNG_BYTES, mimeType: 'image/bmp' } }],
          },
        ],
      }),
    );
    expect(error.kind).toBe('invalid-request');
    expect(error.message).toContain('image/bmp');
    expect(fake.server.requests).toHaveLength(0);
  });

  it('a model the Models API reports without image input refuses images before sending', async () => {
    fake.server.setModels([fakeModel('claude-text-only', { vision: false }), fakeModel('claude-sonnet-5-5')]);
    const listed = await anthropicProvider.listModels({ settings: fake.settings() }, { live: true });
    expect(listed.find((m) => m.id === 'claude-text-only')?.capabilities.vision).toBe(false);
    fake.server.reset();
    const error = await failure(() =>
      fake.model('claude-text-only').generate({
        messages: [
          {
            role: 'user',
            content: [
              { type: 'text', text: 'What is this?' },
              { type: 'image', image: { kind: 'bytes', data: PNG_BYTES, mimeType: 'image/png' } },
            ],
          },
        ],
      }),
    );
    expect(error.kind).toBe('invalid-request');
    expect(error.message).toMatch(/images|vision/);
    expect(fake.server.requests).toHaveLength(0);
    // Text alone still goes through.
    fake.server.reply({ text: 'Text is fine.' });
    expect((await fake.model('claude-text-only').generate(ask('Hi.'))).text).toBe('Text is fine.');
  });
});

describe('JSON output', () => {
  it('a schema goes out as native structured output (output_config.format), tightened by the SDK', async () => {
    fake.server.reply({ text: '{"name":"Ada","age":36}' });
    const result = await fake.model().generate(
      ask('Who wrote the first program?', {
        responseFormat: { type: 'json', schema: structuredClone(PERSON) },
      }),
    );
    expect(JSON.parse(result.text)).toEqual({ name: 'Ada', age: 36 });
    const sent = fake.server.lastChatRequest();
    expect(sent?.json).toBe(true);
    expect(sent?.jsonSchema).toMatchObject({
      type: 'object',
      additionalProperties: false,
      required: ['name', 'age'],
      properties: { name: { type: 'string' }, age: { type: 'integer' } },
    });
    // Constraints structured outputs do not support move into the description.
    expect(JSON.stringify(sent?.jsonSchema)).toContain('minimum');
    expect(fake.lastBody()).not.toHaveProperty('tools');
  });

  it('without a schema, JSON is asked for in the system prompt, with a warning', async () => {
    fake.server.reply({ text: '{"ok":true}' });
    const result = await fake.model().generate({
      messages: [
        { role: 'system', content: 'Be helpful.' },
        { role: 'user', content: 'Answer in JSON.' },
      ],
      responseFormat: { type: 'json' },
    });
    expect(JSON.parse(result.text)).toEqual({ ok: true });
    const system = fake.lastBody().system as Array<{ text: string }>;
    expect(system[0]?.text).toBe('Be helpful.');
    expect(system[1]?.text).toMatch(/JSON/);
    expect(fake.lastBody()).not.toHaveProperty('output_config');
    expect(result.warnings).toEqual([{ type: 'other', message: expect.stringContaining('schema') }]);
  });

  it('a plain request asks for no JSON', async () => {
    fake.server.reply({ text: 'plain' });
    await fake.model().generate(ask('Hello.'));
    expect(fake.server.lastChatRequest()?.json ?? false).toBe(false);
  });
});
