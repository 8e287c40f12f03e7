import { fileURLToPath } from 'node:url';

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
