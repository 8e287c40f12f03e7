// Types for the tests (the scripts themselves are plain ES modules).
export interface CopyClosureOptions {
  /** Where the packages are resolved from, as Node would from a module in this folder. */
  fromDir: string;
  names: string[];
  /** Receives `node_modules/`. */
  targetDir: string;
  /** True leaves the file or folder out; `relative` uses `/`. */
  prune?: (packageName: string, relative: string) => boolean;
  /** True leaves out an optional dependency that `os`/`cpu` allow. */
  skipPackage?: (packageName: string) => boolean;
}

/** Copies the packages and their production dependencies; returns them as `name@version`. */
export function copyProductionClosure(options: CopyClosureOptions): Promise<string[]>;
