// The model ids an alias stands for, in order. Unlike core's resolveAlias this never throws (a
// broken alias simply names nothing) and needs no core at runtime, so the status bar can use it
// at activation. Requests still go through core's router, which reports broken aliases properly.

export type Aliases = Readonly<Record<string, string | readonly string[]>>;

/** True for `provider/model`; a bare word may be an alias. */
export function isModelId(name: string): boolean {
  const slash = name.indexOf('/');
  return slash > 0 && slash < name.length - 1;
}

/** Expands nested aliases depth-first; unknown names and cycles contribute nothing. */
export function aliasTargets(name: string, aliases: Aliases): string[] {
  const out: string[] = [];
  const expand = (current: string, path: readonly string[]) => {
    const trimmed = current.trim();
    if (isModelId(trimmed)) {
      if (!out.includes(trimmed)) out.push(trimmed);
      return;
    }
    if (!Object.hasOwn(aliases, trimmed) || path.includes(trimmed)) return;
    const value = aliases[trimmed];
    const targets = typeof value === 'string' ? [value] : (value ?? []);
    for (const target of targets) expand(target, [...path, trimmed]);
  };
  expand(name, []);
  return out;
}

/** The short name people read: the alias itself, or the model part of `provider/model`. */
export function shortModelName(id: string): string {
  return isModelId(id) ? id.slice(id.indexOf('/') + 1) : id;
}
