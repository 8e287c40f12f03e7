// Which model does a job that needs a capability (seeing images, drawing them).
import type { ModelEntry } from './engine.js';

export type JobCapability = 'vision' | 'imageGeneration';

/**
 * The preferred model when it is listed with the capability, or is an alias or a model its
 * set-up provider does not list (the router then decides); otherwise the first set-up model that
 * has the capability — so a default of `openai/gpt-image-1` does not block someone who only set up
 * another image provider.
 */
export function modelWith(
  models: readonly ModelEntry[],
  capability: JobCapability,
  preferred?: string,
): string | undefined {
  const kind = capability === 'vision' ? 'chat' : 'image';
  const able = models.filter((model) => model.info.kind === kind && model.info.capabilities[capability]);
  if (preferred) {
    const listed = models.find((model) => model.id === preferred);
    if (listed ? able.includes(listed) : isAliasOrSetUp(models, preferred)) return preferred;
  }
  return able[0]?.id;
}

function isAliasOrSetUp(models: readonly ModelEntry[], id: string): boolean {
  const slash = id.indexOf('/');
  return slash < 0 || models.some((model) => model.provider === id.slice(0, slash));
}
