import { describe, expect, it } from 'vitest';
import { isProposalSeed, proposalSeed } from '../../../src/features/actions/proposal-seed.js';

describe('proposal seeds', () => {
  const seed = proposalSeed({
    task: 'fix',
    code: 'x()',
    languageId: 'typescript',
    target: { uri: 'file:///a.ts', version: 3, range: [1, 0, 4, 2] },
  });

  it('survive a JSON round trip (command arguments are serialized)', () => {
    expect(isProposalSeed(JSON.parse(JSON.stringify(seed)))).toBe(true);
  });

  it('may have no target (tests go to a new file)', () => {
    expect(isProposalSeed(proposalSeed({ task: 'tests', code: 'it()', languageId: 'typescript' }))).toBe(
      true,
    );
  });

  it('are not confused with what menus pass', () => {
    expect(isProposalSeed(undefined)).toBe(false);
    expect(isProposalSeed({ scheme: 'file', path: '/a.ts' })).toBe(false);
    expect(isProposalSeed({ ...seed, kind: 'other' })).toBe(false);
    expect(isProposalSeed({ ...seed, code: 1 })).toBe(false);
  });

  it('reject malformed targets', () => {
    expect(isProposalSeed({ ...seed, target: { ...seed.target, range: [1, 2, 3] } })).toBe(false);
    expect(isProposalSeed({ ...seed, target: { ...seed.target, range: [1, -1, 3, 4] } })).toBe(false);
    expect(isProposalSeed({ ...seed, target: { ...seed.target, version: '3' } })).toBe(false);
  });
});
