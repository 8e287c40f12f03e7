import { describe, expect, it } from 'vitest';
import { proposalIdOf, proposalPath } from '../../../src/features/actions/proposal-uri.js';

describe('proposal paths', () => {
  it('carry the id and the file name', () => {
    expect(proposalPath('abc-1', '/home/me/src/app.ts')).toBe('/abc-1/app.ts');
    expect(proposalPath('abc-1', 'C:\\src\\app.ts')).toBe('/abc-1/app.ts');
    expect(proposalPath('abc-1', '')).toBe('/abc-1/proposal');
  });

  it('give the id back, and keep several proposals apart', () => {
    expect(proposalIdOf(proposalPath('one', '/a.ts'))).toBe('one');
    expect(proposalIdOf(proposalPath('two', '/a.ts'))).toBe('two');
    expect(proposalIdOf(proposalPath('a/b c', 'x.ts'))).toBe('a/b c');
  });

  it('are undefined for other paths', () => {
    expect(proposalIdOf('/a.ts')).toBeUndefined();
    expect(proposalIdOf('/x/y/z.ts')).toBeUndefined();
  });
});
