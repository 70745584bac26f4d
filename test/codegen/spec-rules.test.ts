/**
 * The spec schema accepts exactly the names and text the generator can emit (every style compiles
 * and loads), and every message about a bad spec is one escaped, bounded line that quotes nothing
 * from a file that is not JSON. In process: `parseSpec`, `loadSpecFile` and the CLI's `run`.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { run } from '../../codegen/cli.js';
import { generate, type Style } from '../../codegen/generate.js';
import { findJsonError, loadSpecFile, parseSpec, type SpecInput } from '../../core/spec.js';
import { commentText, jsDocText, jsString, messageText } from '../../core/text.js';
import { ACME_SPEC, makeTempDir, removeTempDirs, STRICT_OPTIONS, typeCheck } from './helpers.js';

afterAll(removeTempDirs);

const acmeJson = JSON.parse(readFileSync(ACME_SPEC, 'utf8')) as SpecInput;

function withMember(name: string): SpecInput {
  return { ...acmeJson, codes: acmeJson.codes.map((entry, index) => (index === 1 ? { ...entry, name } : entry)) };
}

/** The first line of the SpecError `parseSpec` throws (and that there is only one). */
function specError(data: unknown): string {
  try {
    parseSpec(data, 'x.json');
  } catch (error) {
    const message = (error as Error).message;
    expect(message).not.toMatch(/[\n\r\u2028]/u);
    expect(message).not.toContain(String.fromCharCode(0x1b));
    return message;
  }
  throw new Error('expected the spec to be rejected');
}

const PREDEFINED_TYPES = ['any', 'bigint', 'boolean', 'never', 'number', 'object', 'string', 'symbol', 'undefined', 'unknown'];

describe('names whose output would not compile or load are rejected', () => {
  it.each(PREDEFINED_TYPES)('member %s (TS2457: a type alias in the object style and the .d.ts)', (name) => {
    expect(specError(withMember(name))).toBe(
      `x.json: invalid spec: codes[1].name: expected an enum member name that is not a TypeScript predefined type name (${PREDEFINED_TYPES.join(', ')}), got "${name}"`,
    );
  });

  it('member __proto__ and reserved words', () => {
    expect(specError(withMember('__proto__'))).toContain('codes[1].name: expected a name other than "__proto__"');
    expect(specError(withMember('delete'))).toContain('codes[1].name: expected an identifier that is not a reserved word');
  });

  it.each(['eval', 'arguments'])('enum name %s (a SyntaxError in a module)', (name) => {
    expect(specError({ ...acmeJson, enumName: name })).toBe(
      `x.json: invalid spec: enumName: expected an enum name other than eval or arguments (modules are strict code, where they cannot be declared), got "${name}"`,
    );
  });

  it.each(PREDEFINED_TYPES)('enum name %s (TS2431)', (name) => {
    expect(specError({ ...acmeJson, enumName: name })).toContain('enumName: expected an enum name that is not a TypeScript predefined type name');
  });

  it.each(['as', 'infer', 'keyof', 'readonly', 'unique'])('enum name %s (a type operator where the enum is a type)', (name) => {
    expect(specError({ ...acmeJson, enumName: name })).toContain('enumName: expected an enum name that is not a TypeScript type operator');
  });

  it('enum name Object and reserved words', () => {
    expect(specError({ ...acmeJson, enumName: 'Object' })).toContain('enumName: expected a name other than "Object"');
    expect(specError({ ...acmeJson, enumName: 'await' })).toContain('enumName: expected an identifier that is not a reserved word');
  });
});

describe('Unicode identifiers are accepted, and every style compiles and loads', () => {
  const STYLES: { out: string; style?: Style }[] = [
    { out: 'x.ts', style: 'const-enum' },
    { out: 'x.ts', style: 'enum' },
    { out: 'x.ts', style: 'object' },
    { out: 'x.js' },
  ];

  it.each([
    ['café', 'Café'],
    ['名前', '名前コード'],
    ['constructor', 'ℵErrors'],
    ['toString', 'type'],
  ])('member %s in enum %s', async (member, enumName) => {
    const spec = parseSpec({ ...withMember(member), enumName }, 'unicode.json');
    for (const options of STYLES) {
      const files = generate(spec, { ...options, specFile: 'unicode.json' }).files;
      const virtual = Object.fromEntries(files.map((file) => [file.path, file.text]));
      const checked = typeCheck(virtual, options.out.endsWith('.js') ? { ...STRICT_OPTIONS, allowJs: true, checkJs: true } : STRICT_OPTIONS);
      expect(checked.errors).toEqual([]);
      if (options.out.endsWith('.js')) {
        const file = join(makeTempDir(), 'module.mjs');
        writeFileSync(file, files[0]?.text ?? '');
        const loaded = (await import(pathToFileURL(file).href)) as Record<string, Record<string, number>>;
        expect(loaded[enumName]?.[member]).toBe(7);
      }
    }
  });

  it('"café" is not called an invalid identifier; "Old-Api" still is', () => {
    expect(() => parseSpec(withMember('café'), 'x.json')).not.toThrow();
    expect(specError(withMember('Old-Api'))).toContain('codes[1].name: expected a valid JavaScript identifier for the enum member name, got "Old-Api"');
  });
});

describe('text that cannot round-trip through UTF-8', () => {
  it('a lone surrogate is rejected with the field path', () => {
    const spec = { ...acmeJson, codes: acmeJson.codes.map((entry, index) => (index === 2 ? { ...entry, description: 'bad \ud800 text' } : entry)) };
    expect(specError(spec)).toBe(
      'x.json: invalid spec: codes[2].description: expected text without a lone surrogate (an unpaired \\ud800-\\udfff cannot be written as UTF-8), got "bad \\ud800 text"',
    );
    expect(specError({ ...acmeJson, api: { ...acmeJson.api, name: '\udc00' } })).toContain('api.name: expected text without a lone surrogate');
  });

  it('a surrogate pair (an emoji) is fine', () => {
    expect(() => parseSpec({ ...acmeJson, source: 'Made with 😀' }, 'x.json')).not.toThrow();
  });
});

describe('generated comments never carry a raw control character', () => {
  it('text helpers escape them', () => {
    expect(jsDocText('a\u001b[31mb\u0085c\u007f\td\r\ne')).toBe('a\\u001b[31mb\\u0085c\\u007f\\td\ne');
    expect(commentText('spec\nname\u001b.json')).toBe('spec\\nname\\u001b.json');
    expect(jsString('\u007f\u0085\u2028')).toBe('"\\u007f\\u0085\\u2028"');
  });

  it('in every style', () => {
    const spec = parseSpec(
      {
        ...acmeJson,
        codes: acmeJson.codes.map((entry, index) => (index === 0 ? { ...entry, description: 'red \u001b[31m bell \u0007 next \u0085 del \u007f', note: 'tab\there' } : entry)),
      },
      'controls.json',
    );
    for (const out of ['x.ts', 'x.js']) {
      for (const file of generate(spec, { out, specFile: 'con\u001btrols.json' }).files) {
        // eslint-disable-next-line no-control-regex -- raw control characters are what must not appear
        expect(file.text).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u2028\u2029]/u);
        expect(file.text).toContain('red \\u001b[31m bell \\u0007 next \\u0085 del \\u007f');
      }
    }
  });
});

describe('messages: one line, escaped, bounded, no content of a non-JSON file', () => {
  it('an unknown key with a newline and ESC is escaped', () => {
    expect(specError({ ...acmeJson, 'bad\nkey\u001b[2J': 1 })).toBe(
      'x.json: invalid spec: bad\\nkey\\u001b[2J: unknown field (remove it or check its spelling)',
    );
  });

  it('a 100 KB key and a 100 KB value are shortened', () => {
    const key = 'k'.repeat(100_000);
    const message = specError({ ...acmeJson, [key]: 1, enumName: `A-${'v'.repeat(100_000)}` });
    expect(message.length).toBeLessThan(400);
    expect(message).toContain(`${'k'.repeat(59)}…: unknown field`);
    expect(message).toMatch(/enumName: .*, got "A-v+…;/u);
    expect(messageText('x'.repeat(61))).toBe(`${'x'.repeat(59)}…`);
  });

  it('many unknown keys: three named, the rest counted', () => {
    const extra = Object.fromEntries(Array.from({ length: 1000 }, (_, index) => [`extra${index}`, index]));
    const message = specError({ ...acmeJson, ...extra });
    expect(message).toContain('extra2: unknown field');
    expect(message).not.toContain('extra3');
    expect(message).toContain('(and 997 more unknown fields)');
  });

  it('a JSON document that is not an object: its value is not quoted', () => {
    expect(specError('top secret')).toBe('x.json: invalid spec: (root): expected an object, got a string');
  });

  it.each([
    ['{\n  "api": {\n    "name": "x",\n  }\n}\n', 'line 4, column 3: expected a double-quoted property name'],
    ['{ "api": ', 'line 1, column 10: unexpected end of the file, expected a value'],
    ['{"a": [1, 2 3]}', 'line 1, column 13: expected "," or "]"'],
    ['{"a": "x\ty"}', 'line 1, column 9: a control character in a string (escape it)'],
    ['{"a": "\\q"}', 'line 1, column 8: invalid escape sequence in a string'],
    ['{"a": 01}', 'line 1, column 8: expected "," or "}"'],
    ['{} {}', 'line 1, column 4: unexpected text after the JSON value'],
    ['[[[[[[', 'line 1, column 7: unexpected end of the file, expected a value'],
    ['root:$6$s3cr3t$hash:19000:0:99999:7:::\n', 'line 1, column 1: unexpected character, expected a value'],
  ])('invalid JSON %j → %s, nothing quoted', (text, where) => {
    const file = join(makeTempDir(), 'bad.json');
    writeFileSync(file, text);
    expect(() => loadSpecFile(file)).toThrow(`${file}: invalid JSON at ${where}`);
    // The scanner agrees with JSON.parse about what is invalid.
    expect(() => JSON.parse(text) as unknown).toThrow();
  });

  it('the JSON scanner finds nothing wrong in valid JSON, however deep', () => {
    expect(findJsonError(readFileSync(ACME_SPEC, 'utf8'))).toBeUndefined();
    expect(findJsonError(`${'['.repeat(100_000)}${']'.repeat(100_000)}`)).toBeUndefined();
    expect(findJsonError('{"a": [1, -2.5e+3, true, false, null, "\\u00e9\\n", {}, []]}')).toBeUndefined();
  });

  it('an unreadable or binary "spec": no byte of it in the message', async () => {
    const dir = makeTempDir();
    const secret = join(dir, 'shadow');
    writeFileSync(secret, Buffer.concat([Buffer.from('root:$6$s3cr3t:19000\n'), Buffer.from([0xff, 0xfe, 0x1b, 0x00])]));
    const lines: string[] = [];
    const status = await run(['--spec', secret, '--out', join(dir, 'out.ts')], { stdout: (line) => lines.push(line), stderr: (line) => lines.push(line) });
    expect(status).toBe(1);
    expect(lines).toEqual([`kakao-codegen: ${secret}: invalid JSON at line 1, column 1: unexpected character, expected a value`]);
  });
});

describe('run() in process', () => {
  function io() {
    const out: string[] = [];
    const err: string[] = [];
    return { out, err, io: { stdout: (line: string) => out.push(line), stderr: (line: string) => err.push(line) } };
  }

  it('a spec file name with control characters is escaped in the message', async () => {
    const dir = makeTempDir();
    const spec = join(dir, 'evil\n\u001b[2Jname.json');
    writeFileSync(spec, '{');
    const { err, io: capture } = io();
    expect(await run(['--spec', spec, '--out', join(dir, 'a.ts')], capture)).toBe(1);
    expect(err).toEqual([`kakao-codegen: ${join(dir, 'evil\\n\\u001b[2Jname.json')}: invalid JSON at line 1, column 2: unexpected end of the file, expected a property name`]);
  });

  it('--check: a file that differs only in its style says so', async () => {
    const dir = makeTempDir();
    const out = join(dir, 'acme.ts');
    const first = io();
    expect(await run(['--spec', ACME_SPEC, '--out', out, '--style', 'object'], first.io)).toBe(0);
    expect(first.err).toEqual([]);
    const { err, io: capture } = io();
    expect(await run(['--spec', ACME_SPEC, '--out', out, '--check'], capture)).toBe(1);
    expect(err[0]).toBe(`kakao-codegen: ${out} is out of date: generated with --style object, expected --style const-enum`);
  });

  it('--check: a long differing line is shown in full', async () => {
    const dir = makeTempDir();
    const out = join(dir, 'acme.ts');
    const longText = 'Very long description. '.repeat(10);
    const spec = join(dir, 'long.json');
    const edited = { ...acmeJson, codes: acmeJson.codes.map((entry, index) => (index === 0 ? { ...entry, description: `${longText}A` } : entry)) };
    writeFileSync(spec, JSON.stringify(edited));
    expect(await run(['--spec', spec, '--out', out], io().io)).toBe(0);
    writeFileSync(spec, JSON.stringify({ ...edited, codes: edited.codes.map((entry, index) => (index === 0 ? { ...entry, description: `${longText}B` } : entry)) }));
    const { err, io: capture } = io();
    expect(await run(['--spec', spec, '--out', out, '--check'], capture)).toBe(1);
    expect(err[0]).toContain(`expected "* ${longText}B", found "* ${longText}A"`);
  });
});
