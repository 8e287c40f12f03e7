// The entries of "Switchboard: Select Model" as plain data: aliases, then each set-up provider's
// models, then the providers still to set up. The QuickPick adapter only renders them.
import type { ModelEntry, ProviderState } from '../../engine/index.js';
import { formatPricePerMTok, formatTokens } from '../../shared/format.js';
import { type Aliases, aliasTargets, shortModelName } from './alias-targets.js';

export type PickEntry =
  | { kind: 'separator'; label: string }
  | { kind: 'model'; id: string; label: string; description: string; detail: string; current: boolean }
  | {
      kind: 'setup';
      providerId: string;
      /** The command to run, and its arguments (the provider, for Set API Key). */
      command: string;
      args: string[];
      label: string;
      description: string;
      detail: string;
    };

export interface PickInput {
  models: readonly ModelEntry[];
  providers: readonly ProviderState[];
  aliases: Aliases;
  current: string | undefined;
}

const CURRENT = '$(check) ';
const LOCAL_PROVIDER = 'llamacpp';

export function buildPickEntries({ models, providers, aliases, current }: PickInput): PickEntry[] {
  const entries: PickEntry[] = [];
  const chat = models.filter((model) => model.info.kind === 'chat');

  const aliasNames = Object.keys(aliases);
  if (aliasNames.length > 0) entries.push({ kind: 'separator', label: 'Aliases' });
  for (const name of aliasNames) {
    const chain = aliasTargets(name, aliases);
    const missing = chain.filter((id) => !chat.some((model) => model.id === id));
    entries.push({
      kind: 'model',
      id: name,
      label: `${name === current ? CURRENT : ''}${name}`,
      description: 'alias',
      detail: `→ ${chain.join(', ') || 'no model'}${missing.length > 0 ? `  (not set up: ${missing.join(', ')})` : ''}`,
      current: name === current,
    });
  }

  // Providers in the engine's order; a model of an unknown provider still gets a group.
  const groups = new Map<string, { label: string; models: ModelEntry[] }>();
  for (const provider of providers) groups.set(provider.id, { label: provider.displayName, models: [] });
  for (const model of chat) {
    const group = groups.get(model.provider) ?? { label: model.providerName, models: [] };
    group.models.push(model);
    groups.set(model.provider, group);
  }
  for (const group of groups.values()) {
    if (group.models.length === 0) continue;
    entries.push({ kind: 'separator', label: group.label });
    for (const model of group.models) entries.push(modelEntry(model, model.id === current));
  }

  const notReady = providers.filter((provider) => provider.readiness !== 'ready');
  if (notReady.length > 0) entries.push({ kind: 'separator', label: 'Not set up' });
  for (const provider of notReady) entries.push(setupEntry(provider));
  return entries;
}

function modelEntry(model: ModelEntry, current: boolean): PickEntry {
  const { info } = model;
  const name = info.displayName ?? shortModelName(model.id);
  const facts = [
    capabilityIcons(info.capabilities, info.local === true),
    info.contextWindow ? `${formatTokens(info.contextWindow)} context` : '',
    info.local ? 'free' : formatPricePerMTok(model.pricing),
  ].filter(Boolean);
  return {
    kind: 'model',
    id: model.id,
    label: `${current ? CURRENT : ''}${name}`,
    description: model.id,
    detail: facts.join(' · '),
    current,
  };
}

export function capabilityIcons(capabilities: ModelEntry['info']['capabilities'], local: boolean): string {
  return [
    capabilities.vision && '$(eye) vision',
    capabilities.tools && '$(tools) tools',
    capabilities.json && '$(json) json',
    capabilities.reasoning && '$(lightbulb) reasoning',
    local && '$(vm) local',
  ]
    .filter(Boolean)
    .join('  ');
}

function setupEntry(provider: ProviderState): PickEntry {
  const base = { kind: 'setup' as const, providerId: provider.id, args: [], detail: provider.reason ?? '' };
  if (provider.id === LOCAL_PROVIDER) {
    return {
      ...base,
      command: 'switchboard.addLocalModel',
      label: '$(cloud-download) Add a local model',
      description: provider.displayName,
    };
  }
  if (provider.readiness === 'needs-setup') {
    const env = provider.keyEnv.length > 0 ? ` (or set ${provider.keyEnv.join(' / ')})` : '';
    return {
      ...base,
      command: 'switchboard.setApiKey',
      args: [provider.id],
      label: `$(key) Set up ${provider.displayName}`,
      description: provider.missing.length > 0 ? `needs ${provider.missing.join(', ')}` : 'not set up',
      detail: `Store an API key for ${provider.displayName}${env}.`,
    };
  }
  // Not running (a local server) or failed to load: the providers list explains and offers fixes.
  return {
    ...base,
    command: 'switchboard.showProviders',
    label: `$(${provider.readiness === 'failed' ? 'error' : 'circle-slash'}) ${provider.displayName}`,
    description: provider.readiness === 'failed' ? 'failed' : 'not available',
  };
}
