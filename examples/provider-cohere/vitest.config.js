import { defineConfig } from 'vitest/config';
import { testkitSourceAlias } from '../../vitest.shared.ts';

export default defineConfig({
  // Inside this workspace the testkit is used from its sources; a published package needs no alias.
  resolve: { alias: testkitSourceAlias },
  test: {
    include: ['test/**/*.test.js'],
    testTimeout: 20_000,
    // The JSON report feeds the one-line total that `./dev test` prints at the end.
    reporters: ['default', 'json'],
    outputFile: { json: './test-results.json' },
  },
});
