/**
 * Every rule, with `--fix` and `scope: 'all'`, over real code that is not ours: every TypeScript
 * file of the `src/` of rxjs, zod and effect (the benchmark's corpus, 1,155 files) and every
 * JavaScript file of ESLint's own `lib/` (CommonJS, parsed by espree). Nothing is written: ESLint's
 * `output` is checked in memory.
 *
 * - no rule throws, and no file gets a fatal (parse) error;
 * - every fixed file still parses, and a second `--fix` run changes nothing (one run converges);
 * - every fix that replaces a numeric literal writes the enum member of the same value
 *   (fix-check.ts), and every suggestion's result parses.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import tsParser from '@typescript-eslint/parser';
import { ESLint, Linter } from 'eslint';
import { afterAll, describe, expect, it } from 'vitest';
import { generate } from '../../codegen/generate.js';
import { parseSpec } from '../../core/spec.js';
import plugin from '../../index.js';
import spec from '../../spec/kakao-error-codes.json' with { type: 'json' };
import { applyEdits, checkFixes, emptyCheck, recordingPlugin } from './fix-check.js';
import type { FixCheck, RecordedReport } from './fix-check.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const requireFromRoot = createRequire(path.join(ROOT, 'package.json'));
const packageDir = (name: string) => path.dirname(requireFromRoot.resolve(`${name}/package.json`));

function listFiles(dir: string, pattern: RegExp): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && pattern.test(entry.name) && !entry.name.endsWith('.d.ts'))
    .map((entry) => path.join(entry.parentPath, entry.name))
    .sort();
}

const TS_FILES = ['rxjs', 'zod', 'effect'].flatMap((name) => listFiles(path.join(packageDir(name), 'src'), /\.[cm]?tsx?$/u));
const JS_FILES = listFiles(path.join(packageDir('eslint'), 'lib'), /\.[cm]?js$/u);

const KAKAO_SETTINGS = { kakao: { scope: 'all', enumModule: './generated/kakao-error-codes' } };
/** JavaScript cannot import the const enum of generated/: it gets the object-style module. */
const JS_KAKAO_SETTINGS = { kakao: { scope: 'all', enumModule: './test/fixtures/js-project/generated/kakao-error-codes.js' } };

/**
 * The bundled spec plus codes that real code compares with all the time (0, 1, 2, 10, 100...),
 * some retryable and one deprecated: with it, the rules report and fix thousands of real
 * comparisons, switches and lists (`length === 0` becomes `length === KakaoErrorCode.Zero`: wrong
 * in meaning, the same in value), so that fixes and suggestions meet real files' imports,
 * directives, comments, namespaces and formatting.
 */
const EXTRA_CODES = [
  [0, 'Zero', true],
  [1, 'One', true],
  [2, 'Two', false],
  [3, 'Three', false],
  [4, 'Four', false],
  [8, 'Eight', false],
  [10, 'Ten', false],
  [16, 'Sixteen', false],
  [100, 'Hundred', false],
  [1000, 'Thousand', false],
] as const;
const AGGRESSIVE_SPEC = {
  ...spec,
  codes: [
    ...spec.codes,
    ...EXTRA_CODES.map(([code, name, retryable]) => ({
      code,
      name,
      httpStatus: null,
      summary: `the number ${code}`,
      description: `The number ${code}, as a code for the robustness test.`,
      retryable,
      deprecated: code === 10,
    })),
  ],
};
const AGGRESSIVE_CODES: ReadonlyMap<string, number> = new Map(AGGRESSIVE_SPEC.codes.map((entry) => [entry.name, entry.code]));

/** The enum modules of the aggressive spec: the fix only writes members that the module has. */
const AGGRESSIVE_DIR = mkdtempSync(path.join(os.tmpdir(), 'kakao-corpus-'));
afterAll(() => rmSync(AGGRESSIVE_DIR, { recursive: true, force: true }));
function writeAggressiveModule(out: string): string {
  const file = path.join(AGGRESSIVE_DIR, out);
  mkdirSync(path.dirname(file), { recursive: true });
  const parsed = parseSpec(AGGRESSIVE_SPEC, 'aggressive-spec.json');
  for (const output of generate(parsed, { out: file, specFile: 'aggressive-spec.json' }).files) writeFileSync(output.path, output.text);
  return file;
}
const AGGRESSIVE_SETTINGS = { kakao: { scope: 'all', enumModule: writeAggressiveModule('ts/kakao-error-codes.ts'), spec: AGGRESSIVE_SPEC } };
const JS_AGGRESSIVE_SETTINGS = { kakao: { scope: 'all', enumModule: writeAggressiveModule('js/kakao-error-codes.js'), spec: AGGRESSIVE_SPEC } };

/**
 * Names that real code compares with -1, -2...: as `errorCodeNames`, they make the rules report and
 * fix thousands of real comparisons (`index === -1` becomes `index === KakaoErrorCode.InternalError`:
 * wrong in meaning, the same in value), so that the fixes meet real files' imports, directives,
 * comments, namespaces and formatting.
 */
const AGGRESSIVE_NAMES = [
  'code', 'i', 'j', 'k', 'n', 'index', 'idx', 'pos', 'position', 'result', 'res', 'r', 'cmp', 'compare',
  'comparison', 'order', 'value', 'length', 'size', 'count', 'status', 'kind', 'sign', 'direction', 'dir',
  'diff', 'delta', 'offset', 'start', 'end', 'x', 'y', 'a', 'b', 'c', 'state', 'mode', 'flag', 'flags',
  'type', 'level', 'depth', 'line', 'column', 'ch', 'char', 'token', 'op',
];

/** Every rule of the plugin, with `errorCodeNames` when given and the rule has that option. */
function allRules(errorCodeNames?: readonly string[]): Linter.RulesRecord {
  return Object.fromEntries(
    Object.entries(plugin.rules).map(([name, rule]) => {
      const schema = (rule.meta?.schema as { properties?: Record<string, unknown> }[] | undefined)?.[0];
      const options = errorCodeNames && schema?.properties?.errorCodeNames ? [{ errorCodeNames }] : [];
      return [`kakao/${name}`, ['error', ...options]];
    }),
  );
}

interface CorpusReport extends FixCheck {
  files: number;
  lines: number;
  fixedFiles: number;
  reports: Record<string, number>;
  seconds: number;
}

type LanguageOptions = Linter.Config['languageOptions'];

interface Setup {
  readonly rules: Linter.RulesRecord;
  readonly settings: Record<string, unknown>;
  readonly codes?: ReadonlyMap<string, number>;
}

const DEFAULT_SETUP: Setup = { rules: allRules(), settings: KAKAO_SETTINGS };
const AGGRESSIVE_SETUP: Setup = { rules: allRules(AGGRESSIVE_NAMES), settings: AGGRESSIVE_SETTINGS, codes: AGGRESSIVE_CODES };
const JS_SETUP: Setup = { ...DEFAULT_SETUP, settings: JS_KAKAO_SETTINGS };
const JS_AGGRESSIVE_SETUP: Setup = { ...AGGRESSIVE_SETUP, settings: JS_AGGRESSIVE_SETTINGS };

async function lintCorpus(files: readonly string[], languageOptions: LanguageOptions, setup: Setup): Promise<CorpusReport> {
  const { rules, settings } = setup;
  const recorded: RecordedReport[] = [];
  const config: Linter.Config[] = [
    // The corpus lives in node_modules, which ESLint ignores by default.
    { ignores: ['!**/node_modules/'] },
    {
      files: ['**/*.ts', '**/*.tsx', '**/*.mts', '**/*.cts', '**/*.js', '**/*.cjs', '**/*.mjs'],
      languageOptions,
      linterOptions: { reportUnusedDisableDirectives: 'off' },
      plugins: { kakao: recordingPlugin(plugin, recorded) },
      settings,
      rules,
    },
  ];
  const eslint = new ESLint({ cwd: ROOT, overrideConfigFile: true, overrideConfig: config, fix: true });
  const linter = new Linter({ cwd: ROOT });
  // No rules: only whether the text parses (and nothing more is recorded).
  const parseOnly: Linter.Config[] = [config[0]!, { files: config[1]!.files!, languageOptions }];
  const parses = (text: string, filename: string) => !linter.verify(text, parseOnly, { filename }).some((m) => m.fatal);

  const start = performance.now();
  const report: CorpusReport = { ...emptyCheck(), files: 0, lines: 0, fixedFiles: 0, reports: {}, seconds: 0 };
  const { problems } = report;
  for (const file of files) {
    const where = path.relative(ROOT, file);
    const text = readFileSync(file, 'utf8');
    report.files++;
    report.lines += text.split('\n').length;
    recorded.length = 0;
    let result: ESLint.LintResult;
    try {
      [result] = (await eslint.lintText(text, { filePath: file })) as [ESLint.LintResult];
    } catch (error) {
      problems.push(`${where}: crash: ${error instanceof Error ? error.message : String(error)}`);
      continue;
    }
    for (const message of result.messages) {
      if (message.fatal) problems.push(`${where}:${message.line}: fatal: ${message.message}`);
      else if (message.ruleId) report.reports[message.ruleId] = (report.reports[message.ruleId] ?? 0) + 1;
    }
    checkFixes(recorded, where, report, setup.codes);
    for (const { ruleId, sourceText, suggestions } of recorded) {
      for (const suggestion of suggestions) {
        if (!parses(applyEdits(sourceText, suggestion), file)) problems.push(`${where}: a suggestion of ${ruleId} does not parse`);
      }
    }
    if (result.output === undefined) continue;
    report.fixedFiles++;
    const [second] = (await eslint.lintText(result.output, { filePath: file })) as [ESLint.LintResult];
    const fatal = second.messages.find((message) => message.fatal);
    if (fatal) problems.push(`${where}: the fixed file does not parse: ${fatal.message}`);
    if (second.output !== undefined) problems.push(`${where}: a second --fix run changed the file again`);
  }
  report.seconds = Math.round((performance.now() - start) / 100) / 10;
  // Printed for the record (vitest shows it with the test).
  console.info(
    `${files.length} files, ${report.lines} lines, ${report.seconds} s: ${report.fixedFiles} fixed, ` +
      `${report.literalFixes} literals fixed, ${report.otherEdits} other edits, ${report.suggestions} suggestions, ` +
      `reports ${JSON.stringify(report.reports)}`,
  );
  return report;
}

// The whole corpus on one core: ~1 min for the TypeScript (the parser alone is most of it).
const TIMEOUT = 300_000;

const TS_OPTIONS: LanguageOptions = { parser: tsParser };
const JS_OPTIONS: LanguageOptions = { sourceType: 'commonjs', ecmaVersion: 'latest' };

describe('--fix over real code: no crash, every fixed file parses, one run converges', () => {
  it(`TypeScript: ${TS_FILES.length} files of rxjs, zod and effect src/`, { timeout: TIMEOUT }, async () => {
    expect(TS_FILES.length).toBeGreaterThan(1000);
    const report = await lintCorpus(TS_FILES, TS_OPTIONS, DEFAULT_SETUP);
    expect(report.problems).toEqual([]);
    expect(report.files).toBe(TS_FILES.length);
  });

  it(`JavaScript: ${JS_FILES.length} files of eslint/lib (CommonJS, espree)`, { timeout: TIMEOUT }, async () => {
    expect(JS_FILES.length).toBeGreaterThan(300);
    const report = await lintCorpus(JS_FILES, JS_OPTIONS, JS_SETUP);
    expect(report.problems).toEqual([]);
    expect(report.files).toBe(JS_FILES.length);
  });

  it('TypeScript, with common numbers as codes and common names as errorCodeNames', { timeout: TIMEOUT }, async () => {
    const report = await lintCorpus(TS_FILES, TS_OPTIONS, AGGRESSIVE_SETUP);
    expect(report.problems).toEqual([]);
    // Not vacuous: fixes and suggestions in hundreds of real files.
    expect(report.fixedFiles).toBeGreaterThan(200);
    expect(report.literalFixes).toBeGreaterThan(1000);
  });

  it('JavaScript, with common numbers as codes and common names as errorCodeNames', { timeout: TIMEOUT }, async () => {
    const report = await lintCorpus(JS_FILES, JS_OPTIONS, JS_AGGRESSIVE_SETUP);
    expect(report.problems).toEqual([]);
    expect(report.fixedFiles).toBeGreaterThan(50);
  });
});
