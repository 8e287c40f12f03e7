import { describe, expect, it } from 'vitest';
import { RuleBasedClassifier } from '../../src/router/intent.js';
import { ask, askWithImage } from './fixtures.js';

const classifier = new RuleBasedClassifier();
const intentOf = async (request: Parameters<RuleBasedClassifier['classify']>[0]) =>
  (await classifier.classify(request)).intent;

describe('RuleBasedClassifier', () => {
  it('routes an attached image to vision', async () => {
    expect(await intentOf(askWithImage('what is in this photo?'))).toBe('vision');
  });

  it('recognises requests to draw or generate pictures', async () => {
    expect(await intentOf(ask('Draw me a cat wearing a hat'))).toBe('image-generation');
    expect(await intentOf(ask('Can you generate an image of a lighthouse at dusk?'))).toBe(
      'image-generation',
    );
    expect(await intentOf(ask('make a logo for my bakery'))).toBe('image-generation');
  });

  it('does not mistake "draw conclusions" for a drawing', async () => {
    expect(await intentOf(ask('What can we draw from this survey? Any conclusions?'))).toBe('chat');
  });

  it('recognises code: fences, stack traces, programming vocabulary', async () => {
    expect(await intentOf(ask('Why does this fail?\n```ts\nconst x: number = "a";\n```'))).toBe('code');
    expect(
      await intentOf(ask('I get this:\nTypeError: x is undefined\n    at main (/app/index.js:10:5)')),
    ).toBe('code');
    expect(await intentOf(ask('How do I refactor this Python class to avoid the bug?'))).toBe('code');
  });

  it('calls everything else chat', async () => {
    expect(await intentOf(ask('What is a good name for a golden retriever?'))).toBe('chat');
  });

  it('looks at the latest user message', async () => {
    const request = {
      messages: [
        { role: 'user' as const, content: 'draw a horse' },
        { role: 'assistant' as const, content: 'Here it is.' },
        { role: 'user' as const, content: 'Thanks! What do horses eat?' },
      ],
    };
    expect(await intentOf(request)).toBe('chat');
  });
});
