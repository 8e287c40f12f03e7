import type { GoogleGenAI, Model } from '@google/genai';
import type { ListModelsOptions, ModelCapabilities, ModelInfo, ModelKind } from '@switchboard/core';
import { GeminiCall } from './gemini-call.js';
import { GEMINI_MODELS, geminiModelInfo, stripModelsPrefix } from './models.js';

/**
 * The static list, or with `live` the models this key may use: models.list followed across every
 * page (https://ai.google.dev/api/models#method:-models.list), each enriched with what the static
 * list knows. Live limits win; models the key does not list are left out, as it cannot use them.
 * Only what this provider can serve is kept: generateContent and embedContent models (Imagen and
 * Veo answer `predict` calls, which the SDK offers on Vertex AI only).
 */
export async function listGeminiModels(
  client: () => GoogleGenAI,
  options: ListModelsOptions = {},
): Promise<ModelInfo[]> {
  if (!options.live) return [...GEMINI_MODELS];
  const call = new GeminiCall(undefined, options);
  try {
    if (call.aborted) throw call.error(undefined);
    const pager = await client().models.list({ config: call.config });
    const models: ModelInfo[] = [];
    for await (const model of pager) {
      const info = toModelInfo(model);
      if (info) models.push(info);
    }
    return models;
  } catch (error) {
    throw call.error(error);
  } finally {
    call.close();
  }
}

function toModelInfo(model: Model): ModelInfo | undefined {
  if (!model.name?.startsWith('models/')) return undefined; // tuned models live under tunedModels/
  const id = stripModelsPrefix(model.name);
  const known = geminiModelInfo(id);
  const methods = model.supportedActions ?? [];
  const kind = known?.kind ?? kindOf(id, methods);
  if (!kind) return undefined;
  const info: ModelInfo = {
    ...known,
    id,
    kind,
    capabilities: { ...capabilitiesOf(id, kind, model), ...known?.capabilities },
  };
  const displayName = model.displayName ?? known?.displayName;
  if (displayName) info.displayName = displayName;
  if (model.inputTokenLimit) info.contextWindow = model.inputTokenLimit;
  // An embedding model's "output limit" is 1 (one vector), not a token budget.
  if (model.outputTokenLimit && kind !== 'embedding') info.maxOutputTokens = model.outputTokenLimit;
  return info;
}

function kindOf(id: string, methods: string[]): ModelKind | undefined {
  if (methods.includes('embedContent')) return 'embedding';
  if (!methods.includes('generateContent')) return undefined;
  if (/-tts\b/.test(id)) return 'speech';
  if (/-image\b/.test(id)) return 'image';
  return 'chat';
}

/** What an unknown model's listing tells: its kind, and `thinking`. Gemini chat models all see and call tools. */
function capabilitiesOf(id: string, kind: ModelKind, model: Model): ModelCapabilities {
  switch (kind) {
    case 'embedding':
      return { embeddings: true };
    case 'image':
      return { imageGeneration: true, vision: true };
    case 'speech':
      return { speech: true };
    default:
      return {
        ...(id.startsWith('gemini-') ? { vision: true, tools: true, json: true } : {}),
        ...(model.thinking ? { reasoning: true } : {}),
      };
  }
}
