import { describeProviderConformance } from '../../../src/conformance/index.js';
import { createLocalPlugin, LOCAL_QUIRKS } from '../reference/local-plugin.js';
import { createReferencePlugin, QUIRKS } from '../reference/reference-plugin.js';
import { ReferenceServer } from '../reference/reference-server.js';

// Run by suite-catches-defects.test.ts in a vitest of its own: the suite once per defect.
for (const quirk of QUIRKS) {
  describeProviderConformance({
    name: `quirk:${quirk}`,
    plugin: createReferencePlugin([quirk]),
    providerId: 'reference',
    chatModel: 'ref-chat',
    startServer: () => new ReferenceServer().start(),
    settings: (server) => ({ apiKey: 'ref-key-7a3e9c1d5b', baseUrl: server.url }),
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
      contentFilter: true,
      embeddings: false,
      imageGeneration: false,
      httpErrors: true,
      liveModelList: true,
    },
  });
}

for (const quirk of LOCAL_QUIRKS) {
  describeProviderConformance({
    name: `quirk:local-${quirk}`,
    plugin: createLocalPlugin([quirk]),
    providerId: 'local-ref',
    chatModel: 'tiny',
  });
}
