/**
 * `settings.kakao.enumModule` → the specifier a given file should import, and the reverse check
 * (does this import refer to the enum module?).
 */
import path from 'node:path';

const SOURCE_EXTENSION = /\.(?:d\.)?[mc]?[jt]sx?$/u;
const TS_TO_JS: Readonly<Record<string, string>> = { '.ts': '.js', '.tsx': '.js', '.mts': '.mjs', '.cts': '.cjs' };

function stripExtension(specifier: string): { base: string; extension: string } {
  const match = SOURCE_EXTENSION.exec(specifier);
  if (!match) return { base: specifier, extension: '' };
  return { base: specifier.slice(0, match.index), extension: match[0].replace('.d.', '.') };
}

function isRelative(specifier: string): boolean {
  return specifier === '.' || specifier === '..' || specifier.startsWith('./') || specifier.startsWith('../');
}

function absoluteFilename(filename: string, cwd: string): string {
  return path.resolve(cwd, filename);
}

type ExtensionStyle = 'js' | 'ts' | 'none' | 'as-configured';

/** How the file writes relative specifiers, judged from the ones it already has. */
function extensionStyleOf(existingSpecifiers: readonly string[], filename: string): ExtensionStyle {
  for (const specifier of existingSpecifiers) {
    if (!isRelative(specifier)) continue;
    const { extension } = stripExtension(specifier);
    if (extension === '') return 'none';
    return extension.includes('t') ? 'ts' : 'js';
  }
  return /\.[mc][jt]s$/u.test(filename) ? 'js' : 'as-configured';
}

/**
 * The specifier that `filename` should use to import `enumModule`. A specifier starting with "."
 * is relative to `cwd`; anything else (a package, a path alias) is used verbatim.
 */
export function specifierForFile(
  enumModule: string,
  filename: string,
  cwd: string,
  existingSpecifiers: readonly string[],
): string {
  if (!isRelative(enumModule)) return enumModule;
  const { base, extension } = stripExtension(enumModule);
  const target = path.resolve(cwd, base);
  let relative = path.relative(path.dirname(absoluteFilename(filename, cwd)), target).split(path.sep).join('/');
  if (!relative.startsWith('.')) relative = `./${relative}`;
  switch (extensionStyleOf(existingSpecifiers, filename)) {
    case 'none':
      return relative;
    case 'ts':
      return relative + (extension && extension in TS_TO_JS ? extension : '.ts');
    case 'js':
      return relative + (TS_TO_JS[extension] ?? (extension || '.js'));
    case 'as-configured':
      return relative + extension;
  }
}

/** Whether `specifier`, written in `filename`, names the configured enum module (any extension). */
export function refersToModule(specifier: string, enumModule: string, filename: string, cwd: string): boolean {
  if (!isRelative(enumModule)) return stripExtension(specifier).base === stripExtension(enumModule).base;
  if (!isRelative(specifier)) return false;
  const resolved = path.resolve(path.dirname(absoluteFilename(filename, cwd)), stripExtension(specifier).base);
  return resolved === path.resolve(cwd, stripExtension(enumModule).base);
}

/** "kakao-error-codes" for a specifier like "../generated/kakao-error-codes.js". */
export function moduleBaseName(specifier: string): string {
  return path.posix.basename(stripExtension(specifier).base);
}
