/**
 * Helpers for the consumer tests: pack the repository, install the tarball into fresh projects
 * outside it, run ESLint there and compare its JSON output.
 */
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const EXAMPLE = path.join(REPO_ROOT, 'examples', 'kakao-client');

export interface RunResult {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/**
 * The environment for child processes, without what `npm run`/`npm test` adds for the repository
 * (its package, its lifecycle, its local prefix), so that npm and npx in a consumer project see
 * that project and nothing of ours. User settings (cache, registry, proxy...) are kept.
 */
export function childEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    const lower = key.toLowerCase();
    if (
      lower.startsWith('npm_package_') ||
      lower.startsWith('npm_lifecycle_') ||
      lower === 'npm_command' ||
      lower === 'npm_config_local_prefix' ||
      lower === 'npm_config_call' ||
      lower === 'init_cwd'
    ) {
      continue;
    }
    env[key] = value;
  }
  // Colour codes would end up in the captured output.
  env['NO_COLOR'] = '1';
  env['FORCE_COLOR'] = '0';
  return env;
}

/** Runs a command without a shell; resolves with its status and output (never rejects on exit codes). */
export function run(command: string, args: readonly string[], cwd: string, timeoutMs = 120_000): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, env: childEnv(), shell: process.platform === 'win32' });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    const timer = setTimeout(() => child.kill(), timeoutMs);
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on('close', (status) => {
      clearTimeout(timer);
      resolve({ status, stdout, stderr });
    });
  });
}

export function describeRun(what: string, result: RunResult): string {
  return `${what} exited with ${String(result.status)}\n--- stdout ---\n${result.stdout.slice(-4000)}\n--- stderr ---\n${result.stderr.slice(-4000)}`;
}

/** Like `run`, but throws (with the output) unless the exit status is one of `allowed`. */
export async function runOk(
  command: string,
  args: readonly string[],
  cwd: string,
  { allowed = [0], timeoutMs }: { allowed?: readonly number[]; timeoutMs?: number } = {},
): Promise<RunResult> {
  const result = await run(command, args, cwd, timeoutMs);
  if (result.status === null || !allowed.includes(result.status)) {
    throw new Error(describeRun(`\`${[command, ...args].join(' ')}\` in ${cwd}`, result));
  }
  return result;
}

function newestMtime(entry: string): number {
  const stat = statSync(entry);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = 0;
  for (const child of readdirSync(entry)) {
    // The generator's own build output (codegen/dist) is not a source.
    if (child === 'dist' || child === 'node_modules') continue;
    newest = Math.max(newest, newestMtime(path.join(entry, child)));
  }
  return newest;
}

/**
 * `npm test` builds before vitest runs. Build here only when dist/ is missing: rebuilding a stale
 * dist/ would rewrite it under the other test files that run the built CLI at the same time. A
 * stale dist/ (a source edited after the last build) is tested as it is, with a warning.
 */
export function ensureBuilt(): void {
  const built = path.join(REPO_ROOT, 'dist', 'index.js');
  const builtCodegen = path.join(REPO_ROOT, 'codegen', 'dist', 'codegen', 'bin.js');
  if (existsSync(built) && existsSync(builtCodegen)) {
    const sources = ['index.ts', 'rules', 'core', 'codegen', 'spec'].map((entry) => path.join(REPO_ROOT, entry));
    if (statSync(built).mtimeMs < Math.max(...sources.map(newestMtime))) {
      console.warn('dist/ is older than the sources; testing it as it is (run `npm run build` first to test the sources)');
    }
    return;
  }
  const result = spawnSync('npm', ['run', 'build'], {
    cwd: REPO_ROOT,
    encoding: 'utf8',
    env: childEnv(),
    shell: process.platform === 'win32',
  });
  if (result.status !== 0) throw new Error(describeRun('npm run build', { ...result, status: result.status }));
}

/**
 * `npm pack` of the repository's two packages into `dest` (without scripts: dist/ is built
 * already): the plugin and the generator (the `codegen` workspace, package kakao-codegen).
 */
export async function packRepository(dest: string): Promise<{ tarball: string; codegenTarball: string; files: string[] }> {
  ensureBuilt();
  const packOne = async (args: readonly string[]) => {
    const result = await runOk('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', dest, ...args], REPO_ROOT);
    const [info] = JSON.parse(result.stdout) as { filename: string; files: { path: string }[] }[];
    if (!info) throw new Error(describeRun('npm pack', result));
    return { tarball: path.join(dest, info.filename), files: info.files.map((file) => file.path) };
  };
  const plugin = await packOne([]);
  const codegen = await packOne(['--workspace', 'codegen']);
  return { tarball: plugin.tarball, codegenTarball: codegen.tarball, files: plugin.files };
}

/** Copies the example client (sources, tsconfig, eslint.config.js), without its generated enum. */
export function copyExample(to: string): void {
  const skipped = new Set(['generated', 'node_modules']);
  cpSync(EXAMPLE, to, {
    recursive: true,
    filter: (source) => !path.relative(EXAMPLE, source).split(path.sep).some((part) => skipped.has(part)),
  });
}

export interface LintMessage {
  readonly ruleId: string | null;
  readonly severity: 1 | 2;
  readonly message: string;
  readonly line: number;
  readonly column: number;
  readonly endLine?: number;
  readonly endColumn?: number;
  readonly fatal?: boolean;
  readonly fix?: unknown;
  readonly suggestions?: unknown[];
}

export interface LintResult {
  readonly filePath: string;
  readonly messages: LintMessage[];
  readonly output?: string;
}

/** Results relative to `root`, sorted by file: what must be identical between two runs. */
export function normalize(results: readonly LintResult[], root: string): { file: string; messages: LintMessage[] }[] {
  return results
    .map((result) => ({
      file: path.relative(root, result.filePath).split(path.sep).join('/'),
      messages: result.messages,
    }))
    .sort((a, b) => a.file.localeCompare(b.file));
}

/** One line per problem, `file:line:column severity rule`, in file and position order. */
export function summarize(results: readonly LintResult[], root: string): string[] {
  return normalize(results, root).flatMap(({ file, messages }) =>
    [...messages]
      .sort((a, b) => a.line - b.line || a.column - b.column || String(a.ruleId).localeCompare(String(b.ruleId)))
      .map((m) => `${file}:${m.line}:${m.column} ${m.severity === 2 ? 'error' : 'warning'} ${String(m.ruleId)}`),
  );
}

/** The findings of the example client with `configs.recommended` (see examples/kakao-client). */
export const EXPECTED_FINDINGS = [
  'src/browser.ts:23:5 error kakao/no-deprecated-api',
  'src/errors.ts:6:3 warning kakao/handle-retryable-codes',
  'src/errors.ts:7:10 error kakao/no-magic-error-code',
  'src/errors.ts:9:10 error kakao/no-magic-error-code',
  'src/errors.ts:11:10 error kakao/no-magic-error-code',
  'src/errors.ts:13:10 error kakao/no-magic-error-code',
  'src/message.ts:26:5 warning kakao/handle-retryable-codes',
  'src/message.ts:26:10 error kakao/no-magic-error-code',
  'src/message.ts:26:16 error kakao/no-magic-error-code',
  'src/message.ts:27:22 error kakao/no-magic-error-code',
  'src/message.ts:27:43 error kakao/no-magic-error-code',
  'src/message.ts:35:58 error kakao/no-deprecated-api',
  'src/token.ts:40:54 error kakao/no-magic-error-code',
  'src/user.ts:23:58 error kakao/no-deprecated-api',
  'src/user.ts:28:54 error kakao/no-deprecated-api',
  'src/user.ts:28:54 error kakao/no-magic-error-code',
];

/** What is left after `--fix`: the problems without an auto-fix, one line lower (the added import). */
export const EXPECTED_AFTER_FIX = [
  'src/browser.ts:23:5 error kakao/no-deprecated-api',
  'src/errors.ts:7:3 warning kakao/handle-retryable-codes',
  'src/message.ts:27:5 warning kakao/handle-retryable-codes',
  'src/message.ts:36:58 error kakao/no-deprecated-api',
  'src/user.ts:24:58 error kakao/no-deprecated-api',
  'src/user.ts:29:54 error kakao/no-deprecated-api',
];

/** The files `--fix` changes, and a line each must contain afterwards. */
export const EXPECTED_FIXES: Record<string, string[]> = {
  'src/errors.ts': ['case KakaoErrorCode.InvalidToken:', 'case KakaoErrorCode.TalkSendMessageDailyLimitExceed:'],
  'src/message.ts': [
    'if ([KakaoErrorCode.NotTalkUser, KakaoErrorCode.TalkMessageDisabled].includes(err.code))',
    'err.code === KakaoErrorCode.TalkSendMessageMonthlyLimitExceed || err.code === KakaoErrorCode.TalkSendMessageDailyLimitExceed',
  ],
  'src/token.ts': ['err.code === KakaoErrorCode.InvalidToken'],
  'src/user.ts': ['err.code === KakaoErrorCode.DeprecatedApi'],
};

export const ENUM_IMPORT = "import { KakaoErrorCode } from './generated/kakao-error-codes.js';";
