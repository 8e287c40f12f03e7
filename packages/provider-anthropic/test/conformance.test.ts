import { fileURLToPath } from 'node:url';
import { FakeAnthropicServer } from '@switchboard/testkit';
import { describeProviderConformance } from '@switchboard/testkit/conformance';
import plugin from '../src/index.js';

describeProviderConformance({
  name: 'provider-anthropic',
  vendor: 'Anthropic',
  plugin,
  providerId: 'anthropic',
  chatModel: 'claude-sonnet-5-5',
  packageDir: fileURLToPath(new URL('..', import.meta.url)),
  startServer: () => new FakeAnthropicServer().start(),
  settings: (server) => ({ apiKey: 'sk-ant-conformance-key', baseUrl: server.url }),
  contextWindowError: {
    kind: 'error',
    status: 400,
    message: 'prompt is too long: 215000 tokens > 200000 maximum',
  },
  supports: {
    streaming: true,
    systemPrompt: true,
    tools: true,
    parallelToolCalls: true,
    vision: true,
    imageUrls: true,
    // The API has structured output with a schema only; schema-less JSON is a prompt instruction plus a warning.
    json: false,
    jsonSchema: true,
    cachedTokens: true,
    cacheWriteTokens: true,
    reasoning: true,
    reasoningText: true,
    contentFilter: true,
    embeddings: false,
    imageGeneration: false,
    speech: false,
    httpErrors: true,
    liveModelList: true,
  },
});
