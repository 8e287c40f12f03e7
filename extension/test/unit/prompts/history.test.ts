import { describe, expect, it } from 'vitest';
import { footerMarkdown } from '../../../src/prompts/footer.js';
import { historyToMessages, responseText, type TurnLike } from '../../../src/prompts/history.js';

const ME = 'switchboard.chat';

const ask = (prompt: string, command?: string, participant = ME): TurnLike => ({
  prompt,
  participant,
  ...(command ? { command } : {}),
});

const answer = (
  text: string,
  extra: Partial<{ error: boolean; command: string; participant: string }> = {},
) =>
  ({
    participant: extra.participant ?? ME,
    ...(extra.command ? { command: extra.command } : {}),
    response: [{ value: { value: text } }],
    result: extra.error ? { metadata: { error: true } } : {},
  }) as TurnLike;

describe('historyToMessages', () => {
  it('turns request and response turns into user and assistant messages', () => {
    expect(historyToMessages([ask('Hi'), answer('Hello!')], { participant: ME })).toEqual([
      { role: 'user', content: 'Hi' },
      { role: 'assistant', content: 'Hello!' },
    ]);
  });

  it('drops the footer the participant added to its answers', () => {
    const text = `The answer.${footerMarkdown({ model: 'm/x', costUsd: 0, usage: { inputTokens: 1, outputTokens: 1 } })}`;
    expect(historyToMessages([ask('Q'), answer(text)], { participant: ME })[1]).toEqual({
      role: 'assistant',
      content: 'The answer.',
    });
  });

  it("keeps only this participant's turns and skips report commands", () => {
    const history = [
      ask('other', undefined, 'github.copilot'),
      answer('other answer', { participant: 'github.copilot' }),
      ask('', 'models'),
      answer('| table |', { command: 'models' }),
      ask('What is 2+2?'),
      answer('4'),
    ];
    expect(historyToMessages(history, { participant: ME, skipCommands: ['models'] })).toEqual([
      { role: 'user', content: 'What is 2+2?' },
      { role: 'assistant', content: '4' },
    ]);
  });

  it('leaves out failed answers and the question they failed on', () => {
    const history = [ask('first'), answer('No key.', { error: true }), ask('second'), answer('ok')];
    expect(historyToMessages(history, { participant: ME })).toEqual([
      { role: 'user', content: 'second' },
      { role: 'assistant', content: 'ok' },
    ]);
  });

  it('keeps the slash command in the user text', () => {
    expect(
      historyToMessages([ask('be brief', 'explain'), answer('It adds.')], { participant: ME })[0],
    ).toEqual({
      role: 'user',
      content: '/explain be brief',
    });
  });

  it('merges consecutive messages of the same role', () => {
    const history = [ask('one'), ask('two'), answer('reply')];
    expect(historyToMessages(history, { participant: ME })).toEqual([
      { role: 'user', content: 'one\n\ntwo' },
      { role: 'assistant', content: 'reply' },
    ]);
  });

  it('keeps the newest turns within the size limit and starts with a user message', () => {
    const history = [
      ask('a'.repeat(50)),
      answer('b'.repeat(50)),
      ask('c'.repeat(10)),
      answer('d'.repeat(10)),
    ];
    expect(historyToMessages(history, { participant: ME, maxChars: 75 })).toEqual([
      { role: 'user', content: 'c'.repeat(10) },
      { role: 'assistant', content: 'd'.repeat(10) },
    ]);
  });
});

describe('responseText', () => {
  it('joins Markdown parts and skips anchors, buttons and file trees', () => {
    const turn = {
      response: [
        { value: { value: 'Hello ' } },
        { value: { scheme: 'file', path: '/a.ts' }, title: 'a.ts' },
        { value: { title: 'Run', command: 'x' } },
        { value: [{ name: 'dir' }] },
        { value: 'world' },
      ],
    };
    expect(responseText(turn)).toBe('Hello world');
  });
});
