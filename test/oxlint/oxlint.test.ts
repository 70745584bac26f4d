/**
 * The plugin under oxlint's JS plugin support (`jsPlugins` in .oxlintrc.json): the built plugin
 * (dist/index.js) must report the same problems (rule, position, message, severity) as under
 * ESLint, on the example client, the end-to-end fixture and every code block of the rule docs;
 * and `oxlint --fix` must end with the same code as `eslint --fix`. None of the rules needs type
 * information. Uses the oxlint of the devDependencies.
 */
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import tsParser from '@typescript-eslint/parser';
import { ESLint } from 'eslint';
import type { Linter } from 'eslint';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXAMPLE, REPO_ROOT, describeRun, ensureBuilt, runOk } from '../consumer/helpers.js';

const require = createRequire(import.meta.url);
const OXLINT = path.join(path.dirname(require.resolve('oxlint/package.json')), 'bin', 'oxlint');
const PLUGIN = path.join(REPO_ROOT, 'dist', 'index.js');

const RULES = {
  'kakao/no-magic-error-code': 'error',
  'kakao/no-deprecated-api': 'error',
  'kakao/handle-retryable-codes': 'warn',
} as const;
const SETTINGS = { kakao: { enumModule: './src/generated/kakao-error-codes.ts' } };

interface Finding {
  readonly file: string;
  readonly line: number;
  readonly column: number;
  readonly severity: 'error' | 'warning';
  readonly rule: string;
  readonly message: string;
}

const byPosition = (a: Finding, b: Finding) =>
  a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column || a.rule.localeCompare(b.rule);

let work = '';

/** A project: the example client (with its generated enum), the e2e fixture, the docs' code blocks. */
function makeProject(dir: string): void {
  cpSync(EXAMPLE, dir, { recursive: true, filter: (source) => !source.endsWith('eslint.config.js') });
  cpSync(path.join(REPO_ROOT, 'test', 'fixtures', 'e2e', 'src'), path.join(dir, 'e2e'), { recursive: true });
  mkdirSync(path.join(dir, 'docs'));
  for (const doc of readdirSync(path.join(REPO_ROOT, 'docs', 'rules'))) {
    const text = readFileSync(path.join(REPO_ROOT, 'docs', 'rules', doc), 'utf8');
    let index = 0;
    for (const match of text.matchAll(/^```(ts|js)\n([\s\S]*?)^```/gmu)) {
      writeFileSync(path.join(dir, 'docs', `${path.basename(doc, '.md')}-${String(++index)}.${match[1]!}`), match[2]!);
    }
  }
  const oxlintrc = {
    jsPlugins: [PLUGIN],
    plugins: [],
    categories: { correctness: 'off' },
    settings: SETTINGS,
    rules: RULES,
  };
  writeFileSync(path.join(dir, '.oxlintrc.json'), JSON.stringify(oxlintrc, null, 2));
}

async function eslintPlugin(): Promise<ESLint.Plugin> {
  return ((await import(pathToFileURL(PLUGIN).href)) as { default: ESLint.Plugin }).default;
}

async function createESLint(cwd: string, fix: boolean): Promise<ESLint> {
  const config: Linter.Config[] = [
    { files: ['**/*.ts'], languageOptions: { parser: tsParser } },
    { files: ['**/*.{ts,js}'], plugins: { kakao: await eslintPlugin() }, settings: SETTINGS, rules: RULES },
  ];
  return new ESLint({ cwd, fix, overrideConfigFile: true, overrideConfig: config });
}

const TARGETS = ['src', 'e2e', 'docs'];

async function eslintFindings(dir: string): Promise<{ findings: Finding[]; unparsable: string[] }> {
  const results = await (await createESLint(dir, false)).lintFiles(TARGETS);
  const unparsable = results
    .filter((result) => result.messages.some((m) => m.fatal))
    .map((result) => path.relative(dir, result.filePath));
  const findings = results.flatMap((result) =>
    result.messages.filter((m) => !m.fatal).map((m) => ({
      file: path.relative(dir, result.filePath).split(path.sep).join('/'),
      line: m.line,
      column: m.column,
      severity: m.severity === 2 ? ('error' as const) : ('warning' as const),
      rule: String(m.ruleId),
      message: m.message,
    })),
  );
  return { findings: findings.sort(byPosition), unparsable };
}

interface OxlintDiagnostic {
  readonly message: string;
  readonly code?: string;
  readonly severity: string;
  readonly filename: string;
  readonly labels: { readonly span: { readonly line: number; readonly column: number } }[];
}

async function oxlintFindings(dir: string): Promise<Finding[]> {
  const result = await runOk(process.execPath, [OXLINT, '--format', 'json', ...TARGETS], dir, { allowed: [0, 1] });
  let diagnostics: OxlintDiagnostic[];
  try {
    ({ diagnostics } = JSON.parse(result.stdout) as { diagnostics: OxlintDiagnostic[] });
  } catch {
    throw new Error(describeRun('oxlint (not JSON)', result));
  }
  return diagnostics
    .map((d) => {
      const rule = /^kakao\((.+)\)$/u.exec(d.code ?? '');
      if (!rule) throw new Error(`oxlint reported something else: ${JSON.stringify(d)}\n${result.stderr}`);
      const span = d.labels[0]?.span;
      return {
        file: d.filename.split(path.sep).join('/'),
        line: span?.line ?? 0,
        column: span?.column ?? 0,
        severity: d.severity === 'error' ? ('error' as const) : ('warning' as const),
        rule: `kakao/${rule[1]!}`,
        message: d.message,
      };
    })
    .sort(byPosition);
}

function readTree(dir: string): Record<string, string> {
  const files: Record<string, string> = {};
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const file = path.join(entry.parentPath, entry.name);
    files[path.relative(dir, file).split(path.sep).join('/')] = readFileSync(file, 'utf8');
  }
  return files;
}

beforeAll(() => {
  ensureBuilt();
  work = realpathSync(mkdtempSync(path.join(os.tmpdir(), 'kakao-oxlint-')));
}, 120_000);

afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

describe('eslint-plugin-kakao under oxlint (jsPlugins)', () => {
  it('reports the same problems as ESLint: rule, line, column, severity and message', async () => {
    const dir = path.join(work, 'lint');
    makeProject(dir);
    const eslint = await eslintFindings(dir);
    // Fragments such as `rules: { ... }` are not programs: leave them out for both.
    expect(eslint.unparsable.every((file) => file.startsWith('docs'))).toBe(true);
    for (const file of eslint.unparsable) rmSync(path.join(dir, file));
    const oxlint = await oxlintFindings(dir);

    expect(oxlint).toEqual(eslint.findings);
    console.info(`oxlint and ESLint: the same ${String(oxlint.length)} problems in ${String(new Set(oxlint.map((f) => f.file)).size)} files`);
    // Sanity: the corpus exercises all three rules, in the example and in the docs.
    for (const rule of Object.keys(RULES)) {
      expect(eslint.findings.filter((f) => f.rule === rule && f.file.startsWith('src/')).length, rule).toBeGreaterThan(0);
      expect(eslint.findings.filter((f) => f.rule === rule && f.file.startsWith('docs/')).length, rule).toBeGreaterThan(0);
    }
  }, 60_000);

  it('oxlint --fix, repeated until nothing changes, ends with the same code as eslint --fix', async () => {
    const withESLint = path.join(work, 'fix-eslint');
    const withOxlint = path.join(work, 'fix-oxlint');
    makeProject(withESLint);
    makeProject(withOxlint);
    await ESLint.outputFixes(await (await createESLint(withESLint, true)).lintFiles(TARGETS));

    // oxlint applies one round of fixes per run; ESLint re-lints and fixes again (up to 10 passes).
    let runs = 0;
    for (let previous = ''; runs < 5; runs++) {
      const current = JSON.stringify(readTree(withOxlint));
      if (current === previous) break;
      previous = current;
      await runOk(process.execPath, [OXLINT, '--fix', ...TARGETS], withOxlint, { allowed: [0, 1] });
    }
    expect(runs, 'oxlint --fix did not settle').toBeLessThan(5);
    expect(readTree(withOxlint)).toEqual(readTree(withESLint));
    expect(readTree(withOxlint)['src/token.ts']).toContain("import { KakaoErrorCode } from './generated/kakao-error-codes.js';");
  }, 60_000);
});
