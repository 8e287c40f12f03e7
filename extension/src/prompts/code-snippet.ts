// A piece of code the user pointed at (a selection, a #file, a whole document), as plain data.
import { fenceCode } from './fence.js';

export interface CodeSnippet {
  code: string;
  /** VS Code language id (`typescript`, `python`...). */
  languageId: string;
  /** Workspace-relative path (or the file name) for the prompt and the reader. */
  fileName?: string;
  /** 1-based first and last line of the code in its file; absent for a whole file. */
  startLine?: number;
  endLine?: number;
}

/** `` `src/a.ts`, lines 3–10 (typescript) `` — how prompts and messages name a snippet. */
export function describeSnippet(snippet: CodeSnippet): string {
  const where = snippet.fileName ? `\`${snippet.fileName}\`` : 'an unsaved file';
  const lines =
    snippet.startLine === undefined
      ? ''
      : snippet.endLine === undefined || snippet.endLine === snippet.startLine
        ? `, line ${snippet.startLine}`
        : `, lines ${snippet.startLine}–${snippet.endLine}`;
  return `${where}${lines} (${snippet.languageId})`;
}

/** The snippet's description followed by its code, fenced safely. */
export function snippetBlock(snippet: CodeSnippet): string {
  return `${describeSnippet(snippet)}:\n\n${fenceCode(snippet.code, snippet.languageId)}`;
}
