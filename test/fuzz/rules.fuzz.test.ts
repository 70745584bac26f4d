/**
 * Fuzzing the rules: a few thousand snippets from a seeded generator (templates x code-expression
 * forms x literal forms x imports x wrappers, then mutations: parentheses, comments, line breaks),
 * in TypeScript (typescript-eslint's parser, .ts and .tsx) and JavaScript (espree: module, CommonJS,
 * sloppy script, JSX). Odd but valid syntax on purpose: computed members, optional calls, sequence
 * expressions, labels, `with`, JSX, decorators, class fields and static blocks, huge literals, -0,
 * `- -401`, BigInt `-401n`, numeric separators, hex, octal, binary and exponent forms.
 *
 * For each snippet, all rules with --fix (`scope: 'all'` mostly):
 * - no rule throws;
 * - the fixed text parses, and fixing it again changes nothing;
 * - no fix changes a value: a replaced literal becomes the enum member with the same code (compared
 *   with `===`: see fix-check.ts), and every enum member the fixes write resolves to the enum's
 *   import, not to a local binding that shadows it (check/enum-binding below);
 * - every suggestion's result parses.
 * Snippets that do not parse before any fix (a generator combination that is not valid syntax)
 * are skipped and counted; they must stay rare.
 */
import { writeFileSync } from 'node:fs';
import tsParser from '@typescript-eslint/parser';
import { Linter } from 'eslint';
import type { Rule, Scope } from 'eslint';
import { describe, expect, it } from 'vitest';
import plugin from '../../index.js';
import { applyEdits, checkFixes, CODE_BY_MEMBER, emptyCheck, recordingPlugin } from '../robustness/fix-check.js';
import { probeCodeChecks } from '../rules/code-check-probe.js';
import type { RecordedReport } from '../robustness/fix-check.js';

const SEED = 0x4b414b41; // "KAKA"
const SNIPPETS = 3000;

/** mulberry32: a small deterministic PRNG, so every run tests the same snippets. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Lang = 'ts' | 'tsx' | 'esm' | 'cjs' | 'script' | 'jsx';
const ALL: readonly Lang[] = ['ts', 'tsx', 'esm', 'cjs', 'script', 'jsx'];
const TS: readonly Lang[] = ['ts', 'tsx'];
const MODULES: readonly Lang[] = ['ts', 'tsx', 'esm', 'jsx'];
const SCRIPTS: readonly Lang[] = ['cjs', 'script'];
const JSX: readonly Lang[] = ['tsx', 'jsx'];
const EXTENSION: Record<Lang, string> = { ts: 'ts', tsx: 'tsx', esm: 'mjs', cjs: 'cjs', script: 'js', jsx: 'jsx' };

interface Piece {
  readonly text: string;
  readonly langs?: readonly Lang[];
}
const piece = (text: string, langs?: readonly Lang[]): Piece => (langs ? { text, langs } : { text });

/** Literal forms: codes in odd notations, non-codes, and things that must never be fixed. */
const LITERALS: readonly Piece[] = [
  '-401', '-1', '-9', '-7', '-603', '-9798', '-402', '-101',
  '- 401', '-(401)', '-((401))', '(-401)', '-/* c */401', '-\n401', '- -401', '-(-401)',
  '-0', '0', '-0.0', '+401', '401', '-401n', '-1n', '401n',
  '-4_01', '-9_798', '-0x191', '-0X191', '-0x1_91', '-0o621', '-0b110010001', '-4.01e2', '-40100e-2',
  '-.401e3', '-401.0', '-401.', '-401.0000000000000001', '1e400', '-1e400', '-99999999999999999999',
  '-9007199254740993', '-12345', '-4010', '-40', '-0x1', '-1e0', '-10e-1',
].map((text) => piece(text));

/** Expressions that hold an error code (by name), and some that do not. */
const EXPRESSIONS: readonly Piece[] = [
  piece('err.code'), piece('err?.code'), piece("err['code']"), piece('err[`code`]'), piece('err?.["code"]'),
  piece('error.response.data.code'), piece('e.response?.data?.errorCode'), piece('res.body.error_code'),
  piece('Number(err.code)'), piece('+err.code'), piece('errorCode'), piece('CODE'), piece('kakaoErrorCode'),
  piece('this.code'), piece('(0, err).code'), piece('list[i].code'), piece('getError()?.code'), piece('(err).code'),
  piece('(err as KakaoError).code', TS), piece('err.code!', TS), piece('err!.code', TS), piece('<number>err.code', ['ts']),
  piece('(err.code satisfies number)', TS), piece('err.code as number', TS),
  // Not error-code expressions.
  piece('err.status'), piece('x'), piece('list.indexOf(v)'), piece('err.code.length'), piece('(err.code, other)'),
];

/** Where the literal `$C` meets the expression `$E` (`$D`: a second literal, `$I`: a unique number). */
const TEMPLATES: readonly Piece[] = [
  piece('if ($E === $C) { handle($I); }'),
  piece('if ($C !== $E) handle($I); else if ($E == $D) handle(0);'),
  piece('const r$I = $E === $C ? "a" : $E === $D ? "b" : "c";'),
  piece('switch ($E) { case $C: handle(1); break; case $D: case -7: handle(2); break; default: handle(0); }'),
  piece('switch ($E) {\n  case KakaoErrorCode.InvalidToken:\n  case $C:\n    break;\n}'),
  piece('switch (x) { case $C: break; case $D: break; }'),
  piece('if ([$C, $D, -603].includes($E)) handle($I);'),
  piece('if (new Set([$C, $D]).has($E)) handle($I);'),
  piece('const LIST$I = [$C, $D];\nif (LIST$I.indexOf($E) !== -1) handle($I);'),
  piece('const RETRY$I = new Set([$C, -1]);\nexport const retry$I = () => RETRY$I.has($E);', MODULES),
  piece('const handlers$I = { [$C]: () => 1, [$D]: () => 2 };\nhandlers$I[$E]?.();'),
  piece('({ [$C]: "x" })[$E];'),
  // The forms of the code-check model: negation, frozen, spread and annotated lists, lookups in conditions.
  piece('if (!($E !== $C)) handle($I);\nelse if (!($E !== $D)) handle(0);'),
  piece('const FROZEN$I = Object.freeze([$C, $D]);\nconst MORE$I = [...FROZEN$I, -603];\nif (MORE$I.includes($E)) handle($I);'),
  piece('const AUTH$I: readonly number[] = [$C, $D] as const;\nif (AUTH$I.includes($E)) handle($I);', TS),
  piece('const MAP$I = { [$C]: true };\nif (MAP$I[$E]) handle($I);'),
  piece('(log(), $E === $C) && handle($I);'),
  piece('for (let i = 0; $E !== $C && i < 3; i++) handle(i);'),
  piece('outer$I: for (const item of items) { inner: if ($E === $C) { break outer$I; } else continue outer$I; }'),
  piece('const text$I = `${$E === $C ? "yes" : `no ${$D}`}`;'),
  piece('const f$I = (a = $E === $C, { b } = { b: $D }) => a || b;'),
  piece('class K$I { field = $E === $C; static s = [$C].includes($E); #p = $D; m() { return this.#p === $E; } static { if ($E === $C) handle(1); } }'),
  piece('obj.method?.($E === $C)?.then?.(() => $D);'),
  piece('obj[$E === $C ? "a" : "b"] = arr[$C];'),
  piece('const body$I = { code: $C, msg: "mock" }; const { code = $D } = body$I;'),
  piece('throw new KakaoError($C, $E === $D);'),
  piece('function g$I(KakaoErrorCode) { return $E === $C; }'),
  piece('function h$I(K, codes) { if ($E === $C) return K; return codes; }'),
  piece('async function a$I() { if ((await fetchError()).code === $C) return; for await (const x of xs) if (x.code === $D) break; }'),
  piece('function* g$I() { yield $E === $C; yield* [$D]; }'),
  piece('with (ctx) { if (code === $C) handle($I); }', ['script']),
  piece('const el$I = <Alert show={$E === $C} code={$D} label="x">{$E === $C ? <b>{$C}</b> : null}</Alert>;', JSX),
  piece('@decorate($E === $C)\nclass D$I { @field($C) value = $E === $D; }', TS),
  piece('enum Local$I { A = $C, B = $D }', TS),
  piece('let v$I: -401 | number = $C; type T$I = typeof v$I extends -401 ? 1 : 2;', TS),
  piece('if (($E as number) === ($C as number)) handle($I);', TS),
  piece('if ($E === ($C satisfies number)) handle($I);', TS),
  piece('if ($E === $C as const) handle($I);', TS),
  piece('if ($E === $C) { const KakaoErrorCode = { InvalidToken: 1 }; handle(KakaoErrorCode.InvalidToken); }'),
  piece('if ($E === KakaoErrorCode.InternalError || $E === $C) handle($I);'),
  piece('export default function () { return $E === $C || [$D].includes($E); }', MODULES),
  piece('module.exports = { check: (err) => $E === $C };', SCRIPTS),
  piece('const { a = $E === $C } = options; label$I: { if (a) break label$I; }'),
  piece('if (err.code === -1 || err.code === -7 || err.code === -603) retry(); else if ($E === $C) fail();'),
];

/** How the file reaches the enum, if at all. */
const HEADERS: readonly Piece[] = [
  piece(''),
  piece('import { KakaoErrorCode } from "../generated/kakao-error-codes";\n', MODULES),
  piece("import { KakaoErrorCode as K } from '../generated/kakao-error-codes.js';\n", MODULES),
  piece("import * as codes from '../generated/kakao-error-codes';\n", MODULES),
  piece("import type { KakaoErrorCode } from '../generated/kakao-error-codes';\n", TS),
  piece("import { type KakaoErrorCode, isRetryableKakaoErrorCode } from '../generated/kakao-error-codes';\n", TS),
  piece("import { isRetryableKakaoErrorCode } from '../generated/kakao-error-codes';\n", MODULES),
  piece("import axios from 'axios'\nimport { get } from './http'\n", MODULES),
  piece("const { KakaoErrorCode } = require('../generated/kakao-error-codes');\n", SCRIPTS),
  piece("const { KakaoErrorCode: K } = require('../generated/kakao-error-codes');\n", SCRIPTS),
  piece("'use strict';\nconst axios = require('axios');\n", SCRIPTS),
  piece("'use client';\n", MODULES),
  piece('#!/usr/bin/env node\n'),
  piece('#!/usr/bin/env node\nimport { KakaoErrorCode } from "../generated/kakao-error-codes";\n', MODULES),
  piece('/* eslint-disable no-console */\n// A leading comment.\n'),
  piece('// Code generated by kakao-codegen. DO NOT EDIT.\n'),
  piece('const KakaoErrorCode = { InvalidToken: -401 };\n'),
  piece('const KakaoErrorCode = Object.freeze({ InvalidToken: -401, InternalError: -1, "UnderMaintenance": -9798 });\n'),
  piece('enum KakaoErrorCode { InvalidToken = -401, ServerTimeOut = -603 }\n', TS),
  piece('const KakaoErrorCode = { InvalidToken: -401 } as const;\n', TS),
  piece('export {};\n', MODULES),
];

/** What the snippet sits in. */
const WRAPPERS: readonly Piece[] = [
  piece('$S'),
  piece('function wrapped(err, x, items, list, i) {\n$S\n}'),
  piece('export const wrapped = (err) => {\n  $S\n};', MODULES),
  piece('class Wrapper { method(err) { $S } static { try { $S } catch { } } }'),
  piece('{ let err = source(); $S }'),
  piece('(function () { $S })();'),
  piece('if (ready) { $S } else { handle(0); }'),
  piece('const api = { async call(err) { $S } };'),
];

const EVIDENCE = ["const KAKAO_API = 'https://kapi.kakao.com/v2/user/me';\n", 'declare const kakaoClient: unknown;\n', ''];

const MEMBER_NAMES = new Set(CODE_BY_MEMBER.keys());

type AnyNode = { type: string; [key: string]: unknown };

/** Whether a local declaration (`enum`, object literal, `Object.freeze({...})`, `as const`) has the member. */
function declaresMember(node: AnyNode, member: string): boolean {
  if (node.type === 'TSEnumDeclaration') {
    const { members } = node.body as { members: { id: { name?: string; value?: string } }[] };
    return members.some(({ id }) => (id.name ?? id.value) === member);
  }
  let init = node.type === 'VariableDeclarator' ? (node.init as AnyNode | null) : null;
  while (init && (init.type === 'TSAsExpression' || init.type === 'TSSatisfiesExpression')) init = init.expression as AnyNode;
  if (init?.type === 'CallExpression') init = (init.arguments as AnyNode[])[0] ?? null;
  if (init?.type !== 'ObjectExpression') return false;
  return (init.properties as AnyNode[]).some((property) => {
    const key = property.key as { name?: string; value?: unknown } | undefined;
    return key !== undefined && (key.name ?? String(key.value)) === member;
  });
}

/**
 * Reports `<x>.<Member>` / `<ns>.<enum>.<Member>` whose `<x>` is neither a (value) import or
 * `require` of the enum nor a local enum or object that declares the member: such a fix would read
 * something else than the code.
 */
const enumBinding: Rule.RuleModule = {
  meta: { type: 'problem', schema: [], messages: { unbound: '{{name}}.{{member}} does not read the enum' } },
  create(context) {
    return {
      MemberExpression(node) {
        if (node.computed || node.property.type !== 'Identifier' || !MEMBER_NAMES.has(node.property.name)) return;
        const member = node.property.name;
        const object = node.object.type === 'MemberExpression' ? node.object.object : node.object;
        if (object.type !== 'Identifier') return;
        let variable: Scope.Variable | undefined;
        for (let scope: Scope.Scope | null = context.sourceCode.getScope(node); scope && !variable; scope = scope.upper) {
          variable = scope.set.get(object.name);
        }
        const ok = variable?.defs.some((def) => {
          if (def.type === 'ImportBinding') {
            const declaration = def.parent as { importKind?: string };
            const specifier = def.node as { importKind?: string };
            return declaration.importKind !== 'type' && specifier.importKind !== 'type';
          }
          const init = def.type === 'Variable' ? def.node.init : null;
          if (init?.type === 'CallExpression' && init.callee.type === 'Identifier' && init.callee.name === 'require') return true;
          return node.object === object && declaresMember(def.node as unknown as AnyNode, member);
        });
        if (!ok) context.report({ node, messageId: 'unbound', data: { name: object.name, member } });
      },
    };
  },
};

interface Snippet {
  readonly lang: Lang;
  readonly code: string;
  readonly settings: number;
}

function generate(count: number, seed: number): Snippet[] {
  const random = prng(seed);
  const pick = <T,>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const forLang = (list: readonly Piece[], lang: Lang) => list.filter((p) => !p.langs || p.langs.includes(lang));
  const snippets: Snippet[] = [];
  for (let i = 0; i < count; i++) {
    const lang = pick<Lang>(['ts', 'ts', 'ts', 'tsx', 'esm', 'esm', 'cjs', 'script', 'jsx']);
    let literal = pick(forLang(LITERALS, lang)).text;
    let second = pick(forLang(LITERALS, lang)).text;
    let expression = pick(forLang(EXPRESSIONS, lang)).text;
    // Mutations: parentheses, comments, line breaks.
    if (random() < 0.15) literal = `(${literal})`;
    if (random() < 0.1) literal = literal.replace(/^-/u, '-/* minus */ ');
    if (random() < 0.1) second = ` /* second */ ${second}\n`;
    if (random() < 0.15) expression = `(${expression})`;
    if (random() < 0.05) expression = `/* e */ ${expression} /* e */`;
    let body = pick(forLang(TEMPLATES, lang)).text.replaceAll('$I', String(i));
    if (random() < 0.3) body = `${body}\n${pick(forLang(TEMPLATES, lang)).text.replaceAll('$I', `${i}_2`)}`;
    body = body.replaceAll('$E', expression).replaceAll('$C', literal).replaceAll('$D', second);
    // Exports stay at the top level.
    const wrapper = /(?:^|\n)(?:export|module\.exports)\b/u.test(body) ? '$S' : pick(forLang(WRAPPERS, lang)).text;
    const wrapped = wrapper.replaceAll('$S', body);
    const header = pick(forLang(HEADERS, lang)).text;
    const settings = Math.floor(random() * SETTINGS.length);
    const evidence = SETTINGS[settings]!.kakao.scope === 'all' ? '' : pick(EVIDENCE);
    // A shebang must stay first; otherwise evidence and header go before the code.
    const code = header.startsWith('#!') ? `${header}${evidence}${wrapped}\n` : `${evidence}${header}${wrapped}\n`;
    snippets.push({ lang, code: lang === 'ts' || lang === 'tsx' ? code : code.replace(/^declare const kakaoClient.*$/mu, 'const kakaoClient = {};'), settings });
  }
  return snippets;
}

/** Settings variants; each object is reused (the rules cache per settings object). */
const SETTINGS = [
  { kakao: { scope: 'all', enumModule: './generated/kakao-error-codes' } },
  { kakao: { scope: 'all', enumModule: './generated/kakao-error-codes.js' } },
  { kakao: { scope: 'all' } },
  { kakao: { scope: 'kakao-files', enumModule: './generated/kakao-error-codes' } },
] as const;

const RULES = {
  ...Object.fromEntries(Object.keys(plugin.rules).map((name) => [`kakao/${name}`, 'error' as const])),
  'check/enum-binding': 'error' as const,
};

/** The parser and its options per extension, and no rules: whether a text parses. */
const LANGUAGES: Linter.Config[] = [
  { files: ['**/*.ts', '**/*.tsx'], languageOptions: { parser: tsParser } },
  { files: ['**/*.mjs'], languageOptions: { sourceType: 'module' } },
  { files: ['**/*.cjs'], languageOptions: { sourceType: 'commonjs' } },
  { files: ['**/*.js'], languageOptions: { sourceType: 'script' } },
  { files: ['**/*.jsx'], languageOptions: { sourceType: 'module', parserOptions: { ecmaFeatures: { jsx: true } } } },
];

function configFor(settings: (typeof SETTINGS)[number], recorded: RecordedReport[]): Linter.Config[] {
  const plugins = { kakao: recordingPlugin(plugin, recorded), check: { rules: { 'enum-binding': enumBinding } } };
  return [
    ...LANGUAGES,
    { files: ['**/*.{ts,tsx,mjs,cjs,js,jsx}'], plugins, settings, rules: RULES, linterOptions: { reportUnusedDisableDirectives: 'off' } },
  ];
}

describe('fuzz: generated and mutated snippets', () => {
  it(`${SNIPPETS} snippets, TypeScript and JavaScript: no crash, fixes parse, converge and keep values`, { timeout: 120_000 }, () => {
    const recorded: RecordedReport[] = [];
    const configs = SETTINGS.map((settings) => configFor(settings, recorded));
    const linter = new Linter({ cwd: '/project' });
    const check = emptyCheck();
    const { problems } = check;
    let skipped = 0;
    const skippedExamples: string[] = [];
    let fixed = 0;
    const byLang: Record<string, number> = {};
    const show = (snippet: Snippet) => `[${snippet.lang}, settings ${snippet.settings}]\n${snippet.code}`;

    for (const snippet of generate(SNIPPETS, SEED)) {
      const config = configs[snippet.settings]!;
      const filename = `/project/src/feature/snippet.${EXTENSION[snippet.lang]}`;
      recorded.length = 0;
      let result: Linter.FixReport;
      try {
        result = linter.verifyAndFix(snippet.code, config, { filename });
      } catch (error) {
        problems.push(`crash: ${error instanceof Error ? error.message : String(error)}\n${show(snippet)}`);
        continue;
      }
      const fatal = result.messages.find((message) => message.fatal);
      if (fatal && !result.fixed) {
        skipped++;
        skippedExamples.push(`${fatal.message}\n${show(snippet)}`);
        continue;
      }
      byLang[snippet.lang] = (byLang[snippet.lang] ?? 0) + 1;
      if (fatal) problems.push(`the fixed text does not parse: ${fatal.message}\n${show(snippet)}\n--- fixed:\n${result.output}`);
      const before = problems.length;
      checkFixes(recorded, 'snippet', check);
      for (const { ruleId, sourceText, suggestions } of recorded) {
        for (const suggestion of suggestions) {
          const text = applyEdits(sourceText, suggestion);
          if (linter.verify(text, LANGUAGES, { filename }).some((message) => message.fatal)) {
            problems.push(`a suggestion of ${ruleId} does not parse\n${show(snippet)}\n--- suggested:\n${text}`);
          }
        }
      }
      if (problems.length > before) problems.push(`(in)\n${show(snippet)}`);
      if (!result.fixed) continue;
      fixed++;
      const unbound = (messages: Linter.LintMessage[]) => messages.filter((m) => m.ruleId === 'check/enum-binding').length;
      const after = unbound(result.messages);
      if (after > 0 && after > unbound(linter.verify(snippet.code, config, { filename }))) {
        problems.push(`a fix wrote an enum member that does not read the imported enum\n${show(snippet)}\n--- fixed:\n${result.output}`);
      }
      const second = linter.verifyAndFix(result.output, config, { filename });
      if (second.fixed) problems.push(`a second --fix changed the text again\n${show(snippet)}\n--- first:\n${result.output}\n--- second:\n${second.output}`);
    }

    console.info(
      `${SNIPPETS} snippets (${JSON.stringify(byLang)}), ${skipped} skipped (not valid syntax), ${fixed} fixed: ` +
        `${check.literalFixes} literals replaced, ${check.otherEdits} other edits, ${check.suggestions} suggestions`,
    );
    // FUZZ_DUMP=file: every problem and skipped snippet, for debugging.
    if (process.env.FUZZ_DUMP) writeFileSync(process.env.FUZZ_DUMP, [...problems, ...skippedExamples.map((s) => `SKIPPED ${s}`)].join('\n=====\n'));
    expect(problems.slice(0, 5)).toEqual([]);
    expect(skipped).toBeLessThan(SNIPPETS * 0.01);
    // Not vacuous: many fixes happened, in every language.
    expect(check.literalFixes).toBeGreaterThan(SNIPPETS / 10);
    expect(Object.keys(byLang).sort()).toEqual([...ALL].sort());
  });

  it(`${SNIPPETS} snippets: the code-check model gives one answer, its pre-filter never hides a check, and dispatches found from codes are those of every switch and if`, { timeout: 120_000 }, () => {
    const problems: string[] = [];
    let checks = 0;
    let dispatches = 0;
    let dispatchesAtTwo = 0;
    let parsed = 0;
    for (const snippet of generate(SNIPPETS, SEED)) {
      const languageOptions = LANGUAGES.find(({ files }) => files?.[0] === `**/*.${EXTENSION[snippet.lang]}` || files?.[1] === `**/*.${EXTENSION[snippet.lang]}`)!.languageOptions;
      let probe;
      try {
        probe = probeCodeChecks(snippet.code, {
          filename: `src/feature/snippet.${EXTENSION[snippet.lang]}`,
          languageOptions,
          settings: { scope: 'all' },
        });
      } catch {
        continue; // not valid syntax: counted by the test above
      }
      parsed++;
      checks += probe.walked.length;
      const show = `[${snippet.lang}]\n${snippet.code}`;
      // Climbing up from each code (no-magic-error-code) finds what walking down (handle-retryable-codes) does.
      if (JSON.stringify(probe.climbed) !== JSON.stringify(probe.walked)) {
        problems.push(`walked ${JSON.stringify(probe.walked)}\nclimbed ${JSON.stringify(probe.climbed)}\n${show}`);
      }
      // Pre-filter says no => the full walk finds nothing.
      if (probe.prefilterMisses.length > 0) problems.push(`pre-filter hides ${JSON.stringify(probe.prefilterMisses)}\n${show}`);
      // handle-retryable-codes starts from the codes: it finds the dispatches that visiting every switch and if finds.
      dispatches += probe.dispatchesOfStatements.length;
      if (JSON.stringify(probe.dispatchesOfCodes) !== JSON.stringify(probe.dispatchesOfStatements)) {
        problems.push(`dispatches of statements ${JSON.stringify(probe.dispatchesOfStatements)}\nof codes ${JSON.stringify(probe.dispatchesOfCodes)}\n${show}`);
      }
      // With the default minimumCodes, a file of one distinct code skips its ifs: nothing is lost.
      dispatchesAtTwo += probe.dispatchesOfStatementsAtTwo.length;
      if (JSON.stringify(probe.dispatchesOfCodesAtTwo) !== JSON.stringify(probe.dispatchesOfStatementsAtTwo)) {
        problems.push(`dispatches (minimumCodes 2) of statements ${JSON.stringify(probe.dispatchesOfStatementsAtTwo)}\nof codes ${JSON.stringify(probe.dispatchesOfCodesAtTwo)}\n${show}`);
      }
    }
    expect(problems.slice(0, 5)).toEqual([]);
    // Not vacuous: most snippets parse, and hold hundreds of checks.
    expect(parsed).toBeGreaterThan(SNIPPETS * 0.9);
    expect(checks).toBeGreaterThan(SNIPPETS / 10);
    expect(dispatches).toBeGreaterThan(SNIPPETS / 20);
    expect(dispatchesAtTwo).toBeGreaterThan(SNIPPETS / 40);
    // Not vacuous either: the shortcut drops dispatches that only minimumCodes 1 counts.
    expect(dispatchesAtTwo).toBeLessThan(dispatches);
  });
});
