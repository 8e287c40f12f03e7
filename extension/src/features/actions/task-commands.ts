// Which palette command does which code task (the chat's buttons run the same commands).
import type { CodeTask } from '../../prompts/code-tasks.js';

export const TASK_COMMANDS: Readonly<Record<CodeTask, string>> = {
  explain: 'switchboard.explainSelection',
  fix: 'switchboard.fixSelection',
  refactor: 'switchboard.refactorSelection',
  doc: 'switchboard.documentSelection',
  tests: 'switchboard.generateTests',
};

/** Words for titles and messages. */
export const TASK_LABELS: Readonly<Record<CodeTask, string>> = {
  explain: 'Explanation',
  fix: 'Fix',
  refactor: 'Refactoring',
  doc: 'Documentation',
  tests: 'Tests',
};
