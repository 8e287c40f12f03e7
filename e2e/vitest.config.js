import { defineConfig } from 'vitest/config';

// One code-server session serves every scenario, in file order: the journey of a person who
// installs the extension, sets keys, and uses each feature. Slow by nature, so generous timeouts.
export default defineConfig({
  test: {
    include: ['scenarios/**/*.test.mjs'],
    fileParallelism: false,
    testTimeout: 180_000,
    // The first run installs code-server (about two minutes) and packages the .vsix.
    hookTimeout: 600_000,
    reporters: ['default', 'json'],
    outputFile: { json: './test-results.json' },
  },
});
