/**
 * The directories a relative path in the settings may be relative to. ESLint resolves a config's
 * `files` patterns from the config file's directory, but gives rules only its working directory:
 * the config file is found the way ESLint finds it.
 */
import path from 'node:path';
import { isFile } from './module-specifier.js';

const CONFIG_FILES = ['eslint.config.js', 'eslint.config.mjs', 'eslint.config.cjs', 'eslint.config.ts', 'eslint.config.mts', 'eslint.config.cts'];
const configDirCache = new Map<string, string | null>();

/** The directory of the nearest ESLint config file at or above `dir`. */
function nearestConfigDir(dir: string): string | undefined {
  const cached = configDirCache.get(dir);
  if (cached !== undefined) return cached ?? undefined;
  let found: string | null = null;
  if (CONFIG_FILES.some((name) => isFile(path.join(dir, name)))) found = dir;
  else {
    const parent = path.dirname(dir);
    if (parent !== dir) found = nearestConfigDir(parent) ?? null;
  }
  configDirCache.set(dir, found);
  return found ?? undefined;
}

/**
 * In order: the working directory (ESLint's `cwd`), the directory of the config file nearest to the
 * linted file (ESLint 10 looks the config up from the file), and the one nearest to the working
 * directory (ESLint 9). A monorepo package's config linted from the repository root, and a root
 * config linted from inside a package, both find their paths.
 */
export function baseDirectories(filename: string, cwd: string): string[] {
  const bases = [cwd, nearestConfigDir(path.dirname(path.resolve(cwd, filename))), nearestConfigDir(cwd)];
  return [...new Set(bases.filter((base): base is string => base !== undefined))];
}

/** `relative` from the first base directory where it names an existing file; else from the working directory. */
export function resolveSettingPath(relative: string, filename: string, cwd: string): string {
  for (const base of baseDirectories(filename, cwd)) {
    const candidate = path.resolve(base, relative);
    if (isFile(candidate)) return candidate;
  }
  return path.resolve(cwd, relative);
}
