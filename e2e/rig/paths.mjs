// Where the end-to-end rig keeps things. Everything it installs or writes lives under the
// repository's git-ignored .cache/ folder, so a clean clone starts cold and nothing leaks into ~.
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
export const e2eDir = path.join(repoRoot, 'e2e');
export const cacheDir = path.join(repoRoot, '.cache');
/** code-server installed with npm from e2e/code-server/package-lock.json. */
export const codeServerDir = path.join(cacheDir, 'code-server');
export const codeServerEntry = path.join(codeServerDir, 'node_modules/code-server/out/node/entry.js');
/** One folder per session: user data, extensions, workspace, logs, plugin folder, models. */
export const sessionsDir = path.join(cacheDir, 'sessions');
export const extensionDir = path.join(repoRoot, 'extension');
export const fixtureWorkspace = path.join(e2eDir, 'fixtures/workspace');
/** Screenshots the scenarios take; the README's pictures are copied from here. */
export const screenshotsDir = path.join(e2eDir, 'screenshots');
export const chromiumPath = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
