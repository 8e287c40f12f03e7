// A provider package as a third party would publish it: the example Cohere provider with its
// dependencies (Switchboard's core included) bundled into one file, as the plugin guide advises
// for a package installed where core cannot be resolved — a plugin folder, for instance.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';
import { repoRoot } from './paths.mjs';

const source = path.join(repoRoot, 'examples/provider-cohere');

/** Writes the publishable package into `folder/switchboard-provider-cohere` and returns that path. */
export async function packCoherePlugin(folder) {
  const packageDir = path.join(folder, 'switchboard-provider-cohere');
  mkdirSync(packageDir, { recursive: true });
  await build({
    entryPoints: [path.join(source, 'index.js')],
    outfile: path.join(packageDir, 'index.js'),
    bundle: true,
    format: 'esm',
    platform: 'node',
    target: 'node22',
    logLevel: 'warning',
  });
  const manifest = JSON.parse(readFileSync(path.join(source, 'package.json'), 'utf8'));
  const published = {
    name: manifest.name,
    version: manifest.version,
    description: manifest.description,
    type: 'module',
    main: './index.js',
    switchboard: manifest.switchboard,
  };
  writeFileSync(path.join(packageDir, 'package.json'), `${JSON.stringify(published, null, 2)}\n`);
  return packageDir;
}
