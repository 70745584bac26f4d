/**
 * `kakao-codegen`: the command line around `generate`, `checkFiles` and `writeFilesAtomically`.
 * Exit codes: 0 done / up to date, 1 bad spec, stale output or a file error, 2 usage error.
 *
 * zod and ts-morph are loaded only once they are needed (after the arguments, after the spec), so
 * usage and spec errors are reported quickly.
 */
import { parseArgs } from 'node:util';
import {
  checkFiles,
  formatCheckResult,
  formatWriteResults,
  OutputFileError,
  writeFilesAtomically,
  type CheckResult,
  type OutputFile,
} from './files.js';
import {
  BUNDLED_SPEC,
  DEFAULT_OUT,
  PackageJsonError,
  resolveModuleFormat,
  resolveStyle,
  STYLES,
  UsageError,
  type ModuleFormat,
  type Style,
} from './output.js';
import { escapeControls } from '../core/text.js';

const USAGE = 'Usage: kakao-codegen [--spec <file>] [--out <file>] [--style const-enum|enum|object] [--check] [--help]';

const HELP = `${USAGE}

Generates a module with an enum of the error codes in a spec, a metadata table and helpers
(is<Enum>, isRetryable<Enum>, get<Enum>HttpStatus, describe<Enum>, ...).

Options:
  --spec <file>   The error-code spec (JSON). Default: the bundled Kakao spec.
  --out <file>    The output module: TypeScript (.ts, .mts, .cts) or JavaScript with a declaration
                  file beside it: .cjs (CommonJS, .d.cts), .mjs (ES module, .d.mts) or .js (.d.ts;
                  an ES module if the nearest package.json has "type": "module", else CommonJS,
                  as Node loads it). Default: ${DEFAULT_OUT}
  --style <style> const-enum (default), enum, or object (an \`as const\` object and a union type).
                  JavaScript output always uses object.
  --check         Write nothing; exit 1 if an output file is missing or differs from what would be
                  generated.
  -h, --help      Show this help.

Exit status: 0 done or up to date, 1 invalid spec, stale output or a file error, 2 usage error.
Set KAKAO_CODEGEN_DEBUG=1 to see stack traces of unexpected errors.`;

class UsageFailure extends Error {}

interface Options {
  readonly spec: string;
  readonly out: string;
  readonly style: Style | undefined;
  readonly check: boolean;
  readonly help: boolean;
}

function parseOptions(argv: readonly string[]): Options {
  let values;
  try {
    ({ values } = parseArgs({
      args: [...argv],
      strict: true,
      allowPositionals: false,
      options: {
        spec: { type: 'string' },
        out: { type: 'string' },
        style: { type: 'string' },
        check: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    }));
  } catch (error) {
    throw new UsageFailure((error as Error).message);
  }
  const { style } = values;
  if (style !== undefined && !(STYLES as readonly string[]).includes(style)) {
    throw new UsageFailure(`--style must be one of ${STYLES.join(', ')}, got ${JSON.stringify(style)}`);
  }
  for (const name of ['spec', 'out'] as const) {
    if (values[name] === '') throw new UsageFailure(`--${name} needs a file name`);
  }
  return {
    spec: values.spec ?? BUNDLED_SPEC,
    out: values.out ?? DEFAULT_OUT,
    style: style as Style | undefined,
    check: values.check,
    help: values.help,
  };
}

export interface Io {
  readonly stdout: (line: string) => void;
  readonly stderr: (line: string) => void;
}

const processIo: Io = {
  stdout: (line) => process.stdout.write(`${line}\n`),
  stderr: (line) => process.stderr.write(`${line}\n`),
};

/**
 * Tests only: pause this many milliseconds once the temp files are written, before replacing the
 * outputs, so a test can signal or kill the process mid-write.
 */
const TEST_PAUSE_ENV = 'KAKAO_CODEGEN_TEST_PAUSE_MS';

function testPause(): (() => Promise<void>) | undefined {
  const ms = Number(process.env[TEST_PAUSE_ENV]);
  if (!Number.isFinite(ms) || ms <= 0) return undefined;
  return () => new Promise((done) => setTimeout(done, ms));
}

/** The `--style` a generated file's header names, if any. */
function headerStyle(text: string): Style | undefined {
  const match = /^\/\/ To change it, .*kakao-codegen --style (\S+) /mu.exec(text.slice(0, 4096));
  const style = match?.[1];
  return (STYLES as readonly string[]).includes(style ?? '') ? (style as Style) : undefined;
}

/**
 * `… is out of date: generated with --style object, expected --style const-enum` when regenerating
 * in the style its header names gives exactly the file found; otherwise the usual line.
 */
function describeStale(problem: CheckResult, style: Style, regenerate: (style: Style) => readonly OutputFile[]): string {
  const found = problem.actual === undefined ? undefined : headerStyle(problem.actual);
  if (found !== undefined && found !== style) {
    const other = regenerate(found).find((file) => file.path === problem.path);
    if (other !== undefined && other.text === problem.actual) {
      return `${escapeControls(problem.path)} is out of date: generated with --style ${found}, expected --style ${style}`;
    }
  }
  return formatCheckResult(problem);
}

/** Runs the command; returns the exit code. Never calls process.exit, so tests can run it in process. */
export async function run(argv: readonly string[], io: Io = processIo): Promise<number> {
  try {
    const options = parseOptions(argv);
    if (options.help) {
      io.stdout(HELP);
      return 0;
    }
    let style: Style;
    let moduleFormat: ModuleFormat | undefined;
    try {
      style = resolveStyle(options.out, options.style);
      moduleFormat = resolveModuleFormat(options.out);
    } catch (error) {
      if (error instanceof UsageError) throw new UsageFailure(error.message);
      if (error instanceof PackageJsonError) {
        io.stderr(`kakao-codegen: ${error.message}`);
        return 1;
      }
      throw error;
    }
    const { loadSpecFile } = await import('../core/spec.js');
    const { codeFamilies } = await import('../core/families.js');
    const spec = loadSpecFile(options.spec);
    if (!options.check && style !== 'object') {
      const { adviseStyle, inspectTsconfig } = await import('./tsconfig.js');
      const advice = adviseStyle(style, inspectTsconfig(options.out));
      for (const note of advice.notes) io.stderr(`kakao-codegen: ${escapeControls(note)}`);
      if (advice.refusal !== undefined) {
        io.stderr(`kakao-codegen: ${escapeControls(advice.refusal)}; nothing written`);
        return 1;
      }
    }
    const { generate } = await import('./generate.js');
    const { files } = generate(spec, { out: options.out, style, moduleFormat, specFile: options.spec });

    if (options.check) {
      const results = checkFiles(files);
      const problems = results.filter((result) => result.status !== 'fresh');
      if (problems.length === 0) {
        io.stdout(`kakao-codegen: ${escapeControls(files.map((file) => file.path).join(', '))} up to date`);
        return 0;
      }
      const regenerate = (other: Style) => generate(spec, { out: options.out, style: other, specFile: options.spec }).files;
      for (const problem of problems) io.stderr(`kakao-codegen: ${describeStale(problem, style, regenerate)}`);
      io.stderr('kakao-codegen: run kakao-codegen without --check (same --spec, --out and --style) to regenerate');
      return 1;
    }

    const results = await writeFilesAtomically(files, { beforeReplace: testPause() });
    io.stdout(`kakao-codegen: ${escapeControls(formatWriteResults(results))} (${codeFamilies(spec).map((family) => family.codes.length).join(' + ')} codes, --style ${style})`);
    return 0;
  } catch (error) {
    if (error instanceof UsageFailure) {
      io.stderr(`kakao-codegen: ${escapeControls(error.message)}`);
      io.stderr(USAGE);
      io.stderr('Run kakao-codegen --help for details.');
      return 2;
    }
    // SpecError comes from the lazily loaded spec module; its name identifies it.
    if ((error instanceof Error && error.name === 'SpecError') || error instanceof OutputFileError) {
      io.stderr(`kakao-codegen: ${escapeControls(error.message)}`);
      return 1;
    }
    const message = error instanceof Error ? error.message : String(error);
    io.stderr(`kakao-codegen: unexpected error: ${escapeControls(message)}`);
    if (process.env['KAKAO_CODEGEN_DEBUG'] && error instanceof Error && error.stack) io.stderr(error.stack);
    return 1;
  }
}
