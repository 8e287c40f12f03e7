// Prints one closing line for the whole workspace from every package's vitest JSON report,
// so a reader (or CI) sees the total without adding up turbo's per-package output.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const folders = ['packages', 'examples', 'tests'].flatMap((group) =>
  existsSync(join(root, group)) ? readdirSync(join(root, group)).map((name) => join(root, group, name)) : [],
);
folders.push(join(root, 'extension'), join(root, 'e2e'));

let passed = 0;
let failed = 0;
let skipped = 0;
const skippedNames = [];
for (const folder of folders) {
  const report = join(folder, 'test-results.json');
  if (!existsSync(report)) continue;
  const json = JSON.parse(readFileSync(report, 'utf8'));
  passed += json.numPassedTests;
  failed += json.numFailedTests;
  skipped += json.numPendingTests + json.numTodoTests;
  for (const file of json.testResults ?? []) {
    for (const test of file.assertionResults ?? []) {
      if (test.status === 'pending' || test.status === 'skipped' || test.status === 'todo') {
        skippedNames.push(`${folder.slice(root.length)}: ${test.fullName}`);
      }
    }
  }
}
// Skips are loud on purpose: each one names what did not run and (in its title) why.
for (const name of skippedNames) console.log(`skipped: ${name}`);
console.log(`tests: ${passed} passed, ${failed} failed, ${skipped} skipped`);
if (passed + failed === 0) {
  console.error('No test report was found: did the test task run?');
  process.exit(1);
}
