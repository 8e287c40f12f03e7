// Switchboard's models as entries of VS Code's own model picker (LanguageModelChatInformation),
// as plain data: the adapter hands these objects to VS Code unchanged.
import type { ModelInfo } from '@switchboard/core';
import type { ModelEntry } from '../../engine/index.js';
import { formatPricePerMTok, formatTokens } from '../../shared/format.js';
import { type Aliases, aliasTargets, shortModelName } from './alias-targets.js';

/** The fields of vscode.LanguageModelChatInformation, structurally. */
export interface ChatModelInformation {
  /** The core id (`openai/gpt-4o-mini`) or an alias name: the chat participant reads `model.id`. */
  id: string;
  name: string;
  family: string;
  version: string;
  detail: string;
  tooltip: string;
  maxInputTokens: number;
  maxOutputTokens: number;
  capabilities: { imageInput: boolean; toolCalling: boolean };
}

/** Used when a provider does not say: small enough for most local models, large enough to be useful. */
export const DEFAULT_CONTEXT_WINDOW = 32_768;
export const DEFAULT_MAX_OUTPUT_TOKENS = 4096;

/**
 * VS Code budgets prompts by `maxInputTokens`, and the context window holds the answer too, so
 * room for the answer is kept: the model's output limit, but never more than a quarter of the
 * window (a 4K local model with a 4K output limit would otherwise accept no input at all).
 */
export function tokenLimits(info: Pick<ModelInfo, 'contextWindow' | 'maxOutputTokens'>): {
  maxInputTokens: number;
  maxOutputTokens: number;
} {
  const window = positive(info.contextWindow) ?? DEFAULT_CONTEXT_WINDOW;
  const maxOutputTokens = Math.min(positive(info.maxOutputTokens) ?? DEFAULT_MAX_OUTPUT_TOKENS, window);
  const reserved = Math.min(maxOutputTokens, Math.floor(window / 4));
  return { maxInputTokens: window - reserved, maxOutputTokens };
}

export function modelInformation(entry: ModelEntry): ChatModelInformation {
  const { info } = entry;
  const limits = tokenLimits(info);
  const family = shortModelName(entry.id);
  return {
    id: entry.id,
    name: info.displayName ?? family,
    // Model-based families (`gpt-4o`, `claude-…`) let VS Code tune its prompts to the model.
    family,
    version: info.id,
    detail: `${entry.providerName} · ${info.local ? 'local' : formatPricePerMTok(entry.pricing)}`,
    tooltip: [
      entry.id,
      `${entry.providerName}${info.local ? ' (runs on this machine)' : ''}`,
      `Context ${formatTokens(positive(info.contextWindow) ?? DEFAULT_CONTEXT_WINDOW)}${info.contextWindow ? '' : ' (assumed)'}, output up to ${formatTokens(limits.maxOutputTokens)} tokens`,
      `Price: ${info.local ? 'free' : formatPricePerMTok(entry.pricing)}`,
      capabilityWords(info) || 'Text only',
    ].join('\n'),
    ...limits,
    capabilities: {
      imageInput: info.capabilities.vision === true,
      toolCalling: info.capabilities.tools === true,
    },
  };
}

/**
 * An alias as a model: it can do what every model it names can do (a fallback must be able to
 * take the same request), and its limits are the smallest of theirs. Only the targets that are
 * set up count; an alias with none is left out.
 */
export function aliasInformation(
  name: string,
  aliases: Aliases,
  models: readonly ModelEntry[],
): ChatModelInformation | undefined {
  const chain = aliasTargets(name, aliases);
  const targets = chain.flatMap((id) => models.filter((model) => model.id === id));
  const first = targets[0];
  if (!first) return undefined;
  const limits = targets.map((target) => tokenLimits(target.info));
  const every = (capability: 'vision' | 'tools') =>
    targets.every((target) => target.info.capabilities[capability] === true);
  return {
    id: name,
    name: `${name} (alias)`,
    // The first target answers unless it fails, so VS Code should shape prompts for it.
    family: shortModelName(first.id),
    version: name,
    detail: `Switchboard alias → ${chain.join(', ')}`,
    tooltip: [
      `Alias "${name}": ${chain.join(' → ')}`,
      'Tried in order, falling back to the next model when one fails.',
      ...(targets.length < chain.length
        ? [`Not set up: ${chain.filter((id) => !targets.some((t) => t.id === id)).join(', ')}`]
        : []),
    ].join('\n'),
    maxInputTokens: Math.min(...limits.map((limit) => limit.maxInputTokens)),
    maxOutputTokens: Math.min(...limits.map((limit) => limit.maxOutputTokens)),
    capabilities: { imageInput: every('vision'), toolCalling: every('tools') },
  };
}

/** Aliases first (they are what the user named), then every chat model of the set-up providers. */
export function chatInformation(models: readonly ModelEntry[], aliases: Aliases): ChatModelInformation[] {
  const chat = models.filter((model) => model.info.kind === 'chat');
  const named = Object.keys(aliases).flatMap((name) => aliasInformation(name, aliases, chat) ?? []);
  const all = [...named, ...chat.map(modelInformation)];
  return all.length > 0 ? all : [SETUP_MODEL];
}

/** Not a model: shown while none is set up, so the chat reaches Switchboard, which says what to do. */
export const SETUP_MODEL_ID = 'switchboard/set-up-a-model';

const SETUP_MODEL: ChatModelInformation = {
  id: SETUP_MODEL_ID,
  name: 'Switchboard: set up a model',
  family: 'switchboard-setup',
  version: '1',
  detail: 'No model is set up yet',
  tooltip: 'Store an API key (Switchboard: Set API Key), start Ollama, or add a local model.',
  maxInputTokens: DEFAULT_CONTEXT_WINDOW,
  maxOutputTokens: DEFAULT_MAX_OUTPUT_TOKENS,
  // Agent mode lists only tool-calling models; this entry must show there too.
  capabilities: { imageInput: false, toolCalling: true },
};

/** What the set-up entry answers when a prompt is sent to it. */
export const SETUP_ANSWER =
  'Switchboard has no model set up yet. Run **Switchboard: Set API Key** to store a key for OpenAI, Anthropic, Gemini or an OpenAI-compatible service (or set OPENAI_API_KEY, ANTHROPIC_API_KEY, GEMINI_API_KEY…), start Ollama, or run **Switchboard: Add Local Model**; then pick the model in this picker.';

/** `vision · tools · json · reasoning`, for tooltips. */
export function capabilityWords(info: Pick<ModelInfo, 'capabilities'>): string {
  const { vision, tools, json, reasoning } = info.capabilities;
  return [vision && 'vision', tools && 'tools', json && 'JSON output', reasoning && 'reasoning']
    .filter(Boolean)
    .join(' · ');
}

function positive(value: number | undefined): number | undefined {
  return value !== undefined && Number.isFinite(value) && value > 0 ? Math.floor(value) : undefined;
}
