import type { CallOptions, ModelInfo } from '@switchboard/core';
import type { ModelResponse } from 'ollama';
import { openScope } from './ollama-client.js';
import type { OllamaConfig } from './ollama-config.js';
import { toOllamaError } from './ollama-error.js';

/** What /api/show tells about a model that ModelInfo needs. */
export interface ModelFacts {
  /** completion, tools, vision, embedding, thinking, insert... (absent on old servers). */
  capabilities?: string[];
  contextLength?: number;
}

/** /api/show calls in flight at once while listing; a local server serves them quickly. */
const SHOW_CONCURRENCY = 4;

/** Ollama resolves a name without a tag to `:latest`; ids leave it out, as users write them. */
export function canonicalName(name: string): string {
  const tail = name.slice(name.lastIndexOf('/') + 1);
  return tail.includes(':') ? name : `${name}:latest`;
}

function modelId(name: string): string {
  return name.endsWith(':latest') ? name.slice(0, -':latest'.length) : name;
}

function factsFromShow(show: { capabilities?: unknown; model_info?: unknown }): ModelFacts {
  const facts: ModelFacts = {};
  if (Array.isArray(show.capabilities)) {
    facts.capabilities = show.capabilities.filter((c): c is string => typeof c === 'string');
  }
  // model_info is a plain JSON object keyed `<architecture>.context_length`
  // (https://github.com/ollama/ollama/blob/main/docs/api.md#show-model-information).
  const info = (show.model_info ?? {}) as Record<string, unknown>;
  const arch = info['general.architecture'];
  const length = typeof arch === 'string' ? info[`${arch}.context_length`] : undefined;
  if (typeof length === 'number' && length > 0) facts.contextLength = length;
  return facts;
}

function toModelInfo(model: ModelResponse, facts: ModelFacts | undefined): ModelInfo {
  const caps = facts?.capabilities;
  const has = (capability: string) => (caps ? caps.includes(capability) : undefined);
  const embeddingOnly = has('embedding') === true && has('completion') === false;
  const details = [model.details?.parameter_size, model.details?.quantization_level]
    .filter(Boolean)
    .join(' ');
  const capabilities: ModelInfo['capabilities'] = {};
  if (caps) {
    capabilities.vision = has('vision') ?? false;
    capabilities.tools = has('tools') ?? false;
    // Structured output (`format`) works with every completion model.
    capabilities.json = has('completion') ?? false;
    capabilities.embeddings = has('embedding') ?? false;
    capabilities.reasoning = has('thinking') ?? false;
  }
  return {
    id: modelId(model.name),
    displayName: details ? `${model.name} (${details})` : model.name,
    kind: embeddingOnly ? 'embedding' : 'chat',
    capabilities,
    ...(facts?.contextLength !== undefined ? { contextWindow: facts.contextLength } : {}),
    local: true,
    pricing: { inputPerMTok: 0, outputPerMTok: 0 },
  };
}

async function mapLimited<T, R>(items: T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await fn(items[index] as T);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

/**
 * The models pulled into one Ollama server, with what /api/show says about each. Show answers are
 * cached per server and model, and refreshed when the listing shows a new digest (a re-pull).
 */
export class OllamaModelCatalog {
  private readonly facts = new Map<string, { digest?: string; facts: Promise<ModelFacts | undefined> }>();

  /** /api/tags, then /api/show for each model whose facts are not cached yet. */
  async list(config: OllamaConfig, options: CallOptions = {}): Promise<ModelInfo[]> {
    const scope = openScope(config, options);
    try {
      const { models } = await scope.client.list();
      const infos = await mapLimited(models ?? [], SHOW_CONCURRENCY, async (model) =>
        toModelInfo(model, await this.lookup(config, model.name, options, model.digest)),
      );
      // A lookup cut short by the caller's abort yields no facts; do not pass that off as a listing.
      scope.signal.throwIfAborted();
      return infos;
    } catch (error) {
      throw toOllamaError(error, { host: config.displayHost, scope });
    } finally {
      scope.dispose();
    }
  }

  /** What /api/show says about a model; undefined when that cannot be learnt (old server, unknown model). */
  lookup(
    config: OllamaConfig,
    name: string,
    options: CallOptions = {},
    digest?: string,
  ): Promise<ModelFacts | undefined> {
    const key = `${config.host}\n${config.apiKey ?? ''}\n${canonicalName(name)}`;
    const cached = this.facts.get(key);
    if (cached && (digest === undefined || cached.digest === undefined || cached.digest === digest)) {
      return cached.facts;
    }
    const facts = this.show(config, name, options).then((found) => {
      // A failed lookup is not remembered: the server may be back, or the model pulled, next time.
      if (!found && this.facts.get(key)?.facts === facts) this.facts.delete(key);
      return found;
    });
    this.facts.set(key, { ...(digest !== undefined ? { digest } : {}), facts });
    return facts;
  }

  private async show(
    config: OllamaConfig,
    name: string,
    options: CallOptions,
  ): Promise<ModelFacts | undefined> {
    const scope = openScope(config, options);
    try {
      return factsFromShow(await scope.client.show({ model: name }));
    } catch {
      return undefined;
    } finally {
      scope.dispose();
    }
  }
}
