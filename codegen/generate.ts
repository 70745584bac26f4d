/**
 * `generate(spec, options)`: the text of every output file, in memory. Pure: no file system, no
 * clock, no locale — the same spec and options always give byte-identical text.
 */
import { basename } from 'node:path';
import { IndentationText, NewLineKind, Project, QuoteKind } from 'ts-morph';
import { errorCodesStatements, type Flavour } from './error-codes.js';
import { outputLayout, resolveStyle, UsageError, type ModuleFormat, type Style } from './output.js';
import type { Spec } from '../core/spec.js';
import { normaliseNewlines } from '../core/text.js';

export {
  DEFAULT_STYLE,
  outputLayout,
  resolveStyle,
  STYLES,
  UsageError,
  type ModuleFormat,
  type Style,
} from './output.js';

export interface GenerateOptions {
  /**
   * The main output path. `.ts`, `.mts`, `.cts`: a TypeScript module in `style`. `.js`, `.mjs`,
   * `.cjs`: a JavaScript module in the object style plus a declaration file (`.d.ts`, `.d.mts`,
   * `.d.cts`) beside it.
   */
  readonly out: string;
  /** Omitted: `const-enum` for TypeScript, `object` for JavaScript. */
  readonly style?: Style | undefined;
  /**
   * The module system of a JavaScript output. `.mjs` is always `esm` and `.cjs` always `commonjs`
   * (a different value is a UsageError); for `.js` it is what Node decides from the nearest
   * package.json (`resolveModuleFormat`, which the CLI calls), and `esm` when omitted. Ignored for
   * TypeScript outputs, which are written the same whatever compiles them.
   */
  readonly moduleFormat?: ModuleFormat | undefined;
  /** The spec's path; only its base name appears in the output. */
  readonly specFile: string;
}

export interface GeneratedFile {
  readonly path: string;
  readonly text: string;
}

export interface GenerateResult {
  readonly files: readonly GeneratedFile[];
  /** The style used (after defaults). */
  readonly style: Style;
  /** The output language: `js` adds a declaration file. */
  readonly language: 'ts' | 'js';
  /** The module system of a JavaScript output; `undefined` for TypeScript. */
  readonly moduleFormat?: ModuleFormat;
}

/** The text of every output file for `spec`. */
export function generate(spec: Spec, options: GenerateOptions): GenerateResult {
  const { out } = options;
  const layout = outputLayout(out);
  const style = resolveStyle(out, options.style);
  const specName = basename(options.specFile);
  const render = (flavour: Flavour) => renderFile(spec, { flavour, specName, style });
  if (layout.language === 'ts') {
    return { files: [{ path: out, text: render(style) }], style, language: 'ts' };
  }
  const moduleFormat = layout.moduleFormat ?? options.moduleFormat ?? 'esm';
  if (options.moduleFormat !== undefined && options.moduleFormat !== moduleFormat) {
    throw new UsageError(`${basename(out)} is always ${moduleFormat === 'esm' ? 'an ES module' : 'CommonJS'}, not ${options.moduleFormat}`);
  }
  return {
    files: [
      { path: out, text: render(moduleFormat === 'esm' ? 'js' : 'cjs') },
      { path: layout.declarationPath, text: render('dts') },
    ],
    style,
    language: 'js',
    moduleFormat,
  };
}

function renderFile(spec: Spec, options: { flavour: Flavour; specName: string; style: Style }): string {
  const project = new Project({
    useInMemoryFileSystem: true,
    manipulationSettings: {
      indentationText: IndentationText.TwoSpaces,
      newLineKind: NewLineKind.LineFeed,
      quoteKind: QuoteKind.Double,
      useTrailingCommas: true,
    },
  });
  const fileName = options.flavour === 'js' || options.flavour === 'cjs' ? '/out.js' : options.flavour === 'dts' ? '/out.d.ts' : '/out.ts';
  const sourceFile = project.createSourceFile(fileName, {
    statements: errorCodesStatements(spec, options),
  });
  return normaliseNewlines(sourceFile.getFullText());
}
