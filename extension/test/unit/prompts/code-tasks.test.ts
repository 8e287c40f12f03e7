import { describe, expect, it } from 'vitest';
import type { CodeSnippet } from '../../../src/prompts/code-snippet.js';
import { describeSnippet } from '../../../src/prompts/code-snippet.js';
import { codeTaskMessages, isCodeTask } from '../../../src/prompts/code-tasks.js';

const snippet: CodeSnippet = {
  code: 'function add(a, b) {\n  return a - b;\n}',
  languageId: 'javascript',
  fileName: 'src/math.js',
  startLine: 10,
  endLine: 12,
};

function userText(messages: ReturnType<typeof codeTaskMessages>): string {
  const user = messages.find((message) => message.role === 'user');
  if (!user || typeof user.content !== 'string') throw new Error('no user text');
  return user.content;
}

describe('codeTaskMessages', () => {
  it('gives a system prompt and one user message with file, lines, language and fenced code', () => {
    const messages = codeTaskMessages('explain', [snippet], { mode: 'chat' });
    expect(messages.map((message) => message.role)).toEqual(['system', 'user']);
    const text = userText(messages);
    expect(text).toContain('`src/math.js`, lines 10–12 (javascript)');
    expect(text).toContain('```javascript\nfunction add(a, b) {\n  return a - b;\n}\n```');
  });

  it('asks for exactly one code block and nothing else in replacement mode', () => {
    const text = userText(codeTaskMessages('fix', [snippet], { mode: 'replacement' }));
    expect(text).toMatch(/exactly one fenced code block/);
    expect(text).toMatch(/nothing else/);
    expect(text).toMatch(/unchanged/);
  });

  it('asks for an explanation and the complete code in chat mode', () => {
    const text = userText(codeTaskMessages('refactor', [snippet], { mode: 'chat' }));
    expect(text).toMatch(/say briefly what you changed/);
    expect(text).toMatch(/idiomatic javascript/);
    expect(text).not.toMatch(/nothing else/);
  });

  it('asks for a complete test file for tests', () => {
    expect(userText(codeTaskMessages('tests', [snippet], { mode: 'replacement' }))).toMatch(
      /complete test file/,
    );
    expect(userText(codeTaskMessages('doc', [snippet], { mode: 'chat' }))).toMatch(/documentation comments/);
  });

  it('passes the user words along and leaves blank ones out', () => {
    expect(
      userText(codeTaskMessages('fix', [snippet], { mode: 'chat', request: ' it returns NaN ' })),
    ).toContain('The user adds: it returns NaN');
    expect(userText(codeTaskMessages('fix', [snippet], { mode: 'chat', request: '  ' }))).not.toContain(
      'The user adds',
    );
  });

  it('keeps code that contains fences in one block', () => {
    const tricky = { ...snippet, code: 'const md = "```";\nconst more = "````";' };
    expect(userText(codeTaskMessages('explain', [tricky], { mode: 'chat' }))).toContain('`````javascript\n');
  });

  it('includes every snippet', () => {
    const other = { code: 'x = 1', languageId: 'python', fileName: 'a.py' };
    const text = userText(codeTaskMessages('explain', [snippet, other], { mode: 'chat' }));
    expect(text).toContain('`a.py` (python)');
    expect(text).toContain('`src/math.js`');
  });

  it('recognises the task names', () => {
    expect(isCodeTask('fix')).toBe(true);
    expect(isCodeTask('image')).toBe(false);
    expect(isCodeTask(undefined)).toBe(false);
  });
});

describe('describeSnippet', () => {
  it('names one line, a whole file and an unsaved file', () => {
    expect(describeSnippet({ ...snippet, endLine: 10 })).toBe('`src/math.js`, line 10 (javascript)');
    expect(describeSnippet({ code: '', languageId: 'go', fileName: 'main.go' })).toBe('`main.go` (go)');
    expect(describeSnippet({ code: '', languageId: 'go' })).toBe('an unsaved file (go)');
  });
});
