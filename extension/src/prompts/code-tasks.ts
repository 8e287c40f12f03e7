// Prompts for the code tasks the chat's slash commands and the editor actions share.
// `chat` answers are read by a person; `replacement` answers are parsed: one code block, nothing else.
import type { Message } from '@switchboard/core';
import { type CodeSnippet, snippetBlock } from './code-snippet.js';

export type CodeTask = 'explain' | 'fix' | 'refactor' | 'doc' | 'tests';

/** `chat`: explanation and code for a person; `replacement`: only the code, to apply as an edit. */
export type AnswerMode = 'chat' | 'replacement';

export const CODE_TASKS: readonly CodeTask[] = ['explain', 'fix', 'refactor', 'doc', 'tests'];

export function isCodeTask(name: string | undefined): name is CodeTask {
  return CODE_TASKS.includes(name as CodeTask);
}

const SYSTEM =
  'You are Switchboard, a coding assistant inside VS Code. Be precise and concise. ' +
  'Answer in Markdown and put code in fenced code blocks with a language tag.';

const GOALS: Record<CodeTask, (language: string) => string> = {
  explain: () =>
    'Explain what the code does: its purpose, how it works step by step, and anything a reader could ' +
    'trip over (edge cases, bugs, performance). Name identifiers in backticks. Do not rewrite the code.',
  fix: () =>
    'Find the bugs and problems in the code and fix them. Change only what is needed; keep the style, ' +
    'names and everything that works.',
  refactor: (language) =>
    `Refactor the code for readability and maintainability without changing its behaviour: clearer ` +
    `names, smaller functions, less duplication, idiomatic ${language}.`,
  doc: (language) =>
    `Add documentation comments in the usual style for ${language} (TSDoc/JSDoc, docstrings, Javadoc, ` +
    'rustdoc...) to the declarations in the code. Do not change the code itself.',
  tests: (language) =>
    `Write unit tests for the code with the test framework its imports suggest, else the most common ` +
    `one for ${language}. Cover normal cases, edge cases and errors.`,
};

/** How the answer should be shaped, per task and mode. */
function answerShape(task: CodeTask, mode: AnswerMode): string {
  if (task === 'explain') return '';
  if (task === 'tests') {
    return mode === 'replacement'
      ? 'Reply with exactly one fenced code block holding a complete test file, and nothing else.'
      : 'Give one fenced code block holding a complete test file, then at most two sentences on how to run it.';
  }
  if (mode === 'replacement') {
    return (
      'The code is a part of a larger file. Reply with exactly one fenced code block holding the ' +
      'replacement for exactly this part, and nothing else: no explanation, no surrounding code. ' +
      'Keep its indentation.' +
      (task === 'fix' ? ' If nothing needs fixing, return the code unchanged.' : '')
    );
  }
  return 'First say briefly what you changed and why, then give the complete new code as one fenced code block that can replace the original.';
}

/** The messages for a code task over one or more snippets, with the user's own words if any. */
export function codeTaskMessages(
  task: CodeTask,
  snippets: readonly CodeSnippet[],
  options: { mode: AnswerMode; request?: string },
): Message[] {
  const language = snippets[0]?.languageId ?? 'the language of the code';
  const instructions = [GOALS[task](language), answerShape(task, options.mode)].filter(Boolean).join(' ');
  const parts = [instructions];
  const request = options.request?.trim();
  if (request) parts.push(`The user adds: ${request}`);
  for (const snippet of snippets) parts.push(`Code from ${snippetBlock(snippet)}`);
  return [
    { role: 'system', content: SYSTEM },
    { role: 'user', content: parts.join('\n\n') },
  ];
}
