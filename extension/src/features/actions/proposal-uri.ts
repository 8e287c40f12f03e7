// Proposals live at `switchboard-proposal:/<id>/<file name>`: the id keeps several proposals
// apart, the file name gives the diff tab a readable title and the document its language.

export const PROPOSAL_SCHEME = 'switchboard-proposal';
export const EXPLANATION_SCHEME = 'switchboard-explanation';

export function proposalPath(id: string, fileName: string): string {
  return `/${encodeURIComponent(id)}/${fileName.split(/[\\/]/).pop() || 'proposal'}`;
}

/** The id in a proposal's path, or undefined for any other path. */
export function proposalIdOf(path: string): string | undefined {
  const match = /^\/([^/]+)\/[^/]+$/.exec(path);
  return match ? decodeURIComponent(match[1]!) : undefined;
}
