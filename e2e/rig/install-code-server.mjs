// Installs what the end-to-end rig needs, idempotently:
//   - Debian packages: code-server's native-module build dependencies and, for the scenarios,
//     Chromium (apt-get, only when missing; root is needed then);
//   - code-server itself, with npm, from e2e/code-server/package-lock.json into .cache/code-server.
// code-server's native modules are built for the Node that installs them, so this must run on the
// pinned Node 24 (./dev puts it on PATH); a stamp records the lockfile and Node it was built for.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { chromiumPath, codeServerDir, codeServerEntry, e2eDir } from './paths.mjs';

const BUILD_PACKAGES = [
  'build-essential',
  'python3',
  'pkg-config',
  'libkrb5-dev',
  'libx11-dev',
  'libxkbfile-dev',
  'libsecret-1-dev',
];
const BROWSER_PACKAGES = ['chromium', 'fonts-liberation'];

/** Makes sure code-server (and, with `browser`, Chromium) is installed; returns how long each step took. */
export function ensureCodeServer({ browser = false, log = console.error } = {}) {
  const timings = {};
  const timed = (name, fn) => {
    const started = Date.now();
    fn();
    timings[name] = Date.now() - started;
  };
  const packages = browser ? [...BUILD_PACKAGES, ...BROWSER_PACKAGES] : BUILD_PACKAGES;
  // Debian and Ubuntu only; elsewhere the system's own compiler toolchain and a Chromium at
  // CHROMIUM_PATH are assumed.
  const isDebian = existsSync('/usr/bin/dpkg-query');
  const missing = isDebian ? packages.filter((name) => !isDebianPackageInstalled(name)) : [];
  if (missing.length > 0) timed('apt', () => installDebianPackages(missing, log));
  if (browser && !existsSync(chromiumPath)) {
    throw new Error(`Chromium was not found at ${chromiumPath}. Install it or set CHROMIUM_PATH.`);
  }
  const stamp = installStamp();
  const stampFile = path.join(codeServerDir, '.installed');
  if (!(existsSync(stampFile) && readFileSync(stampFile, 'utf8') === stamp && existsSync(codeServerEntry))) {
    timed('npm', () => installCodeServer(log));
    writeFileSync(stampFile, stamp);
  }
  // --config keeps code-server from writing ~/.config/code-server/config.yaml.
  const config = path.join(codeServerDir, 'config.yaml');
  writeFileSync(config, 'auth: none\n');
  const version = run(process.execPath, [codeServerEntry, '--config', config, '--version']).split(' ')[0];
  return { version, timings };
}

function installCodeServer(log) {
  mkdirSync(codeServerDir, { recursive: true });
  for (const file of ['package.json', 'package-lock.json']) {
    copyFileSync(path.join(e2eDir, 'code-server', file), path.join(codeServerDir, file));
  }
  log('Switchboard: installing code-server into .cache/code-server (about two minutes the first time) ...');
  const nodeBin = path.dirname(process.execPath);
  // Run from a pnpm script, the environment says pnpm is the package manager
  // (npm_config_user_agent), and code-server's postinstall then refuses to guess: drop npm_* vars.
  const inherited = Object.entries(process.env).filter(([key]) => !/^npm_/i.test(key));
  const env = {
    ...Object.fromEntries(inherited),
    // npm's `#!/usr/bin/env node` then runs on the pinned Node, and node-gyp uses its headers.
    PATH: `${nodeBin}${path.delimiter}${process.env.PATH}`,
    npm_config_nodedir: path.dirname(nodeBin),
  };
  // package.json's allowScripts lets code-server's postinstall (it installs VS Code's own
  // dependencies) and argon2's run; npm 11 runs no install script that is not listed.
  const result = spawnSync('npm', ['ci', '--no-audit', '--no-fund', '--loglevel=error'], {
    cwd: codeServerDir,
    env,
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  if (result.status !== 0) throw new Error(`npm ci for code-server failed (exit ${result.status}).`);
}

function installDebianPackages(names, log) {
  const isRoot = process.getuid?.() === 0;
  const command = `apt-get update && apt-get install -y --no-install-recommends ${names.join(' ')}`;
  if (!isRoot || !existsSync('/usr/bin/apt-get')) {
    throw new Error(
      `code-server needs these packages: ${names.join(', ')}. Install them (as root: ${command}) and run again.`,
    );
  }
  log(`Switchboard: installing Debian packages: ${names.join(' ')} ...`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  for (const args of [
    ['update', '-qq'],
    ['install', '-y', '-qq', '--no-install-recommends', ...names],
  ]) {
    const result = spawnSync('apt-get', args, { env, stdio: ['ignore', 'ignore', 'inherit'] });
    if (result.status !== 0)
      throw new Error(`apt-get ${args[0]} failed (exit ${result.status}); try: ${command}`);
  }
}

function isDebianPackageInstalled(name) {
  // dpkg-query's own format syntax, not a template literal.
  const format = '-f=$' + '{Status}';
  const result = spawnSync('dpkg-query', ['-W', format, name], { encoding: 'utf8' });
  return result.status === 0 && result.stdout.includes('install ok installed');
}

/** The lockfile and the Node ABI the native modules were built for. */
function installStamp() {
  const lock = readFileSync(path.join(e2eDir, 'code-server/package-lock.json'));
  return `${createHash('sha256').update(lock).digest('hex')} node-${process.versions.modules}\n`;
}

function run(command, args, options) {
  const result = spawnSync(command, args, { encoding: 'utf8', ...options });
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed: ${result.stderr.trim()}`);
  return result.stdout.trim();
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { version, timings } = ensureCodeServer({ browser: process.argv.includes('--browser') });
  console.log(`code-server ${version} is ready in .cache/code-server`, timings);
}
