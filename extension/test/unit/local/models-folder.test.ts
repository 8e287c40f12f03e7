import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { modelsFolder } from '../../../src/features/local/models-folder.js';

const settings = (modelsDir = '', providerDir?: string) => ({
  local: { modelsDir, gpuLayers: 'auto', contextSize: 'auto', gpu: 'auto' as const },
  providers: (providerDir === undefined ? {} : { llamacpp: { modelsDir: providerDir } }) as Record<
    string,
    Record<string, string>
  >,
});

describe('modelsFolder', () => {
  it('follows the engine: provider setting, local setting, environment, default', () => {
    const env = { SWITCHBOARD_MODELS_DIR: '/env/models' };
    expect(modelsFolder(settings('/local', '/provider'), env, '/home/me')).toBe('/provider');
    expect(modelsFolder(settings('/local'), env, '/home/me')).toBe('/local');
    expect(modelsFolder(settings(''), env, '/home/me')).toBe('/env/models');
    expect(modelsFolder(settings('  '), {}, '/home/me')).toBe(join('/home/me', '.switchboard', 'models'));
  });

  it('expands ~ to the home folder', () => {
    expect(modelsFolder(settings('~/m'), {}, '/home/me')).toBe(join('/home/me', 'm'));
    expect(modelsFolder(settings('~'), {}, '/home/me')).toBe('/home/me');
    expect(modelsFolder(settings('/abs/~x'), {}, '/home/me')).toBe('/abs/~x');
  });
});
