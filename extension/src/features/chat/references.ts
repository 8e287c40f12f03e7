// What the user pointed the chat at: code (#file, #selection, the editor's selection or file) and
// images (#file on an image, pasted or dropped images), read through VS Code.
import * as vscode from 'vscode';
import { asBinaryAttachment, imageMimeTypeOfPath, isSupportedImageMime } from '../../prompts/attachments.js';
import type { CodeSnippet } from '../../prompts/code-snippet.js';
import type { ImageInput } from '../../prompts/plain-prompt.js';
import { displayName, fullLineRange, snippetOf, wholeDocumentRange } from '../actions/editor-code.js';

/** Bigger files are left out instead of filling the context window. */
const MAX_CODE_CHARS = 200_000;
const MAX_IMAGE_BYTES = 20 * 1024 * 1024;

export interface CodeSource {
  snippet: CodeSnippet;
  document: vscode.TextDocument;
  range: vscode.Range;
  /** The document's version when it was read (a proposal made from it checks it). */
  version: number;
  /** The chat reference it came from (`vscode.implicit.selection`...), if any. */
  referenceId?: string;
}

export interface Attachments {
  /** References the user added (#file, #selection...). */
  code: CodeSource[];
  /** Context VS Code attached by itself (the current file or selection). */
  implicitCode: CodeSource[];
  /** Plain-text references. */
  texts: CodeSnippet[];
  images: ImageInput[];
  /** What was used, for `stream.reference`. */
  used: Array<vscode.Uri | vscode.Location>;
  /** What was left out and why. */
  skipped: string[];
}

/**
 * Context VS Code attaches by itself for agents that read files with tools (e.g. the index of
 * installed skills and customizations, ~4 KB): noise to a participant, and too big for small
 * local models.
 */
const IGNORED_REFERENCES = ['vscode.customizations.'];

export async function readAttachments(
  references: readonly vscode.ChatPromptReference[],
): Promise<Attachments> {
  const out: Attachments = { code: [], implicitCode: [], texts: [], images: [], used: [], skipped: [] };
  // References come last-in-prompt first; reverse them to keep the order the user wrote.
  for (const reference of [...references].reverse()) {
    if (IGNORED_REFERENCES.some((prefix) => reference.id.startsWith(prefix))) continue;
    const { value } = reference;
    try {
      if (value instanceof vscode.Uri) {
        const mimeType = imageMimeTypeOfPath(value.path);
        if (mimeType) {
          const data = await vscode.workspace.fs.readFile(value);
          if (addImage(out, data, mimeType, displayName(value))) out.used.push(value);
          continue;
        }
        const document = await vscode.workspace.openTextDocument(value);
        addCode(out, reference.id, document, wholeDocumentRange(document), value);
      } else if (asLocation(value)) {
        const location = asLocation(value)!;
        const document = await vscode.workspace.openTextDocument(location.uri);
        addCode(out, reference.id, document, location.range, location);
      } else if (typeof value === 'string') {
        if (value.trim()) {
          out.texts.push({
            code: value,
            languageId: 'text',
            fileName: reference.modelDescription ?? reference.id,
          });
        }
      } else {
        const binary = asBinaryAttachment(value);
        if (!binary) continue;
        if (!isSupportedImageMime(binary.mimeType)) {
          out.skipped.push(
            `an attachment of type ${binary.mimeType} (only PNG, JPEG, WebP and GIF images are read)`,
          );
          continue;
        }
        addImage(out, await binary.load(), binary.mimeType, 'an attached image');
        const origin = (value as { reference?: unknown }).reference;
        if (origin instanceof vscode.Uri) out.used.push(origin);
      }
    } catch {
      out.skipped.push(`${nameOf(value)} (it could not be read as text or an image)`);
    }
  }
  return out;
}

function addCode(
  out: Attachments,
  referenceId: string,
  document: vscode.TextDocument,
  range: vscode.Range,
  used: vscode.Uri | vscode.Location,
): void {
  const snippet = range.isEqual(wholeDocumentRange(document))
    ? snippetOf(document)
    : snippetOf(document, range);
  if (snippet.code.length > MAX_CODE_CHARS) {
    out.skipped.push(`${snippet.fileName} (too large; select a part of it)`);
    return;
  }
  const source = { snippet, document, range, version: document.version, referenceId };
  (referenceId.startsWith('vscode.implicit') ? out.implicitCode : out.code).push(source);
  out.used.push(used);
}

function addImage(out: Attachments, data: Uint8Array, mimeType: string, name: string): boolean {
  if (data.byteLength > MAX_IMAGE_BYTES) {
    out.skipped.push(`${name} (larger than 20 MB)`);
    return false;
  }
  out.images.push({ data, mimeType });
  return true;
}

/** A Location, or the `{ uri, range }` some VS Code versions hand over for the implicit selection. */
function asLocation(value: unknown): vscode.Location | undefined {
  if (value instanceof vscode.Location) return value;
  const { uri, range } = (value ?? {}) as { uri?: unknown; range?: unknown };
  return uri instanceof vscode.Uri && range instanceof vscode.Range
    ? new vscode.Location(uri, range)
    : undefined;
}

function nameOf(value: unknown): string {
  if (value instanceof vscode.Uri) return displayName(value);
  if (value instanceof vscode.Location) return displayName(value.uri);
  return 'a reference';
}

/**
 * The code a slash command works on: what the user referenced, else the editor's selection
 * (whole lines), else the selection VS Code attached, else the whole active file.
 */
export function codeForTask(attachments: Attachments): { sources: CodeSource[]; wholeFile?: string } {
  if (attachments.code.length > 0) return { sources: attachments.code };
  const editor = vscode.window.activeTextEditor;
  if (editor && !editor.selection.isEmpty) {
    const range = fullLineRange(editor.document, editor.selection);
    return { sources: [sourceOf(editor.document, range, snippetOf(editor.document, range))] };
  }
  // The implicit viewport or file would be a guess; only an implicit selection says what is meant.
  const implicitSelection = attachments.implicitCode.filter(
    (source) => source.referenceId === 'vscode.implicit.selection',
  );
  if (implicitSelection.length > 0) return { sources: implicitSelection };
  if (editor && editor.document.getText().length <= MAX_CODE_CHARS) {
    const range = wholeDocumentRange(editor.document);
    const snippet = snippetOf(editor.document);
    return {
      sources: [sourceOf(editor.document, range, snippet)],
      wholeFile: snippet.fileName ?? 'this file',
    };
  }
  return { sources: [] };
}

function sourceOf(document: vscode.TextDocument, range: vscode.Range, snippet: CodeSnippet): CodeSource {
  return { snippet, document, range, version: document.version };
}
