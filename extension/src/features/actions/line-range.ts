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
  let endLine = range.end.line;
  if (range.end.character === 0 && endLine > range.start.line) endLine--;
  return {
    start: { line: range.start.line, character: 0 },
    end: { line: endLine, character: lineLength(endLine) },
  };
}
