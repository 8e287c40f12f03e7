// Copies a package and its production dependency closure out of pnpm's node_modules into a plain,
// hoisted node_modules of real files (a .vsix cannot hold symlinks), for this platform only.
import { cp, readFile, realpath, stat } from 'node:fs/promises';
import path from 'node:path';

/**
 * Files no package needs at run time: type declarations, TypeScript sources, source maps and
 * documentation. Licence files stay.
 */
const PRUNED_FILE = /(\.d\.[cm]?ts|\.[cm]?ts|\.map|\.md|\.markdown)$/i;
const KEPT_FILE = /^(licen[cs]e|copying|notice)/i;

/**
 * Copies `names` (resolved from `fromDir`, as Node would) and everything they depend on into
 * `targetDir/node_modules`. A dependency goes to the top level unless another version holds that
 * place, then under its dependent's own node_modules, so Node resolves every package as before.
 * `prune(name, relativePath)` may drop more files (true = leave out); `skipPackage(name)` whole
 * optional packages that `os`/`cpu` do not rule out.
 * Returns the packages copied, as `name@version`.
 */
export async function copyProductionClosure({
  fromDir,
  names,
  targetDir,
  prune = () => false,
  skipPackage = () => false,
}) {
  /** Location (relative to targetDir, '' = the root) → real folder of the package placed there. */
  const placed = new Map();
  const copied = [];
  const queue = names.map((name) => ({ name, dependentReal: fromDir, dependentAt: '', optional: false }));

  while (queue.length > 0) {
    const { name, dependentReal, dependentAt, optional } = queue.shift();
    const real = await findPackage(name, dependentReal);
    if (!real) {
      if (optional) continue;
      throw new Error(`Cannot stage ${name}: it is not installed (needed by ${dependentReal}).`);
    }
    const manifest = JSON.parse(await readFile(path.join(real, 'package.json'), 'utf8'));
    if (optional && (!runsHere(manifest) || skipPackage(name))) continue;

    const resolved = resolveFrom(placed, dependentAt, name);
    if (resolved === real) continue; // already reachable from the dependent
    const at = resolved === undefined ? slotIn('', name) : slotIn(dependentAt, name);
    placed.set(at, real);
    copied.push(`${name}@${manifest.version}`);
    await cp(real, path.join(targetDir, at), {
      recursive: true,
      dereference: true,
      filter: (source) => keep(real, source, name, prune),
    });

    // npm lists optional dependencies under `dependencies` too; optional wins.
    const optionals = Object.keys(manifest.optionalDependencies ?? {});
    for (const dependency of new Set([...Object.keys(manifest.dependencies ?? {}), ...optionals])) {
      const optional = optionals.includes(dependency);
      queue.push({ name: dependency, dependentReal: real, dependentAt: at, optional });
    }
  }
  return copied;
}

/** Node's lookup: `<dir>/node_modules/<name>` for `dir` and each ancestor; the real folder found. */
async function findPackage(name, fromDir) {
  let dir = fromDir;
  for (;;) {
    if (path.basename(dir) !== 'node_modules') {
      const candidate = path.join(dir, 'node_modules', name);
      if (await isFolder(candidate)) return realpath(candidate);
    }
    const parent = path.dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

/** The package a module placed at `at` would get for `name` in the staged tree, if any. */
function resolveFrom(placed, at, name) {
  let location = at;
  for (;;) {
    const slot = slotIn(location, name);
    if (placed.has(slot)) return placed.get(slot);
    if (!location) return undefined;
    // `node_modules/a/node_modules/b` → `node_modules/a` (scoped names have one more segment).
    const index = location.lastIndexOf('/node_modules/');
    location = index === -1 ? '' : location.slice(0, index);
  }
}

/** Where `name` lives in the node_modules of the package placed at `at` ('' = the root). */
function slotIn(at, name) {
  return at ? `${at}/node_modules/${name}` : `node_modules/${name}`;
}

/** An optional dependency for another OS or CPU (node-llama-cpp's other binaries) is left out. */
function runsHere(manifest) {
  const allows = (list, value) =>
    !Array.isArray(list) ||
    list.length === 0 ||
    (list.some((entry) => !entry.startsWith('!')) ? list.includes(value) : !list.includes(`!${value}`));
  return allows(manifest.os, process.platform) && allows(manifest.cpu, process.arch);
}

async function keep(packageRoot, source, name, prune) {
  const relative = path.relative(packageRoot, source);
  if (relative === '') return true;
  // The package's own node_modules (pnpm's .bin) is not part of it; dependencies are placed above.
  if (relative === 'node_modules' || relative.startsWith(`node_modules${path.sep}`)) return false;
  if (prune(name, relative.split(path.sep).join('/'))) return false;
  const base = path.basename(source);
  return !(PRUNED_FILE.test(base) && !KEPT_FILE.test(base) && (await stat(source)).isFile());
}

async function isFolder(candidate) {
  try {
    return (await stat(candidate)).isDirectory();
  } catch {
    return false;
  }
}
