// /explain /fix /tests /doc /refactor: the selected or referenced code, a task prompt, the answer,
// and for code-producing tasks a button that hands the code to the editor actions (diff or new file).
import * as vscode from 'vscode';
import type { CodeTask } from '../../prompts/code-tasks.js';
import { codeTaskMessages } from '../../prompts/code-tasks.js';
import { extractCode } from '../../prompts/extract-code.js';
import { fenceLanguage } from '../../prompts/fence.js';
import { footerText } from '../../prompts/footer.js';
import { proposalSeed } from '../actions/proposal-seed.js';
import { EXPLANATION_SCHEME, PROPOSAL_SCHEME } from '../actions/proposal-uri.js';
import { TASK_COMMANDS } from '../actions/task-commands.js';
import { chatModel, explainNoModel } from './chat-model.js';
import { type CodeSource, codeForTask, readAttachments } from './references.js';
import { streamAnswer } from './respond.js';
import type { ChatTurn, CommandResult } from './turn.js';

export async function codeTask(turn: ChatTurn, task: CodeTask): Promise<CommandResult> {
  const { stream, request, services } = turn;
  const attachments = await readAttachments(request.references);
  for (const skipped of attachments.skipped) stream.progress(`Left out ${skipped}.`);
  const { sources, wholeFile } = codeForTask(attachments);
  if (sources.length === 0) {
    stream.markdown(
      `Select some code in the editor first, or reference a file: \`/${task} #file:example.ts\`.`,
    );
    return { command: task };
  }
  const model = await chatModel(turn);
  if (!model) {
    explainNoModel(turn);
    return { command: task };
  }
  if (wholeFile) stream.progress(`Nothing is selected, so this uses all of ${wholeFile}.`);
  for (const source of sources) stream.reference(new vscode.Location(source.document.uri, source.range));
  const engine = await services.engine();
  const snippets = sources.map((source) => source.snippet);
  const messages = codeTaskMessages(task, snippets, { mode: 'chat', request: request.prompt });
  const answer = await streamAnswer(turn, engine, { model, messages });
  if (!answer) return { command: task };
  if (task !== 'explain' && !answer.interrupted)
    offerCode(turn, task, sources, answer.response.text, footerText(answer.response));
  return { command: task, model: answer.response.model };
}

/** A button that opens the answer's code as a diff (fix, refactor, doc) or in a new file (tests). */
function offerCode(
  turn: ChatTurn,
  task: Exclude<CodeTask, 'explain'>,
  sources: CodeSource[],
  answer: string,
  footer: string,
): void {
  const languageId = sources[0]!.snippet.languageId;
  const extracted = extractCode(answer, [fenceLanguage(languageId), languageId]);
  if (!extracted.fenced || !extracted.code.trim()) return;
  if (task === 'tests') {
    turn.stream.button({
      title: 'Open in New File',
      command: TASK_COMMANDS.tests,
      arguments: [proposalSeed({ task, code: extracted.code, languageId, footer })],
    });
    return;
  }
  // One piece of code in an editable document: its replacement can be reviewed as a diff.
  const source = sources.length === 1 ? sources[0]! : undefined;
  const scheme = source?.document.uri.scheme;
  if (!source || scheme === PROPOSAL_SCHEME || scheme === EXPLANATION_SCHEME) return;
  const { start, end } = source.range;
  turn.stream.button({
    title: 'Review as Diff',
    command: TASK_COMMANDS[task],
    arguments: [
      proposalSeed({
        task,
        code: extracted.code,
        languageId,
        footer,
        target: {
          uri: source.document.uri.toString(),
          version: source.version,
          range: [start.line, start.character, end.line, end.character],
        },
      }),
    ],
  });
}
