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
const failedFiles = [];
let skipped = 0;
const skippedNames = [];
for (const folder of folders) {
  const report = join(folder, 'test-results.json');
  if (!existsSync(report)) continue;
  const json = JSON.parse(readFileSync(report, 'utf8'));
  passed += json.numPassedTests;
  failed += json.numFailedTests;
  skipped += json.numPendingTests + json.numTodoTests;
  const where = folder.slice(root.length);
  for (const file of json.testResults ?? []) {
    const tests = file.assertionResults ?? [];
    // A file whose setup failed (say, beforeAll) reports its tests as skipped: count it as a failure.
    if (file.status === 'failed' && tests.every((test) => test.status !== 'failed')) {
      const firstLine = String(file.message ?? '').split('\n')[0];
      failedFiles.push(`${where}: ${file.name.slice(folder.length + 1)}: ${firstLine}`);
    }
    for (const test of tests) {
      if (test.status === 'pending' || test.status === 'skipped' || test.status === 'todo') {
        skippedNames.push(`${where}: ${test.fullName}`);
      }
    }
  }
}
// Skips are loud on purpose: each one names what did not run and (in its title) why.
for (const name of skippedNames) console.log(`skipped: ${name}`);
for (const file of failedFiles) console.log(`failed to run: ${file}`);
const broken =
  failedFiles.length > 0
    ? `, ${failedFiles.length} test file${failedFiles.length === 1 ? '' : 's'} failed to run`
    : '';
console.log(`tests: ${passed} passed, ${failed} failed, ${skipped} skipped${broken}`);
if (failedFiles.length > 0) process.exitCode = 1;
if (passed + failed === 0) {
  console.error('No test report was found: did the test task run?');
  process.exit(1);
}
