import { describe, expect, it } from 'vitest';
import { bodyOf, contextFor, failure, useFakeGemini } from './helpers.js';

const { server, provider } = useFakeGemini();

const PIXEL = Buffer.from('iVBORw0KGgoAAAANSUhEUg==', 'base64');

const imageModel = (model = 'gemini-2.5-flash-image') => {
  const made = provider().imageModel?.(model, contextFor(server));
  if (!made) throw new Error('the gemini provider has image models');
  return made;
};

type Body = {
  contents: Array<{ parts: Array<{ text?: string }> }>;
  generationConfig: Record<string, unknown>;
};

describe('image generation', () => {
  it('asks a Gemini image model for an IMAGE answer and decodes the inline image', async () => {
    server.reply({
      images: [{ b64: PIXEL.toString('base64') }],
      usage: { inputTokens: 9, outputTokens: 1290 },
    });
    const result = await imageModel().generate({ prompt: 'A red fox', size: '1536x1024' });
    expect(result.images).toEqual([{ data: new Uint8Array(PIXEL), mimeType: 'image/png' }]);
    expect(result.usage).toEqual({ inputTokens: 9, outputTokens: 1290 });
    expect(result.warnings).toBeUndefined();
    const body = bodyOf<Body>(server, 0);
    expect(server.requests[0]?.path).toBe('/v1/models/gemini-2.5-flash-image:generateContent');
    expect(body.contents[0]?.parts[0]?.text).toBe('A red fox');
    expect(body.generationConfig).toEqual({
      responseModalities: ['IMAGE'],
      imageConfig: { aspectRatio: '3:2' },
    });
  });

  it('makes n images with n requests', async () => {
    const b64 = PIXEL.toString('base64');
    server.reply({ images: [{ b64 }] }, { images: [{ b64 }] });
    const result = await imageModel().generate({ prompt: 'Two foxes', n: 2 });
    expect(result.images).toHaveLength(2);
    expect(server.requests).toHaveLength(2);
  });

  it('warns about the options Gemini has no counterpart for, and passes its own', async () => {
    server.reply({ images: [{ b64: PIXEL.toString('base64') }] });
    const result = await imageModel('gemini-3-pro-image-preview').generate({
      prompt: 'A fox',
      size: '1000x333',
      quality: 'high',
      background: 'transparent',
      outputFormat: 'webp',
      outputCompression: 50,
      moderation: 'low',
      providerOptions: { gemini: { imageSize: '2K', sharpness: 3 } },
    });
    expect(result.warnings?.map((w) => (w.type === 'unsupported-option' ? w.option : w.message))).toEqual([
      'size',
      'quality',
      'background',
      'outputFormat',
      'outputCompression',
      'moderation',
      'providerOptions.gemini.sharpness',
    ]);
    expect(bodyOf<Body>(server, 0).generationConfig.imageConfig).toEqual({ imageSize: '2K' });
  });

  it('reports an image stopped by the filter as content-filtered', async () => {
    server.contentFilter = { finishReason: 'IMAGE_SAFETY' };
    server.reply({ finish: 'content-filter' });
    const error = await failure(imageModel().generate({ prompt: 'Something bad' }));
    expect(error).toMatchObject({ kind: 'content-filtered', provider: 'gemini' });
    expect((error as Error).message).toContain('IMAGE_SAFETY');
  });

  it('reports an answer without an image, quoting what the model said', async () => {
    server.reply({ text: 'I can only describe foxes.' });
    const error = await failure(imageModel().generate({ prompt: 'A fox' }));
    expect(error).toMatchObject({ kind: 'invalid-response' });
    expect((error as Error).message).toContain('I can only describe foxes.');
  });
});
