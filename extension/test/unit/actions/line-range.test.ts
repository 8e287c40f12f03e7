import { describe, expect, it } from 'vitest';
import { expandToFullLines, lastLineOf } from '../../../src/features/actions/line-range.js';

const lengths = [10, 20, 30, 40];
const lineLength = (line: number) => lengths[line]!;

describe('expandToFullLines', () => {
  it('grows a partial selection to whole lines', () => {
    expect(
      expandToFullLines({ start: { line: 1, character: 5 }, end: { line: 2, character: 3 } }, lineLength),
    ).toEqual({
      start: { line: 1, character: 0 },
      end: { line: 2, character: 30 },
    });
  });

  it('does not take the next line when the selection ends at its start', () => {
    expect(
      expandToFullLines({ start: { line: 0, character: 0 }, end: { line: 2, character: 0 } }, lineLength),
    ).toEqual({
      start: { line: 0, character: 0 },
      end: { line: 1, character: 20 },
    });
  });

  it('keeps a selection inside one line on that line', () => {
    expect(
      expandToFullLines({ start: { line: 3, character: 4 }, end: { line: 3, character: 8 } }, lineLength),
    ).toEqual({
      start: { line: 3, character: 0 },
      end: { line: 3, character: 40 },
    });
  });
});

describe('lastLineOf', () => {
  it('is the line a selection ends on, unless it ends at the very start of a later line', () => {
    expect(lastLineOf({ start: { line: 7, character: 0 }, end: { line: 14, character: 1 } })).toBe(14);
    expect(lastLineOf({ start: { line: 7, character: 0 }, end: { line: 15, character: 0 } })).toBe(14);
    expect(lastLineOf({ start: { line: 7, character: 0 }, end: { line: 7, character: 0 } })).toBe(7);
  });
});
