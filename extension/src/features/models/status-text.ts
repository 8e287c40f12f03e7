// The status bar item's text and tooltip as plain data, from whatever is known so far: before the
// engine is loaded only the model's name; after, its provider, price and the spend.
import type { ModelEntry, SpendSummary } from '../../engine/index.js';
import { formatPricePerMTok, formatUsd } from '../../shared/format.js';
import { shortModelName } from './alias-targets.js';

export interface StatusInput {
  /** The picked model or alias; undefined when none is known (yet). */
  modelId: string | undefined;
  /** The model's catalog entry, once the engine is loaded (none for an alias). */
  entry?: ModelEntry;
  /** For an alias: the ids it stands for. */
  aliasTargets?: readonly string[];
  /** Once the engine is loaded. */
  spend?: SpendSummary;
  budget: { dailyUsd?: number; monthlyUsd?: number };
  /** False when the engine found no model at all; undefined before it was asked. */
  anyModelSetUp?: boolean;
}

export interface StatusView {
  text: string;
  /** Markdown. */
  tooltip: string;
  /** What a click does. */
  action: 'select-model' | 'set-up';
}

export function statusView(input: StatusInput): StatusView {
  if (input.anyModelSetUp === false) {
    return {
      text: '$(hubot) Switchboard: set up a model',
      tooltip: '**Switchboard** has no model yet.\n\nClick to connect a provider or add a local model.',
      action: 'set-up',
    };
  }
  const { modelId, entry, spend } = input;
  const name = modelId ? (entry?.info.displayName ?? shortModelName(modelId)) : 'Switchboard';
  const text = `$(hubot) ${name}${spend ? ` · ${formatSpend(spend.todayUsd)} today` : ''}`;
  const lines = [modelId ? `**Switchboard** · \`${modelId.replaceAll('`', '')}\`` : '**Switchboard**'];
  if (entry) {
    lines.push(`Provider: ${escapeMarkdown(entry.providerName)}${entry.info.local ? ' (local)' : ''}`);
    lines.push(`Price: ${entry.info.local ? 'free' : formatPricePerMTok(entry.pricing)}`);
  } else if (input.aliasTargets?.length) {
    lines.push(`Alias for ${input.aliasTargets.map((id) => `\`${id.replaceAll('`', '')}\``).join(' → ')}`);
  }
  if (spend) {
    lines.push(`Spent: ${formatUsd(spend.todayUsd)} today · ${formatUsd(spend.monthUsd)} this month`);
    lines.push(budgetLine(spend, input.budget));
  }
  lines.push(modelId ? 'Click to pick another model.' : 'Click to pick a model.');
  return { text, tooltip: lines.join('\n\n'), action: 'select-model' };
}

/** Two decimals for the status bar; a tiny amount is still shown as more than nothing. */
export function formatSpend(usd: number): string {
  if (usd > 0 && usd < 0.01) return '<$0.01';
  return `$${usd.toFixed(2)}`;
}

function budgetLine(spend: SpendSummary, budget: StatusInput['budget']): string {
  const parts: string[] = [];
  if (budget.dailyUsd !== undefined) parts.push(`${share(spend.todayUsd, budget.dailyUsd)} today`);
  if (budget.monthlyUsd !== undefined) parts.push(`${share(spend.monthUsd, budget.monthlyUsd)} this month`);
  return parts.length > 0 ? `Budget: ${parts.join(' · ')}` : 'Budget: none set';
}

function share(spent: number, limit: number): string {
  const percent = limit > 0 ? ` (${Math.round((spent / limit) * 100)}%)` : '';
  return `${formatUsd(spent)} of ${formatUsd(limit)}${percent}`;
}

function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_[\]<>#|]/g, '\\$&');
}
