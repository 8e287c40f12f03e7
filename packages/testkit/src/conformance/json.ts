import { describe, expect, it } from 'vitest';
import { itIfSupported, type ScriptedContext } from './context.js';
import { ask, PERSON_SCHEMA } from './fixtures.js';

/** Structured output: the JSON flag, and the schema when there is one, reach the server. */
export function describeJson(ctx: ScriptedContext): void {
  const { supports } = ctx.target;

  describe('json', () => {
    itIfSupported(
      ctx,
      supports.json,
      'JSON mode reaches the server and the JSON text comes back',
      async () => {
        ctx.server.reply({ text: '{"ok":true}' });
        const result = await (await ctx.chat()).generate(
          ask('Answer in JSON.', { responseFormat: { type: 'json' } }),
        );
        expect(JSON.parse(result.text)).toEqual({ ok: true });
        expect(ctx.lastChat().json).toBe(true);
      },
    );

    itIfSupported(ctx, supports.jsonSchema ?? supports.json, 'a JSON schema reaches the server', async () => {
      ctx.server.reply({ text: '{"name":"Ada","age":36}' });
      await (await ctx.chat()).generate(
        ask('Who wrote the first program?', {
          responseFormat: { type: 'json', schema: structuredClone(PERSON_SCHEMA), name: 'person' },
        }),
      );
      const sent = ctx.lastChat();
      expect(sent.json).toBe(true);
      // Providers may tighten a schema (OpenAI's strict mode adds additionalProperties: false).
      expect(sent.jsonSchema).toMatchObject(PERSON_SCHEMA);
    });

    it('a plain request does not ask for JSON', async () => {
      ctx.server.reply({ text: 'plain' });
      await (await ctx.chat()).generate(ask('Hello.'));
      expect(ctx.lastChat().json ?? false).toBe(false);
    });
  });
}
