// Builds the extension and packages it as a .vsix for this platform:
//   switchboard-<version>-<target>.vsix  (e.g. linux-x64)
// Platform-specific because the llama.cpp plugin carries native binaries for one OS and CPU.
// `--no-dependencies`: the bundles are self-contained and dist/plugins holds its own node_modules;
// nothing is fetched from the network. `--no-build` packages dist/ as it is.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { formatBytes, sizeOf } from './sizes.mjs';

const extensionDir = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const { createVSIX } = createRequire(import.meta.url)('@vscode/vsce');

if (!process.argv.includes('--no-build')) {
  const built = spawnSync(process.execPath, ['esbuild.mjs'], { cwd: extensionDir, stdio: 'inherit' });
  if (built.status !== 0) process.exit(built.status ?? 1);
}

const target = vsceTarget();
const binaries = path.join(extensionDir, 'dist/plugins/llamacpp/node_modules/node-llama-cpp');
if (!existsSync(binaries)) throw new Error(`${binaries} is missing: run the build first.`);

const { name, version } = JSON.parse(readFileSync(path.join(extensionDir, 'package.json'), 'utf8'));
const packagePath = path.join(
  extensionDir,
  `${name === 'switchboard-vscode' ? 'switchboard' : name}-${version}-${target}.vsix`,
);
await createVSIX({ cwd: extensionDir, packagePath, target, dependencies: false });
console.log(`${path.relative(process.cwd(), packagePath)}: ${formatBytes(await sizeOf(packagePath))}`);

/** VS Code's name for this platform (its Marketplace targets), e.g. linux-x64, darwin-arm64, alpine-x64. */
function vsceTarget() {
  const arch = { x64: 'x64', arm64: 'arm64', arm: 'armhf' }[process.arch];
  const os = { linux: isMusl() ? 'alpine' : 'linux', darwin: 'darwin', win32: 'win32' }[process.platform];
  if (!arch || !os) throw new Error(`No VS Code target for ${process.platform}-${process.arch}.`);
  return `${os}-${arch}`;
}

function isMusl() {
  return process.platform === 'linux' && !process.report.getReport().header.glibcVersionRuntime;
}
