/**
 * `generate` in memory: golden output per style, the repo's committed files are fresh, ordering,
 * names derived from `enumName`, text safety. Set UPDATE_GOLDEN=1 to rewrite the golden files.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { compileFunction, runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { sortedCodes } from '../../codegen/error-codes.js';
import { generatedNames } from '../../core/names.js';
import { describeDifference } from '../../codegen/files.js';
import { generate, UsageError, type ModuleFormat, type Style } from '../../codegen/generate.js';
import { loadSpecFile, parseSpec, specJsonSchema, type Spec } from '../../core/spec.js';
import { jsDocText, jsString } from '../../core/text.js';
import { ACME_SPEC, BUNDLED_SPEC, GOLDEN, REPO, TRICKY_SPEC } from './helpers.js';

const acme = loadSpecFile(ACME_SPEC);
const MARKER = /^\/\/ Code generated .* DO NOT EDIT\.$/u;

function expectGolden(name: string, text: string): void {
  const file = join(GOLDEN, name);
  if (process.env['UPDATE_GOLDEN']) {
    writeFileSync(file, text);
    return;
  }
  let golden: string;
  try {
    golden = readFileSync(file, 'utf8');
  } catch {
    throw new Error(`${file} is missing; run UPDATE_GOLDEN=1 npx vitest run test/codegen`);
  }
  if (text !== golden) {
    throw new Error(`${name} differs from the golden file (UPDATE_GOLDEN=1 to accept): ${describeDifference(golden, text)}`);
  }
}

describe('golden output', () => {
  const cases: { style: Style | undefined; out: string; golden: string[] }[] = [
    { style: 'const-enum', out: 'acme-error-codes.ts', golden: ['acme.const-enum.ts'] },
    { style: 'enum', out: 'acme-error-codes.ts', golden: ['acme.enum.ts'] },
    { style: 'object', out: 'acme-error-codes.ts', golden: ['acme.object.ts'] },
    { style: undefined, out: 'out/acme-error-codes.js', golden: ['acme.js', 'acme.d.ts'] },
    { style: undefined, out: 'out/acme-error-codes.cjs', golden: ['acme.cjs', 'acme.d.cts'] },
  ];
  for (const { style, out, golden } of cases) {
    it(`${style ?? 'javascript'} → ${golden.join(' + ')}`, () => {
      const result = generate(acme, { out, style, specFile: ACME_SPEC });
      expect(result.files).toHaveLength(golden.length);
      result.files.forEach((file, index) => expectGolden(golden[index] ?? '', file.text));
    });
  }

  it('.mjs gets a .d.mts with the same texts as .js + .d.ts', () => {
    const js = generate(acme, { out: 'x/acme.js', specFile: ACME_SPEC }).files;
    const mjs = generate(acme, { out: 'x/acme.mjs', specFile: ACME_SPEC }).files;
    expect(js.map((file) => file.path)).toEqual(['x/acme.js', 'x/acme.d.ts']);
    expect(mjs.map((file) => file.path)).toEqual(['x/acme.mjs', 'x/acme.d.mts']);
    expect(mjs.map((file) => file.text)).toEqual(js.map((file) => file.text));
  });

  it('.js in a CommonJS package gets the texts of .cjs + .d.cts', () => {
    const js = generate(acme, { out: 'x/acme.js', moduleFormat: 'commonjs', specFile: ACME_SPEC });
    const cjs = generate(acme, { out: 'x/acme.cjs', specFile: ACME_SPEC });
    expect(js.moduleFormat).toBe('commonjs');
    expect(cjs.moduleFormat).toBe('commonjs');
    expect(js.files.map((file) => file.path)).toEqual(['x/acme.js', 'x/acme.d.ts']);
    expect(cjs.files.map((file) => file.path)).toEqual(['x/acme.cjs', 'x/acme.d.cts']);
    expect(js.files.map((file) => file.text)).toEqual(cjs.files.map((file) => file.text));
  });
});

describe('module systems', () => {
  const text = (options: { out: string; moduleFormat?: ModuleFormat; style?: Style }) =>
    generate(acme, { ...options, specFile: ACME_SPEC }).files.map((file) => file.text);

  it('.js is an ES module unless told otherwise (generate reads no package.json)', () => {
    expect(generate(acme, { out: 'a.js', specFile: ACME_SPEC }).moduleFormat).toBe('esm');
    expect(text({ out: 'a.js' })).toEqual(text({ out: 'a.js', moduleFormat: 'esm' }));
    expect(text({ out: 'a.js' })).toEqual(text({ out: 'a.mjs' }));
    expect(text({ out: 'a.js' })).not.toEqual(text({ out: 'a.js', moduleFormat: 'commonjs' }));
  });

  it('the declaration file is the same for both module systems', () => {
    expect(text({ out: 'a.cjs' })[1]).toBe(text({ out: 'a.mjs' })[1]);
  });

  it('CommonJS: strict, no ES module syntax, every runtime export assigned to exports', () => {
    const [cjs = '', dts = ''] = text({ out: 'a.cjs' });
    expect(cjs.split('\n').slice(2, 4)).toEqual(['', '"use strict";']);
    expect(cjs).not.toMatch(/^\s*(?:export|import)\b/mu);
    const assigned = [...cjs.matchAll(/^exports\.(\w+) = (\w+);$/gmu)].map((match) => {
      expect(match[2]).toBe(match[1]);
      return match[1];
    });
    const declared = [...dts.matchAll(/^export declare (?:const|function) (\w+)/gmu)].map((match) => match[1]);
    expect(assigned).toEqual(declared);
    expect(assigned).toHaveLength(8);
  });

  it('.mjs and .cjs fix the module system; a contradicting moduleFormat is a usage error', () => {
    expect(() => generate(acme, { out: 'a.cjs', moduleFormat: 'esm', specFile: ACME_SPEC })).toThrow(UsageError);
    expect(() => generate(acme, { out: 'a.cjs', moduleFormat: 'esm', specFile: ACME_SPEC })).toThrow('a.cjs is always CommonJS, not esm');
    expect(() => generate(acme, { out: 'a.mjs', moduleFormat: 'commonjs', specFile: ACME_SPEC })).toThrow(
      'a.mjs is always an ES module, not commonjs',
    );
    expect(text({ out: 'a.cjs', moduleFormat: 'commonjs' })).toEqual(text({ out: 'a.cjs' }));
  });

  it('TypeScript outputs do not change with the module system; a .cts output stays TypeScript', () => {
    for (const style of ['const-enum', 'enum', 'object'] as const) {
      const plain = text({ out: 'a.cts', style });
      expect(text({ out: 'a.cts', style, moduleFormat: 'commonjs' })).toEqual(plain);
      expect(text({ out: 'a.ts', style, moduleFormat: 'esm' })).toEqual(plain);
      expect(plain).toHaveLength(1);
    }
    expect(text({ out: 'a.cts' })[0]).toContain('\nexport const enum AcmeError {\n');
    expect(generate(acme, { out: 'a.cts', moduleFormat: 'commonjs', specFile: ACME_SPEC }).moduleFormat).toBeUndefined();
  });

  it('the same spec and options give byte-identical text', () => {
    for (const out of ['a.cjs', 'a.js', 'a.mjs']) {
      expect(text({ out, moduleFormat: out === 'a.js' ? 'commonjs' : undefined })).toEqual(
        text({ out, moduleFormat: out === 'a.js' ? 'commonjs' : undefined }),
      );
    }
  });
});

describe('the repo', () => {
  it('generated/kakao-error-codes.ts equals a fresh generation from the bundled spec', () => {
    const spec = loadSpecFile(BUNDLED_SPEC);
    const [file] = generate(spec, { out: 'generated/kakao-error-codes.ts', specFile: BUNDLED_SPEC }).files;
    const committed = readFileSync(join(REPO, 'generated/kakao-error-codes.ts'), 'utf8');
    expect(file?.text === committed, committed === file?.text ? '' : describeDifference(file?.text ?? '', committed)).toBe(
      true,
    );
    expect(committed.split('\n', 1)[0]).toBe(
      '// Code generated by kakao-codegen from kakao-error-codes.json. DO NOT EDIT.',
    );
    expect(committed).toContain('export const enum KakaoErrorCode {');
  });

  it('spec/kakao-error-codes.schema.json equals specJsonSchema()', () => {
    const committed = readFileSync(join(REPO, 'spec/kakao-error-codes.schema.json'), 'utf8');
    expect(committed).toBe(`${JSON.stringify(specJsonSchema(), null, 2)}\n`);
    expect(JSON.parse(committed)).toMatchObject({ $schema: 'http://json-schema.org/draft-07/schema#' });
  });
});

describe('output shape', () => {
  const styles: Style[] = ['const-enum', 'enum', 'object'];

  it.each([...styles, 'a.cjs', 'a.js'])('%s: marker first, a regenerate hint second, LF only, one final newline', (styleOrOut) => {
    const options = styleOrOut.startsWith('a.') ? { out: styleOrOut, moduleFormat: 'commonjs' as const } : { out: 'a.ts', style: styleOrOut as Style };
    const [file] = generate(acme, { ...options, specFile: `/some/where/${'deep/'.repeat(3)}acme-error-codes.json` }).files;
    const text = file?.text ?? '';
    const lines = text.split('\n');
    expect(lines[0]).toMatch(MARKER);
    expect(lines[0]).toBe('// Code generated by kakao-codegen from acme-error-codes.json. DO NOT EDIT.');
    expect(lines[1]).toMatch(/^\/\/ .*kakao-codegen --style /u);
    expect(text.match(/^\/\/ Code generated .* DO NOT EDIT\.$/gmu)).toHaveLength(1);
    expect(text).not.toContain('\r');
    expect(text.endsWith('\n')).toBe(true);
    expect(text.endsWith('\n\n')).toBe(false);
    expect(text).not.toContain('/some/where');
  });

  it('sorts by |code| ascending, then by code', () => {
    expect(sortedCodes(acme.codes).map((entry) => entry.code)).toEqual([-1, -7, 7, -9, -401]);
    const [file] = generate(acme, { out: 'a.ts', specFile: ACME_SPEC }).files;
    const order = [...(file?.text ?? '').matchAll(/^ {2}(\w+) = (-?\d+),$/gmu)].map((match) => Number(match[2]));
    expect(order).toEqual([-1, -7, 7, -9, -401]);
  });

  it('does not depend on the order of the codes in the spec', () => {
    const reversed = parseSpec({ ...acme, codes: [...acme.codes].reverse() }, 'reversed.json');
    for (const style of styles) {
      const a = generate(acme, { out: 'a.ts', style, specFile: 'x.json' }).files;
      const b = generate(reversed, { out: 'a.ts', style, specFile: 'x.json' }).files;
      expect(b).toEqual(a);
    }
  });

  it('derives every exported name from enumName (nothing Kakao-specific)', () => {
    const names = generatedNames('AcmeError');
    expect(names).toEqual({
      enumName: 'AcmeError',
      infoType: 'AcmeErrorInfo',
      infoTable: 'acmeErrorInfo',
      getInfo: 'getAcmeErrorInfo',
      isCode: 'isAcmeError',
      isRetryable: 'isRetryableAcmeError',
      getHttpStatus: 'getAcmeErrorHttpStatus',
      describe: 'describeAcmeError',
      retryableList: 'retryableAcmeErrors',
    });
    expect(generatedNames('Status').retryableList).toBe('retryableStatuses');
    // Only the tool's own name, in the two header lines, may mention Kakao.
    const body = (text: string) => text.split('\n').slice(2).join('\n');
    for (const style of styles) {
      const [file] = generate(acme, { out: 'a.ts', style, specFile: ACME_SPEC }).files;
      expect(body(file?.text ?? '')).not.toMatch(/kakao/iu);
    }
    for (const out of ['a.js', 'a.cjs']) {
      for (const file of generate(acme, { out, specFile: ACME_SPEC }).files) {
        expect(body(file.text)).not.toMatch(/kakao/iu);
      }
    }
  });

  it('documents every member: description, HTTP status, solution, note, @deprecated', () => {
    const [file] = generate(acme, { out: 'a.ts', specFile: ACME_SPEC }).files;
    const text = file?.text ?? '';
    expect(text).toContain('HTTP status: 401.');
    expect(text).toContain('HTTP status: not documented.');
    expect(text).toContain('Solution: Refresh the token.');
    expect(text).toContain('Note: Sorted after -7.');
    expect(text.match(/@deprecated/gu)).toEqual(['@deprecated']);
    expect(text).toMatch(/@deprecated Call the new API\.\n {3}\*\/\n {2}OldApi = -9,/u);
  });

  it('refuses --style const-enum or enum for a JavaScript output, and unknown extensions', () => {
    expect(() => generate(acme, { out: 'a.js', style: 'const-enum', specFile: 'x.json' })).toThrow(UsageError);
    expect(() => generate(acme, { out: 'a.mjs', style: 'enum', specFile: 'x.json' })).toThrow(/--style enum/u);
    expect(generate(acme, { out: 'a.js', style: 'object', specFile: 'x.json' }).style).toBe('object');
    expect(() => generate(acme, { out: 'a.txt', specFile: 'x.json' })).toThrow(/\.ts, \.mts/u);
    expect(() => generate(acme, { out: 'a.d.ts', specFile: 'x.json' })).toThrow(/declaration file/u);
  });
});

describe('text safety', () => {
  const tricky: Spec = loadSpecFile(TRICKY_SPEC);

  it('escapes string literals like JSON, plus U+2028/U+2029', () => {
    const samples = ['plain', 'a "quote"', "it's", 'back\\slash', '${x}', 'line\nbreak\r\n', '\u2028\u2029', '\u0000\u001f', '😀'];
    for (const sample of samples) {
      const literal = jsString(sample);
      expect(literal).not.toMatch(/[\n\r\u2028\u2029]/u);
      expect(JSON.parse(literal)).toBe(sample);
      expect(runInNewContext(literal)).toBe(sample);
    }
  });

  it('keeps JSDoc closed and stray tags out', () => {
    expect(jsDocText('a */ b')).toBe('a *\\/ b');
    expect(jsDocText('x\r\ny\u2028z')).toBe('x\ny\nz');
    expect(jsDocText('text\n  @deprecated no')).toBe('text\n  \\@deprecated no');
    expect(jsDocText('mid @param ok')).toBe('mid @param ok');
  });

  it('only the generated comments open or close a block comment', () => {
    for (const style of styles()) {
      for (const file of generate(tricky, { ...style, specFile: TRICKY_SPEC }).files) {
        const withoutStrings = file.text.replace(/"(?:[^"\\\n]|\\.)*"/gu, '""');
        const opens = withoutStrings.match(/\/\*/gu)?.length ?? 0;
        const closes = withoutStrings.match(/\*\//gu)?.length ?? 0;
        // One `/*` per comment, plus the one written inside the description text ("/* an opener").
        expect(closes).toBeGreaterThan(0);
        expect(opens - closes).toBe((withoutStrings.match(/\/\* an opener/gu) ?? []).length);
      }
    }
  });

  function styles(): { out: string; style?: Style }[] {
    return [
      { out: 'a.ts', style: 'const-enum' },
      { out: 'a.ts', style: 'enum' },
      { out: 'a.ts', style: 'object' },
      { out: 'a.js' },
      { out: 'a.cjs' },
    ];
  }
});

describe('names the output cannot use', () => {
  it('are rejected by the schema (enumName "Object", a member called __proto__), naming the field', () => {
    expect(() => parseSpec({ ...acme, enumName: 'Object' }, 'object.json')).toThrow(
      /^object\.json: invalid spec: enumName: expected a name other than "Object"/u,
    );
    expect(() =>
      parseSpec(
        { ...acme, codes: acme.codes.map((entry, index) => (index === 2 ? { ...entry, name: '__proto__' } : entry)) },
        'proto.json',
      ),
    ).toThrow(/codes\[2\]\.name: expected a name other than "__proto__"/u);
  });

  it('rejects an enum named after a binding of the CommonJS module wrapper (any output may be CommonJS)', () => {
    for (const enumName of ['exports', 'require', 'module', '__filename', '__dirname']) {
      expect(() => parseSpec({ ...acme, enumName }, 'wrapper.json')).toThrow(
        'wrapper.json: invalid spec: enumName: expected an enum name that a CommonJS module does not already declare (exports, require, module, __filename, __dirname)',
      );
    }
    // The reason is real: compiled the way Node wraps a CommonJS module, the declaration is a SyntaxError.
    const esm = (generate(acme, { out: 'a.mjs', specFile: 'wrapper.json' }).files[0]?.text ?? '').replaceAll(acme.enumName, 'exports');
    const asCommonJs = esm.replace(/^export /gmu, '');
    const wrapper = ['exports', 'require', 'module', '__filename', '__dirname'];
    expect(() => compileFunction(asCommonJs, wrapper)).toThrow(/Identifier 'exports' has already been declared/u);
    const acmeCommonJs = generate(acme, { out: 'a.cjs', specFile: ACME_SPEC }).files[0]?.text ?? '';
    expect(() => compileFunction(acmeCommonJs, wrapper)).not.toThrow();
  });
});
