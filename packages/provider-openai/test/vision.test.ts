import { describe, expect, it } from 'vitest';
import { chatModel, failureOf, useFakeServer } from './helpers.js';

const fake = useFakeServer();
const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]);

describe('vision', () => {
  it('sends image bytes as a data URL with the detail hint', async () => {
    await chatModel(fake.server, 'gpt-4o').generate({
      messages: [
        {
          role: 'user',
          content: [
            { type: 'text', text: 'What is this?' },
            { type: 'image', image: { kind: 'bytes', data: png, mimeType: 'image/png' }, detail: 'low' },
          ],
        },
      ],
    });
    const sent = fake.server.lastChatRequest()?.messages[0];
    expect(sent?.text).toBe('What is this?');
    expect(sent?.images).toEqual([{ mimeType: 'image/png', base64: Buffer.from(png).toString('base64') }]);
    const body = fake.server.lastRequestTo('/chat/completions')?.body as {
      messages: Array<{ content: Array<{ type: string; image_url?: { detail?: string } }> }>;
    };
    expect(body.messages[0]?.content[1]?.image_url?.detail).toBe('low');
  });

  it('sends image URLs as they are', async () => {
    await chatModel(fake.server, 'gpt-4o-mini').generate({
      messages: [
        {
          role: 'user',
          content: [{ type: 'image', image: { kind: 'url', url: 'https://example.com/cat.jpg' } }],
        },
      ],
    });
    expect(fake.server.lastChatRequest()?.messages[0]?.images).toEqual([
      { url: 'https://example.com/cat.jpg' },
    ]);
  });

  it.each([
    ['openai', 'gpt-3.5-turbo'],
    ['openai', 'o3-mini'],
    ['deepseek', 'deepseek-chat'],
    ['groq', 'llama-3.3-70b-versatile'],
  ])(
    'refuses an image for %s/%s, which has no vision, before sending anything',
    async (providerId, modelId) => {
      const error = await failureOf(
        chatModel(fake.server, modelId, providerId).generate({
          messages: [
            {
              role: 'user',
              content: [{ type: 'image', image: { kind: 'url', url: 'https://example.com/a.png' } }],
            },
          ],
        }),
      );
      expect(error.kind).toBe('invalid-request');
      expect(error.message).toContain('cannot read images');
      expect(error.hint).toMatch(/vision/);
      expect(error.fallbackMayHelp).toBe(true);
      expect(fake.server.requests).toHaveLength(0);
    },
  );

  it('lets an image through to a model it knows nothing about', async () => {
    await chatModel(fake.server, 'some-new-model').generate({
      messages: [
        { role: 'user', content: [{ type: 'image', image: { kind: 'url', url: 'https://x.test/a.png' } }] },
      ],
    });
    expect(fake.server.requests).toHaveLength(1);
  });
});
