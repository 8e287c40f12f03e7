// Commands on selected code (palette, editor context menu) and the Accept / Discard buttons of
// proposed changes.
import * as vscode from 'vscode';
import type { Services } from '../../host/services.js';
import { StreamingDocuments } from '../../host/streaming-documents.js';
import { CodeActions, type EditTask } from './code-actions.js';
import { isProposalSeed } from './proposal-seed.js';
import { EXPLANATION_SCHEME } from './proposal-uri.js';
import { Proposals } from './proposals.js';
import { TASK_COMMANDS } from './task-commands.js';

export function registerCodeActions(services: Services): void {
  const proposals = new Proposals();
  const explanations = new StreamingDocuments(EXPLANATION_SCHEME);
  const actions = new CodeActions(services, proposals, explanations);
  const command = (id: string, run: (arg?: unknown) => Promise<void>) =>
    vscode.commands.registerCommand(id, async (arg?: unknown) => {
      try {
        await run(arg);
      } catch (error) {
        await services.showError(error);
      }
    });
  // Menus pass the editor's Uri as the first argument; only the chat passes a seed.
  const seedOf = (arg: unknown) => (isProposalSeed(arg) ? arg : undefined);
  const edit = (task: EditTask) =>
    command(TASK_COMMANDS[task], (arg) => actions.proposeEdit(task, seedOf(arg)));
  services.context.subscriptions.push(
    proposals,
    explanations,
    command(TASK_COMMANDS.explain, () => actions.explain()),
    edit('fix'),
    edit('refactor'),
    edit('doc'),
    command(TASK_COMMANDS.tests, (arg) => actions.generateTests(seedOf(arg))),
    command('switchboard.acceptProposal', (resource) => proposals.accept(resource)),
    command('switchboard.discardProposal', (resource) => proposals.discard(resource)),
  );
}
