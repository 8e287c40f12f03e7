import { defineConfig } from 'vitest/config';
import { testkitSourceAlias } from '../../vitest.shared.js';

export default defineConfig({
  resolve: { alias: testkitSourceAlias },
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 20_000,
    // The JSON report feeds the one-line total that `./dev test` prints at the end.
    reporters: ['default', 'json'],
    outputFile: { json: './test-results.json' },
  },
});
