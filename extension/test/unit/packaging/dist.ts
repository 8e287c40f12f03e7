// The built extension (dist/), as the packaging tests read it. `turbo run test` builds first; run
// by hand, build first: ./dev pnpm --filter switchboard-vscode run build
import { existsSync } from 'node:fs';
import { cp, mkdtemp, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll } from 'vitest';
import type * as EngineModule from '../../../src/engine/index.js';

export const EXTENSION_DIR = fileURLToPath(new URL('../../../', import.meta.url));
export const DIST = join(EXTENSION_DIR, 'dist');
export const PLUGIN_NAMES = ['anthropic', 'gemini', 'llamacpp', 'ollama', 'openai'];

for (const file of ['extension.cjs', 'engine.cjs', 'plugins/llamacpp/index.js']) {
  if (!existsSync(join(DIST, file))) {
    throw new Error(
      `dist/${file} is missing: these tests check the build. Run ./dev pnpm --filter switchboard-vscode run build`,
    );
  }
}

/**
 * dist/engine.cjs loaded by Node's own require (not vitest's module runner), so its plugin
 * import() is Node's real ESM loader, as in VS Code's extension host.
 */
export function loadEngineBundle(): typeof EngineModule {
  return createRequire(import.meta.url)(join(DIST, 'engine.cjs')) as typeof EngineModule;
}

/**
 * A copy of dist/plugins in the system temp folder, outside the workspace: nothing in it can
 * resolve a package from pnpm's node_modules, as in an installed .vsix. Removed after the file.
 */
export async function copyOfPlugins(): Promise<{ root: string; plugins: string }> {
  const root = await mkdtemp(join(tmpdir(), 'switchboard-staged-'));
  afterAll(() => rm(root, { recursive: true, force: true }));
  const plugins = join(root, 'plugins');
  await cp(join(DIST, 'plugins'), plugins, { recursive: true, verbatimSymlinks: true });
  return { root, plugins };
}
