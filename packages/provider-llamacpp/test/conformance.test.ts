import { definePlugin } from '@switchboard/core';
import { describeProviderConformance } from '@switchboard/testkit/conformance';
import { createLlamaCppProvider } from '../src/index.js';
import { HELLO_SCRIPT, modelsFolder, WORKER_PATH } from './helpers.js';

// The local mode of the suite: no server to script, so it checks the invariants every provider
// keeps (non-empty text and usage, stream shape, prompt abort, exact token counts, model list)
// on the tiny model the testkit writes.
const modelsDir = await modelsFolder({ tiny: { seed: 7, script: HELLO_SCRIPT } });

describeProviderConformance({
  name: 'provider-llamacpp',
  vendor: 'llama.cpp',
  plugin: definePlugin({
    name: '@switchboard/provider-llamacpp',
    providers: [createLlamaCppProvider({ workerPath: WORKER_PATH })],
  }),
  providerId: 'llamacpp',
  chatModel: 'tiny',
  settings: () => ({ modelsDir, threads: '1', contextSize: '2048' }),
  requestOptions: { maxTokens: 16, temperature: 0 },
});
