import { randomUUID } from 'node:crypto';
import {
  type BatchOptions,
  type BatchResult,
  batchAsCompleted,
  type CompletedItem,
  runBatch,
} from '../batch/index.js';
import { canonicalRequestKey, isCacheable, type ResponseCache } from '../cache/index.js';
import {
  BudgetGuard,
  type BudgetOptions,
  estimatePromptTokensAsNeeded,
  PriceBook,
  type UsageLedger,
} from '../cost/index.js';
import { toSwitchboardError } from '../errors/classify.js';
import { isSwitchboardError, SwitchboardError } from '../errors/errors.js';
import {
  type CallSettings,
  type CallTrace,
  type Candidate,
  type CooldownOptions,
  type CooldownState,
  CooldownTracker,
  type ExecutionOptions,
  executeGenerate,
  executeStream,
  newTrace,
  type SwitchboardStreamEvent,
} from '../execution/index.js';
import { Hooks } from '../hooks/hooks.js';
import type { ProviderRegistry } from '../registry/index.js';
import { providerOfId } from '../registry/model-id.js';
import { type IntentClassifier, LatencyTracker, Router } from '../router/index.js';
import type { RoutePlan, RoutingPolicy } from '../router/types.js';
import type { EmbeddingResult, ImageRequest, ImageResponse, SpeechRequest } from '../types/models.js';
import type { ChatRequest } from '../types/request.js';
import type { ChatResponse } from '../types/response.js';
import { addUsage, emptyUsage, type Usage } from '../types/usage.js';
import { StreamAccumulator } from './accumulator.js';

export interface SwitchboardConfig {
  /** Model used when a request names none: an id, an alias or `auto`. */
  defaultModel?: string;
  aliases?: Record<string, string | string[]>;
  /** Fallback chains per model id or alias, tried after the routed candidates. */
  fallbacks?: Record<string, string[]>;
  policy?: RoutingPolicy;
  /** Intent -> model id or alias, for the `auto` route. */
  autoRoutes?: Partial<Record<string, string>>;
  execution?: ExecutionOptions;
}

export interface SwitchboardOptions extends SwitchboardConfig {
  registry: ProviderRegistry;
  hooks?: Hooks;
  prices?: PriceBook;
  /** Where usage is recorded; without one nothing is kept beyond the response. */
  ledger?: UsageLedger;
  budget?: Omit<BudgetOptions, 'ledger' | 'hooks'>;
  cooldown?: CooldownOptions;
  /** Opt-in response cache. */
  cache?: ResponseCache<ChatResponse>;
  classifier?: IntentClassifier;
}

export interface ChatCallOptions {
  signal?: AbortSignal;
  policy?: RoutingPolicy;
  /** Set false to bypass the response cache for this call. */
  cache?: boolean;
}

export type ModelRequest = ChatRequest & {
  /** Model id (`provider/model`), alias, or `auto`; the configured default when absent. */
  model?: string;
};

/** A Switchboard stream ends with the normalized response, cost included. */
export type ChatStreamEvent = SwitchboardStreamEvent | { type: 'response'; response: ChatResponse };

/**
 * The one entry point: routes a request to candidates, runs them with retries and fallback,
 * prices the answer, records usage, and serves from the cache when asked to.
 */
export class Switchboard {
  readonly hooks: Hooks;
  readonly registry: ProviderRegistry;
  readonly router: Router;
  readonly cooldowns: CooldownTracker;
  readonly latency = new LatencyTracker();
  readonly prices: PriceBook;
  readonly ledger: UsageLedger | undefined;
  readonly budget: BudgetGuard | undefined;
  private readonly cache: ResponseCache<ChatResponse> | undefined;
  private config: SwitchboardConfig;

  constructor(options: SwitchboardOptions) {
    this.hooks = options.hooks ?? new Hooks();
    this.registry = options.registry;
    this.prices = options.prices ?? new PriceBook();
    this.ledger = options.ledger;
    this.cache = options.cache;
    this.cooldowns = new CooldownTracker(options.cooldown, this.hooks);
    if (options.budget && this.ledger) {
      this.budget = new BudgetGuard({ ...options.budget, ledger: this.ledger, hooks: this.hooks });
    }
    this.config = { ...options };
    this.router = new Router({
      catalog: this.registry,
      aliases: options.aliases ?? {},
      autoRoutes: options.autoRoutes ?? {},
      prices: this.prices,
      latency: this.latency,
      // Exact counts only where they can matter: near a context window, or under a budget.
      estimateTokens: (request, id, context) =>
        estimatePromptTokensAsNeeded(request, id, {
          exact: this.budget !== undefined,
          ...(context?.info?.contextWindow !== undefined
            ? { contextWindow: context.info.contextWindow }
            : {}),
        }),
      ...(options.classifier ? { classifier: options.classifier } : {}),
      ...(options.policy ? { defaultPolicy: options.policy } : {}),
    });
  }

  /** Applies changed settings without losing cooldowns, latency history or the cache. */
  updateConfig(config: SwitchboardConfig): void {
    this.config = { ...this.config, ...config };
    this.router.updateConfig({
      ...(config.aliases ? { aliases: config.aliases } : {}),
      ...(config.autoRoutes ? { autoRoutes: config.autoRoutes } : {}),
      ...(config.policy ? { defaultPolicy: config.policy } : {}),
    });
  }

  /** The ordered candidates a request would go to, with what was filtered out and why. */
  async route(request: ModelRequest, options: ChatCallOptions = {}): Promise<RoutePlan> {
    const requested = request.model ?? this.config.defaultModel;
    if (!requested) {
      throw new SwitchboardError('not-found', 'No model was named and no default model is set.', {
        hint: 'Pick a model with "Switchboard: Select Model" or set switchboard.defaultModel.',
      });
    }
    // Only a blocking budget removes candidates; a warning budget lets every call through.
    const remaining = this.budget?.mode === 'block' ? await this.budget.remainingUsd() : undefined;
    const routeOptions = {
      ...(options.policy ? { policy: options.policy } : {}),
      ...(remaining !== undefined && Number.isFinite(remaining) ? { budgetRemainingUsd: remaining } : {}),
    };
    const plan = await this.router.route(requested, stripModel(request), routeOptions);
    // Configured fallback chains go after the routed candidates, filtered by the same rules.
    const chain =
      this.config.fallbacks?.[requested] ?? this.config.fallbacks?.[plan.candidates[0]?.id ?? ''] ?? [];
    for (const id of chain) {
      try {
        const extra = await this.router.route(id, stripModel(request), routeOptions);
        for (const c of extra.candidates)
          if (!plan.candidates.some((p) => p.id === c.id)) plan.candidates.push(c);
        plan.rejected.push(...extra.rejected);
      } catch (error) {
        plan.rejected.push({ id, reason: isSwitchboardError(error) ? error.message : String(error) });
      }
    }
    return plan;
  }

  async chat(request: ModelRequest, options: ChatCallOptions = {}): Promise<ChatResponse> {
    const call = await this.begin(request, false, options);
    if (call.hit) return call.hit;
    const trace = newTrace();
    const result = await executeGenerate(
      call.plan.candidates,
      stripModel(request),
      this.executorDeps(),
      this.callSettings(call.requestId, options),
      trace,
    ).catch((error: unknown) => {
      throw isSwitchboardError(error) ? error : toSwitchboardError(error);
    });
    const model = trace.models[0] ?? call.plan.candidates[0]!.id;
    const response = this.complete(call, trace, {
      ...result,
      metadata: result.metadata ?? {},
      usageByModel: new Map([[model, result.usage]]),
    });
    if (call.cacheKey && isCacheable(response)) await this.cache?.set(call.cacheKey, response);
    return response;
  }

  async *stream(request: ModelRequest, options: ChatCallOptions = {}): AsyncGenerator<ChatStreamEvent> {
    const call = await this.begin(request, true, options);
    if (call.hit) {
      yield* replay(call.hit);
      return;
    }
    const trace = newTrace();
    const acc = new StreamAccumulator();
    for await (const event of executeStream(
      call.plan.candidates,
      stripModel(request),
      this.executorDeps(),
      this.callSettings(call.requestId, options),
      trace,
    )) {
      acc.add(event);
      yield event;
    }
    const response = this.complete(call, trace, {
      text: acc.text,
      ...(acc.reasoning ? { reasoning: acc.reasoning } : {}),
      toolCalls: acc.toolCalls,
      finishReason: acc.finishReason ?? 'other',
      metadata: acc.metadata,
      usageByModel: acc.usageByModel,
    });
    if (call.cacheKey && !acc.interruption && isCacheable(response))
      await this.cache?.set(call.cacheKey, response);
    yield { type: 'response', response };
  }

  /** Many chats under a concurrency limit, results in input order; one failure does not sink the rest. */
  chatBatch(requests: ModelRequest[], options: BatchOptions = {}): Promise<BatchResult<ChatResponse>[]> {
    return runBatch(requests, (request, _index, signal) => this.chat(request, { signal }), options);
  }

  /** Like `chatBatch`, yielding each result as soon as it completes. */
  chatBatchAsCompleted(
    requests: ModelRequest[],
    options: BatchOptions = {},
  ): AsyncGenerator<CompletedItem<ChatResponse>> {
    return batchAsCompleted(requests, (request, _index, signal) => this.chat(request, { signal }), options);
  }

  async embed(
    id: string,
    values: string[],
    options: { signal?: AbortSignal; dimensions?: number } = {},
  ): Promise<EmbeddingResult> {
    const model = await this.registry.embeddingModel(this.resolveSingle(id));
    return model.embed(values, options);
  }

  /**
   * Generates images. Like a chat, the call is refused by a blocking budget that is already spent,
   * priced from the token usage the model reports, and recorded in the ledger.
   */
  async generateImage(
    id: string,
    request: ImageRequest,
    options: { signal?: AbortSignal } = {},
  ): Promise<ImageResponse> {
    const modelId = this.resolveSingle(id);
    // The price is known only afterwards: any cost at all must still fit under the limit.
    if (this.budget) await this.budget.check(Number.MIN_VALUE);
    const model = await this.registry.imageModel(modelId);
    const result = await model.generate(request, options);
    const usage = { ...emptyUsage(), ...result.usage };
    const costUsd = result.usage ? this.prices.price(modelId, usage) : null;
    const requestId = randomUUID();
    this.hooks.emit('usage', { requestId, model: modelId, usage, costUsd });
    this.recordUsage(requestId, modelId, usage, costUsd);
    return { ...result, model: modelId, costUsd };
  }

  async synthesizeSpeech(id: string, request: SpeechRequest, options: { signal?: AbortSignal } = {}) {
    const model = await this.registry.speechModel(this.resolveSingle(id));
    return model.synthesize(request, options);
  }

  /** Models now skipped after failures, with why and until when (for the editor to show). */
  cooldownStatus(): CooldownState[] {
    return this.cooldowns.list();
  }

  private resolveSingle(id: string): string {
    const alias = this.config.aliases?.[id];
    const target = Array.isArray(alias) ? alias[0] : alias;
    return target ?? id;
  }

  /** Routes, checks the budget, and looks in the cache: everything before a model is called. */
  private async begin(
    request: ModelRequest,
    streaming: boolean,
    options: ChatCallOptions,
  ): Promise<CallStart> {
    const requestId = randomUUID();
    const startedAt = Date.now();
    const plan = await this.route(request, options);
    this.hooks.emit('request', {
      requestId,
      requested: plan.requested,
      candidates: plan.candidates.map((c) => c.id),
      streaming,
    });
    // The budget is checked against the first candidate's estimate, before any money is spent.
    if (this.budget) await this.budget.check(plan.candidates[0]?.estimatedCostUsd ?? 0);
    if (!this.cache || options.cache === false) return { requestId, startedAt, plan };
    const cacheKey = canonicalRequestKey(plan.candidates[0]!.id, stripModel(request));
    const cached = await this.cache.get(cacheKey);
    if (!cached) return { requestId, startedAt, plan, cacheKey };
    this.hooks.emit('cache-hit', { requestId, model: cached.model, key: cacheKey });
    const hit = { ...cached, cached: true, costUsd: 0, latencyMs: Date.now() - startedAt, attempts: [] };
    return { requestId, startedAt, plan, cacheKey, hit };
  }

  /** Prices the answer per model that produced it, records usage, and builds the response. */
  private complete(call: CallStart, trace: CallTrace, parts: AnswerParts): ChatResponse {
    const { usageByModel, ...answer } = parts;
    let costUsd: number | null = 0;
    let usage = emptyUsage();
    for (const [id, modelUsage] of usageByModel) {
      const info = call.plan.candidates.find((c) => c.id === id)?.info;
      const cost = this.prices.price(id, modelUsage, info);
      costUsd = cost === null || costUsd === null ? null : costUsd + cost;
      usage = addUsage(usage, modelUsage);
      this.hooks.emit('usage', { requestId: call.requestId, model: id, usage: modelUsage, costUsd: cost });
      this.recordUsage(call.requestId, id, modelUsage, cost);
    }
    const model = trace.models.at(-1) ?? call.plan.candidates[0]!.id;
    return {
      ...answer,
      usage,
      model,
      provider: providerOfId(model),
      costUsd,
      latencyMs: Date.now() - call.startedAt,
      attempts: trace.attempts,
      ...(trace.fallbackFrom ? { fallbackFrom: trace.fallbackFrom } : {}),
      warnings: trace.warnings,
      cached: false,
    };
  }

  /**
   * Records usage in the ledger without making the caller wait for the store: the ledger counts
   * the spend at once (budget checks see it), and a failed write is reported, not thrown, since
   * the answer was already paid for.
   */
  private recordUsage(requestId: string, model: string, usage: Usage, costUsd: number | null): void {
    this.ledger
      ?.record({ provider: providerOfId(model), model, usage, costUsd, requestId })
      .catch((cause: unknown) => {
        const reason = cause instanceof Error ? cause.message : String(cause);
        this.hooks.emit('error', {
          requestId,
          error: new SwitchboardError('unknown', `The usage of ${model} could not be saved: ${reason}`, {
            cause,
          }),
        });
      });
  }

  private executorDeps() {
    return {
      getModel: (candidate: Candidate) => this.registry.chatModel(candidate.id),
      cooldowns: this.cooldowns,
      hooks: this.hooks,
      latency: this.latency,
    };
  }

  private callSettings(requestId: string, options: ChatCallOptions): CallSettings {
    return {
      ...this.config.execution,
      requestId,
      ...(options.signal ? { signal: options.signal } : {}),
      resolveCandidate: async (id: string) => ({ id, info: await this.registry.getModelInfo(id) }),
    };
  }
}

interface CallStart {
  requestId: string;
  startedAt: number;
  plan: RoutePlan;
  cacheKey?: string;
  hit?: ChatResponse;
}

type AnswerParts = Pick<ChatResponse, 'text' | 'reasoning' | 'toolCalls' | 'finishReason' | 'metadata'> & {
  usageByModel: Map<string, Usage>;
};

function stripModel(request: ModelRequest): ChatRequest {
  const { model: _model, ...rest } = request;
  return rest;
}

/** A cached answer, streamed as a live one would be. */
function* replay(response: ChatResponse): Generator<ChatStreamEvent> {
  yield { type: 'start', model: response.model, attempt: 1 };
  if (response.reasoning) yield { type: 'reasoning-delta', text: response.reasoning };
  if (response.text) yield { type: 'text-delta', text: response.text };
  for (const toolCall of response.toolCalls) yield { type: 'tool-call', toolCall };
  yield { type: 'usage', usage: response.usage };
  yield { type: 'finish', reason: response.finishReason };
  yield { type: 'response', response };
}
