import { describe, expect, it } from 'vitest';
import { itIfSupported, type ScriptedContext } from './context.js';
import { ask } from './fixtures.js';

/** Plain text generation: what reaches the server, and what comes back. */
export function describeText(ctx: ScriptedContext): void {
  const { supports } = ctx.target;

  describe('text', () => {
    it('generate returns the text, usage and finish reason "stop" from one HTTP request', async () => {
      ctx.server.reply({ text: 'Hello there, friend.', usage: { inputTokens: 9, outputTokens: 4 } });
      const result = await (await ctx.chat()).generate(ask('Say hello.'));
      expect(result.text).toBe('Hello there, friend.');
      expect(result.finishReason).toBe('stop');
      expect(result.toolCalls).toEqual([]);
      expect(result.usage).toMatchObject({ inputTokens: 9, outputTokens: 4 });
      expect(ctx.server.requests).toHaveLength(1);
      const sent = ctx.lastChat();
      expect(sent.model).toContain(ctx.target.chatModel);
      expect(sent.stream).toBe(false);
      expect(sent.messages.map((m) => [m.role, m.text])).toEqual([['user', 'Say hello.']]);
    });

    itIfSupported(ctx, supports.systemPrompt, 'the system prompt reaches the server', async () => {
      ctx.server.reply({ text: 'Arr.' });
      await (await ctx.chat()).generate({
        messages: [
          { role: 'system', content: 'You are a pirate.' },
          { role: 'user', content: 'Greet me.' },
        ],
      });
      const sent = ctx.lastChat();
      expect(sent.system).toBe('You are a pirate.');
      expect(sent.messages.map((m) => [m.role, m.text])).toEqual([['user', 'Greet me.']]);
    });

    it('a multi-turn history reaches the server in order', async () => {
      ctx.server.reply({ text: 'Why did the chicken...' });
      await (await ctx.chat()).generate({
        messages: [
          { role: 'user', content: 'Hi there.' },
          { role: 'assistant', content: 'Hello! How can I help?' },
          { role: 'user', content: 'Tell me a joke.' },
        ],
      });
      expect(ctx.lastChat().messages.map((m) => [m.role, m.text])).toEqual([
        ['user', 'Hi there.'],
        ['assistant', 'Hello! How can I help?'],
        ['user', 'Tell me a joke.'],
      ]);
    });

    it('temperature, topP, maxTokens and stop reach the server, unless the model declares them unsupported', async () => {
      const options = { temperature: 0.25, topP: 0.5, maxTokens: 77, stop: ['END'] };
      const info = await ctx.registry.getModelInfo(`${ctx.target.providerId}/${ctx.target.chatModel}`);
      const unsupported = new Set<string>(info?.unsupportedOptions ?? []);
      ctx.server.reply({ text: 'ok' });
      const result = await (await ctx.chat()).generate(ask('Count to ten.', options));
      const received = ctx.lastChat() as unknown as Record<string, unknown>;
      for (const [name, value] of Object.entries(options)) {
        if (unsupported.has(name)) {
          // A declared gap is fine, a silent one is not: the option stays off the wire and a warning says so.
          expect(received[name], `${name} is declared unsupported but was sent`).toBeUndefined();
          expect(JSON.stringify(result.warnings ?? []), `no warning names the dropped ${name}`).toContain(
            name,
          );
        } else {
          expect(received[name], `${name} did not reach the server`).toEqual(value);
        }
      }
    });

    it('finish reason "length" when the answer hit the token limit', async () => {
      ctx.server.reply({ text: 'This answer was cut', finish: 'length' });
      const result = await (await ctx.chat()).generate(ask('Write an essay.', { maxTokens: 5 }));
      expect(result.text).toBe('This answer was cut');
      expect(result.finishReason).toBe('length');
    });

    itIfSupported(
      ctx,
      supports.contentFilter,
      'finish reason "content-filter" when the vendor filtered the answer',
      async () => {
        ctx.server.reply({ text: '', finish: 'content-filter' });
        const result = await (await ctx.chat()).generate(ask('Something the filter blocks.'));
        expect(result.finishReason).toBe('content-filter');
      },
    );
  });
}
