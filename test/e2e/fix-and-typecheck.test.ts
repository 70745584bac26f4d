/**
 * End to end: ESLint --fix on a small Kakao client, then tsc on the result, then the fixed program
 * must behave exactly like the original for every code.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import tsParser from '@typescript-eslint/parser';
import { ESLint } from 'eslint';
import ts from 'typescript';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import plugin from '../../index.js';
import spec from '../../spec/kakao-error-codes.json' with { type: 'json' };

const here = path.dirname(fileURLToPath(import.meta.url));
const fixture = path.join(here, '..', 'fixtures', 'e2e');
const generatedEnum = path.join(here, '..', '..', 'generated', 'kakao-error-codes.ts');
const FILES = ['user.ts', 'message.ts', 'plain.ts', 'lists.ts', 'login.ts'];

function makeProject(root: string): string {
  cpSync(fixture, root, { recursive: true });
  cpSync(generatedEnum, path.join(root, 'generated', 'kakao-error-codes.ts'));
  return root;
}

function createESLint(cwd: string, fix: boolean): ESLint {
  return new ESLint({
    cwd,
    fix,
    overrideConfigFile: true,
    overrideConfig: [
      {
        files: ['**/*.ts'],
        languageOptions: { parser: tsParser },
        plugins: { kakao: plugin },
        settings: { kakao: { enumModule: './generated/kakao-error-codes.ts' } },
        rules: { 'kakao/no-magic-error-code': 'error' },
      },
    ],
  });
}

/** Type-checks and emits the project; returns the diagnostics as text. */
function compile(root: string): string[] {
  const configFile = ts.readConfigFile(path.join(root, 'tsconfig.json'), (file) => ts.sys.readFile(file));
  const parsed = ts.parseJsonConfigFileContent(configFile.config, ts.sys, root);
  const program = ts.createProgram({ rootNames: parsed.fileNames, options: parsed.options });
  const emitted = program.emit();
  return [...ts.getPreEmitDiagnostics(program), ...emitted.diagnostics].map((d) =>
    ts.flattenDiagnosticMessageText(d.messageText, '\n'),
  );
}

async function classifyAll(root: string): Promise<Record<string, string[]>> {
  const codes = [...spec.codes.map((c) => c.code), 0, 1, 401, -12345];
  const out: Record<string, string[]> = {};
  for (const file of FILES) {
    const url = pathToFileURL(path.join(root, 'out', 'src', file.replace(/\.ts$/u, '.js'))).href;
    const mod = (await import(url)) as { classify: (code: number) => string };
    out[file] = codes.map((code) => mod.classify(code));
  }
  return out;
}

describe('eslint --fix on a Kakao client', () => {
  let tmp: string;
  let before: string;
  let after: string;
  let firstRun: ESLint.LintResult[];

  beforeAll(async () => {
    tmp = mkdtempSync(path.join(os.tmpdir(), 'kakao-e2e-'));
    before = makeProject(path.join(tmp, 'before'));
    after = makeProject(path.join(tmp, 'after'));
    firstRun = await createESLint(after, true).lintFiles(['src']);
    await ESLint.outputFixes(firstRun);
  });
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));

  it('fixes every magic code in one run, leaving only what cannot be fixed safely', () => {
    const remaining = firstRun.flatMap((result) =>
      result.messages.map((m) => `${path.basename(result.filePath)}:${m.line} ${m.ruleId} ${m.message}`),
    );
    expect(remaining).toEqual([
      'message.ts:22 kakao/no-magic-error-code Magic Kakao error code -401: use KakaoErrorCode.InvalidToken (invalid app key or access token). Not auto-fixed: "KakaoErrorCode" is shadowed here.',
    ]);
    const fixedFiles = firstRun.filter((result) => result.output !== undefined).map((r) => path.basename(r.filePath));
    expect(fixedFiles.sort()).toEqual(['lists.ts', 'login.ts', 'message.ts', 'user.ts']);
  });

  it('imports the enum exactly once per fixed file and rewrites the literals', () => {
    const user = readFileSync(path.join(after, 'src', 'user.ts'), 'utf8');
    expect(user.match(/import \{ KakaoErrorCode \} from '\.\.\/generated\/kakao-error-codes\.js';/gu)).toHaveLength(1);
    expect(user).toContain('if (error.body.code === KakaoErrorCode.InvalidToken)');
    expect(user).toContain('[KakaoErrorCode.InternalError, KakaoErrorCode.ServiceInternalIssue].includes(');
    expect(user).not.toMatch(/-(?:1|7|401|402|603|9798|101)\b/u);

    const message = readFileSync(path.join(after, 'src', 'message.ts'), 'utf8');
    expect(message.match(/import \{ KakaoErrorCode \}/gu)).toHaveLength(1);
    expect(message).not.toContain('import type { KakaoErrorCode }');
    expect(message).toContain('[KakaoErrorCode.TalkMessageDisabled]: () =>');

    // Every code of a frozen, annotated `as const`, spread or Set list, and a negated comparison.
    const lists = readFileSync(path.join(after, 'src', 'lists.ts'), 'utf8');
    expect(lists).toContain('Object.freeze([KakaoErrorCode.InternalError, KakaoErrorCode.ServiceInternalIssue])');
    expect(lists).toContain('[KakaoErrorCode.InvalidToken, KakaoErrorCode.InsufficientScope] as const');
    expect(lists).toContain('[...TRANSIENT, KakaoErrorCode.ServerTimeOut]');
    expect(lists).not.toMatch(/-(?:1|7|401|402|603|9798|101)\b/u);

    // Kakao Login's string codes: the second enum of the same module, one import, messages left alone.
    const login = readFileSync(path.join(after, 'src', 'login.ts'), 'utf8');
    expect(login.match(/import \{ KakaoLoginErrorCode \} from '\.\.\/generated\/kakao-error-codes\.js';/gu)).toHaveLength(1);
    expect(login).toContain("if (body.error_code === KakaoLoginErrorCode.InvalidRequestParameters) return 'bad-request';");
    expect(login).toContain('case KakaoLoginErrorCode.TemporaryServerError:');
    expect(login).toContain('case KakaoLoginErrorCode.InvalidClientSecret:');
    expect(login).toContain("{ [KakaoLoginErrorCode.RedirectUriNotRegistered]: 'redirect', [KakaoLoginErrorCode.PlatformNotRegistered]: 'platform' }");
    expect(login).toContain("startsWith('KOE00')");
    expect(login).toContain('`fail: KOE320 means ${body.error}`');

    expect(readFileSync(path.join(after, 'src', 'plain.ts'), 'utf8')).toBe(
      readFileSync(path.join(before, 'src', 'plain.ts'), 'utf8'),
    );
  });

  it('type-checks before and after', () => {
    expect(compile(before)).toEqual([]);
    expect(compile(after)).toEqual([]);
  });

  it('behaves the same for every code', async () => {
    expect(await classifyAll(after)).toEqual(await classifyAll(before));
  });

  it('finds nothing more to fix on a second run', async () => {
    const second = await createESLint(after, true).lintFiles(['src']);
    expect(second.filter((result) => result.output !== undefined)).toEqual([]);
    expect(second.flatMap((r) => r.messages.map((m) => m.message))).toHaveLength(1);
  });
});
