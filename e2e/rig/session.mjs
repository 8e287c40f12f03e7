// One code-server session with Switchboard installed from its .vsix: a fresh user-data folder,
// a fresh extensions folder, a copy of the fixture workspace, the fake OpenAI, Anthropic and
// Cohere servers, an empty plugin folder and the testkit's tiny GGUF model. The scenarios and
// `./dev start` both use it; they differ only in the settings and keys they pass.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { writeTinyGguf } from '@switchboard/testkit';
import { installExtension, startCodeServer, writeSettings } from './code-server.mjs';
import { startFakes } from './fakes.mjs';
import { extensionDir, fixtureWorkspace, sessionsDir } from './paths.mjs';

/** The environment variables providers read keys from: never inherited, so a session is the same everywhere. */
const KEY_VARIABLES =
  /^(OPENAI|ANTHROPIC|GEMINI|GOOGLE|CO|COHERE|GROQ|OPENROUTER|DEEPSEEK|TOGETHER|AZURE_OPENAI|MISTRAL|XAI|HF)_(API_)?(KEY|TOKEN)$/;

/** The workbench as a person would have it after dismissing first-run noise; Ask mode for chat. */
const WORKBENCH_SETTINGS = {
  'chat.allowAnonymousAccess': true,
  'chat.agent.enabled': false,
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'security.workspace.trust.enabled': false,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoUpdate': false,
  'extensions.autoCheckUpdates': false,
  'extensions.ignoreRecommendations': true,
  // Sessions live inside this repository's .cache: VS Code must not offer to open its git repository.
  'git.openRepositoryInParentFolders': 'never',
};

/**
 * @param {object} options
 * @param {string} options.name  folder under .cache/sessions (emptied first)
 * @param {boolean} [options.keysInEnvironment]  give the fakes' keys as environment variables
 * @param {boolean} [options.localModelInstalled]  put the tiny GGUF in the models folder (else only beside it)
 * @param {Record<string, unknown>} [options.settings]  extra user settings
 * @param {number} [options.port]
 */
export async function startSession({
  name,
  keysInEnvironment = false,
  localModelInstalled = false,
  settings = {},
  port,
}) {
  const dir = path.join(sessionsDir, name);
  rmSync(dir, { recursive: true, force: true });
  const userDataDir = path.join(dir, 'user-data');
  const extensionsDir = path.join(dir, 'extensions');
  const workspace = path.join(dir, 'workspace');
  const pluginFolder = path.join(dir, 'plugins');
  const modelsDir = path.join(dir, 'models');
  for (const folder of [userDataDir, extensionsDir, pluginFolder, modelsDir])
    mkdirSync(folder, { recursive: true });
  cpSync(fixtureWorkspace, workspace, { recursive: true });
  // A configuration file of its own keeps code-server from creating ~/.config/code-server.
  const configFile = path.join(dir, 'code-server.yaml');
  writeFileSync(configFile, 'auth: none\ncert: false\n');

  // Random weights and a byte-level vocabulary: it answers gibberish, quickly, on one CPU thread.
  const ggufFile = await writeTinyGguf(
    path.join(localModelInstalled ? modelsDir : path.join(dir, 'downloads'), 'tiny-chat.gguf'),
    { seed: 7 },
  );

  const fakes = await startFakes();
  writeSettings(userDataDir, {
    user: {
      ...WORKBENCH_SETTINGS,
      'switchboard.defaultModel': 'openai/gpt-4o-mini',
      'switchboard.fallbacks': { 'openai/gpt-4o-mini': ['anthropic/claude-haiku-5-5'] },
      'switchboard.retries.maxAttempts': 2,
      // The tiny model's byte-level tokenizer spends a token per byte: a chat turn needs room.
      'switchboard.local.contextSize': 4096,
      ...settings,
    },
    machine: {
      'switchboard.providers': {
        ...fakes.providerSettings,
        // A closed port: an Ollama running on this machine must not change what a session shows.
        ollama: { baseUrl: 'http://127.0.0.1:9' },
        llamacpp: { threads: '1' },
      },
      'switchboard.pluginFolder': pluginFolder,
      'switchboard.local.modelsDir': modelsDir,
    },
  });

  const vsix = packagedExtension();
  installExtension({ vsix, extensionsDir, userDataDir, configFile });

  const env = Object.fromEntries(Object.entries(process.env).filter(([key]) => !KEY_VARIABLES.test(key)));
  if (keysInEnvironment) Object.assign(env, DEMO_KEYS);
  let codeServer;
  try {
    codeServer = await startCodeServer({ dir, userDataDir, extensionsDir, configFile, workspace, env, port });
  } catch (error) {
    await fakes.close();
    throw error;
  }
  return {
    dir,
    url: codeServer.url,
    workspace,
    userDataDir,
    pluginFolder,
    modelsDir,
    ggufFile,
    vsix,
    fakes,
    codeServer,
    /** The extension's own log (its LogOutputChannel, mirrored to a file by VS Code). */
    switchboardLog: () => readLogs(userDataDir, 'Switchboard.log'),
    async stop() {
      codeServer.stop();
      await Promise.race([codeServer.exited, new Promise((resolve) => setTimeout(resolve, 5000))]);
      await fakes.close();
    },
  };
}

/** Keys the fake servers accept (they check none); real-looking so nothing special-cases them. */
export const DEMO_KEYS = {
  OPENAI_API_KEY: 'sk-switchboard-demo-openai',
  ANTHROPIC_API_KEY: 'sk-ant-switchboard-demo',
  CO_API_KEY: 'switchboard-demo-cohere',
};

/** Packages the built extension (dist/ must exist: `./dev` builds it first) and returns the .vsix path. */
export function packagedExtension() {
  if (!existsSync(path.join(extensionDir, 'dist/extension.cjs'))) {
    throw new Error('extension/dist is missing: build first (./dev pnpm turbo run build).');
  }
  const result = spawnSync(process.execPath, ['scripts/package-vsix.mjs', '--no-build'], {
    cwd: extensionDir,
    encoding: 'utf8',
  });
  if (result.status !== 0)
    throw new Error(`Packaging the extension failed:\n${result.stdout}${result.stderr}`);
  // Its last line is `<file>.vsix: <size>`.
  const vsix = /(\S+\.vsix):/.exec(result.stdout)?.[1];
  if (!vsix) throw new Error(`Packaging reported success but named no .vsix:\n${result.stdout}`);
  return path.resolve(extensionDir, vsix);
}

function readLogs(userDataDir, fileName) {
  const found = [];
  const walk = (folder) => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const full = path.join(folder, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name === fileName) found.push(full);
    }
  };
  const logs = path.join(userDataDir, 'logs');
  if (existsSync(logs)) walk(logs);
  return found.map((file) => readFileSync(file, 'utf8')).join('\n');
}
