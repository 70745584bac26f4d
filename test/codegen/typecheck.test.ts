/**
 * The generated code compiles (TypeScript compiler API, strict) and works at runtime, in every
 * style, for the bundled spec and for a spec full of awkward text. One program per style.
 */
import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import ts from 'typescript';
import { afterAll, describe, expect, it } from 'vitest';
import { generate, type Style } from '../../codegen/generate.js';
import { loadSpecFile } from '../../core/spec.js';
import {
  BUNDLED_SPEC,
  isMemberDeprecated,
  makeTempDir,
  moduleSymbol,
  removeTempDirs,
  STRICT_OPTIONS,
  TRICKY_SPEC,
  typeCheck,
  VIRTUAL_ROOT,
  type CheckedProgram,
} from './helpers.js';

const kakao = loadSpecFile(BUNDLED_SPEC);
const tricky = loadSpecFile(TRICKY_SPEC);
const trickyEntry = tricky.codes.find((entry) => entry.name === 'Tricky');

afterAll(removeTempDirs);

/** A small consumer of every export; the @ts-expect-error lines must stay errors. */
const CONSUMER = `
import {
  KakaoErrorCode,
  KakaoLoginErrorCode,
  describeKakaoErrorCode,
  describeKakaoLoginErrorCode,
  getKakaoLoginErrorCodeInfo,
  isKakaoLoginErrorCode,
  isRetryableKakaoLoginErrorCode,
  kakaoLoginErrorCodeInfo,
  retryableKakaoLoginErrorCodes,
  getKakaoErrorCodeHttpStatus,
  getKakaoErrorCodeInfo,
  isKakaoErrorCode,
  isRetryableKakaoErrorCode,
  kakaoErrorCodeInfo,
  retryableKakaoErrorCodes,
  type KakaoErrorCodeInfo,
  type KakaoLoginErrorCodeInfo,
} from './kakao-error-codes.js';

export function handle(body: { readonly code?: unknown }): string {
  const { code } = body;
  if (!isKakaoErrorCode(code)) return 'not a Kakao error';
  const known: KakaoErrorCode = code;
  if (known === KakaoErrorCode.InvalidToken) return 'refresh the token';
  if (isRetryableKakaoErrorCode(known)) return 'retry';
  const status: number | null | undefined = getKakaoErrorCodeHttpStatus(known);
  const description: string | undefined = describeKakaoErrorCode(known);
  const info: KakaoErrorCodeInfo | undefined = getKakaoErrorCodeInfo(known) ?? kakaoErrorCodeInfo[-401];
  const solution: string | undefined = info?.solution;
  return [String(status), description, info?.name, solution].join(' ');
}

/** The string family: an OAuth error body's \`error_code\`. */
export function handleLogin(body: { readonly error_code?: unknown }): string {
  const code = body.error_code;
  if (!isKakaoLoginErrorCode(code)) return 'not a Kakao Login error';
  const known: KakaoLoginErrorCode = code;
  if (known === KakaoLoginErrorCode.AuthorizationCodeNotFound) return 'log in again';
  if (isRetryableKakaoLoginErrorCode(known)) return 'retry';
  const info: KakaoLoginErrorCodeInfo | undefined = getKakaoLoginErrorCodeInfo(known) ?? kakaoLoginErrorCodeInfo['KOE322'];
  return [describeKakaoLoginErrorCode(known), info?.name].join(' ');
}

export const codeNotFound: KakaoLoginErrorCode.AuthorizationCodeNotFound = KakaoLoginErrorCode.AuthorizationCodeNotFound;
export const firstRetryableLogin: KakaoLoginErrorCode | undefined = retryableKakaoLoginErrorCodes[0];
export const loginCodeText: string = KakaoLoginErrorCode.AuthorizationCodeNotFound;

// @ts-expect-error -- not a member
export const missingLogin = KakaoLoginErrorCode.NoSuchCode;
// @ts-expect-error -- a REST code is not a Login code
export const wrongFamily: KakaoLoginErrorCode = KakaoErrorCode.InvalidToken;
// @ts-expect-error -- the table is read-only
kakaoLoginErrorCodeInfo['KOE001'] = undefined;

export const invalidToken: KakaoErrorCode.InvalidToken = KakaoErrorCode.InvalidToken;
export const firstRetryable: KakaoErrorCode | undefined = retryableKakaoErrorCodes[0];
export const literal: -401 = KakaoErrorCode.InvalidToken;

// @ts-expect-error -- not a member
export const missing = KakaoErrorCode.NoSuchCode;
// @ts-expect-error -- a number that is not a code
export const notACode: KakaoErrorCode = 12345;
// @ts-expect-error -- the table is read-only
kakaoErrorCodeInfo[-1] = undefined;
// @ts-expect-error -- the list is read-only
retryableKakaoErrorCodes.push(KakaoErrorCode.InternalError);
`;

/** Uses the awkward spec's names: `$Dollar_Name` must be a usable member. */
const TRICKY_CONSUMER = `
import { TrickyCode, isRetryableTrickyCode } from './tricky.js';
export const both: readonly TrickyCode[] = [TrickyCode.Tricky, TrickyCode.$Dollar_Name];
export const retry: boolean = isRetryableTrickyCode(TrickyCode.Tricky);
`;

function tsFiles(style: Style): Record<string, string> {
  const text = (spec: typeof kakao, out: string) => generate(spec, { out, style, specFile: 'spec.json' }).files[0]?.text ?? '';
  return {
    'kakao-error-codes.ts': text(kakao, 'kakao-error-codes.ts'),
    'tricky.ts': text(tricky, 'tricky.ts'),
    'consumer.ts': CONSUMER,
    'tricky-consumer.ts': TRICKY_CONSUMER,
  };
}

/** The JavaScript outputs (`ext` `.js` or `.cjs`) with their declaration files, and consumers importing them. */
function jsFiles(ext: '.js' | '.cjs' = '.js'): Record<string, string> {
  const files: Record<string, string> = {
    'consumer.ts': CONSUMER.replace("'./kakao-error-codes.js'", `'./kakao-error-codes${ext}'`),
    'tricky-consumer.ts': TRICKY_CONSUMER.replace("'./tricky.js'", `'./tricky${ext}'`),
  };
  for (const [spec, out] of [
    [kakao, `kakao-error-codes${ext}`],
    [tricky, `tricky${ext}`],
  ] as const) {
    for (const file of generate(spec, { out, specFile: 'spec.json' }).files) files[file.path] = file.text;
  }
  return files;
}

function declaredValues(checked: CheckedProgram, declarationFile: string): string[] {
  return checked.checker
    .getExportsOfModule(moduleSymbol(checked, declarationFile))
    .filter((symbol) => (symbol.flags & ts.SymbolFlags.Value) !== 0)
    .map((symbol) => symbol.name)
    .sort();
}

function expectDeprecations(checked: CheckedProgram, kakaoFile: string, trickyFile: string): void {
  expect(isMemberDeprecated(checked, kakaoFile, 'KakaoErrorCode', 'DeprecatedApi')).toBe(true);
  expect(isMemberDeprecated(checked, kakaoFile, 'KakaoErrorCode', 'InvalidToken')).toBe(false);
  expect(isMemberDeprecated(checked, kakaoFile, 'KakaoErrorCode', 'NotStoryUser')).toBe(true);
  expect(isMemberDeprecated(checked, kakaoFile, 'KakaoLoginErrorCode', 'AuthorizationCodeNotFound')).toBe(false);
  expect(isMemberDeprecated(checked, trickyFile, 'TrickyCode', '$Dollar_Name')).toBe(true);
  // "@deprecated" at the start of a description line is text, not a tag.
  expect(isMemberDeprecated(checked, trickyFile, 'TrickyCode', 'Tricky')).toBe(false);
}

describe('type-checks in strict mode', () => {
  it.each(['const-enum', 'enum'] as const)('--style %s, with a consumer', (style) => {
    const checked = typeCheck(tsFiles(style), STRICT_OPTIONS);
    expect(checked.errors).toEqual([]);
    expectDeprecations(checked, 'kakao-error-codes.ts', 'tricky.ts');
  });

  it('--style object, also under erasableSyntaxOnly + verbatimModuleSyntax + isolatedModules', () => {
    const checked = typeCheck(tsFiles('object'), {
      ...STRICT_OPTIONS,
      erasableSyntaxOnly: true,
      verbatimModuleSyntax: true,
      isolatedModules: true,
    });
    expect(checked.errors).toEqual([]);
    expectDeprecations(checked, 'kakao-error-codes.ts', 'tricky.ts');
  });

  it('a const enum is rejected under erasableSyntaxOnly (the option is really in effect)', () => {
    const files = tsFiles('const-enum');
    const checked = typeCheck({ 'kakao-error-codes.ts': files['kakao-error-codes.ts'] ?? '' }, {
      ...STRICT_OPTIONS,
      erasableSyntaxOnly: true,
    });
    expect(checked.errors.join('\n')).toMatch(/TS1294/u);
  });

  it('JavaScript + .d.ts, with allowJs/checkJs, the declarations matching the runtime exports', async () => {
    const files = jsFiles();
    const checked = typeCheck(files, { ...STRICT_OPTIONS, allowJs: true, checkJs: true });
    expect(checked.errors).toEqual([]);
    expectDeprecations(checked, 'kakao-error-codes.d.ts', 'tricky.d.ts');

    const declared = declaredValues(checked, 'kakao-error-codes.d.ts');
    const dir = makeTempDir();
    writeFileSync(join(dir, 'package.json'), '{ "type": "module" }\n');
    writeFileSync(join(dir, 'kakao-error-codes.js'), files['kakao-error-codes.js'] ?? '');
    const runtime = (await import(pathToFileURL(join(dir, 'kakao-error-codes.js')).href)) as Record<string, unknown>;
    expect(Object.keys(runtime).sort()).toEqual(declared);
  });

  it('CommonJS + .d.cts, with allowJs/checkJs, the declarations matching what require() and import see', async () => {
    const files = jsFiles('.cjs');
    const checked = typeCheck(files, { ...STRICT_OPTIONS, allowJs: true, checkJs: true });
    expect(checked.errors).toEqual([]);
    expect(checked.program.getSourceFile(join(VIRTUAL_ROOT, 'kakao-error-codes.cjs'))).toBeDefined();
    expectDeprecations(checked, 'kakao-error-codes.d.cts', 'tricky.d.cts');

    const declared = declaredValues(checked, 'kakao-error-codes.d.cts');
    // Eight per family: the enum object, the table, five helpers and the retryable list.
    expect(declared).toHaveLength(16);
    const dir = makeTempDir();
    const file = join(dir, 'kakao-error-codes.cjs');
    writeFileSync(file, files['kakao-error-codes.cjs'] ?? '');
    const required = createRequire(import.meta.url)(file) as Record<string, unknown>;
    expect(Object.keys(required).sort()).toEqual(declared);
    // Named exports as Node's ES module loader finds them (cjs-module-lexer), plus the default.
    const imported = (await import(pathToFileURL(file).href)) as Record<string, unknown>;
    expect(Object.keys(imported).filter((name) => name !== 'default').sort()).toEqual(declared);
  });
});

interface KakaoModule {
  readonly KakaoErrorCode: Readonly<Record<string, number>> | undefined;
  readonly kakaoErrorCodeInfo: Readonly<Record<number, { readonly name: string; readonly description: string } | undefined>>;
  readonly retryableKakaoErrorCodes: readonly number[];
  isKakaoErrorCode(code: unknown): boolean;
  isRetryableKakaoErrorCode(code: unknown): boolean;
  getKakaoErrorCodeHttpStatus(code: unknown): number | null | undefined;
  describeKakaoErrorCode(code: unknown): string | undefined;
  getKakaoErrorCodeInfo(code: unknown): unknown;
  readonly kakaoLoginErrorCodeInfo: Readonly<Record<string, { readonly name: string; readonly code: string } | undefined>>;
  readonly retryableKakaoLoginErrorCodes: readonly string[];
  isKakaoLoginErrorCode(code: unknown): boolean;
  isRetryableKakaoLoginErrorCode(code: unknown): boolean;
  getKakaoLoginErrorCodeHttpStatus(code: unknown): number | null | undefined;
  describeKakaoLoginErrorCode(code: unknown): string | undefined;
  getKakaoLoginErrorCodeInfo(code: unknown): unknown;
}

const loginFamily = kakao.families.find((family) => family.enumName === 'KakaoLoginErrorCode');

async function importText(text: string, name: string): Promise<unknown> {
  const dir = makeTempDir();
  const file = join(dir, name);
  writeFileSync(file, text);
  return import(pathToFileURL(file).href);
}

describe('helpers at runtime', () => {
  /** [name, file name to load it from, text]. */
  const outputs: [string, string, () => string][] = [
    ['the JavaScript output', 'kakao-error-codes.mjs', () => generate(kakao, { out: 'k.mjs', specFile: 'k.json' }).files[0]?.text ?? ''],
    [
      'the CommonJS output, imported',
      'kakao-error-codes.cjs',
      () => generate(kakao, { out: 'k.cjs', specFile: 'k.json' }).files[0]?.text ?? '',
    ],
    ...(['const-enum', 'enum', 'object'] as const).map((style): [string, string, () => string] => [
      `the ${style} output, transpiled`,
      'kakao-error-codes.mjs',
      () =>
        ts.transpileModule(generate(kakao, { out: 'k.ts', style, specFile: 'k.json' }).files[0]?.text ?? '', {
          compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 },
        }).outputText,
    ]),
  ];

  it.each(outputs)('%s', async (_name, fileName, text) => {
    const mod = (await importText(text(), fileName)) as KakaoModule;
    expect(mod.isRetryableKakaoErrorCode(-1)).toBe(true);
    expect(mod.isRetryableKakaoErrorCode(-401)).toBe(false);
    expect(mod.isRetryableKakaoErrorCode(-424242)).toBe(false);
    expect(mod.isRetryableKakaoErrorCode('-1')).toBe(false);
    expect(mod.getKakaoErrorCodeHttpStatus(-401)).toBe(401);
    expect(mod.getKakaoErrorCodeHttpStatus(-13)).toBeNull();
    expect(mod.getKakaoErrorCodeHttpStatus(-424242)).toBeUndefined();
    expect(mod.describeKakaoErrorCode(-401)).toBe(kakao.codes.find((entry) => entry.code === -401)?.description);
    expect(mod.describeKakaoErrorCode(12345)).toBeUndefined();
    expect(mod.isKakaoErrorCode(-9798)).toBe(true);
    expect(mod.isKakaoErrorCode(-14)).toBe(false);
    expect(mod.isKakaoErrorCode(null)).toBe(false);
    // Inherited properties are not codes.
    expect(mod.getKakaoErrorCodeInfo('constructor')).toBeUndefined();
    expect(mod.getKakaoErrorCodeInfo('toString')).toBeUndefined();
    expect(mod.retryableKakaoErrorCodes).toEqual(
      kakao.codes.filter((entry) => entry.retryable).map((entry) => entry.code).sort((a, b) => Math.abs(a) - Math.abs(b)),
    );
    expect(Object.isFrozen(mod.kakaoErrorCodeInfo)).toBe(true);
    expect(Object.isFrozen(mod.kakaoErrorCodeInfo[-1])).toBe(true);
    expect(Object.isFrozen(mod.retryableKakaoErrorCodes)).toBe(true);
    expect(Object.keys(mod.kakaoErrorCodeInfo)).toHaveLength(kakao.codes.length);

    // The string family, in the same module.
    expect(mod.isKakaoLoginErrorCode('KOE320')).toBe(true);
    expect(mod.isKakaoLoginErrorCode('KOE999')).toBe(false);
    expect(mod.isKakaoLoginErrorCode(-401)).toBe(false);
    expect(mod.isKakaoErrorCode('KOE320')).toBe(false);
    expect(mod.isRetryableKakaoLoginErrorCode('KOE003')).toBe(true);
    expect(mod.isRetryableKakaoLoginErrorCode('KOE320')).toBe(false);
    expect(mod.getKakaoLoginErrorCodeHttpStatus('KOE320')).toBeNull();
    expect(mod.getKakaoLoginErrorCodeHttpStatus('KOE999')).toBeUndefined();
    expect(mod.describeKakaoLoginErrorCode('KOE322')).toBe(loginFamily?.codes.find((entry) => entry.code === 'KOE322')?.description);
    expect(mod.getKakaoLoginErrorCodeInfo('constructor')).toBeUndefined();
    expect(mod.getKakaoLoginErrorCodeInfo('__proto__')).toBeUndefined();
    expect(mod.retryableKakaoLoginErrorCodes).toEqual(['KOE003']);
    expect(Object.isFrozen(mod.retryableKakaoLoginErrorCodes)).toBe(true);
    expect(mod.kakaoLoginErrorCodeInfo['KOE320']).toMatchObject({ code: 'KOE320', name: 'AuthorizationCodeNotFound' });
    expect(Object.keys(mod.kakaoLoginErrorCodeInfo)).toEqual(loginFamily?.codes.map((entry) => entry.code).sort());
  });

  it('the JavaScript output freezes the enum object', async () => {
    const mod = (await importText(generate(kakao, { out: 'k.js', specFile: 'k.json' }).files[0]?.text ?? '', 'k.mjs')) as KakaoModule;
    expect(mod.KakaoErrorCode?.['InvalidToken']).toBe(-401);
    expect(Object.isFrozen(mod.KakaoErrorCode)).toBe(true);
  });

  it('the CommonJS output works through require(), in strict mode', () => {
    const dir = makeTempDir();
    const file = join(dir, 'k.cjs');
    writeFileSync(file, generate(kakao, { out: 'k.cjs', specFile: 'k.json' }).files[0]?.text ?? '');
    const mod = createRequire(import.meta.url)(file) as KakaoModule;
    expect(mod.KakaoErrorCode?.['InvalidToken']).toBe(-401);
    expect(mod.isRetryableKakaoErrorCode(-1)).toBe(true);
    expect(mod.describeKakaoErrorCode(-401)).toBe(kakao.codes.find((entry) => entry.code === -401)?.description);
    // Writing to a frozen object throws only in strict code: the module is strict.
    expect(() => {
      (mod.KakaoErrorCode as Record<string, number>)['InvalidToken'] = 0;
    }).toThrow(TypeError);
  });

  it('awkward spec text survives into the runtime strings unchanged', async () => {
    const mod = (await importText(generate(tricky, { out: 't.mjs', specFile: 't.json' }).files[0]?.text ?? '', 't.mjs')) as Record<
      string,
      unknown
    >;
    const info = (mod['trickyCodeInfo'] as Record<number, Record<string, unknown>>)[-1];
    expect(trickyEntry).toBeDefined();
    expect(info).toEqual({ ...trickyEntry });
    expect(info?.['description']).toContain('*/');
    expect(info?.['description']).toContain('\u2028');
  });
});
