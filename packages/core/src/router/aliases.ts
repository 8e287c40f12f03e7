import { SwitchboardError } from '../errors/errors.js';
import { isModelId } from '../registry/model-id.js';

/**
 * User-configured names for models. A value is a full id, another alias, or a chain: an ordered
 * list of ids/aliases tried in turn (the first is preferred, the rest are fallbacks).
 */
export type AliasConfig = Record<string, string | string[]>;

/** Names the editor suggests; they carry no meaning beyond being ordinary aliases. */
export const WELL_KNOWN_ALIAS_NAMES = ['fast', 'smart', 'cheap', 'local', 'vision'] as const;

/**
 * Defaults the host merges under the user's aliases. Empty on purpose: which vendor models a
 * user has keys for is theirs to say, so core ships no vendor choice as a default.
 */
export const DEFAULT_ALIASES: Readonly<AliasConfig> = Object.freeze({});

/** A documented example of the well-known names (for settings docs and placeholders, not applied). */
export const EXAMPLE_ALIASES: Readonly<AliasConfig> = Object.freeze({
  fast: ['groq/llama-3.1-8b-instant', 'openai/gpt-4o-mini'],
  smart: ['anthropic/claude-sonnet-4-5', 'openai/gpt-4o'],
  cheap: 'openai/gpt-4o-mini',
  local: 'ollama/llama3.2',
  vision: ['openai/gpt-4o', 'anthropic/claude-sonnet-4-5'],
});

/**
 * Resolves an id or alias into the ordered, de-duplicated list of full ids it stands for.
 * Throws `not-found` for a name that is neither an id nor an alias, `invalid-request` for a cycle
 * or an alias that names no model.
 */
export function resolveAlias(name: string, aliases: Readonly<AliasConfig>): string[] {
  const out: string[] = [];
  expand(name.trim(), aliases, [], out);
  return out;
}

function expand(name: string, aliases: Readonly<AliasConfig>, path: string[], out: string[]): void {
  // An alias may shadow nothing with a slash: anything `provider/model` is an id.
  if (isModelId(name)) {
    if (!out.includes(name)) out.push(name);
    return;
  }
  if (!Object.hasOwn(aliases, name)) throw unknownName(name, aliases, path);
  if (path.includes(name)) {
    const cycle = [...path.slice(path.indexOf(name)), name].join(' -> ');
    throw new SwitchboardError('invalid-request', `The model aliases form a cycle: ${cycle}.`, {
      hint: 'Edit the aliases in the settings so that every chain ends at provider/model ids.',
    });
  }
  const value = aliases[name];
  const targets = typeof value === 'string' ? [value] : (value ?? []);
  if (targets.length === 0) {
    throw new SwitchboardError('invalid-request', `The alias "${name}" names no model.`, {
      hint: `Give "${name}" a provider/model id (or a list of them) in the settings.`,
    });
  }
  for (const target of targets) expand(target.trim(), aliases, [...path, name], out);
}

function unknownName(name: string, aliases: Readonly<AliasConfig>, path: string[]): SwitchboardError {
  const names = Object.keys(aliases);
  const known = names.length > 0 ? `configured aliases: ${names.join(', ')}` : 'no aliases are configured';
  const where = path.length > 0 ? ` (used by the alias "${path.at(-1)}")` : '';
  return new SwitchboardError(
    'not-found',
    `"${name}"${where} is neither a provider/model id nor a configured alias (${known}).`,
    {
      model: name,
      hint: 'Use provider/model, e.g. openai/gpt-4o-mini, or add the alias in the settings.',
    },
  );
}

/** Every problem in an alias map, one sentence each, for validating settings as they are saved. */
export function checkAliases(aliases: Readonly<AliasConfig>): string[] {
  const problems: string[] = [];
  for (const name of Object.keys(aliases)) {
    try {
      resolveAlias(name, aliases);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      if (!problems.includes(message)) problems.push(message);
    }
  }
  return problems;
}
