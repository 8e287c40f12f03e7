// Runs the extension's integration tests in a real desktop VS Code (downloaded by
// @vscode/test-electron), for machines that can download it:
//   ./dev pnpm --filter switchboard-vscode run build && ./dev pnpm --filter switchboard-vscode run test:electron
// VS Code gets a fresh user-data and extensions folder, other extensions disabled, and settings
// that point the OpenAI provider at the testkit's fake server, started here. Not part of `pnpm test`.
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { FakeOpenAIServer } from '@switchboard/testkit';
import { runTests } from '@vscode/test-electron';

const extensionDir = fileURLToPath(new URL('../../', import.meta.url));
if (!existsSync(path.join(extensionDir, 'dist', 'extension.cjs'))) {
  console.error('Build the extension first: ./dev pnpm --filter switchboard-vscode run build');
  process.exit(1);
}

const OPENAI_KEY = 'sk-proj-electron0123456789abcdefghijklmnopqrstuvwxyz';
const server = await new FakeOpenAIServer().start();
server.setDefaultReply({ text: 'Hello from the fake OpenAI server.' });

const scratch = await mkdtemp(path.join(tmpdir(), 'switchboard-electron-'));
const userDataDir = path.join(scratch, 'user-data');
const workspace = path.join(scratch, 'workspace');
await Promise.all(
  ['User', 'plugins', 'models'].map((dir) => mkdir(path.join(userDataDir, dir), { recursive: true })),
);
await mkdir(workspace);
await writeFile(
  path.join(userDataDir, 'User', 'settings.json'),
  JSON.stringify(
    {
      'switchboard.providers': { openai: { baseUrl: server.url } },
      // Nothing from this machine's ~/.switchboard: no user plugins, no local models.
      'switchboard.pluginFolder': path.join(userDataDir, 'plugins'),
      'switchboard.local.modelsDir': path.join(userDataDir, 'models'),
      'switchboard.defaultModel': 'openai/gpt-4o-mini',
    },
    null,
    2,
  ),
);

let exitCode = 0;
try {
  await runTests({
    version: process.env.VSCODE_VERSION ?? 'stable',
    // Kept with the other ignored downloads, not in the source tree.
    cachePath: path.join(extensionDir, 'node_modules', '.cache', 'vscode-test'),
    extensionDevelopmentPath: extensionDir,
    extensionTestsPath: fileURLToPath(new URL('./suite/index.cjs', import.meta.url)),
    launchArgs: [
      workspace,
      '--disable-extensions',
      `--user-data-dir=${userDataDir}`,
      `--extensions-dir=${path.join(scratch, 'extensions')}`,
    ],
    extensionTestsEnv: {
      OPENAI_API_KEY: OPENAI_KEY,
      // Only the fake server is set up: keys from this machine's environment stay out.
      ANTHROPIC_API_KEY: undefined,
      GEMINI_API_KEY: undefined,
      GOOGLE_API_KEY: undefined,
      SWITCHBOARD_FAKE_OPENAI_URL: server.url,
    },
  });
} catch (error) {
  console.error(`Integration tests failed: ${error instanceof Error ? error.message : String(error)}`);
  exitCode = 1;
} finally {
  await server.close();
  await rm(scratch, { recursive: true, force: true });
}
process.exit(exitCode);
