// The test runner VS Code calls in the Extension Development Host (--extensionTestsPath):
// runs every *.test.cjs next to it with mocha and rejects when a test fails.
const { readdirSync } = require('node:fs');
const path = require('node:path');

exports.run = async function run() {
  // mocha 12 is an ES module.
  const { default: Mocha } = await import('mocha');
  const mocha = new Mocha({ ui: 'bdd', timeout: 60_000, color: true });
  for (const file of readdirSync(__dirname)
    .filter((name) => name.endsWith('.test.cjs'))
    .sort()) {
    mocha.addFile(path.join(__dirname, file));
  }
  await mocha.loadFilesAsync();
  const failures = await new Promise((resolve) => mocha.run(resolve));
  if (failures > 0) throw new Error(`${failures} integration test(s) failed.`);
};
