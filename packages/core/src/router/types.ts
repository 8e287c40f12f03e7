import type { ModelInfo, ModelPricing } from '../types/models.js';
import type { ChatRequest } from '../types/request.js';

/** Where the router learns what a model can do (the registry implements it). */
export interface ModelCatalog {
  /** `provider/model` -> info, or undefined when the provider does not list the model. */
  getModelInfo(id: string): Promise<ModelInfo | undefined>;
  /** Every chat model known, as full ids; used by policies over "any model" and by `auto`. */
  listChatModels?(): Promise<Array<{ id: string; info: ModelInfo }>>;
}

export type RoutingPolicy = 'order' | 'cheapest' | 'fastest' | 'quality';

export interface RouteCandidate {
  /** Full model id, `provider/model`. */
  id: string;
  info?: ModelInfo;
  /** Estimated price of this request on this model, when known. */
  estimatedCostUsd?: number;
  /** Estimated prompt tokens of this request for this model. */
  estimatedInputTokens?: number;
}

/** Why the router dropped a candidate; decides the error kind when nothing is left. */
export type RejectionCategory = 'kind' | 'vision' | 'tools' | 'json' | 'context-window' | 'budget';

export interface RejectedCandidate {
  id: string;
  reason: string;
  category?: RejectionCategory;
}

export interface RoutePlan {
  /** What the caller asked for: an id, an alias or `auto`. */
  requested: string;
  /** Ordered: the first is tried first, the rest are fallbacks. */
  candidates: RouteCandidate[];
  /** Models the filter removed, with why (shown to the user when nothing is left). */
  rejected: RejectedCandidate[];
  /** Intent chosen by the `auto` route. */
  intent?: string;
  estimatedInputTokens: number;
}

export interface RouteOptions {
  policy?: RoutingPolicy;
  /** USD left to spend; candidates whose estimate exceeds it are dropped. */
  budgetRemainingUsd?: number;
  /** Output tokens assumed for cost estimates; defaults to the request's maxTokens, else 1000. */
  expectedOutputTokens?: number;
  /** Cancels the `auto` route's classification (it may call an embedding model). */
  signal?: AbortSignal;
}

/** Prices per million tokens for a model (the cost module's PriceBook implements it). */
export interface PriceLookup {
  pricing(id: string, info?: ModelInfo): ModelPricing | null;
}

/** What the router knows about the model when it asks for an estimate. */
export interface TokenEstimateContext {
  /** The catalog's entry, when the model is listed. */
  info?: ModelInfo;
}

/** Token estimate of a request's prompt before the call. */
export type TokenEstimator = (
  request: ChatRequest,
  id: string,
  context?: TokenEstimateContext,
) => number | Promise<number>;
