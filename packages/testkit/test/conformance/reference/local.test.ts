import { fileURLToPath } from 'node:url';
import { describeProviderConformance } from '../../../src/conformance/index.js';
import { createLocalPlugin } from './local-plugin.js';

// The unscripted half of the suite (no server: an in-process model) against a well-behaved one.
describeProviderConformance({
  name: 'local reference',
  plugin: createLocalPlugin(),
  providerId: 'local-ref',
  chatModel: 'tiny',
  packageDir: fileURLToPath(new URL('./local-package', import.meta.url)),
  requestOptions: { maxTokens: 8 },
});
