import { fileURLToPath } from 'node:url';
import { FakeGeminiServer } from '@switchboard/testkit';
import { describeProviderConformance } from '@switchboard/testkit/conformance';
import plugin from '../src/index.js';

describeProviderConformance({
  name: 'provider-gemini',
  plugin,
  providerId: 'gemini',
  vendor: 'Gemini',
  chatModel: 'gemini-2.5-flash',
  embeddingModel: 'gemini-embedding-001',
  imageModel: 'gemini-2.5-flash-image',
  textOnlyChatModel: 'gemma-3-1b-it',
  packageDir: fileURLToPath(new URL('..', import.meta.url)),
  startServer: () => new FakeGeminiServer().start(),
  settings: (server) => ({ apiKey: 'AIzaSyCONFORMANCE-test-key-000000000', baseUrl: server.url }),
  // Gemini's message for a prompt over the limit (400 INVALID_ARGUMENT,
  // https://ai.google.dev/gemini-api/docs/troubleshooting#error-codes).
  contextWindowError: {
    kind: 'error',
    status: 400,
    message: 'The input token count (1200000) exceeds the maximum number of tokens allowed (1048576).',
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
    reasoning: true,
    reasoningText: true,
    contentFilter: true,
    embeddings: true,
    imageGeneration: true,
    // Gemini speech is PCM only (WAV or raw PCM here, see speech.test.ts); the suite's speech check
    // asks for mp3 and expects the server's bytes unchanged, which a Gemini provider cannot honour.
    speech: false,
    httpErrors: true,
    liveModelList: true,
    // Gemini sends each function call whole, so its one delta carries all of the arguments.
    toolCallDeltas: true,
  },
});
