import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

/**
 * Tests import @switchboard/testkit from its sources, so a provider's tests never wait for (or
 * race) a testkit build. Type-checking does the same through the `source` export condition.
 */
export const testkitSourceAlias = [
  {
    find: /^@switchboard\/testkit\/conformance$/,
    replacement: fileURLToPath(new URL('./packages/testkit/src/conformance/index.ts', import.meta.url)),
  },
  {
    find: /^@switchboard\/testkit$/,
    replacement: fileURLToPath(new URL('./packages/testkit/src/index.ts', import.meta.url)),
  },
];

/** The test setup every workspace package shares; `include` differs only for plain-JS packages. */
export function workspaceTestConfig(include = ['test/**/*.test.ts']) {
  return defineConfig({
    resolve: { alias: testkitSourceAlias },
    test: {
      include,
      testTimeout: 20_000,
      // The JSON report feeds the one-line total that `./dev test` prints at the end.
      reporters: ['default', 'json'],
      outputFile: { json: './test-results.json' },
    },
  });
}
