import { fileURLToPath } from 'node:url';
import { FakeOllamaServer } from '@switchboard/testkit';
import { describeProviderConformance } from '@switchboard/testkit/conformance';
import plugin from '../src/index.js';

describeProviderConformance({
  name: 'provider-ollama',
  vendor: 'Ollama',
  plugin,
  providerId: 'ollama',
  chatModel: 'llava:7b',
  textOnlyChatModel: 'llama3.2',
  embeddingModel: 'nomic-embed-text',
  packageDir: fileURLToPath(new URL('..', import.meta.url)),
  startServer: () => new FakeOllamaServer().start(),
  settings: (server) => ({ baseUrl: server.url }),
  contextWindowError: { kind: 'error', status: 400, message: 'the input length exceeds the context length' },
  supports: {
    streaming: true,
    systemPrompt: true,
    tools: true,
    parallelToolCalls: true,
    vision: true,
    // Ollama's API takes base64 only; the provider downloads URL images itself (see vision.test.ts).
    imageUrls: false,
    json: true,
    cachedTokens: false,
    // eval_count includes thinking tokens, but Ollama never reports how many they were.
    reasoning: false,
    reasoningText: true,
    contentFilter: false,
    embeddings: true,
    imageGeneration: false,
    httpErrors: true,
    liveModelList: true,
    // Ollama sends each call whole: one delta carries all the arguments.
    toolCallDeltas: false,
    toolCallIds: true,
  },
});
