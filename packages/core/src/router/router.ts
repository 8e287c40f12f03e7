import { expectedOutputTokens } from '../cost/estimate.js';
import { approximateTokens, countPromptTokens } from '../cost/tokens.js';
import { SwitchboardError } from '../errors/errors.js';
import type { ModelInfo } from '../types/models.js';
import type { ChatRequest } from '../types/request.js';
import { type AliasConfig, resolveAlias } from './aliases.js';
import { checkCapabilities, type RouteTask } from './capabilities.js';
import { estimateRequestCostUsd, findPricing } from './cost-estimate.js';
import { type Intent, type IntentClassifier, RuleBasedClassifier } from './intent.js';
import type { LatencyTracker } from './latency.js';
import { noCandidateError } from './no-candidate-error.js';
import { applyBudget, orderCandidates } from './policies.js';
import type {
  ModelCatalog,
  PriceLookup,
  RejectedCandidate,
  RouteCandidate,
  RouteOptions,
  RoutePlan,
  RoutingPolicy,
  TokenEstimator,
} from './types.js';

/** The model name that asks the router to pick by intent. Reserved: an alias cannot be called this. */
export const AUTO_MODEL = 'auto';

export type AutoRoutes = Partial<Record<Intent, string>>;

export interface RouterConfig {
  catalog: ModelCatalog;
  aliases?: AliasConfig;
  /** intent -> id or alias, for the `auto` model. */
  autoRoutes?: AutoRoutes;
  /** Decides the intent for `auto`. Default: `RuleBasedClassifier`. */
  classifier?: IntentClassifier;
  prices?: PriceLookup;
  latency?: LatencyTracker;
  /** Default: the cost module's tokenizer-free count (`approximateTokens` over the prompt, with framing). */
  estimateTokens?: TokenEstimator;
  /** Default: `order`. */
  defaultPolicy?: RoutingPolicy;
}

export type RouterSettings = Pick<RouterConfig, 'aliases' | 'autoRoutes' | 'defaultPolicy'>;

/**
 * Turns what the caller asked for (an id, an alias or `auto`) into an ordered candidate list:
 * resolve -> look up each model -> drop those that cannot serve the request -> estimate cost ->
 * drop those over budget -> order by policy. Throws when nothing is left, saying why for each.
 */
export class Router {
  private readonly catalog: ModelCatalog;
  private readonly classifier: IntentClassifier;
  private readonly prices: PriceLookup | undefined;
  private readonly latency: LatencyTracker | undefined;
  private readonly estimateTokens: TokenEstimator;
  private aliases: AliasConfig;
  private autoRoutes: AutoRoutes;
  private defaultPolicy: RoutingPolicy;

  constructor(config: RouterConfig) {
    this.catalog = config.catalog;
    this.classifier = config.classifier ?? new RuleBasedClassifier();
    this.prices = config.prices;
    this.latency = config.latency;
    this.estimateTokens =
      config.estimateTokens ?? ((request) => countPromptTokens(request, approximateTokens));
    this.aliases = { ...config.aliases };
    this.autoRoutes = { ...config.autoRoutes };
    this.defaultPolicy = config.defaultPolicy ?? 'order';
  }

  /** Applies changed settings; what is not given stays as it was. */
  updateConfig(settings: RouterSettings): void {
    if (settings.aliases !== undefined) this.aliases = { ...settings.aliases };
    if (settings.autoRoutes !== undefined) this.autoRoutes = { ...settings.autoRoutes };
    if (settings.defaultPolicy !== undefined) this.defaultPolicy = settings.defaultPolicy;
  }

  async route(requested: string, request: ChatRequest, options: RouteOptions = {}): Promise<RoutePlan> {
    const name = requested.trim();
    const target = name === AUTO_MODEL ? await this.autoTarget(request, options.signal) : undefined;
    const task: RouteTask = target?.intent === 'image-generation' ? 'image-generation' : 'chat';
    const ids = target ? target.ids : resolveAlias(name, this.aliases);

    const rejected: RejectedCandidate[] = [];
    const fitting: RouteCandidate[] = [];
    const looked = await Promise.all(ids.map((id) => this.lookUp(id, request, target?.known)));
    for (const { id, info, tokens } of looked) {
      const rejection = checkCapabilities({ id, info, request, estimatedInputTokens: tokens, task });
      if (rejection) {
        rejected.push(rejection);
        continue;
      }
      const candidate: RouteCandidate = { id, estimatedInputTokens: tokens };
      if (info) candidate.info = info;
      const pricing = findPricing(id, info, this.prices);
      const expectedOutput = options.expectedOutputTokens ?? expectedOutputTokens(tokens, request.maxTokens);
      if (pricing) candidate.estimatedCostUsd = estimateRequestCostUsd(pricing, tokens, expectedOutput);
      fitting.push(candidate);
    }

    const budget = applyBudget(fitting, options.budgetRemainingUsd);
    rejected.push(...budget.rejected);
    if (budget.kept.length === 0) throw noCandidateError(name, rejected);

    const candidates = orderCandidates(budget.kept, options.policy ?? this.defaultPolicy, this.latency);
    const plan: RoutePlan = {
      requested: name,
      candidates,
      rejected,
      estimatedInputTokens: candidates[0]?.estimatedInputTokens ?? 0,
    };
    if (target) plan.intent = target.intent;
    return plan;
  }

  private async lookUp(id: string, request: ChatRequest, known?: Map<string, ModelInfo>) {
    // The info first: with the context window at hand, the estimator can skip an exact count.
    const info = known?.get(id) ?? (await this.catalog.getModelInfo(id));
    const tokens = await this.estimateTokens(request, id, info ? { info } : {});
    return { id, info, tokens };
  }

  /**
   * The `auto` model: classify, then use the route for that intent. An intent without a route
   * uses the `chat` route, and without that, every chat model the catalog lists. Image generation
   * never falls back to chat models: they would answer with text.
   */
  private async autoTarget(
    request: ChatRequest,
    signal?: AbortSignal,
  ): Promise<{ intent: Intent; ids: string[]; known?: Map<string, ModelInfo> }> {
    const { intent } = await this.classifier.classify(request, signal);
    const imageIntent = intent === 'image-generation';
    const route = this.autoRoutes[intent] ?? (imageIntent ? undefined : this.autoRoutes.chat);
    if (route !== undefined) return { intent, ids: resolveAlias(route, this.aliases) };

    const listed = imageIntent ? undefined : await this.catalog.listChatModels?.();
    if (listed && listed.length > 0) {
      return { intent, ids: listed.map((m) => m.id), known: new Map(listed.map((m) => [m.id, m.info])) };
    }
    throw new SwitchboardError('invalid-request', `The auto model has no route for the intent "${intent}".`, {
      model: AUTO_MODEL,
      hint: `Map "${intent}"${imageIntent ? '' : ' (or "chat")'} to a model id or alias in the auto routes setting.`,
    });
  }
}
