/**
 * Every suggestion the rules offer on the example client, applied one at a time to a copy of the
 * project, must leave a program that parses and type-checks (`tsc --noEmit`), and must settle the
 * problem it was offered for. Besides the example's own files, the copy gets one file of the shapes
 * the suggestions must handle: a switch whose every case returns, if-chains, guard clauses, async
 * callers, callbacks to the deprecated SDK member.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import tsParser from '@typescript-eslint/parser';
import { ESLint } from 'eslint';
import ts from 'typescript';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import plugin from '../../index.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const example = path.join(here, '..', '..', 'examples', 'kakao-client');
const RULES = ['kakao/handle-retryable-codes', 'kakao/no-deprecated-api', 'kakao/no-magic-error-code'];

/** Shapes the example does not have; every function must still return what it promises. */
const SHAPES = `import { KakaoApiError } from './http.js';

declare function refresh(): Promise<string>;
declare function askConsent(): Promise<string>;

export function label(err: KakaoApiError): string {
  switch (err.code) {
    case -401:
      return 'expired';
    case -402:
      return 'consent';
    default:
      return 'other';
  }
}

export function labelOrUndefined(err: KakaoApiError): string | undefined {
  switch (err.code) {
    case -401:
      return 'expired';
    case -402:
      return 'consent';
  }
  return undefined;
}

export function labelOneLine(code: number): string {
  switch (code) { case -401: return 'expired'; case -402: return 'consent'; default: return 'other'; }
}

export async function recover(err: KakaoApiError): Promise<string> {
  if (err.code === -401) {
    return refresh();
  } else if (err.code === -402) {
    return askConsent();
  } else {
    throw err;
  }
}

export async function recoverShort(err: KakaoApiError): Promise<string> {
  if (err.code === -401) return refresh();
  else if (err.code === -402) return askConsent();
  else return 'other';
}

export function classify(err: KakaoApiError): string {
  let kind = 'other';
  if (err.code === -401) {
    kind = 'expired';
  } else if (err.code === -402) {
    kind = 'consent';
  }
  return kind;
}

export async function guard(err: KakaoApiError): Promise<string> {
  if (err.code === -401) return refresh();
  if (err.code === -402) return askConsent();
  throw err;
}

export function status(): void {
  window.Kakao.Auth.getStatus(function (result) {
    console.log(result.status);
  });
  window.Kakao.Auth.getStatus((result) => console.log(result.user?.id));
}
`;

/** A suggestion's edit, as ESLint reports it. */
interface TextEdit {
  readonly range: readonly [number, number];
  readonly text: string;
}

interface Offer {
  readonly file: string;
  readonly line: number;
  readonly ruleId: string;
  readonly messageId: string;
  readonly fix: TextEdit;
}

function createESLint(cwd: string): ESLint {
  return new ESLint({
    cwd,
    overrideConfigFile: true,
    overrideConfig: [
      {
        files: ['**/*.ts'],
        languageOptions: { parser: tsParser },
        plugins: { kakao: plugin },
        settings: { kakao: { enumModule: './src/generated/kakao-error-codes.ts' } },
        rules: Object.fromEntries(RULES.map((rule) => [rule, 'error'])),
      },
    ],
  });
}

/** `tsc --noEmit` with the project's tsconfig: the diagnostics as "file:line message". */
function typeCheck(root: string): string[] {
  const configFile = ts.readConfigFile(path.join(root, 'tsconfig.json'), (file) => ts.sys.readFile(file));
  const parsed = ts.parseJsonConfigFileContent(configFile.config, ts.sys, root);
  const program = ts.createProgram({ rootNames: parsed.fileNames, options: { ...parsed.options, noEmit: true } });
  return ts.getPreEmitDiagnostics(program).map((diagnostic) => {
    const where = diagnostic.file
      ? `${path.relative(root, diagnostic.file.fileName)}:${diagnostic.file.getLineAndCharacterOfPosition(diagnostic.start ?? 0).line + 1}`
      : '';
    return `${where} TS${diagnostic.code} ${ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n')}`;
  });
}

function applyFix(text: string, { range: [start, end], text: replacement }: TextEdit): string {
  return text.slice(0, start) + replacement + text.slice(end);
}

describe('every suggestion on the example client type-checks', () => {
  let tmp: string;
  let root: string;
  let offers: Offer[];

  beforeAll(async () => {
    tmp = mkdtempSync(path.join(os.tmpdir(), 'kakao-suggestions-'));
    root = path.join(tmp, 'kakao-client');
    cpSync(example, root, { recursive: true });
    writeFileSync(path.join(root, 'src', 'shapes.ts'), SHAPES);
    const results = await createESLint(root).lintFiles(['src']);
    offers = results.flatMap((result) =>
      result.messages.flatMap((message) =>
        (message.suggestions ?? []).map((suggestion) => ({
          file: path.relative(root, result.filePath),
          line: message.line,
          ruleId: message.ruleId!,
          messageId: suggestion.messageId!,
          fix: suggestion.fix,
        })),
      ),
    );
  }, 60_000);
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));

  it('type-checks before any suggestion', () => {
    expect(typeCheck(root)).toEqual([]);
  });

  it('offers a suggestion for each problem that has a safe one', () => {
    expect(offers.map(({ file, line, ruleId, messageId }) => `${file}:${line} ${ruleId} ${messageId}`)).toEqual([
      'src/browser.ts:23 kakao/no-deprecated-api migrateCallbackToPromise',
      'src/errors.ts:6 kakao/handle-retryable-codes addMissingCases',
      'src/message.ts:26 kakao/handle-retryable-codes addMissingCases',
      'src/message.ts:35 kakao/no-deprecated-api replaceEndpoint',
      'src/shapes.ts:7 kakao/handle-retryable-codes addMissingCases',
      'src/shapes.ts:18 kakao/handle-retryable-codes addMissingCases',
      'src/shapes.ts:28 kakao/handle-retryable-codes addMissingCases',
      'src/shapes.ts:32 kakao/handle-retryable-codes addMissingCases',
      'src/shapes.ts:42 kakao/handle-retryable-codes addMissingCases',
      'src/shapes.ts:49 kakao/handle-retryable-codes addMissingCases',
      'src/shapes.ts:58 kakao/handle-retryable-codes addMissingCases',
      'src/shapes.ts:64 kakao/no-deprecated-api migrateCallbackToPromise',
      'src/shapes.ts:67 kakao/no-deprecated-api migrateCallbackToPromise',
      'src/user.ts:23 kakao/no-deprecated-api replaceEndpoint',
    ]);
  });

  it('type-checks after each suggestion, which settles its problem', async () => {
    const failures: Record<string, string[]> = {};
    for (const offer of offers) {
      const filePath = path.join(root, offer.file);
      const original = readFileSync(filePath, 'utf8');
      const suggested = applyFix(original, offer.fix);
      try {
        writeFileSync(filePath, suggested);
        const name = `${offer.file}:${offer.line} ${offer.messageId}`;
        const diagnostics = typeCheck(root);
        if (diagnostics.length > 0) failures[name] = diagnostics;
        // The problem is gone: the same rule reports nothing more on the suggested file.
        const [after] = await createESLint(root).lintText(suggested, { filePath });
        const reportsBefore = (await createESLint(root).lintText(original, { filePath }))[0]!.messages.filter(
          (message) => message.ruleId === offer.ruleId,
        ).length;
        const reportsAfter = after!.messages.filter((message) => message.ruleId === offer.ruleId);
        if (reportsAfter.length !== reportsBefore - 1) {
          failures[name] = [...(failures[name] ?? []), ...reportsAfter.map((message) => `still: ${message.message}`)];
        }
      } finally {
        writeFileSync(filePath, original);
      }
    }
    expect(failures).toEqual({});
  }, 120_000);
});
