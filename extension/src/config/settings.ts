// Switchboard's settings as plain data: parsed from what VS Code's configuration returns, with
// no `vscode` import, so the rules (defaults, ranges, what counts as unset) are unit-tested.

export type RoutingPolicyName = 'order' | 'cheapest' | 'fastest' | 'quality';

export interface ImageDefaults {
  model: string;
  size: 'auto' | '1024x1024' | '1536x1024' | '1024x1536';
  quality: 'auto' | 'low' | 'medium' | 'high';
  background: 'auto' | 'transparent' | 'opaque';
  format: 'png' | 'jpeg' | 'webp';
  /** Workspace-relative folder for generated images. */
  folder: string;
}

export interface ExtensionSettings {
  /** Empty: the first model that is set up. */
  defaultModel: string;
  aliases: Record<string, string | string[]>;
  fallbacks: Record<string, string[]>;
  policy: RoutingPolicyName;
  budget: { dailyUsd?: number; monthlyUsd?: number; mode: 'warn' | 'block'; warnAtFraction: number };
  cache: { enabled: boolean; ttlMs: number };
  retries: { maxAttempts: number };
  timeouts: { firstTokenMs: number; totalMs: number };
  hedgeAfterMs?: number;
  images: ImageDefaults;
  /** Empty: the current model if it sees images, else the first that does. */
  visionModel: string;
  /** Non-secret provider settings by provider id (base URLs...): machine-scoped. */
  providers: Record<string, Record<string, string>>;
  /** Empty: `~/.switchboard/plugins`. */
  pluginFolder: string;
  pluginPaths: string[];
  local: { modelsDir: string; gpuLayers: string; contextSize: string; gpu: 'auto' | 'off' };
}

/** What `vscode.workspace.getConfiguration('switchboard').get(key)` returns, by key. */
export type RawSettings = (key: string) => unknown;

const POLICIES: readonly RoutingPolicyName[] = ['order', 'cheapest', 'fastest', 'quality'];

export function parseSettings(get: RawSettings): ExtensionSettings {
  return {
    defaultModel: text(get('defaultModel')),
    aliases: aliasMap(get('aliases')),
    fallbacks: chainMap(get('fallbacks')),
    policy: oneOf(get('routing.policy'), POLICIES, 'order'),
    budget: {
      ...optional('dailyUsd', positiveOrZero(get('budget.dailyUsd'))),
      ...optional('monthlyUsd', positiveOrZero(get('budget.monthlyUsd'))),
      mode: oneOf(get('budget.mode'), ['warn', 'block'] as const, 'warn'),
      warnAtFraction: clamp(num(get('budget.warnAtPercent')) ?? 80, 1, 100) / 100,
    },
    cache: {
      enabled: get('cache.enabled') === true,
      ttlMs: Math.max(1, num(get('cache.ttlMinutes')) ?? 1440) * 60_000,
    },
    retries: { maxAttempts: Math.round(clamp(num(get('retries.maxAttempts')) ?? 3, 1, 10)) },
    timeouts: {
      firstTokenMs: Math.max(1, num(get('timeouts.firstTokenSeconds')) ?? 60) * 1000,
      totalMs: Math.max(1, num(get('timeouts.totalSeconds')) ?? 600) * 1000,
    },
    ...optional('hedgeAfterMs', seconds(get('hedging.afterSeconds'))),
    images: {
      model: text(get('images.model')) || 'openai/gpt-image-1',
      size: oneOf(get('images.size'), ['auto', '1024x1024', '1536x1024', '1024x1536'] as const, 'auto'),
      quality: oneOf(get('images.quality'), ['auto', 'low', 'medium', 'high'] as const, 'auto'),
      background: oneOf(get('images.background'), ['auto', 'transparent', 'opaque'] as const, 'auto'),
      format: oneOf(get('images.format'), ['png', 'jpeg', 'webp'] as const, 'png'),
      folder: text(get('images.folder')) || 'images',
    },
    visionModel: text(get('vision.model')),
    providers: providerSettings(get('providers')),
    pluginFolder: text(get('pluginFolder')),
    pluginPaths: Array.isArray(get('pluginPaths'))
      ? (get('pluginPaths') as unknown[]).map(text).filter(Boolean)
      : [],
    local: {
      modelsDir: text(get('local.modelsDir')),
      gpuLayers: autoOrNumber(get('local.gpuLayers')),
      contextSize: autoOrNumber(get('local.contextSize')),
      gpu: oneOf(get('local.gpu'), ['auto', 'off'] as const, 'auto'),
    },
  };
}

function text(value: unknown): string {
  return typeof value === 'string' ? value.trim() : '';
}

function num(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}

function positiveOrZero(value: unknown): number | undefined {
  const n = num(value);
  return n !== undefined && n >= 0 ? n : undefined;
}

function seconds(value: unknown): number | undefined {
  const n = num(value);
  return n !== undefined && n > 0 ? Math.round(n * 1000) : undefined;
}

function clamp(n: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, n));
}

function oneOf<T extends string>(value: unknown, allowed: readonly T[], fallback: T): T {
  return allowed.includes(value as T) ? (value as T) : fallback;
}

function optional<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: V };
}

function autoOrNumber(value: unknown): string {
  if (typeof value === 'number' && Number.isFinite(value) && value >= 0) return String(Math.round(value));
  const s = text(value);
  return /^\d+$/.test(s) ? s : 'auto';
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function stringList(value: unknown): string[] {
  return Array.isArray(value) ? value.map(text).filter(Boolean) : [];
}

function aliasMap(value: unknown): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  if (!isRecord(value)) return out;
  for (const [name, target] of Object.entries(value)) {
    if (typeof target === 'string' && target.trim()) out[name] = target.trim();
    else if (stringList(target).length > 0) out[name] = stringList(target);
  }
  return out;
}

function chainMap(value: unknown): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  if (!isRecord(value)) return out;
  for (const [name, chain] of Object.entries(value)) {
    const list = typeof chain === 'string' ? [chain.trim()].filter(Boolean) : stringList(chain);
    if (list.length > 0) out[name] = list;
  }
  return out;
}

function providerSettings(value: unknown): Record<string, Record<string, string>> {
  const out: Record<string, Record<string, string>> = {};
  if (!isRecord(value)) return out;
  for (const [providerId, settings] of Object.entries(value)) {
    if (!isRecord(settings)) continue;
    const values: Record<string, string> = {};
    for (const [key, v] of Object.entries(settings)) {
      // Keys belong in secret storage; a key pasted into settings is ignored, not used.
      if (/key|token|secret/i.test(key)) continue;
      if (typeof v === 'string' && v.trim()) values[key] = v.trim();
      else if (typeof v === 'number' && Number.isFinite(v)) values[key] = String(v);
    }
    out[providerId] = values;
  }
  return out;
}
