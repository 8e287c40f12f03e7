// Runs code-server (VS Code 1.139 in a browser) on 127.0.0.1 with its own user data and extensions
// folders, so a session never reads or writes the user's real VS Code profile or ~/.config.
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, openSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { codeServerEntry } from './paths.mjs';

/** Installs a .vsix into `extensionsDir` with code-server's own CLI. */
export function installExtension({ vsix, extensionsDir, userDataDir, configFile }) {
  const result = spawnSync(
    process.execPath,
    [
      codeServerEntry,
      '--config',
      configFile,
      '--user-data-dir',
      userDataDir,
      '--extensions-dir',
      extensionsDir,
      '--install-extension',
      vsix,
    ],
    { encoding: 'utf8', timeout: 120_000 },
  );
  const output = `${result.stdout}${result.stderr}`;
  if (result.status !== 0 || !/successfully installed/i.test(output)) {
    throw new Error(`Installing ${path.basename(vsix)} into code-server failed:\n${output}`);
  }
}

/**
 * Writes settings where code-server reads them: `User/settings.json` for the browser side and
 * `Machine/settings.json` for machine-scoped settings (code-server is a remote, and VS Code reads
 * machine-scoped settings such as `switchboard.providers` only from the remote's Machine settings).
 */
export function writeSettings(userDataDir, { user, machine }) {
  for (const [folder, settings] of [
    ['User', user],
    ['Machine', machine],
  ]) {
    mkdirSync(path.join(userDataDir, folder), { recursive: true });
    writeFileSync(path.join(userDataDir, folder, 'settings.json'), `${JSON.stringify(settings, null, 2)}\n`);
  }
}

/** Starts code-server and resolves once it answers /healthz; `stop()` ends its whole process group. */
export async function startCodeServer({ dir, userDataDir, extensionsDir, configFile, workspace, env, port }) {
  const chosenPort = port ?? (await freePort());
  const logFile = path.join(dir, 'code-server.log');
  const log = openSync(logFile, 'w');
  const child = spawn(
    process.execPath,
    [
      codeServerEntry,
      '--config',
      configFile,
      '--bind-addr',
      `127.0.0.1:${chosenPort}`,
      '--auth',
      'none',
      '--disable-telemetry',
      '--disable-update-check',
      '--disable-workspace-trust',
      '--user-data-dir',
      userDataDir,
      '--extensions-dir',
      extensionsDir,
      workspace,
    ],
    // Its own process group: the extension host and language servers go with it on stop().
    { env, stdio: ['ignore', log, log], detached: true },
  );
  const origin = `http://127.0.0.1:${chosenPort}`;
  const stop = () => {
    if (child.exitCode === null && child.signalCode === null) {
      try {
        process.kill(-child.pid, 'SIGTERM');
      } catch {
        // already gone
      }
    }
  };
  const deadline = Date.now() + 60_000;
  while (true) {
    if (child.exitCode !== null) throw new Error(`code-server exited with ${child.exitCode}; see ${logFile}`);
    try {
      if ((await fetch(`${origin}/healthz`)).ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      stop();
      throw new Error(`code-server did not answer within 60 s; see ${logFile}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return {
    origin,
    url: `${origin}/?folder=${encodeURIComponent(workspace)}`,
    pid: child.pid,
    logFile,
    stop,
    exited: new Promise((resolve) => child.once('exit', resolve)),
  };
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}
