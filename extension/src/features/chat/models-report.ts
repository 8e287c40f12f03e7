// /models as Markdown: the usable models by provider, the aliases, and the providers still to set up.
import type { ModelEntry, ProviderState } from '../../engine/index.js';
import { escapeMarkdown } from '../../prompts/footer.js';
import { formatPricePerMTok, formatTokens } from '../../shared/format.js';

export interface ModelsReportInput {
  models: readonly ModelEntry[];
  providers: readonly ProviderState[];
  aliases: Readonly<Record<string, string | readonly string[]>>;
  /** The model answers go to now; marked in the table. */
  current?: string;
}

export function modelsReport(input: ModelsReportInput): string {
  const sections: string[] = [];
  const byProvider = new Map<string, ModelEntry[]>();
  for (const model of input.models) {
    const list = byProvider.get(model.provider) ?? [];
    list.push(model);
    byProvider.set(model.provider, list);
  }
  if (byProvider.size === 0) sections.push('**No models are set up yet.**');
  for (const [provider, models] of byProvider) {
    const name = models[0]!.providerName;
    const rows = models.map(
      (model) =>
        `| ${model.id === input.current ? '▶ ' : ''}\`${model.id}\` | ${cell(capabilities(model))} | ${
          model.info.contextWindow ? formatTokens(model.info.contextWindow) : '—'
        } | ${cell(formatPricePerMTok(model.pricing))} |`,
    );
    sections.push(
      [
        `### ${escapeMarkdown(name)} (\`${provider}\`)`,
        '',
        '| Model | Can | Context | Price |',
        '|---|---|---|---|',
        ...rows,
      ].join('\n'),
    );
  }
  const aliases = Object.entries(input.aliases);
  if (aliases.length > 0) {
    sections.push(
      [
        '### Aliases',
        '',
        '| Alias | Models, in order |',
        '|---|---|',
        ...aliases.map(([alias, target]) => `| \`${alias}\` | ${targets(target)} |`),
      ].join('\n'),
    );
  }
  const notReady = input.providers.filter((provider) => provider.readiness !== 'ready');
  if (notReady.length > 0) {
    sections.push(
      [
        '### Not set up',
        '',
        ...notReady.map(
          (provider) =>
            `- **${escapeMarkdown(provider.displayName)}** (\`${provider.id}\`): ${escapeMarkdown(nextStep(provider))}`,
        ),
      ].join('\n'),
    );
  }
  if (input.current) sections.push(`▶ marks the current model, \`${input.current}\`.`);
  return sections.join('\n\n');
}

function capabilities(model: ModelEntry): string {
  const { capabilities: caps, kind, local } = model.info;
  const words: string[] = kind === 'chat' ? ['chat'] : [kind === 'image' ? 'image generation' : kind];
  if (caps.vision) words.push('vision');
  if (caps.tools) words.push('tools');
  if (caps.json) words.push('JSON');
  if (caps.reasoning) words.push('reasoning');
  if (local) words.push('local');
  return words.join(', ');
}

function targets(target: string | readonly string[]): string {
  return (typeof target === 'string' ? [target] : target).map((id) => `\`${id}\``).join(' → ');
}

/** What the user can do about a provider that is not ready. */
export function nextStep(provider: ProviderState): string {
  const reason = provider.reason ? `${provider.reason.replace(/\.?$/, '.')} ` : '';
  switch (provider.readiness) {
    case 'needs-setup': {
      const steps: string[] = [];
      if (provider.keyEnv.length > 0 || provider.keySource !== undefined) {
        steps.push(
          `Set an API key with "Switchboard: Set API Key"${
            provider.keyEnv.length > 0 ? ` or the environment variable ${provider.keyEnv.join(' / ')}` : ''
          }.`,
        );
      }
      const settings = provider.missing.filter((name) => !/key|token|secret/i.test(name));
      if (settings.length > 0) {
        steps.push(
          `Add ${settings.join(', ')} under "switchboard.providers" → "${provider.id}" in the settings.`,
        );
      }
      if (steps.length === 0) {
        steps.push(
          `Point Switchboard at it under "switchboard.providers" → "${provider.id}", or set its API key.`,
        );
      }
      return `${reason}${steps.join(' ')}`;
    }
    case 'unavailable':
      return `${reason}${provider.local ? 'Start it, or add a model with "Switchboard: Add Local Model".' : 'Check that it is running and reachable.'}`;
    case 'failed':
      return `${reason}See "Switchboard: Show Providers" and the log.`;
    default:
      return reason.trim();
  }
}

/** A table cell: no pipes, no line breaks, no `$` that math rendering could take. */
function cell(text: string): string {
  return text.replace(/[|$]/g, (char) => `\\${char}`).replace(/\r?\n/g, ' ');
}
