// Code from the editor as a CodeSnippet, and the model to ask, for the actions and the chat.
import * as vscode from 'vscode';
import type { Services } from '../../host/services.js';
import type { CodeSnippet } from '../../prompts/code-snippet.js';
import { expandToFullLines, lastLineOf } from './line-range.js';

/** The part of a document a snippet covers (the whole document when no range is given). */
export function snippetOf(document: vscode.TextDocument, range?: vscode.Range): CodeSnippet {
  const whole = range === undefined;
  return {
    code: document.getText(range),
    languageId: document.languageId,
    fileName: displayName(document.uri),
    ...(whole ? {} : { startLine: range.start.line + 1, endLine: lastLineOf(range) + 1 }),
  };
}

/** A workspace-relative path, or the file name for files outside the workspace and untitled ones. */
export function displayName(uri: vscode.Uri): string {
  if (uri.scheme === 'untitled') return uri.path;
  const relative = vscode.workspace.asRelativePath(uri, false);
  return relative || uri.path.split('/').pop() || uri.toString();
}

/** The selection grown to whole lines. */
export function fullLineRange(document: vscode.TextDocument, selection: vscode.Range): vscode.Range {
  const lines = expandToFullLines(selection, (line) => document.lineAt(line).text.length);
  return new vscode.Range(lines.start.line, lines.start.character, lines.end.line, lines.end.character);
}

export function wholeDocumentRange(document: vscode.TextDocument): vscode.Range {
  return new vscode.Range(0, 0, document.lineCount - 1, document.lineAt(document.lineCount - 1).text.length);
}

/** The editor whose selection the actions work on; tells the user when there is none. */
export function editorWithSelection(): vscode.TextEditor | undefined {
  const editor = vscode.window.activeTextEditor;
  if (!editor || editor.selection.isEmpty) {
    void vscode.window.showInformationMessage('Switchboard: Select some code first.');
    return undefined;
  }
  return editor;
}

/** The current model; when none is set up, says so with the two ways out. */
export async function modelOrExplain(services: Services): Promise<string | undefined> {
  const model = await services.currentModel();
  if (model) return model;
  const picked = await vscode.window.showWarningMessage(
    'Switchboard: No model is set up yet. Store an API key, start Ollama or add a local model, then pick a model.',
    'Set API Key',
    'Select Model',
  );
  if (picked === 'Set API Key') await vscode.commands.executeCommand('switchboard.setApiKey');
  if (picked === 'Select Model') await vscode.commands.executeCommand('switchboard.selectModel');
  return undefined;
}
