// The "Show Providers" list as plain data: providers by readiness, then plugin problems.
import type { PluginProblem, PluginStatus } from '@switchboard/core';
import type { ProviderState } from '../../engine/index.js';

export interface ProviderItem {
  label: string;
  description?: string;
  detail?: string;
  providerId?: string;
  separator?: boolean;
}

const ICON: Record<ProviderState['readiness'], string> = {
  ready: '$(pass-filled)',
  'needs-setup': '$(key)',
  unavailable: '$(circle-slash)',
  failed: '$(error)',
};

export function providerItems(
  providers: ProviderState[],
  plugins: { statuses: PluginStatus[]; problems: PluginProblem[] },
): ProviderItem[] {
  const items: ProviderItem[] = [];
  const groups: Array<[string, ProviderState[]]> = [
    ['Ready', providers.filter((p) => p.readiness === 'ready')],
    ['Not set up', providers.filter((p) => p.readiness === 'needs-setup')],
    ['Not available', providers.filter((p) => p.readiness === 'unavailable' || p.readiness === 'failed')],
  ];
  for (const [title, members] of groups) {
    if (members.length === 0) continue;
    items.push({ label: title, separator: true });
    for (const provider of members) {
      items.push({
        label: `${ICON[provider.readiness]} ${provider.displayName}`,
        description: `${provider.id}${provider.local ? ' · local' : ''} · ${provider.pluginName}`,
        detail: detailOf(provider),
        providerId: provider.id,
      });
    }
  }
  const broken = [
    ...plugins.problems.filter((problem) => problem.kind !== 'missing-root').map((problem) => problem.reason),
    ...plugins.statuses
      .filter((status) => status.status !== 'loaded' && status.status !== 'discovered')
      .map((status) => `${status.name} (${status.source}): ${status.reason ?? status.status}`),
  ];
  if (broken.length > 0) {
    items.push({ label: 'Plugin problems', separator: true });
    for (const reason of broken) items.push({ label: `$(warning) ${reason}` });
  }
  return items;
}

function detailOf(provider: ProviderState): string {
  if (provider.readiness === 'ready') {
    if (provider.keySource === 'environment') return `Key from ${provider.keyEnv.join(' or ')}`;
    if (provider.keySource === 'secret-storage') return 'Key in secret storage';
    return provider.local ? 'Runs on this machine' : 'Ready';
  }
  if (provider.readiness === 'needs-setup') {
    const env = provider.keyEnv.length > 0 ? ` or set ${provider.keyEnv.join(' / ')}` : '';
    return `${provider.reason ?? 'Not set up.'} Select to set an API key${env}.`;
  }
  return provider.reason ?? provider.readiness;
}
