/**
 * The two packages as a user installs them, in a fresh JavaScript project outside the repository
 * with only ESLint: first the plugin alone (linting works, nothing heavy is installed, the
 * generator's command says what to install), then the generator beside it (it generates, and the
 * fix imports what it generated).
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeRun, packRepository, REPO_ROOT, run, runOk } from './helpers.js';
import type { LintResult } from './helpers.js';

const ESLINT = '10.15.0';
const INSTALL_TIMEOUT = 300_000;
const TEST_TIMEOUT = 120_000;

const CLIENT = `const KAKAO_API = 'https://kapi.kakao.com/v2/user/me';

export async function me(token) {
  const response = await fetch(KAKAO_API, { headers: { Authorization: \`Bearer \${token}\` } });
  const body = await response.json();
  if (body.code === -401) return 'login again';
  return body;
}
`;

const CONFIG = `import kakao from 'eslint-plugin-kakao';

export default [kakao.configs.recommended];
`;

let work = '';
let project = '';
let tarballs = { plugin: '', codegen: '' };

async function eslint(args: readonly string[]): Promise<LintResult[]> {
  const result = await run(process.execPath, [path.join(project, 'node_modules', 'eslint', 'bin', 'eslint.js'), '--format', 'json', ...args], project);
  if (result.status !== 0 && result.status !== 1) throw new Error(describeRun(`eslint ${args.join(' ')}`, result));
  return JSON.parse(result.stdout) as LintResult[];
}

beforeAll(async () => {
  work = realpathSync(mkdtempSync(path.join(os.tmpdir(), 'kakao-packages-')));
  if (!path.relative(REPO_ROOT, work).startsWith('..')) throw new Error(`${work} is inside the repository`);
  const packed = await packRepository(work);
  tarballs = { plugin: packed.tarball, codegen: packed.codegenTarball };
  project = path.join(work, 'js-app');
  mkdirSync(path.join(project, 'src'), { recursive: true });
  writeFileSync(path.join(project, 'package.json'), `${JSON.stringify({ name: 'js-app', private: true, type: 'module' }, null, 2)}\n`);
  writeFileSync(path.join(project, 'eslint.config.js'), CONFIG);
  writeFileSync(path.join(project, 'src', 'user.js'), CLIENT);
  await runOk('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline', '--save-dev', `eslint@${ESLINT}`, tarballs.plugin], project, {
    timeoutMs: INSTALL_TIMEOUT,
  });
}, INSTALL_TIMEOUT + 60_000);

afterAll(() => {
  if (work && !process.env['KAKAO_CONSUMER_KEEP']) rmSync(work, { recursive: true, force: true });
});

describe('eslint-plugin-kakao installed alone in a JavaScript project', () => {
  it('brings neither TypeScript, ts-morph, zod nor @typescript-eslint/utils', () => {
    for (const heavy of ['typescript', 'ts-morph', '@ts-morph/common', 'zod', '@typescript-eslint/utils', 'kakao-codegen']) {
      expect(existsSync(path.join(project, 'node_modules', heavy)), heavy).toBe(false);
    }
  });

  it('lints: the magic code is reported, without a fix as there is no enum to import yet', async () => {
    const [result] = await eslint(['src/user.js']);
    expect(result?.messages.map((m) => [m.ruleId, m.line, m.column, m.fix === undefined])).toEqual([['kakao/no-magic-error-code', 6, 21, true]]);
    expect(result?.messages[0]?.message).toMatch(/Magic Kakao error code -401: use KakaoErrorCode\.InvalidToken/u);
  }, TEST_TIMEOUT);

  it('kakao-codegen says which package to install, and exits 1', async () => {
    const result = await run('npx', ['--no', '--', 'kakao-codegen', '--out', 'src/kakao-error-codes.js'], project);
    expect(result.status, describeRun('kakao-codegen', result)).toBe(1);
    expect(result.stderr.trim()).toBe(
      'kakao-codegen: the generator is not installed (eslint-plugin-kakao only lints); install it with: npm install --save-dev kakao-codegen',
    );
    expect(existsSync(path.join(project, 'src', 'kakao-error-codes.js'))).toBe(false);
  }, TEST_TIMEOUT);

  it('a spec named in settings, which needs the spec model, says what to install in one line', async () => {
    writeFileSync(path.join(project, 'spec.json'), readFileSync(path.join(REPO_ROOT, 'spec', 'kakao-error-codes.json')));
    writeFileSync(
      path.join(project, 'eslint.spec.config.js'),
      "import kakao from 'eslint-plugin-kakao';\n\nexport default [kakao.configs.recommended, { settings: { kakao: { spec: './spec.json' } } }];\n",
    );
    const result = await run(process.execPath, [path.join(project, 'node_modules', 'eslint', 'bin', 'eslint.js'), '--config', 'eslint.spec.config.js', 'src/user.js'], project);
    expect(result.status, describeRun('eslint', result)).toBe(2);
    expect(result.stderr).toMatch(/eslint-plugin-kakao: settings\.kakao\.spec: validating a spec needs zod, which kakao-codegen brings: npm install --save-dev kakao-codegen/u);
    expect(result.stderr).not.toMatch(/\n\s+at /u);
  }, TEST_TIMEOUT);
});

describe('with kakao-codegen installed beside it', () => {
  beforeAll(async () => {
    await runOk('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline', '--save-dev', tarballs.codegen], project, {
      timeoutMs: INSTALL_TIMEOUT,
    });
  }, INSTALL_TIMEOUT + 60_000);

  it('generates the enum module, the fix imports it, and the fixed file runs', async () => {
    const generated = await run('npx', ['--no', '--', 'kakao-codegen', '--out', 'src/kakao-error-codes.js', '--style', 'object'], project);
    expect(generated.status, describeRun('kakao-codegen', generated)).toBe(0);
    writeFileSync(
      path.join(project, 'eslint.config.js'),
      "import kakao from 'eslint-plugin-kakao';\n\nexport default [kakao.configs.recommended, { settings: { kakao: { enumModule: './src/kakao-error-codes.js' } } }];\n",
    );
    const [fixed] = await eslint(['--fix', 'src/user.js']);
    expect(fixed?.messages).toEqual([]);
    const text = readFileSync(path.join(project, 'src', 'user.js'), 'utf8');
    expect(text).toContain("import { KakaoErrorCode } from './kakao-error-codes.js';");
    expect(text).toContain('if (body.code === KakaoErrorCode.InvalidToken)');
    const ran = await run(
      process.execPath,
      ['--input-type=module', '-e', "const { KakaoErrorCode } = await import('./src/kakao-error-codes.js'); await import('./src/user.js'); console.log(KakaoErrorCode.InvalidToken);"],
      project,
    );
    expect(ran.stdout.trim(), describeRun('node', ran)).toBe('-401');
  }, TEST_TIMEOUT);
});
