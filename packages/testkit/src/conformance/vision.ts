import { describe, expect } from 'vitest';
import { captureError, expectSwitchboardError } from './checks.js';
import { itIfSupported, itWhen, type ScriptedContext } from './context.js';
import { IMAGE_URL, PNG_BASE64, PNG_BYTES } from './fixtures.js';

/** Images in user messages: bytes and URLs reach the server; a text-only model refuses them. */
export function describeVision(ctx: ScriptedContext): void {
  const { supports } = ctx.target;

  describe('vision', () => {
    itIfSupported(
      ctx,
      supports.vision,
      'image bytes reach the server as base64 with their MIME type',
      async () => {
        ctx.server.reply({ text: 'A single pixel.' });
        const result = await (await ctx.chat()).generate({
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
        const [message] = ctx.lastChat().messages;
        expect(message?.text).toBe('What is in this image?');
        expect(message?.images).toEqual([{ base64: PNG_BASE64, mimeType: 'image/png' }]);
      },
    );

    itIfSupported(
      ctx,
      supports.vision && supports.imageUrls,
      'image URLs reach the server as URLs',
      async () => {
        ctx.server.reply({ text: 'A cat.' });
        await (await ctx.chat()).generate({
          messages: [
            {
              role: 'user',
              content: [
                { type: 'text', text: 'Describe it.' },
                { type: 'image', image: { kind: 'url', url: IMAGE_URL } },
              ],
            },
          ],
        });
        expect(ctx.lastChat().messages[0]?.images).toEqual([{ url: IMAGE_URL }]);
      },
    );

    itWhen(
      ctx.target.textOnlyChatModel !== undefined,
      'the target names no textOnlyChatModel',
      'a model without vision refuses an image with invalid-request, before calling the server',
      async () => {
        const model = await ctx.chat(ctx.target.textOnlyChatModel);
        const error = await captureError(() =>
          model.generate({
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
        expectSwitchboardError(error, 'invalid-request');
        expect(error.message).toMatch(/image|vision/i);
        expect(ctx.server.requests, 'nothing was sent to the server').toHaveLength(0);
      },
    );
  });
}
