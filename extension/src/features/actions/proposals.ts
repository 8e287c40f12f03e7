// Proposed edits, shown as a diff against the file and applied only when the user accepts them.
// Each proposal is a virtual document `switchboard-proposal:/<id>/<file>` holding the whole file
// with the change; accepting replaces just the original range, and only if the file is unchanged.
import { randomUUID } from 'node:crypto';
import * as vscode from 'vscode';
import { PROPOSAL_SCHEME, proposalIdOf, proposalPath } from './proposal-uri.js';

interface Proposal {
  id: string;
  uri: vscode.Uri;
  target: vscode.Uri;
  range: vscode.Range;
  /** The target document's version the proposal was made for. */
  version: number;
  code: string;
  /** The whole file with the change, as the diff shows it. */
  content: string;
}

export interface NewProposal {
  document: vscode.TextDocument;
  range: vscode.Range;
  version: number;
  /** The document's text at `version`. */
  originalText: string;
  code: string;
  /** Diff tab title, e.g. `a.ts ↔ Fix (openai/gpt-4o-mini)`. */
  title: string;
}

const CONTEXT_KEY = 'switchboard.proposalOpen';

export class Proposals implements vscode.TextDocumentContentProvider, vscode.Disposable {
  private readonly open = new Map<string, Proposal>();
  private readonly subscriptions: vscode.Disposable[];

  constructor() {
    this.subscriptions = [
      vscode.workspace.registerTextDocumentContentProvider(PROPOSAL_SCHEME, this),
      // A diff closed by hand discards its proposal.
      vscode.window.tabGroups.onDidChangeTabs((event) => {
        for (const tab of event.closed) {
          const uri = proposalUriOf(tab);
          if (uri && !this.isShown(uri)) this.forget(proposalIdOf(uri.path));
        }
      }),
    ];
  }

  provideTextDocumentContent(uri: vscode.Uri): string {
    return this.open.get(proposalIdOf(uri.path) ?? '')?.content ?? '';
  }

  /** Opens the diff of the document against the proposal. */
  async show(proposal: NewProposal): Promise<void> {
    const id = randomUUID();
    const { document, range } = proposal;
    const start = document.offsetAt(range.start);
    const end = document.offsetAt(range.end);
    const uri = vscode.Uri.from({ scheme: PROPOSAL_SCHEME, path: proposalPath(id, document.uri.path) });
    this.open.set(id, {
      id,
      uri,
      target: document.uri,
      range,
      version: proposal.version,
      code: proposal.code,
      content: proposal.originalText.slice(0, start) + proposal.code + proposal.originalText.slice(end),
    });
    await this.updateContext();
    await vscode.commands.executeCommand('vscode.diff', document.uri, uri, proposal.title, {
      preview: false,
      selection: new vscode.Range(range.start, range.start),
    });
  }

  /** Applies the proposal shown in the active diff (or the one a menu names) to its file. */
  async accept(resource?: unknown): Promise<void> {
    const proposal = await this.pick(resource);
    if (!proposal) return;
    const document = await vscode.workspace.openTextDocument(proposal.target);
    if (document.version !== proposal.version) {
      void vscode.window.showWarningMessage(
        `Switchboard: ${fileName(proposal.target)} changed after this proposal was made, so it was not applied. Run the command again on the current code.`,
      );
      return;
    }
    const edit = new vscode.WorkspaceEdit();
    edit.replace(proposal.target, proposal.range, proposal.code);
    if (!(await vscode.workspace.applyEdit(edit))) {
      void vscode.window.showErrorMessage(
        `Switchboard: The change could not be applied to ${fileName(proposal.target)}.`,
      );
      return;
    }
    // The file gets an editor of its own before the diff closes: were the diff its only editor,
    // closing it with the file now modified would stop the user with a "save changes?" dialog.
    const startOffset = document.offsetAt(proposal.range.start);
    const end = document.positionAt(startOffset + proposal.code.length);
    await vscode.window.showTextDocument(document, {
      selection: new vscode.Range(proposal.range.start, end),
      preview: false,
    });
    await this.close(proposal);
  }

  async discard(resource?: unknown): Promise<void> {
    const proposal = await this.pick(resource);
    if (proposal) await this.close(proposal);
  }

  dispose(): void {
    for (const subscription of this.subscriptions) subscription.dispose();
    this.open.clear();
  }

  /** The proposal a command is about: the menu's resource, the active diff, the only one, or a pick. */
  private async pick(resource: unknown): Promise<Proposal | undefined> {
    const named = resource instanceof vscode.Uri ? resource : activeProposalUri();
    if (named?.scheme === PROPOSAL_SCHEME) {
      const proposal = this.open.get(proposalIdOf(named.path) ?? '');
      if (!proposal)
        void vscode.window.showInformationMessage('Switchboard: This proposal is no longer open.');
      return proposal;
    }
    const all = [...this.open.values()];
    if (all.length <= 1) {
      if (all.length === 0)
        void vscode.window.showInformationMessage('Switchboard: No proposed change is open.');
      return all[0];
    }
    const picked = await vscode.window.showQuickPick(
      all.map((proposal) => ({
        label: fileName(proposal.target),
        description: `lines ${proposal.range.start.line + 1}–${proposal.range.end.line + 1}`,
        proposal,
      })),
      { placeHolder: 'Which proposed change?' },
    );
    return picked?.proposal;
  }

  private async close(proposal: Proposal): Promise<void> {
    this.forget(proposal.id);
    const tabs = vscode.window.tabGroups.all
      .flatMap((group) => group.tabs)
      .filter((tab) => proposalUriOf(tab)?.toString() === proposal.uri.toString());
    if (tabs.length > 0) await vscode.window.tabGroups.close(tabs);
  }

  private forget(id: string | undefined): void {
    if (id && this.open.delete(id)) void this.updateContext();
  }

  private isShown(uri: vscode.Uri): boolean {
    return vscode.window.tabGroups.all.some((group) =>
      group.tabs.some((tab) => proposalUriOf(tab)?.toString() === uri.toString()),
    );
  }

  private updateContext(): Thenable<unknown> {
    return vscode.commands.executeCommand('setContext', CONTEXT_KEY, this.open.size > 0);
  }
}

function proposalUriOf(tab: vscode.Tab): vscode.Uri | undefined {
  const input = tab.input;
  if (input instanceof vscode.TabInputTextDiff && input.modified.scheme === PROPOSAL_SCHEME)
    return input.modified;
  if (input instanceof vscode.TabInputText && input.uri.scheme === PROPOSAL_SCHEME) return input.uri;
  return undefined;
}

function activeProposalUri(): vscode.Uri | undefined {
  const tab = vscode.window.tabGroups.activeTabGroup.activeTab;
  return (tab && proposalUriOf(tab)) ?? vscode.window.activeTextEditor?.document.uri;
}

function fileName(uri: vscode.Uri): string {
  return uri.path.split('/').pop() || uri.toString();
}
