import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parsePluginManifest } from '@switchboard/core';
import { describe, expect, it } from 'vitest';
import { expectModelInfo } from './checks.js';
import { type ConformanceContext, itIfSupported, itWhen, type ScriptedContext } from './context.js';
import { PNG_BASE64 } from './fixtures.js';

/** The plugin as a host sees it: it loads, its manifest is honest, its static list is usable. */
export function describePlugin(ctx: ConformanceContext): void {
  describe('plugin', () => {
    it(`loads through the registry and serves "${ctx.target.providerId}"`, async () => {
      const status = ctx.registry.list().find((plugin) => plugin.name === ctx.target.plugin.name);
      expect(status?.status, status?.reason).toBe('loaded');
      expect(ctx.registry.providerIds()).toContain(ctx.target.providerId);
      expect(ctx.provider.displayName.length).toBeGreaterThan(0);
    });

    itWhen(
      ctx.target.packageDir !== undefined,
      'the target gives no packageDir',
      'package.json\'s "switchboard" manifest lists every provider id the plugin serves',
      async () => {
        const file = path.join(ctx.target.packageDir ?? '', 'package.json');
        const pkg = JSON.parse(await readFile(file, 'utf8')) as { name?: string; switchboard?: unknown };
        const manifest = parsePluginManifest(pkg.switchboard, pkg.name ?? file);
        if (!manifest.ok) expect.fail(manifest.reason);
        const listed = manifest.value.providers.map((provider) => provider.id).sort();
        expect(listed, 'discovery only knows the ids in the manifest').toEqual(
          ctx.target.plugin.providers.map((provider) => provider.id).sort(),
        );
        expect(manifest.value.apiVersion).toBe(ctx.target.plugin.apiVersion);
      },
    );

    it('the static model list holds valid ModelInfo entries with bare ids', async () => {
      const models = await ctx.registry.listModels(ctx.target.providerId);
      for (const model of models) expectModelInfo(model.info, ctx.target.providerId);
    });
  });
}

/** The live model list, and the model kinds besides chat. */
export function describeModels(ctx: ScriptedContext): void {
  const { supports } = ctx.target;

  describe('models', () => {
    itIfSupported(
      ctx,
      supports.liveModelList,
      'listModels({ live: true }) asks the server and returns ModelInfo',
      async () => {
        const models = await ctx.registry.listModels(ctx.target.providerId, { live: true });
        expect(ctx.server.requests.length, 'the live list came from the server').toBeGreaterThan(0);
        expect(models.length).toBeGreaterThan(0);
        for (const model of models) {
          expect(model.provider).toBe(ctx.target.providerId);
          expectModelInfo(model.info, ctx.target.providerId);
        }
      },
    );

    itIfSupported(ctx, supports.embeddings, 'embeddings come back, one vector per input', async () => {
      const vectors = [
        [0.1, 0.2, 0.3],
        [0.4, 0.5, 0.6],
      ];
      ctx.server.reply({ embeddings: vectors, usage: { inputTokens: 4, outputTokens: 0 } });
      const result = await (await ctx.embedding()).embed(['hello', 'world']);
      expect(result.embeddings).toEqual(vectors);
      expect(ctx.server.requests).toHaveLength(1);
    });

    itIfSupported(ctx, supports.imageGeneration, 'image generation returns the image bytes', async () => {
      ctx.server.reply({ images: [{ b64: PNG_BASE64, revisedPrompt: 'A tiny red square.' }] });
      const result = await (await ctx.image()).generate({ prompt: 'a red square', size: '1024x1024' });
      expect(result.images).toHaveLength(1);
      expect(Buffer.from(result.images[0]?.data ?? []).toString('base64')).toBe(PNG_BASE64);
      expect(result.images[0]?.mimeType).toMatch(/^image\//);
    });

    itIfSupported(ctx, supports.speech, 'speech returns the audio bytes', async () => {
      const audio = new Uint8Array([73, 68, 51, 4, 0, 0, 0, 0, 0, 1, 2, 3]);
      ctx.server.reply({ audio });
      const result = await (await ctx.speech()).synthesize({ text: 'Hello.', format: 'mp3' });
      expect([...result.audio]).toEqual([...audio]);
      expect(result.mimeType).toMatch(/^audio\//);
    });
  });
}
