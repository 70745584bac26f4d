/**
 * Output paths and styles: which language and module system an `--out` path gets, which styles it
 * allows, and the defaults. No ts-morph here, so the CLI can validate its arguments before loading it.
 */
import { readFileSync } from 'node:fs';
import { basename, dirname, extname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The bundled spec, beside this module in both the sources and `dist/`. */
export const BUNDLED_SPEC = fileURLToPath(new URL('../spec/kakao-error-codes.json', import.meta.url));

/** The default `--out`, relative to the working directory. */
export const DEFAULT_OUT = 'generated/kakao-error-codes.ts';

export const STYLES = ['const-enum', 'enum', 'object'] as const;
export type Style = (typeof STYLES)[number];
export const DEFAULT_STYLE: Style = 'const-enum';

/** How a JavaScript output exports: `export const …` or `exports.name = …`. */
export type ModuleFormat = 'esm' | 'commonjs';

/** Options that cannot work together (e.g. `--style enum` with a `.js` output). The CLI exits 2. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

/** A package.json that decides an output's module system but cannot be read. The CLI exits 1. */
export class PackageJsonError extends Error {
  override readonly name = 'PackageJsonError';
}

const TS_EXTENSIONS = new Set(['.ts', '.mts', '.cts']);
const JS_EXTENSIONS: ReadonlyMap<string, { declarationExt: string; format?: ModuleFormat }> = new Map([
  // A `.js` file's module system comes from the nearest package.json, as in Node.
  ['.js', { declarationExt: '.d.ts' }],
  ['.mjs', { declarationExt: '.d.mts', format: 'esm' }],
  ['.cjs', { declarationExt: '.d.cts', format: 'commonjs' }],
]);

export type OutputLayout =
  | { readonly language: 'ts' }
  | {
      readonly language: 'js';
      readonly declarationPath: string;
      /** Fixed by the extension (`.mjs`, `.cjs`); `undefined` for `.js`. */
      readonly moduleFormat: ModuleFormat | undefined;
    };

/** The output language of `out`, the declaration file that goes with JavaScript, and its module system. */
export function outputLayout(out: string): OutputLayout {
  const ext = extname(out);
  if (out.endsWith('.d.ts') || out.endsWith('.d.mts') || out.endsWith('.d.cts')) {
    throw new UsageError(`--out ${out}: give the module path (.ts, .js, ...), not a declaration file`);
  }
  if (TS_EXTENSIONS.has(ext)) return { language: 'ts' };
  const js = JS_EXTENSIONS.get(ext);
  if (js !== undefined) {
    return { language: 'js', declarationPath: out.slice(0, -ext.length) + js.declarationExt, moduleFormat: js.format };
  }
  throw new UsageError(`--out ${out}: expected a file ending in .ts, .mts, .cts, .js, .mjs or .cjs`);
}

/** The style to use for `out`, or a UsageError when `style` cannot be written in its language. */
export function resolveStyle(out: string, style: Style | undefined): Style {
  const { language } = outputLayout(out);
  if (language === 'ts') return style ?? DEFAULT_STYLE;
  if (style !== undefined && style !== 'object') {
    throw new UsageError(
      `--style ${style} needs a TypeScript output; ${basename(out)} is JavaScript, which is always written in the object style (omit --style or use --style object)`,
    );
  }
  return 'object';
}

/**
 * The module system Node gives the JavaScript file `out`: `.mjs` ESM, `.cjs` CommonJS, `.js` what
 * the nearest package.json says (`"type": "module"` → ESM; no `"type"`, or no package.json →
 * CommonJS). `undefined` for TypeScript outputs, whose syntax does not depend on it. Reads the
 * file system; `generate` takes the result as an option and stays pure.
 */
export function resolveModuleFormat(out: string): ModuleFormat | undefined {
  const layout = outputLayout(out);
  if (layout.language === 'ts') return undefined;
  if (layout.moduleFormat !== undefined) return layout.moduleFormat;
  const packageJson = nearestPackageJson(dirname(resolve(out)));
  if (packageJson === undefined) return 'commonjs';
  return packageJson.type === 'module' ? 'esm' : 'commonjs';
}

/**
 * The package.json Node consults for a file in `folder`: the first one walking up, stopping at a
 * `node_modules` folder (a package scope never reaches above it).
 */
function nearestPackageJson(folder: string): { path: string; type: unknown } | undefined {
  for (let current = folder; ; current = dirname(current)) {
    if (basename(current) === 'node_modules') return undefined;
    const path = join(current, 'package.json');
    const text = readIfPresent(path);
    if (text !== undefined) return { path, type: packageType(path, text) };
    if (dirname(current) === current) return undefined;
  }
}

function readIfPresent(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    // Node skips a package.json it cannot open as a file, as if it were not there.
    if (code === 'ENOENT' || code === 'ENOTDIR' || code === 'EISDIR') return undefined;
    throw new PackageJsonError(
      `${path}: cannot read it (${code ?? String(error)}); it decides whether a .js output is CommonJS or an ES module`,
    );
  }
}

function packageType(path: string, text: string): unknown {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text.replace(/^\uFEFF/u, ''));
  } catch (error) {
    throw new PackageJsonError(
      `${path}: invalid JSON (${(error as Error).message}); it decides whether a .js output is CommonJS or an ES module`,
    );
  }
  return typeof parsed === 'object' && parsed !== null ? (parsed as Record<string, unknown>)['type'] : undefined;
}
