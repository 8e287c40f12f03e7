import { SwitchboardError } from '../errors/errors.js';

export interface ModelRef {
  provider: string;
  /** Everything after the first `/`, which may itself contain slashes (`openrouter/anthropic/claude-3.5-sonnet`). */
  model: string;
}

/** True for `provider/model`; false for a bare word, which may be an alias. */
export function isModelId(value: string): boolean {
  const slash = value.indexOf('/');
  return slash > 0 && slash < value.length - 1;
}

/** Splits `provider/model` on the first `/` (LiteLLM convention). */
export function parseModelId(id: string): ModelRef {
  const slash = id.indexOf('/');
  if (slash <= 0 || slash === id.length - 1) {
    throw new SwitchboardError(
      'not-found',
      `"${id}" is not a model id: use provider/model, e.g. openai/gpt-4o-mini, or a configured alias.`,
    );
  }
  return { provider: id.slice(0, slash), model: id.slice(slash + 1) };
}

export const formatModelId = (ref: ModelRef): string => `${ref.provider}/${ref.model}`;

/** The provider part of a full id (`openai` of `openai/gpt-4o`); '' when there is none. */
export function providerOfId(id: string): string {
  const slash = id.indexOf('/');
  return slash > 0 ? id.slice(0, slash) : '';
}

/** `{ model, provider }` of a full id, as error details want them (no empty provider). */
export function modelOrigin(id: string): { model: string; provider?: string } {
  const provider = providerOfId(id);
  return provider ? { model: id, provider } : { model: id };
}
