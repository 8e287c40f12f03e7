import { describe, expect, it } from 'vitest';
import { parsePluginManifest, validatePluginModule } from '../../src/plugin/manifest.js';
import { definePlugin } from '../../src/plugin/types.js';

describe('parsePluginManifest', () => {
  it('accepts a valid manifest', () => {
    const manifest = { apiVersion: 1, providers: [{ id: 'openai', displayName: 'OpenAI' }, { id: 'groq' }] };
    expect(parsePluginManifest(manifest, 'pkg')).toEqual({ ok: true, value: manifest });
  });

  it('names the package and every bad field', () => {
    const result = parsePluginManifest(
      { apiVersion: '1', providers: [{ id: 'ok' }, { id: 'ok' }, { id: 'Has Space' }], entry: '' },
      '@acme/provider',
    );
    expect(result).toEqual({
      ok: false,
      reason:
        'Package "@acme/provider" has an invalid "switchboard" field in package.json: ' +
        'switchboard.apiVersion must be a number (the plugin API version, e.g. 1); ' +
        'switchboard.providers[2].id must be lower-case letters, digits, ".", "_" or "-" (e.g. "openai"); ' +
        'switchboard.providers[1].id "ok" is listed twice; ' +
        'switchboard.entry must not be empty',
    });
  });

  it('explains a field of the wrong kind altogether', () => {
    expect(parsePluginManifest(true, 'p')).toEqual({
      ok: false,
      reason:
        'Package "p" has an invalid "switchboard" field in package.json: switchboard must be an object like { "apiVersion": 1, "providers": [{ "id": "acme" }] }',
    });
    const empty = parsePluginManifest({ apiVersion: 1, providers: [] }, 'p');
    expect(!empty.ok && empty.reason).toContain('switchboard.providers must list at least one provider');
  });
});

describe('validatePluginModule', () => {
  const provider = { id: 'p', displayName: 'P', listModels: async () => [] };

  it('returns the very object it was given (class instances keep their methods and this)', () => {
    class Provider {
      readonly id = 'cls';
      readonly displayName = 'Class-based';
      private readonly models = [{ id: 'm', kind: 'chat', capabilities: {} }];
      async listModels() {
        return this.models;
      }
    }
    const plugin = { apiVersion: 1, name: 'cls', providers: [new Provider()], extra: 'kept' };
    const result = validatePluginModule(plugin);
    expect(result.ok && result.value).toBe(plugin);
  });

  it('accepts what definePlugin produces', () => {
    expect(validatePluginModule(definePlugin({ name: 'x', providers: [provider] })).ok).toBe(true);
  });

  it('names the bad fields of a module export', () => {
    expect(
      validatePluginModule({ apiVersion: 1, name: 'x', providers: [{ ...provider, chatModel: 'nope' }] }),
    ).toEqual({
      ok: false,
      reason: 'is not a valid Switchboard plugin: providers[0].chatModel must be a function',
    });
    expect(validatePluginModule(undefined)).toEqual({
      ok: false,
      reason: 'is not a valid Switchboard plugin: must be an object with apiVersion, name and providers',
    });
  });
});
