// Takes the code out of a model's answer. Models wrap it in fences of any length (``` or ~~~),
// add prose around it, forget to close the last fence when cut off, or send no fence at all.

export interface CodeBlock {
  /** The info string's first word (`ts`, `python`), empty when none. */
  language: string;
  code: string;
  /** False when the answer ended before the closing fence. */
  closed: boolean;
  /** The opening fence (```` ``` ````, `~~~~`...); a closing one must be as long. */
  fence: string;
}

const OPENING = /^ {0,3}(`{3,}|~{3,})\s*([^\s`]*)[^`]*$/;

/** Every fenced block of a Markdown text, in order (CommonMark rules for fence length and char). */
export function extractCodeBlocks(markdown: string): CodeBlock[] {
  const lines = markdown.replace(/\r\n?/g, '\n').split('\n');
  const blocks: CodeBlock[] = [];
  for (let i = 0; i < lines.length; i++) {
    const open = OPENING.exec(lines[i]!);
    if (!open) continue;
    const fence = open[1]!;
    const indent = lines[i]!.length - lines[i]!.trimStart().length;
    const closing = new RegExp(`^ {0,3}${fence[0] === '`' ? '`' : '~'}{${fence.length},}\\s*$`);
    const body: string[] = [];
    let closed = false;
    for (i++; i < lines.length; i++) {
      if (closing.test(lines[i]!)) {
        closed = true;
        break;
      }
      body.push(stripIndent(lines[i]!, indent));
    }
    blocks.push({ language: (open[2] ?? '').toLowerCase(), code: body.join('\n'), closed, fence });
  }
  return blocks;
}

/**
 * The fence that closes a block the text left open (a cut-off or interrupted answer), so what is
 * written after it is not swallowed by the code block; undefined when every block is closed.
 */
export function unclosedFence(markdown: string): string | undefined {
  const last = extractCodeBlocks(markdown).at(-1);
  return last && !last.closed ? last.fence : undefined;
}

export interface ExtractedCode {
  code: string;
  /** False when the answer had no fence and the whole answer was taken as code. */
  fenced: boolean;
}

/**
 * The code of an answer: the longest block in the expected language (any block when none is in
 * it), or the whole answer when it has no fence at all.
 */
export function extractCode(answer: string, languageTags: readonly string[] = []): ExtractedCode {
  const blocks = extractCodeBlocks(answer).filter((block) => block.code.trim() !== '');
  if (blocks.length === 0) return { code: trimBlankLines(answer), fenced: false };
  const tags = languageTags.map((tag) => tag.toLowerCase()).filter(Boolean);
  const inLanguage = blocks.filter((block) => tags.includes(block.language));
  const pool = inLanguage.length > 0 ? inLanguage : blocks;
  const best = pool.reduce((a, b) => (b.code.length > a.code.length ? b : a));
  return { code: trimBlankLines(best.code), fenced: true };
}

/**
 * Gives a proposal the indentation of the code it replaces when the model dropped it (it often
 * answers an indented method body at column 0).
 */
export function matchIndentation(original: string, proposal: string): string {
  const base = commonIndent(original);
  if (!base || commonIndent(proposal) !== '') return proposal;
  return proposal
    .split('\n')
    .map((line) => (line.trim() === '' ? line : base + line))
    .join('\n');
}

/** Line endings as the document uses them. */
export function withEol(text: string, eol: '\n' | '\r\n'): string {
  const lf = text.replace(/\r\n?/g, '\n');
  return eol === '\n' ? lf : lf.replace(/\n/g, '\r\n');
}

/** The leading whitespace every non-blank line shares. */
export function commonIndent(text: string): string {
  let common: string | undefined;
  for (const line of text.replace(/\r\n?/g, '\n').split('\n')) {
    if (line.trim() === '') continue;
    const indent = /^[ \t]*/.exec(line)![0];
    if (common === undefined) common = indent;
    else {
      let n = 0;
      while (n < common.length && n < indent.length && common[n] === indent[n]) n++;
      common = common.slice(0, n);
    }
    if (common === '') return '';
  }
  return common ?? '';
}

function stripIndent(line: string, indent: number): string {
  let n = 0;
  while (n < indent && line[n] === ' ') n++;
  return line.slice(n);
}

/** Drops blank lines at both ends but keeps the first line's indentation. */
function trimBlankLines(text: string): string {
  return text
    .replace(/^(?:[ \t]*\r?\n)+/, '')
    .replace(/(?:\r?\n[ \t]*)+$/, '')
    .replace(/^[ \t]+$/, '');
}
