import { TINY_PNG_BASE64 } from '@switchboard/testkit';
import { describe, expect, it } from 'vitest';
import { failureOf, imageModel, useFakeServer } from './helpers.js';

const fake = useFakeServer();
const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47];

describe('image generation (gpt-image-1)', () => {
  it.each(['1024x1024', '1536x1024', '1024x1536', 'auto'])(
    'sends every option with size %s',
    async (size) => {
      const result = await imageModel(fake.server, 'gpt-image-1').generate({
        prompt: 'A lighthouse at dusk',
        n: 2,
        size,
        quality: 'high',
        background: 'transparent',
        outputFormat: 'webp',
        outputCompression: 80,
        moderation: 'low',
      });
      expect(fake.server.lastRequestTo('/images/generations')?.body).toEqual({
        model: 'gpt-image-1',
        prompt: 'A lighthouse at dusk',
        n: 2,
        size,
        quality: 'high',
        background: 'transparent',
        output_format: 'webp',
        output_compression: 80,
        moderation: 'low',
      });
      expect(result.images).toHaveLength(2);
      expect(result.images[0]?.mimeType).toBe('image/webp');
      expect(result.warnings).toBeUndefined();
    },
  );

  it('returns the image bytes, the revised prompt and the token usage', async () => {
    fake.server.reply({
      images: [{ b64: TINY_PNG_BASE64, revisedPrompt: 'A red lighthouse' }],
      usage: { inputTokens: 30, outputTokens: 1056 },
    });
    const result = await imageModel(fake.server, 'gpt-image-1').generate({ prompt: 'lighthouse' });
    expect(Array.from(result.images[0]?.data.slice(0, 4) ?? [])).toEqual(PNG_SIGNATURE);
    expect(result.images[0]?.mimeType).toBe('image/png');
    expect(result.revisedPrompt).toBe('A red lighthouse');
    expect(result.usage).toEqual({ inputTokens: 30, outputTokens: 1056 });
  });

  it('sends background opaque/auto, quality, moderation auto and jpeg compression', async () => {
    for (const background of ['opaque', 'auto'] as const) {
      await imageModel(fake.server, 'gpt-image-1').generate({
        prompt: 'p',
        background,
        quality: 'low',
        moderation: 'auto',
        outputFormat: 'jpeg',
        outputCompression: 0,
      });
      expect(fake.server.lastRequestTo('/images/generations')?.body).toMatchObject({
        background,
        quality: 'low',
        moderation: 'auto',
        output_format: 'jpeg',
        output_compression: 0,
      });
    }
  });

  it('warns instead of sending compression for png', async () => {
    const result = await imageModel(fake.server, 'gpt-image-1').generate({
      prompt: 'p',
      outputCompression: 50,
    });
    expect(fake.server.lastRequestTo('/images/generations')?.body).not.toHaveProperty('output_compression');
    expect(result.warnings).toEqual([expect.objectContaining({ option: 'outputCompression' })]);
  });

  it('refuses a compression outside 0-100 before sending', async () => {
    const error = await failureOf(
      imageModel(fake.server, 'gpt-image-1').generate({ prompt: 'p', outputCompression: 150 }),
    );
    expect(error.kind).toBe('invalid-request');
    expect(error.message).toContain('0 to 100');
    expect(fake.server.requests).toHaveLength(0);
  });

  it('asks DALL·E for base64 and warns about the gpt-image-only options', async () => {
    const result = await imageModel(fake.server, 'dall-e-3').generate({
      prompt: 'p',
      background: 'transparent',
      moderation: 'low',
    });
    const body = fake.server.lastRequestTo('/images/generations')?.body;
    expect(body).toMatchObject({ model: 'dall-e-3', response_format: 'b64_json' });
    expect(body).not.toHaveProperty('background');
    expect(result.warnings?.map((w) => (w.type === 'unsupported-option' ? w.option : ''))).toEqual([
      'background',
      'moderation',
    ]);
    expect(result.images).toHaveLength(1);
  });

  it('uses the Azure deployment path', async () => {
    await imageModel(fake.server, 'my-image-deployment', 'azure').generate({ prompt: 'p' });
    expect(fake.server.lastRequestTo('/images/generations')?.path).toBe(
      '/openai/deployments/my-image-deployment/images/generations',
    );
  });
});
