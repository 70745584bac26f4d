/**
 * Module specifiers and the files they name: which file a relative specifier resolves to (as
 * TypeScript and bundlers resolve it), and the specifier a file should write to import a given file.
 */
import { statSync } from 'node:fs';
import path from 'node:path';

const SOURCE_EXTENSION = /\.(?:d\.)?[mc]?[jt]sx?$/u;

/** What TypeScript compiles each source extension to; a specifier names the compiled file. */
const RUNTIME_EXTENSION: Readonly<Record<string, string>> = {
  '.ts': '.js',
  '.tsx': '.js',
  '.mts': '.mjs',
  '.cts': '.cjs',
  '.d.ts': '.js',
  '.d.mts': '.mjs',
  '.d.cts': '.cjs',
};

/** The sources a runtime extension may stand for (`./x.js` may be `x.ts`), tried after the file itself. */
const SOURCES_OF: Readonly<Record<string, readonly string[]>> = {
  '.js': ['.ts', '.tsx', '.d.ts'],
  '.jsx': ['.tsx'],
  '.mjs': ['.mts', '.d.mts'],
  '.cjs': ['.cts', '.d.cts'],
};

/** Extensions tried for an extensionless specifier and for `index.*`, in TypeScript's order. */
const PROBED_EXTENSIONS = ['.ts', '.tsx', '.d.ts', '.mts', '.cts', '.js', '.jsx', '.mjs', '.cjs'];

export function splitExtension(specifier: string): { base: string; extension: string } {
  const match = SOURCE_EXTENSION.exec(specifier);
  if (!match) return { base: specifier, extension: '' };
  return { base: specifier.slice(0, match.index), extension: match[0] };
}

export function isRelativeSpecifier(specifier: string): boolean {
  return specifier === '.' || specifier === '..' || specifier.startsWith('./') || specifier.startsWith('../');
}

/** Whether `file` is a regular file (a missing or unreadable path is not). */
export function isFile(file: string): boolean {
  try {
    return statSync(file, { throwIfNoEntry: false })?.isFile() ?? false;
  } catch {
    return false;
  }
}

/**
 * The file an absolute module path names: the path itself, its TypeScript source (`x.js` → `x.ts`),
 * the path with a source extension, or its `index.*`. Undefined when none exists.
 */
export function resolveModuleFile(modulePath: string): string | undefined {
  const { base, extension } = splitExtension(modulePath);
  if (extension !== '') {
    if (isFile(modulePath)) return modulePath;
    for (const source of SOURCES_OF[extension] ?? []) {
      if (isFile(base + source)) return base + source;
    }
  }
  for (const extension of PROBED_EXTENSIONS) {
    if (isFile(modulePath + extension)) return modulePath + extension;
  }
  for (const extension of PROBED_EXTENSIONS) {
    const index = path.join(modulePath, `index${extension}`);
    if (isFile(index)) return index;
  }
  return undefined;
}

/** The file a relative specifier written in `fromFile` names, or undefined (not relative, or not found). */
export function resolveRelativeSpecifier(specifier: string, fromFile: string): string | undefined {
  if (!isRelativeSpecifier(specifier)) return undefined;
  return resolveModuleFile(path.resolve(path.dirname(fromFile), specifier));
}

/** How a file writes relative specifiers, judged from the ones it already has. */
export type ExtensionStyle = 'runtime' | 'source' | 'none';

export function extensionStyleOf(specifiers: readonly string[]): ExtensionStyle | undefined {
  for (const specifier of specifiers) {
    if (!isRelativeSpecifier(specifier)) continue;
    const { extension } = splitExtension(specifier);
    if (extension === '') return 'none';
    return /t/u.test(extension) ? 'source' : 'runtime';
  }
  return undefined;
}

/**
 * The relative specifier with which `fromFile` imports `targetFile`: the extension style of the file's
 * other relative imports, or by default the runtime file name (`x.ts` → `./x.js`), which Node.js,
 * TypeScript (every module resolution but `classic`) and bundlers all resolve.
 */
export function relativeSpecifier(fromFile: string, targetFile: string, style: ExtensionStyle): string {
  const { base, extension } = splitExtension(targetFile);
  let relative = path.relative(path.dirname(fromFile), base).split(path.sep).join('/');
  if (!relative.startsWith('.')) relative = `./${relative}`;
  if (path.basename(base) === 'index' && style === 'none') relative = relative.slice(0, -'/index'.length) || '.';
  switch (style) {
    case 'none':
      // Node.js and TypeScript look for .js/.ts without an extension, not for .cjs/.mjs/.cts/.mts.
      return /^\.[mc]/u.test(extension) ? relative + (RUNTIME_EXTENSION[extension] ?? extension) : relative;
    case 'source':
      return relative + (extension.startsWith('.d.') ? RUNTIME_EXTENSION[extension]! : extension);
    case 'runtime':
      return relative + (RUNTIME_EXTENSION[extension] ?? extension);
  }
}

/** Whether two bare specifiers name the same module (`@app/codes` and `@app/codes.js`). */
export function sameBareModule(a: string, b: string): boolean {
  return splitExtension(a).base === splitExtension(b).base;
}

/** "kakao-error-codes" for a specifier like "../generated/kakao-error-codes.js". */
export function moduleBaseName(specifier: string): string {
  return path.posix.basename(splitExtension(specifier).base);
}
