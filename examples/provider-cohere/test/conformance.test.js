import { fileURLToPath } from 'node:url';
import { describeProviderConformance } from '@switchboard/testkit/conformance';
import plugin from '../index.js';
import { FakeCohereServer } from './fake-cohere-server.js';

// The whole provider contract, run against the fake Cohere server: what Cohere cannot do is
// marked false and shows up as a skipped test "... — not supported by Cohere".
describeProviderConformance({
  name: 'switchboard-provider-cohere',
  plugin,
  providerId: 'cohere',
  chatModel: 'command-a-plus-05-2026',
  textOnlyChatModel: 'command-a-03-2025',
  embeddingModel: 'embed-v4.0',
  packageDir: fileURLToPath(new URL('..', import.meta.url)),
  startServer: () => new FakeCohereServer().start(),
  settings: (server) => ({ apiKey: 'co-conformance-4f9c2e71b8d0', baseUrl: server.url }),
  // https://docs.cohere.com/reference/errors (400, "too many tokens")
  contextWindowError: {
    kind: 'error',
    status: 400,
    message:
      "too many tokens: size limit exceeded by 11326 tokens. Try using shorter or fewer inputs, or setting prompt_truncation='AUTO'.",
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
    reasoning: false, // Cohere counts reasoning inside output tokens and does not report it apart
    reasoningText: true,
    contentFilter: false, // Cohere's filter is an HTTP 498 error, not a finish reason
    embeddings: true,
    imageGeneration: false,
    speech: false,
    httpErrors: true,
    liveModelList: true,
  },
});
