/**
 * Shared helpers of the codegen tests: paths, temp dirs, spawning the built CLI, and type-checking
 * in-memory files with the TypeScript compiler API.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

export const REPO = fileURLToPath(new URL('../../', import.meta.url));
export const FIXTURES = join(REPO, 'test/fixtures/codegen');
export const GOLDEN = join(FIXTURES, 'golden');
export const ACME_SPEC = join(FIXTURES, 'acme-error-codes.json');
export const TRICKY_SPEC = join(FIXTURES, 'tricky-error-codes.json');
export const BUNDLED_SPEC = join(REPO, 'spec/kakao-error-codes.json');
export const CLI = join(REPO, 'dist/codegen/bin.js');
export const SCHEMA_SCRIPT = join(REPO, 'dist/scripts/write-json-schema.js');

/** The CLI tests run the build output; `npm test` builds first. */
export function assertBuilt(): void {
  if (!existsSync(CLI)) throw new Error(`${CLI} is missing: run \`npm run build\` before these tests`);
}

const tempDirs: string[] = [];

export function makeTempDir(prefix = 'kakao-codegen-test-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  tempDirs.push(dir);
  return dir;
}

export function removeTempDirs(): void {
  for (const dir of tempDirs.splice(0)) rmSync(dir, { recursive: true, force: true });
}

/** Files a write leaves only while it runs: temps, backups and locks (`.kakao-codegen-*`), and any `*.tmp`. */
export function tempFilesIn(dir: string): string[] {
  return readdirSync(dir).filter((name) => name.startsWith('.kakao-codegen-') || name.endsWith('.tmp'));
}

export interface CliResult {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Spawns the built CLI (async, so concurrent tests overlap their node start-ups). */
export function runCli(args: readonly string[], options: RunOptions = {}): Promise<CliResult> {
  return runNode(CLI, args, options);
}

/**
 * Runs the CLI in this process through its exported `run(argv, io)`: what the bin does, without a
 * node start-up per test. The working directory is this process's (the repository).
 */
export async function runCliInProcess(args: readonly string[]): Promise<CliResult> {
  const { run } = await import('../../codegen/cli.js');
  let stdout = '';
  let stderr = '';
  const status = await run(args, { stdout: (line) => (stdout += `${line}\n`), stderr: (line) => (stderr += `${line}\n`) });
  return { status, stdout, stderr };
}

export interface RunOptions {
  readonly cwd?: string;
  readonly env?: NodeJS.ProcessEnv;
  /** Killed after this long (a hang shows as a null status). Default 60 s: the machine may be busy. */
  readonly timeoutMs?: number;
}

export function runNode(script: string, args: readonly string[], options: RunOptions = {}): Promise<CliResult> {
  const env = { ...process.env, ...options.env };
  delete env['KAKAO_CODEGEN_DEBUG'];
  delete env['NODE_OPTIONS'];
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, [script, ...args], { cwd: options.cwd ?? REPO, env });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 60_000);
    child.on('error', reject);
    child.on('close', (status) => {
      clearTimeout(timer);
      resolvePromise({ status, stdout, stderr });
    });
  });
}

// --- type-checking in memory ---------------------------------------------------------------------

/** Virtual files live here; nothing is read from or written to this folder on disk. */
export const VIRTUAL_ROOT = resolve('/__kakao_codegen_virtual__');

const libCache = new Map<string, ts.SourceFile | undefined>();

export interface CheckedProgram {
  readonly program: ts.Program;
  readonly checker: ts.TypeChecker;
  /** `file(line,col): TS1234: message`, for readable assertion failures. */
  readonly errors: string[];
}

export const STRICT_OPTIONS: ts.CompilerOptions = {
  strict: true,
  noUncheckedIndexedAccess: true,
  exactOptionalPropertyTypes: true,
  noImplicitOverride: true,
  target: ts.ScriptTarget.ES2022,
  // Without DOM: parsing lib.dom.d.ts would be most of the checking time.
  lib: ['lib.es2022.d.ts'],
  module: ts.ModuleKind.ESNext,
  moduleResolution: ts.ModuleResolutionKind.Bundler,
  noEmit: true,
  types: [],
  skipDefaultLibCheck: true,
};

/**
 * Type-checks `files` (names relative to VIRTUAL_ROOT) as one program. Default library files are
 * parsed once per test worker and shared between programs.
 */
export function typeCheck(files: Readonly<Record<string, string>>, options: ts.CompilerOptions): CheckedProgram {
  const virtual = new Map(Object.entries(files).map(([name, text]) => [join(VIRTUAL_ROOT, name), text]));
  const host = ts.createCompilerHost(options, true);
  const { fileExists, readFile, directoryExists } = host;
  const isVirtualDir = (dir: string) => dir === VIRTUAL_ROOT || dir.startsWith(`${VIRTUAL_ROOT}/`);
  host.fileExists = (name) => virtual.has(name) || (!isVirtualDir(name) && fileExists.call(host, name));
  host.readFile = (name) => virtual.get(name) ?? readFile.call(host, name);
  host.directoryExists = (dir) => isVirtualDir(dir) || (directoryExists?.call(host, dir) ?? false);
  host.writeFile = () => undefined;
  host.getSourceFile = (name, languageVersion) => {
    const text = virtual.get(name);
    if (text !== undefined) return ts.createSourceFile(name, text, languageVersion, true);
    const key = `${name}\0${JSON.stringify(languageVersion)}`;
    if (!libCache.has(key)) {
      const libText = readFile.call(host, name);
      libCache.set(key, libText === undefined ? undefined : ts.createSourceFile(name, libText, languageVersion, true));
    }
    return libCache.get(key);
  };
  const roots = [...virtual.keys()].filter((name) => !name.endsWith('.d.ts') && !name.endsWith('.d.mts'));
  const program = ts.createProgram(roots, options, host);
  const errors = ts.getPreEmitDiagnostics(program).map((diagnostic) => {
    const message = ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n');
    if (diagnostic.file === undefined || diagnostic.start === undefined) return `TS${diagnostic.code}: ${message}`;
    const { line, character } = diagnostic.file.getLineAndCharacterOfPosition(diagnostic.start);
    const file = diagnostic.file.fileName.replace(`${VIRTUAL_ROOT}/`, '');
    return `${file}(${line + 1},${character + 1}): TS${diagnostic.code}: ${message}`;
  });
  return { program, checker: program.getTypeChecker(), errors };
}

/** The module symbol of a virtual file. */
export function moduleSymbol(checked: CheckedProgram, name: string): ts.Symbol {
  const sourceFile = checked.program.getSourceFile(join(VIRTUAL_ROOT, name));
  if (sourceFile === undefined) throw new Error(`${name} is not in the program`);
  const symbol = checked.checker.getSymbolAtLocation(sourceFile);
  if (symbol === undefined) throw new Error(`${name} is not a module`);
  return symbol;
}

/** Whether `exportName.memberName` carries a `@deprecated` tag, as typescript-eslint's no-deprecated sees it. */
export function isMemberDeprecated(checked: CheckedProgram, file: string, exportName: string, memberName: string): boolean {
  const { checker } = checked;
  const exported = checker.getExportsOfModule(moduleSymbol(checked, file)).find((s) => s.name === exportName);
  if (exported === undefined) throw new Error(`${file} does not export ${exportName}`);
  const declaration = exported.valueDeclaration ?? exported.declarations?.[0];
  if (declaration === undefined) throw new Error(`${exportName} has no declaration`);
  const type = checker.getTypeOfSymbolAtLocation(exported, declaration);
  const member = type.getProperty(memberName) ?? exported.exports?.get(ts.escapeLeadingUnderscores(memberName));
  if (member === undefined) throw new Error(`${exportName} has no member ${memberName}`);
  return member.getJsDocTags(checker).some((tag) => tag.name === 'deprecated');
}
