/**
 * The bundle's compile hints (scripts/compile-hints.ts): which functions are rewritten and how, that
 * the rewritten module does what the original did, that V8 compiles a hinted function with its
 * module, and that the built bundle has hints on the per-file path and not on the report path.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { addCompileHints } from '../../scripts/compile-hints.js';
import { ranFunctions } from '../../scripts/lint-time-functions.js';

const ALL = () => true;
const rewrite = (source: string) => addCompileHints(source, ALL);

describe('addCompileHints: the rewrites', () => {
  it('moves a top-level declaration after the imports, as an anonymous parenthesised expression', () => {
    const { code, hinted } = rewrite("import a from 'a';\nconst early = f(1);\nfunction f(x) { return x + a; }\n");
    expect(code).toBe("import a from 'a';\nvar f = (function (x) { return x + a; });\nconst early = f(1);\n\n");
    expect(hinted).toBe(1);
  });

  it('moves a declaration in a function body to the start of the body, after its directives', () => {
    const { code } = rewrite("function g(x) { 'use strict'; return h(x); function h(y) { return y; } }");
    expect(code).toBe("\nvar g = (function (x) { 'use strict';\nvar h = (function (y) { return y; }); return h(x);  });");
  });

  it('keeps async and generator declarations what they are', () => {
    expect(rewrite('async function a() { await 0; }\nfunction* b() { yield 1; }').code).toBe(
      '\nvar a = (async function () { await 0; });\nvar b = (function* () { yield 1; });\n',
    );
  });

  it('writes arrows as function expressions: expression and block bodies, bare and async parameters', () => {
    expect(rewrite('const a = (x) => x + 1;').code).toBe('const a = (function (x) { return x + 1; });');
    expect(rewrite('const b = x => ({ x });').code).toBe('const b = (function (x) { return ({ x }); });');
    expect(rewrite('const c = () => { go(); };').code).toBe('const c = (function ()  { go(); });');
    expect(rewrite('const d = async x => x;').code).toBe('const d = (async function (x) { return x; });');
    expect(rewrite('const e = async (x, ...rest) => { await x; };').code).toBe('const e = (async function (x, ...rest)  { await x; });');
    // A nested function binds its own `this`: the arrow around it does not read it.
    expect(addCompileHints('const f = () => function () { return this; };', (fn) => fn.start === 10).code).toBe(
      'const f = (function () { return function () { return this; }; });',
    );
  });

  it('writes methods as parenthesised property values, computed keys too', () => {
    expect(rewrite("const o = { m(a) { return a; }, ['k' + 1](b) { return this.b; } };").code).toBe(
      "const o = { m: (function (a) { return a; }), ['k' + 1]: (function (b) { return this.b; }) };",
    );
  });

  it('parenthesises a function expression, unless it already is', () => {
    expect(rewrite('const p = function (q) { return q; }; const r = (function (q) { return q; });').code).toBe(
      'const p = (function (q) { return q; }); const r = (function (q) { return q; });',
    );
    // A call's parentheses are not a pair around the function.
    expect(rewrite('use(function (q) { return q; });').code).toBe('use((function (q) { return q; }));');
  });

  it.each([
    ['an arrow that reads this', 'const f = () => this;', '() => this', 'reads this, arguments, super or new.target'],
    ['an arrow that reads arguments', 'function g() { return () => arguments[0]; }', '() => arguments[0]', 'reads this, arguments, super or new.target'],
    ['an arrow that reads new.target', 'function g() { return () => new.target; }', '() => new.target', 'reads this, arguments, super or new.target'],
    ['an arrow whose nested arrow reads this', 'const f = () => () => this;', '() => () => this', 'reads this, arguments, super or new.target'],
    ['an arrow with a class inside', 'const f = () => class { x = 1; };', '() => class { x = 1; }', 'reads this, arguments, super or new.target'],
    ['a method that reads super', 'const o = { m() { return super.m(); } };', 'm() { return super.m(); }', 'reads super'],
    ['a getter', 'const o = { get z() { return 1; } };', 'get z() { return 1; }', 'getter or setter'],
    ['an async method', 'const o = { async m() {} };', 'async m() {}', 'async or generator method'],
    ['a class member', 'class C { n() { return 1; } }', 'n() { return 1; }', 'class member'],
    ['a declaration in a block', 'if (x) { function inBlock() {} }', 'function inBlock() {}', 'exported, or declared in a block'],
    ['an exported declaration', 'export function f() {}', 'export function f() {}', 'exported, or declared in a block'],
  ])('keeps %s as it is', (_name, source, kept, reason) => {
    const result = rewrite(source);
    expect(result.kept[reason]).toBeGreaterThanOrEqual(1);
    expect(result.code).toContain(kept);
  });

  it('leaves functions the filter does not ask for untouched', () => {
    const source = 'function cold() { return 1; }\nconst warm = (x) => x;\n';
    const { code, hinted } = addCompileHints(source, (fn) => fn.start > 20);
    expect(code).toBe('function cold() { return 1; }\nconst warm = (function (x) { return x; });\n');
    expect(hinted).toBe(1);
  });

  it('throws on a source that does not parse', () => {
    expect(() => rewrite('function (')).toThrow();
  });
});

describe('addCompileHints: the rewritten module does what the original did', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'kakao-hints-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const SOURCE = `import { sep } from 'node:path';
export const early = twice(3);
function twice(x) { return inner(x) * 2; function inner(y) { return y + (sep ? 0 : 1); } }
const arrow = (x, ...rest) => ({ x, rest });
export const obj = { base: 10, method(y) { return this.base + y; }, ['com' + 'puted'](z) { return z; }, all(list) { return list.map((x) => x + this.base); } };
export function callCount() { let n = 0; const count = () => { n++; return n; }; count(); return count(); }
export const named = [twice.name, arrow.name, obj.method.name, (() => 0).name];
export const results = [early, arrow(1, 2, 3), obj.method(5), obj.computed(7), callCount(), obj.all([1, 2])];
export { twice };
`;
  const load = async (name: string, source: string) => {
    const file = path.join(dir, name);
    writeFileSync(file, source);
    return (await import(pathToFileURL(file).href)) as Record<string, unknown>;
  };

  it('gives the same values, names and this binding', async () => {
    const { code, hinted } = rewrite(SOURCE);
    expect(hinted).toBeGreaterThanOrEqual(7);
    const original = await load('original.mjs', SOURCE);
    const hintedModule = await load('hinted.mjs', code);
    expect(hintedModule['results']).toEqual(original['results']);
    expect(hintedModule['named']).toEqual(original['named']);
    expect(hintedModule['named']).toEqual(['twice', 'arrow', 'method', '']);
    expect(original['results']).toEqual([6, { x: 1, rest: [2, 3] }, 15, 7, 2, [11, 12]]);
  });
});

describe('compile hints in V8', () => {
  it('compiles a hinted function with its module, and an unhinted one on its first call', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'kakao-hints-v8-'));
    try {
      const source = 'function hintedOne(x) { return x + 1; }\nfunction lazyOne(x) { return x + 2; }\nexport { hintedOne, lazyOne };\n';
      const { code } = addCompileHints(source, (fn) => source.slice(fn.start, fn.end).includes('x + 1'));
      writeFileSync(path.join(dir, 'module.mjs'), code);
      writeFileSync(path.join(dir, 'main.mjs'), "import { hintedOne, lazyOne } from './module.mjs';\nhintedOne(1);\nlazyOne(1);\n");
      const log = path.join(dir, 'v8.log');
      execFileSync(process.execPath, ['--log-function-events', `--logfile=${log}`, '--no-logfile-per-isolate', 'main.mjs'], { cwd: dir });
      const events = readFileSync(log, 'utf8').split('\n');
      const scriptId = (file: string) => events.find((line) => line.startsWith('script-details,') && line.includes(file))?.split(',')[1];
      const [main, module] = [scriptId('main.mjs'), scriptId('module.mjs')];
      // main.mjs's top level starts running after module.mjs is compiled and evaluated: a function
      // compiled before that was compiled with its module; one compiled after, on its first call.
      const mainRuns = events.findIndex((line) => line.startsWith(`function,first-execution,${main},0,`));
      const compiledAt = (name: string) =>
        events.findIndex((line) => line.startsWith(`function,interpreter,${module},`) && line.endsWith(`,${name}`));
      expect(mainRuns).toBeGreaterThan(0);
      expect(compiledAt('hintedOne')).toBeGreaterThan(0);
      expect(compiledAt('hintedOne')).toBeLessThan(mainRuns);
      expect(compiledAt('lazyOne')).toBeGreaterThan(mainRuns);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('ranFunctions: V8 coverage to a filter', () => {
  it('matches a function by its end and the latest start at or before its own', () => {
    // `const f = () => () => 1;` : two arrows ending together; a method whose range starts at its name.
    const ran = ranFunctions([
      { ranges: [{ startOffset: 0, endOffset: 100, count: 1 }] },
      { ranges: [{ startOffset: 10, endOffset: 23, count: 1 }] },
      { ranges: [{ startOffset: 16, endOffset: 23, count: 0 }] },
      { ranges: [{ startOffset: 40, endOffset: 60, count: 1 }] },
    ]);
    expect(ran({ start: 10, end: 23 })).toBe(true);
    expect(ran({ start: 16, end: 23 })).toBe(false);
    // The method's value starts at its parameters, after its name at 40.
    expect(ran({ start: 44, end: 60 })).toBe(true);
    // Not covered at all (inside a function never compiled), and the script's own range.
    expect(ran({ start: 70, end: 80 })).toBe(false);
    expect(ran({ start: 50, end: 100 })).toBe(false);
  });
});

describe('the built bundle', () => {
  const bundle = () => readFileSync(path.resolve(import.meta.dirname, '../../dist/index.js'), 'utf8');

  it('has compile hints on the per-file path', () => {
    for (const name of ['getKakaoFile', 'getKakaoSettings', 'createKakaoFile', 'codeNodeListener', 'createTextSearch', 'hasGeneratedMarker']) {
      expect(bundle(), name).toContain(`var ${name} = (function`);
    }
  });

  it('has none on what runs only for a problem', () => {
    for (const name of ['reportMagicCode', 'reportDispatch']) {
      expect(bundle(), name).toMatch(new RegExp(`^function ${name}\\(`, 'mu'));
    }
  });
});
