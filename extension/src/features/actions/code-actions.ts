// The editor actions on selected code: explain into a side document, propose fixes, refactorings
// and docs as a diff, and write tests into a new untitled document.
import type { ChatResponse, ModelRequest } from '@switchboard/core';
import * as vscode from 'vscode';
import type { Services } from '../../host/services.js';
import { describeError } from '../../host/show-error.js';
import type { StreamingDocuments } from '../../host/streaming-documents.js';
import { describeSnippet } from '../../prompts/code-snippet.js';
import { type CodeTask, codeTaskMessages } from '../../prompts/code-tasks.js';
import { extractCode, matchIndentation, withEol } from '../../prompts/extract-code.js';
import { fenceLanguage } from '../../prompts/fence.js';
import { answerNotes, documentFooter, footerText } from '../../prompts/footer.js';
import { abortOn } from '../../shared/cancellation.js';
import { editorWithSelection, fullLineRange, modelOrExplain, snippetOf } from './editor-code.js';
import type { ProposalSeed } from './proposal-seed.js';
import type { Proposals } from './proposals.js';
import { TASK_LABELS } from './task-commands.js';

export type EditTask = Extract<CodeTask, 'fix' | 'refactor' | 'doc'>;

export class CodeActions {
  constructor(
    private readonly services: Services,
    private readonly proposals: Proposals,
    private readonly explanations: StreamingDocuments,
  ) {}

  async explain(): Promise<void> {
    const editor = editorWithSelection();
    if (!editor) return;
    const model = await modelOrExplain(this.services);
    if (!model) return;
    const snippet = snippetOf(editor.document, editor.selection);
    const name = snippet.fileName?.split('/').pop() ?? 'code';
    const uri = await this.explanations.open(
      `Explanation of ${name} ${snippet.startLine}-${snippet.endLine}`,
      `# Explanation of ${describeSnippet(snippet)}\n\n`,
    );
    const request: ModelRequest = {
      model,
      messages: codeTaskMessages('explain', [snippet], { mode: 'chat' }),
    };
    await this.withProgress(`Explaining with ${model}…`, async (signal) => {
      try {
        const engine = await this.services.engine();
        for await (const event of engine.switchboard.stream(request, { signal })) {
          if (event.type === 'text-delta') this.explanations.append(uri, event.text);
          else if (event.type === 'interrupted') {
            this.explanations.append(uri, `\n\n> **Interrupted:** ${describeError(event.error).message}`);
          } else if (event.type === 'response') {
            this.explanations.append(uri, documentFooter(event.response));
          }
        }
      } catch (error) {
        const described = describeError(error);
        this.explanations.append(uri, `\n\n> ${described.cancelled ? 'Cancelled.' : described.message}`);
        if (!described.cancelled) await this.services.showError(error);
      }
    });
  }

  /** Fix, refactor or document the selection: the model's replacement opens as a diff. */
  async proposeEdit(task: EditTask, seed?: ProposalSeed): Promise<void> {
    if (seed) {
      await this.proposeFromSeed(task, seed);
      return;
    }
    const editor = editorWithSelection();
    if (!editor) return;
    const model = await modelOrExplain(this.services);
    if (!model) return;
    const { document } = editor;
    const range = fullLineRange(document, editor.selection);
    const version = document.version;
    const originalText = document.getText();
    const snippet = snippetOf(document, range);
    const response = await this.ask(task, {
      model,
      messages: codeTaskMessages(task, [snippet], { mode: 'replacement' }),
    });
    if (!response) return;
    const extracted = extractCode(response.text, [fenceLanguage(document.languageId), document.languageId]);
    if (!extracted.code.trim()) {
      void vscode.window.showWarningMessage(`Switchboard: ${response.model} answered without code.`);
      return;
    }
    if (document.version !== version) {
      void vscode.window.showWarningMessage(
        `Switchboard: ${snippet.fileName} changed while ${response.model} was answering; run the command again.`,
      );
      return;
    }
    const code = fitTo(document, snippet.code, extracted.code);
    if (code === snippet.code) {
      void vscode.window.showInformationMessage(
        `Switchboard: ${response.model} proposes no change to this code.`,
      );
      this.report(response);
      return;
    }
    await this.proposals.show({
      document,
      range,
      version,
      originalText,
      code,
      title: `${fileNameOf(document.uri)} ↔ ${TASK_LABELS[task]} (${response.model})`,
    });
    this.report(response);
  }

  /** Tests for the selection, in a new untitled document of the same language beside it. */
  async generateTests(seed?: ProposalSeed): Promise<void> {
    if (seed) {
      await this.openTests(seed.code, seed.languageId);
      if (seed.footer) vscode.window.setStatusBarMessage(`Switchboard: ${seed.footer}`, 10_000);
      return;
    }
    const editor = editorWithSelection();
    if (!editor) return;
    const model = await modelOrExplain(this.services);
    if (!model) return;
    const snippet = snippetOf(editor.document, editor.selection);
    const response = await this.ask('tests', {
      model,
      messages: codeTaskMessages('tests', [snippet], { mode: 'replacement' }),
    });
    if (!response) return;
    const languageId = editor.document.languageId;
    const extracted = extractCode(response.text, [fenceLanguage(languageId), languageId]);
    await this.openTests(extracted.code, languageId);
    this.report(response);
  }

  /** A chat answer's code as a proposal, if the code it was made for is still there. */
  private async proposeFromSeed(task: EditTask, seed: ProposalSeed): Promise<void> {
    if (!seed.target) return;
    const target = vscode.Uri.parse(seed.target.uri);
    let document: vscode.TextDocument;
    try {
      document = await vscode.workspace.openTextDocument(target);
    } catch {
      void vscode.window.showWarningMessage('Switchboard: The file of this answer is no longer open.');
      return;
    }
    if (document.version !== seed.target.version) {
      void vscode.window.showWarningMessage(
        `Switchboard: ${fileNameOf(target)} changed since the chat answered, so its code may no longer fit. Ask again, or select the code and run "${TASK_LABELS[task]}" from the editor.`,
      );
      return;
    }
    const [startLine, startCharacter, endLine, endCharacter] = seed.target.range;
    const range = document.validateRange(new vscode.Range(startLine, startCharacter, endLine, endCharacter));
    const code = fitTo(document, document.getText(range), seed.code);
    await this.proposals.show({
      document,
      range,
      version: document.version,
      originalText: document.getText(),
      code,
      title: `${fileNameOf(target)} ↔ ${TASK_LABELS[task]} (chat)`,
    });
    if (seed.footer) vscode.window.setStatusBarMessage(`Switchboard: ${seed.footer}`, 10_000);
  }

  private async openTests(code: string, languageId: string): Promise<void> {
    const document = await vscode.workspace.openTextDocument({ language: languageId, content: code });
    await vscode.window.showTextDocument(document, { viewColumn: vscode.ViewColumn.Beside, preview: false });
  }

  /** One answer, not streamed, under a cancellable progress notification; undefined when it failed. */
  private ask(task: CodeTask, request: ModelRequest & { model: string }): Promise<ChatResponse | undefined> {
    return this.withProgress(`${TASK_LABELS[task]} by ${request.model}…`, async (signal) => {
      try {
        const engine = await this.services.engine();
        return await engine.switchboard.chat(request, { signal });
      } catch (error) {
        await this.services.showError(error);
        return undefined;
      }
    });
  }

  private async withProgress<T>(title: string, work: (signal: AbortSignal) => Promise<T>): Promise<T> {
    return await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: `Switchboard: ${title}`, cancellable: true },
      async (_progress, token) => {
        const abort = abortOn(token);
        try {
          return await work(abort.signal);
        } finally {
          abort.dispose();
        }
      },
    );
  }

  /** Model, fallback and cost in the status bar; fallbacks and warnings also as a message. */
  private report(response: ChatResponse): void {
    const footer = footerText(response);
    vscode.window.setStatusBarMessage(`Switchboard: ${footer}`, 10_000);
    const notes = answerNotes(response);
    if (response.fallbackFrom || notes.length > 0) {
      void vscode.window.showInformationMessage(`Switchboard: ${[footer, ...notes].join(' — ')}`);
    }
  }
}

/** The model's code with the indentation and line endings of the code it replaces. */
function fitTo(document: vscode.TextDocument, original: string, code: string): string {
  const eol = document.eol === vscode.EndOfLine.CRLF ? '\r\n' : '\n';
  return withEol(matchIndentation(original, code), eol);
}

function fileNameOf(uri: vscode.Uri): string {
  return uri.path.split('/').pop() || uri.toString();
}
