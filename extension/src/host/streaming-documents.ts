// Read-only Markdown documents that answers stream into (explanations, image descriptions): a
// virtual document per answer, redrawn as text arrives (at most every 100 ms), forgotten when closed.
import * as vscode from 'vscode';

const REDRAW_MS = 100;

export class StreamingDocuments implements vscode.TextDocumentContentProvider, vscode.Disposable {
  private readonly texts = new Map<string, string>();
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  private readonly subscriptions: vscode.Disposable[];
  private count = 0;
  readonly onDidChange = this.changed.event;

  constructor(readonly scheme: string) {
    this.subscriptions = [
      this.changed,
      vscode.workspace.registerTextDocumentContentProvider(scheme, this),
      vscode.workspace.onDidCloseTextDocument((document) => this.forget(document.uri)),
    ];
  }

  provideTextDocumentContent(uri: vscode.Uri): string {
    return this.texts.get(uri.toString()) ?? '';
  }

  /** Opens a new document beside the editor; `.md` makes it Markdown. */
  async open(title: string, initial: string): Promise<vscode.Uri> {
    const uri = vscode.Uri.from({
      scheme: this.scheme,
      path: `/${title.replace(/[\\/]/g, '_')}.md`,
      query: String(++this.count),
    });
    this.texts.set(uri.toString(), initial);
    const document = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(document, {
      viewColumn: vscode.ViewColumn.Beside,
      preserveFocus: true,
      preview: false,
    });
    return uri;
  }

  append(uri: vscode.Uri, text: string): void {
    const key = uri.toString();
    const current = this.texts.get(key);
    if (current === undefined) return; // closed meanwhile
    this.texts.set(key, current + text);
    if (this.timers.has(key)) return;
    this.timers.set(
      key,
      setTimeout(() => {
        this.timers.delete(key);
        this.changed.fire(uri);
      }, REDRAW_MS),
    );
  }

  /** Shows what was appended now, without waiting for the next redraw. */
  flush(uri: vscode.Uri): void {
    const key = uri.toString();
    clearTimeout(this.timers.get(key));
    this.timers.delete(key);
    if (this.texts.has(key)) this.changed.fire(uri);
  }

  private forget(uri: vscode.Uri): void {
    if (uri.scheme !== this.scheme) return;
    clearTimeout(this.timers.get(uri.toString()));
    this.timers.delete(uri.toString());
    this.texts.delete(uri.toString());
  }

  dispose(): void {
    for (const timer of this.timers.values()) clearTimeout(timer);
    for (const subscription of this.subscriptions) subscription.dispose();
  }
}
