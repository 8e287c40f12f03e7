// Explanations stream into read-only Markdown documents beside the code
// (`switchboard-explanation:/<id>/<title>.md`), updated as the text arrives.
import { randomUUID } from 'node:crypto';
import * as vscode from 'vscode';
import { EXPLANATION_SCHEME, proposalIdOf, proposalPath } from './proposal-uri.js';

/** Redraws at most this often while text streams in. */
const REFRESH_MS = 120;

export class Explanations implements vscode.TextDocumentContentProvider, vscode.Disposable {
  private readonly texts = new Map<string, string>();
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  private readonly pending = new Map<string, ReturnType<typeof setTimeout>>();
  private readonly subscriptions: vscode.Disposable[];
  readonly onDidChange = this.changed.event;

  constructor() {
    this.subscriptions = [
      vscode.workspace.registerTextDocumentContentProvider(EXPLANATION_SCHEME, this),
      vscode.workspace.onDidCloseTextDocument((document) => {
        if (document.uri.scheme === EXPLANATION_SCHEME)
          this.texts.delete(proposalIdOf(document.uri.path) ?? '');
      }),
      this.changed,
    ];
  }

  provideTextDocumentContent(uri: vscode.Uri): string {
    return this.texts.get(proposalIdOf(uri.path) ?? '') ?? '';
  }

  /** A new explanation document with its first text, opened beside the current editor. */
  async create(title: string, text: string): Promise<vscode.Uri> {
    const id = randomUUID();
    this.texts.set(id, text);
    const uri = vscode.Uri.from({ scheme: EXPLANATION_SCHEME, path: proposalPath(id, `${title}.md`) });
    const document = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(document, {
      viewColumn: vscode.ViewColumn.Beside,
      preserveFocus: true,
      preview: false,
    });
    return uri;
  }

  /** Adds text; nothing once the document was closed. */
  append(uri: vscode.Uri, text: string): void {
    const id = proposalIdOf(uri.path) ?? '';
    if (!this.texts.has(id)) return;
    this.texts.set(id, (this.texts.get(id) ?? '') + text);
    if (this.pending.has(id)) return;
    this.pending.set(
      id,
      setTimeout(() => {
        this.pending.delete(id);
        this.changed.fire(uri);
      }, REFRESH_MS),
    );
  }

  dispose(): void {
    for (const timer of this.pending.values()) clearTimeout(timer);
    for (const subscription of this.subscriptions) subscription.dispose();
  }
}
