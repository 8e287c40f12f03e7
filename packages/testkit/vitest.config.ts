import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 20_000,
    // The JSON report feeds the one-line total that `./dev test` prints at the end.
    reporters: ['default', 'json'],
    outputFile: { json: './test-results.json' },
  },
});
