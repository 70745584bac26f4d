/**
 * `generate(spec, options)`: the text of every output file, in memory. Pure: no file system, no
 * clock, no locale — the same spec and options always give byte-identical text.
 */
import { basename } from 'node:path';
import { IndentationText, NewLineKind, Project, QuoteKind } from 'ts-morph';
import { errorCodesStatements, type Flavour } from './error-codes.js';
import { outputLayout, resolveStyle, UsageError, type ModuleFormat, type Style } from './output.js';
import { SpecError, type Spec } from './spec.js';
import { normaliseNewlines } from './text.js';

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
    assertGeneratable(spec, options.specFile, undefined);
    return { files: [{ path: out, text: render(style) }], style, language: 'ts' };
  }
  const moduleFormat = layout.moduleFormat ?? options.moduleFormat ?? 'esm';
  if (options.moduleFormat !== undefined && options.moduleFormat !== moduleFormat) {
    throw new UsageError(`${basename(out)} is always ${moduleFormat === 'esm' ? 'an ES module' : 'CommonJS'}, not ${options.moduleFormat}`);
  }
  assertGeneratable(spec, options.specFile, moduleFormat);
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

/**
 * Bindings a CommonJS module already has (the parameters of Node's module wrapper): a top-level
 * `const exports` there is a SyntaxError.
 */
const COMMONJS_BINDINGS = new Set(['exports', 'require', 'module', '__filename', '__dirname']);

/**
 * Names the schema allows but the generated code cannot use: an enum called `Object` would shadow
 * the `Object.freeze` the module calls, in CommonJS an enum called `exports` (or another binding
 * of the module wrapper) cannot be declared, and a member called `__proto__` would set the
 * prototype of the object style's literal instead of adding a member.
 */
function assertGeneratable(spec: Spec, specFile: string, moduleFormat: ModuleFormat | undefined): void {
  if (spec.enumName === 'Object') {
    throw new SpecError(`${specFile}: invalid spec: enumName: expected a name other than "Object" (the generated code uses the global Object)`);
  }
  if (moduleFormat === 'commonjs' && COMMONJS_BINDINGS.has(spec.enumName)) {
    throw new SpecError(
      `${specFile}: invalid spec: enumName: expected a name other than "${spec.enumName}" (a CommonJS module already declares it)`,
    );
  }
  const index = spec.codes.findIndex((entry) => entry.name === '__proto__');
  if (index !== -1) {
    throw new SpecError(`${specFile}: invalid spec: codes[${index}].name: expected a name other than "__proto__"`);
  }
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
