// What Switchboard knows about Cohere's models before asking the API.
// Limits from https://docs.cohere.com/docs/models (context window, max output tokens, modalities).

/** @typedef {import('@switchboard/core').ModelInfo} ModelInfo */

/** @type {ModelInfo[]} */
export const COHERE_MODELS = [
  {
    id: 'command-a-plus-05-2026',
    displayName: 'Command A+',
    kind: 'chat',
    capabilities: { vision: true, tools: true, json: true, reasoning: true },
    contextWindow: 128_000,
    maxOutputTokens: 64_000,
  },
  {
    id: 'command-a-03-2025',
    displayName: 'Command A',
    kind: 'chat',
    capabilities: { vision: false, tools: true, json: true },
    contextWindow: 256_000,
    maxOutputTokens: 8_000,
  },
  {
    id: 'command-a-reasoning-08-2025',
    displayName: 'Command A Reasoning',
    kind: 'chat',
    capabilities: { vision: false, tools: true, json: true, reasoning: true },
    contextWindow: 256_000,
    maxOutputTokens: 32_000,
  },
  {
    id: 'command-a-vision-07-2025',
    displayName: 'Command A Vision',
    kind: 'chat',
    capabilities: { vision: true, tools: false, json: true },
    contextWindow: 128_000,
    maxOutputTokens: 8_000,
  },
  {
    id: 'command-r7b-12-2024',
    displayName: 'Command R7B',
    kind: 'chat',
    capabilities: { vision: false, tools: true, json: true },
    contextWindow: 128_000,
    maxOutputTokens: 4_000,
  },
  {
    id: 'embed-v4.0',
    displayName: 'Embed 4',
    kind: 'embedding',
    capabilities: { embeddings: true },
    contextWindow: 128_000,
  },
];

/** @param {string} id */
export function findModel(id) {
  return COHERE_MODELS.find((model) => model.id === id);
}

/**
 * One entry of `GET /v1/models` as ModelInfo; undefined for models that are neither chat nor
 * embedding (rerank, classify). Known models keep their static facts; others are read from the
 * entry's `endpoints` and `features` (https://docs.cohere.com/reference/list-models).
 * @param {{ name?: string, endpoints?: string[], features?: string[] | null, context_length?: number }} entry
 * @returns {ModelInfo | undefined}
 */
export function modelInfoFromCohere(entry) {
  if (!entry.name) return undefined;
  const known = findModel(entry.name);
  if (known) return known;
  const endpoints = entry.endpoints ?? [];
  const kind = endpoints.includes('chat') ? 'chat' : endpoints.includes('embed') ? 'embedding' : undefined;
  if (!kind) return undefined;
  const features = (entry.features ?? []).join(' ');
  return {
    id: entry.name,
    kind,
    capabilities:
      kind === 'chat'
        ? { vision: /vision|image/.test(features), tools: /tool/.test(features), json: /json/.test(features) }
        : { embeddings: true },
    ...(entry.context_length ? { contextWindow: Math.round(entry.context_length) } : {}),
  };
}
