/**
 * Output paths and styles: which language an `--out` path gets, which styles it allows, and the
 * defaults. No ts-morph here, so the CLI can validate its arguments before loading it.
 */
import { basename, extname } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The bundled spec, beside this module in both the sources and `dist/`. */
export const BUNDLED_SPEC = fileURLToPath(new URL('../spec/kakao-error-codes.json', import.meta.url));

/** The default `--out`, relative to the working directory. */
export const DEFAULT_OUT = 'generated/kakao-error-codes.ts';

export const STYLES = ['const-enum', 'enum', 'object'] as const;
export type Style = (typeof STYLES)[number];
export const DEFAULT_STYLE: Style = 'const-enum';

/** Options that cannot work together (e.g. `--style enum` with a `.js` output). The CLI exits 2. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

const TS_EXTENSIONS = new Set(['.ts', '.mts', '.cts']);
const JS_DECLARATION_EXTENSIONS: ReadonlyMap<string, string> = new Map([
  ['.js', '.d.ts'],
  ['.mjs', '.d.mts'],
]);

/** The output language of `out`, and the declaration file that goes with JavaScript. */
export function outputLayout(out: string): { language: 'ts' | 'js'; declarationPath?: string } {
  const ext = extname(out);
  if (out.endsWith('.d.ts') || out.endsWith('.d.mts') || out.endsWith('.d.cts')) {
    throw new UsageError(`--out ${out}: give the module path (.ts, .js, ...), not a declaration file`);
  }
  if (TS_EXTENSIONS.has(ext)) return { language: 'ts' };
  const declarationExt = JS_DECLARATION_EXTENSIONS.get(ext);
  if (declarationExt !== undefined) {
    return { language: 'js', declarationPath: out.slice(0, -ext.length) + declarationExt };
  }
  throw new UsageError(`--out ${out}: expected a file ending in .ts, .mts, .cts, .js or .mjs`);
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

