import { fileURLToPath } from 'node:url';
import { FakeOpenAIServer, type ScriptableServer } from '@switchboard/testkit';
import { describeProviderConformance } from '@switchboard/testkit/conformance';
import plugin from '../src/index.js';
import { API_KEY } from './helpers.js';

const packageDir = fileURLToPath(new URL('..', import.meta.url));
const startServer = () => new FakeOpenAIServer().start();

const everything = {
  streaming: true,
  systemPrompt: true,
  tools: true,
  parallelToolCalls: true,
  vision: true,
  imageUrls: true,
  json: true,
  cachedTokens: true,
  reasoning: true,
  contentFilter: true,
  embeddings: true,
  imageGeneration: true,
  httpErrors: true,
  liveModelList: true,
  speech: true,
};

describeProviderConformance({
  name: 'provider-openai',
  plugin,
  providerId: 'openai',
  chatModel: 'gpt-4o-mini',
  textOnlyChatModel: 'gpt-3.5-turbo',
  embeddingModel: 'text-embedding-3-small',
  imageModel: 'gpt-image-1',
  speechModel: 'tts-1',
  packageDir,
  startServer,
  settings: (server: ScriptableServer) => ({ apiKey: API_KEY, baseUrl: server.url }),
  contextWindowError: {
    kind: 'error',
    status: 400,
    code: 'context_length_exceeded',
    message:
      "This model's maximum context length is 128000 tokens. However, your messages resulted in 200000 tokens.",
  },
  supports: everything,
});

describeProviderConformance({
  name: 'provider-openai',
  plugin,
  providerId: 'azure',
  chatModel: 'my-gpt-4o-deployment',
  embeddingModel: 'my-embedding-deployment',
  imageModel: 'my-image-deployment',
  speechModel: 'my-tts-deployment',
  startServer,
  textOnlyChatModel: 'gpt-3.5-turbo', // a deployment named after a model whose facts are known
  settings: (server: ScriptableServer) => ({ apiKey: API_KEY, baseUrl: new URL(server.url).origin }),
  // https://learn.microsoft.com/en-us/azure/ai-services/openai/reference (error response)
  contextWindowError: {
    kind: 'error',
    status: 400,
    type: 'invalid_request_error',
    code: 'context_length_exceeded',
    message:
      "This model's maximum context length is 8192 tokens. However, your messages resulted in 9000 tokens. Please reduce the length of the messages.",
  },
  // Azure lists base models, not deployments, so a live list says nothing about what can be called.
  supports: { ...everything, liveModelList: false },
});

describeProviderConformance({
  name: 'provider-openai',
  plugin,
  providerId: 'deepseek',
  // deepseek-reasoner ignores sampling options, so they are not sent to it: the suite checks they reach the server.
  chatModel: 'deepseek-chat',
  textOnlyChatModel: 'deepseek-reasoner',
  startServer,
  settings: (server: ScriptableServer) => ({ apiKey: API_KEY, baseUrl: server.url }),
  // https://api-docs.deepseek.com/quick_start/error_codes (400 invalid format / context length)
  contextWindowError: {
    kind: 'error',
    status: 400,
    type: 'invalid_request_error',
    message:
      "This model's maximum context length is 131072 tokens. However, you requested 140000 tokens (140000 in the messages, 0 in the completion). Please reduce the length of the messages or completion.",
  },
  supports: {
    ...everything,
    vision: false,
    imageUrls: false,
    reasoningText: true,
    // DeepSeek only has json_object, so a schema does not reach it (json.test.ts covers the fallback).
    json: true,
    jsonSchema: false,
    embeddings: false,
    imageGeneration: false,
    speech: false,
  },
});

describeProviderConformance({
  name: 'provider-openai',
  plugin,
  providerId: 'lmstudio',
  chatModel: 'qwen2.5-7b-instruct',
  embeddingModel: 'text-embedding-nomic-embed-text-v1.5',
  startServer,
  settings: (server: ScriptableServer) => ({ baseUrl: server.url }),
  supports: { ...everything, imageGeneration: false, speech: false, cachedTokens: false, reasoning: false },
});
