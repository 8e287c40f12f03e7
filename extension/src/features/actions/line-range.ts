// Selections grown to whole lines: replacing whole lines keeps indentation right and gives the
// model complete statements.

export interface Position {
  line: number;
  character: number;
}

export interface LineRange {
  start: Position;
  end: Position;
}

/**
 * The lines a selection touches, from the first character of its first line to the end of its
 * last line. A selection that ends at the very start of a line does not take that line.
 */
export function expandToFullLines(range: LineRange, lineLength: (line: number) => number): LineRange {
  const endLine = lastLineOf(range);
  return {
    start: { line: range.start.line, character: 0 },
    end: { line: endLine, character: lineLength(endLine) },
  };
}

/** The last line a selection takes (0-based): not the line it ends at the very start of. */
export function lastLineOf(range: LineRange): number {
  return range.end.character === 0 && range.end.line > range.start.line ? range.end.line - 1 : range.end.line;
}
