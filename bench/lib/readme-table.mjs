// Keeps the root README's benchmark table in step with the latest full run: the table sits
// between two markers there, and a full `pnpm bench` replaces what is between them.
import { readFile, writeFile } from 'node:fs/promises';

const START = '<!-- bench:start -->';
const END = '<!-- bench:end -->';

export async function updateReadmeTable(readmePath, heading, table) {
  const readme = await readFile(readmePath, 'utf8');
  const start = readme.indexOf(START);
  const end = readme.indexOf(END);
  if (start < 0 || end < start) return false;
  const block = `${START}\n${heading}\n\n${table}\n${END}`;
  await writeFile(readmePath, readme.slice(0, start) + block + readme.slice(end + END.length));
  return true;
}
