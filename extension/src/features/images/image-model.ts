// Which model draws: the configured one when its provider is set up (or it is an alias), else
// the first image model that is, so a default of `openai/gpt-image-1` does not block someone
// who only set up another image provider.
import type { ModelEntry } from '../../engine/index.js';

export function imageModelFor(models: ModelEntry[], preferred: string): string | undefined {
  const canDraw = models.filter(
    (model) => model.info.kind === 'image' && model.info.capabilities.imageGeneration,
  );
  if (canDraw.some((model) => model.id === preferred)) return preferred;
  const slash = preferred.indexOf('/');
  // An alias, or a model its (set-up) provider does not list: let the provider decide.
  if (slash < 0 || models.some((model) => model.provider === preferred.slice(0, slash))) return preferred;
  return canDraw[0]?.id;
}
