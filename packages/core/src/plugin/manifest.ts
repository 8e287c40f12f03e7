import { z } from 'zod';
import type { PluginManifest, ProviderPlugin } from './types.js';

/** What `definePlugin` accepts as a provider id; manifests and modules are held to the same rule. */
export const PROVIDER_ID_PATTERN = /^[a-z0-9][a-z0-9._-]*$/;

const providerId = z
  .string({ error: 'must be a string' })
  .regex(PROVIDER_ID_PATTERN, 'must be lower-case letters, digits, ".", "_" or "-" (e.g. "openai")');

const apiVersion = z
  .number({ error: 'must be a number (the plugin API version, e.g. 1)' })
  .int('must be a whole number')
  .min(0, 'must not be negative');

// A plugin module is only checked, never copied: providers may be class instances whose
// methods need `this`, so the caller keeps the original object once the check passes.
const fn = z.custom<(...args: never[]) => unknown>(
  (value) => typeof value === 'function',
  'must be a function',
);

/** Reports a provider id listed twice; the registry keys everything by provider id. */
function noDuplicateIds(providers: ReadonlyArray<{ id: string }>, ctx: z.RefinementCtx): void {
  const seen = new Set<string>();
  providers.forEach((provider, index) => {
    if (seen.has(provider.id)) {
      ctx.addIssue({ code: 'custom', path: [index, 'id'], message: `"${provider.id}" is listed twice` });
    }
    seen.add(provider.id);
  });
}

/** The `switchboard` field of a provider package's package.json. */
export const pluginManifestSchema = z.object(
  {
    apiVersion,
    providers: z
      .array(
        z.object(
          {
            id: providerId,
            displayName: z.string({ error: 'must be a string' }).optional(),
            local: z.boolean({ error: 'must be true or false' }).optional(),
          },
          { error: 'must be an object like { "id": "acme" }' },
        ),
        { error: 'must be an array of { "id": ... }' },
      )
      .min(1, 'must list at least one provider')
      .superRefine(noDuplicateIds),
    entry: z
      .string({ error: 'must be a path relative to the package' })
      .min(1, 'must not be empty')
      .optional(),
  },
  { error: 'must be an object like { "apiVersion": 1, "providers": [{ "id": "acme" }] }' },
);

const providerSetting = z.object(
  {
    key: z.string({ error: 'must be a string' }).min(1, 'must not be empty'),
    label: z.string({ error: 'must be a string' }),
    description: z.string({ error: 'must be a string' }).optional(),
    secret: z.boolean({ error: 'must be true or false' }).optional(),
    required: z.boolean({ error: 'must be true or false' }).optional(),
    env: z.array(z.string({ error: 'must be a string' }), { error: 'must be an array of names' }).optional(),
    default: z.string({ error: 'must be a string' }).optional(),
  },
  { error: 'must be an object like { "key": "apiKey", "label": "API key" }' },
);

const providerDefinition = z.looseObject(
  {
    id: providerId,
    displayName: z.string({ error: 'must be a string' }).min(1, 'must not be empty'),
    settings: z.array(providerSetting, { error: 'must be an array' }).optional(),
    local: z.boolean({ error: 'must be true or false' }).optional(),
    listModels: fn,
    chatModel: fn.optional(),
    embeddingModel: fn.optional(),
    imageModel: fn.optional(),
    speechModel: fn.optional(),
    dispose: fn.optional(),
  },
  { error: 'must be an object with id, displayName and listModels()' },
);

/** The runtime shape of what a plugin module default-exports (the current plugin API). */
export const pluginModuleSchema = z.looseObject(
  {
    apiVersion,
    name: z.string({ error: 'must be a string' }).min(1, 'must not be empty'),
    displayName: z.string({ error: 'must be a string' }).optional(),
    providers: z
      .array(providerDefinition, { error: 'must be an array of provider definitions' })
      .min(1, 'must list at least one provider')
      .superRefine(noDuplicateIds),
  },
  { error: 'must be an object with apiVersion, name and providers' },
);

export type ValidationResult<T> = { ok: true; value: T } | { ok: false; reason: string };

/** `providers[0].id: must be ...; apiVersion: must be ...`: every problem, each naming its field. */
export function formatIssues(error: z.ZodError, prefix?: string): string {
  return error.issues
    .map((issue) => {
      const field = [prefix, formatPath(issue.path)].filter(Boolean).join('.');
      return field ? `${field} ${issue.message}` : issue.message;
    })
    .join('; ');
}

function formatPath(path: ReadonlyArray<PropertyKey>): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else out += out ? `.${String(part)}` : String(part);
  }
  return out;
}

/** Checks the `switchboard` field of `packageName`'s package.json. */
export function parsePluginManifest(raw: unknown, packageName: string): ValidationResult<PluginManifest> {
  const result = pluginManifestSchema.safeParse(raw);
  if (result.success) return { ok: true, value: result.data };
  return {
    ok: false,
    reason: `Package "${packageName}" has an invalid "switchboard" field in package.json: ${formatIssues(result.error, 'switchboard')}`,
  };
}

/**
 * Checks that `raw` has the shape of a current-API plugin; on success returns `raw` itself
 * (not a copy), so methods keep their `this`. The reason names the bad fields, not the plugin.
 */
export function validatePluginModule(raw: unknown): ValidationResult<ProviderPlugin> {
  const result = pluginModuleSchema.safeParse(raw);
  if (result.success) return { ok: true, value: raw as ProviderPlugin };
  return { ok: false, reason: `is not a valid Switchboard plugin: ${formatIssues(result.error)}` };
}
