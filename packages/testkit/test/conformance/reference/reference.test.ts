import { fileURLToPath } from 'node:url';
import { describeProviderConformance } from '../../../src/conformance/index.js';
import { createReferencePlugin } from './reference-plugin.js';
import { ReferenceServer } from './reference-server.js';

// The testkit runs its own suite against a provider that does everything right: every check
// must pass here, and every capability is claimed, so none is skipped.
describeProviderConformance({
  name: 'reference',
  plugin: createReferencePlugin(),
  providerId: 'reference',
  chatModel: 'ref-chat',
  textOnlyChatModel: 'ref-text',
  packageDir: fileURLToPath(new URL('./package', import.meta.url)),
  embeddingModel: 'ref-embed',
  imageModel: 'ref-image',
  speechModel: 'ref-speech',
  startServer: () => new ReferenceServer().start(),
  settings: (server) => ({ apiKey: 'ref-key-7a3e9c1d5b', baseUrl: server.url }),
  contextWindowError: {
    kind: 'error',
    status: 400,
    message: "This model's maximum context length is 8192 tokens.",
  },
  supports: {
    streaming: true,
    systemPrompt: true,
    tools: true,
    parallelToolCalls: true,
    vision: true,
    imageUrls: true,
    json: true,
    cachedTokens: true,
    cacheWriteTokens: true,
    reasoning: true,
    reasoningText: true,
    contentFilter: true,
    embeddings: true,
    imageGeneration: true,
    speech: true,
    httpErrors: true,
    liveModelList: true,
  },
});
