/**
 * The CLI: bad specs, --check, writing, usage errors, determinism across locales and time zones,
 * tsconfig awareness. Most cases call its exported `run(argv, io)` in process; the built bin
 * (`node dist/codegen/bin.js`, `npm test` builds first) is spawned where the process matters:
 * --help through the bin, and another working directory and environment.
 */
import { chmodSync, mkdirSync, readFileSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generate } from '../../codegen/generate.js';
import { loadSpecFile } from '../../core/spec.js';
import {
  ACME_SPEC,
  assertBuilt,
  BUNDLED_SPEC,
  makeTempDir,
  REPO,
  removeTempDirs,
  runCli,
  runCliInProcess,
  runNode,
  SCHEMA_SCRIPT,
  tempFilesIn,
  type CliResult,
} from './helpers.js';

beforeAll(assertBuilt);
afterAll(removeTempDirs);

const acmeText = readFileSync(ACME_SPEC, 'utf8');
const acmeJson = JSON.parse(acmeText) as { codes: Record<string, unknown>[] } & Record<string, unknown>;
const SENTINEL = '// a previous output that must survive\n';

function expectNoStack(result: CliResult): void {
  expect(result.stderr).not.toMatch(/^\s+at /mu);
  expect(result.stdout).not.toMatch(/^\s+at /mu);
}

/** Writes a spec made from the acme one, changed by `edit`. */
function specWith(dir: string, name: string, edit: (spec: typeof acmeJson) => void): string {
  const spec = structuredClone(acmeJson);
  edit(spec);
  const file = join(dir, name);
  writeFileSync(file, JSON.stringify(spec, null, 2));
  return file;
}

function setCode(index: number, field: string, value: unknown) {
  return (spec: typeof acmeJson) => {
    const entry = spec.codes[index];
    if (entry === undefined) throw new Error(`no codes[${index}]`);
    if (value === undefined) delete entry[field];
    else entry[field] = value;
  };
}

describe.concurrent('a bad spec: exit 1, one clear line, previous output intact, no temp files', () => {
  const dir = makeTempDir();

  interface BadCase {
    readonly name: string;
    /** Returns the --spec path. */
    readonly spec: () => string;
    /** Every one must appear in the message. */
    readonly expected: readonly string[];
  }
  const raw = (name: string, text: string) => () => {
    const file = join(dir, name);
    writeFileSync(file, text);
    return file;
  };
  const edited = (name: string, edit: (spec: typeof acmeJson) => void) => () => specWith(dir, name, edit);

  const cases: BadCase[] = [
    { name: 'invalid JSON', spec: raw('broken.json', '{\n  "api": {\n    "name": "x",\n  }\n}\n'), expected: ['broken.json', 'invalid JSON', 'line 4, column 3'] },
    { name: 'truncated JSON', spec: raw('truncated.json', '{ "api": '), expected: ['truncated.json', 'invalid JSON'] },
    {
      name: 'missing field',
      spec: edited('missing-field.json', setCode(1, 'summary', undefined)),
      expected: ['missing-field.json', 'codes[1].summary', 'missing required field', 'a string'],
    },
    {
      name: 'unknown field',
      spec: edited('unknown-field.json', setCode(0, 'colour', 'red')),
      expected: ['unknown-field.json', 'codes[0].colour', 'unknown field'],
    },
    {
      name: 'unknown top-level field',
      spec: edited('unknown-top.json', (spec) => {
        spec['enumNmae'] = 'X';
      }),
      expected: ['unknown-top.json', 'enumNmae', 'unknown field'],
    },
    {
      name: 'non-integer code',
      spec: edited('float-code.json', setCode(1, 'code', 1.5)),
      expected: ['float-code.json', 'codes[1].code', 'expected an integer', '1.5'],
    },
    {
      name: 'non-finite code',
      spec: raw('infinite-code.json', acmeText.replace('"code": 7,', '"code": 1e999,')),
      expected: ['infinite-code.json', 'codes[1].code', 'expected a finite', 'Infinity'],
    },
    {
      name: 'string code',
      spec: edited('string-code.json', setCode(1, 'code', '-7')),
      expected: ['string-code.json', 'codes[1].code', 'expected a number', '"-7"'],
    },
    {
      name: 'duplicate code',
      spec: edited('duplicate-code.json', setCode(2, 'code', -401)),
      expected: ['duplicate-code.json', 'codes[2].code', 'unique code', '-401', 'codes[0]'],
    },
    {
      name: 'duplicate name',
      spec: edited('duplicate-name.json', setCode(3, 'name', 'InvalidToken')),
      expected: ['duplicate-name.json', 'codes[3].name', 'unique name', '"InvalidToken"', 'codes[0]'],
    },
    {
      name: 'invalid identifier',
      spec: edited('bad-name.json', setCode(3, 'name', 'Old-Api')),
      expected: ['bad-name.json', 'codes[3].name', 'valid JavaScript identifier', '"Old-Api"'],
    },
    {
      name: 'reserved word',
      spec: edited('reserved-name.json', setCode(3, 'name', 'delete')),
      expected: ['reserved-name.json', 'codes[3].name', 'reserved word', '"delete"'],
    },
    {
      name: 'invalid enum name',
      spec: edited('bad-enum-name.json', (spec) => {
        spec['enumName'] = 'Acme Error';
      }),
      expected: ['bad-enum-name.json', 'enumName', 'valid JavaScript identifier'],
    },
    {
      name: 'HTTP status not in the table',
      spec: edited('unknown-status.json', setCode(2, 'httpStatus', 418)),
      expected: ['unknown-status.json', 'codes[2].httpStatus', 'listed in httpStatuses', '418'],
    },
    {
      name: 'wrong type',
      spec: edited('wrong-type.json', setCode(4, 'retryable', 'yes')),
      expected: ['wrong-type.json', 'codes[4].retryable', 'true or false', '"yes"'],
    },
    {
      name: 'empty code list',
      spec: edited('no-codes.json', (spec) => {
        spec.codes = [];
      }),
      expected: ['no-codes.json', 'codes', 'at least 1 item', 'an empty array'],
    },
    { name: 'missing file', spec: () => join(dir, 'does-not-exist.json'), expected: ['does-not-exist.json', 'file not found'] },
    {
      name: 'a directory',
      spec: () => {
        const sub = join(dir, 'a-folder.json');
        mkdirSync(sub, { recursive: true });
        return sub;
      },
      expected: ['a-folder.json', 'is a directory'],
    },
    {
      name: 'unreadable (a path through a file)',
      spec: () => {
        writeFileSync(join(dir, 'plain-file'), 'x');
        return join(dir, 'plain-file', 'spec.json');
      },
      expected: ['plain-file', 'cannot read it', 'ENOTDIR'],
    },
  ];

  it.each(cases)('$name', async ({ name, spec, expected }) => {
    const outDir = join(dir, `out-${cases.findIndex((entry) => entry.name === name)}`);
    const out = join(outDir, 'errors.ts');
    mkdirSync(outDir, { recursive: true });
    writeFileSync(out, SENTINEL);
    const result = await runCliInProcess(['--spec', spec(), '--out', out]);
    expect(result.status).toBe(1);
    const lines = result.stderr.trimEnd().split('\n');
    expect(lines).toHaveLength(1);
    for (const text of expected) expect(lines[0]).toContain(text);
    expectNoStack(result);
    expect(readFileSync(out, 'utf8')).toBe(SENTINEL);
    expect(tempFilesIn(outDir)).toEqual([]);
  });

  it.skipIf(process.getuid?.() === 0)('unreadable (no permission)', async () => {
    const file = raw('no-permission.json', acmeText)();
    chmodSync(file, 0o000);
    const result = await runCliInProcess(['--spec', file, '--out', join(dir, 'never.ts')]);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('no-permission.json: cannot read it (EACCES)');
  });
});

describe.concurrent('writing', { timeout: 90_000 }, () => {
  it('creates the folder, writes what generate() returns, then leaves an unchanged file alone', async () => {
    const dir = makeTempDir();
    const out = join(dir, 'deep', 'er', 'acme.ts');
    const first = await runCliInProcess(['--spec', ACME_SPEC, '--out', out]);
    expect(first.status).toBe(0);
    expect(first.stdout).toBe(`kakao-codegen: wrote ${out} (5 codes, --style const-enum)\n`);
    const expected = generate(loadSpecFile(ACME_SPEC), { out, specFile: ACME_SPEC }).files[0]?.text;
    expect(readFileSync(out, 'utf8')).toBe(expected);

    const past = new Date('2001-02-03T04:05:06Z');
    utimesSync(out, past, past);
    const second = await runCliInProcess(['--spec', ACME_SPEC, '--out', out]);
    expect(second.status).toBe(0);
    expect(second.stdout).toContain(`${out} unchanged`);
    expect(statSync(out).mtimeMs).toBe(past.getTime());
    expect(tempFilesIn(join(dir, 'deep', 'er'))).toEqual([]);
  });

  it('.js writes the module and its .d.ts together, replacing a changed one', async () => {
    const dir = makeTempDir();
    writeFileSync(join(dir, 'package.json'), '{ "type": "module" }\n');
    writeFileSync(join(dir, 'acme.d.ts'), SENTINEL, { mode: 0o640 });
    const result = await runCliInProcess(['--spec', ACME_SPEC, '--out', join(dir, 'acme.js')]);
    expect(result.status).toBe(0);
    expect(result.stdout).toContain(`wrote ${join(dir, 'acme.js')}, ${join(dir, 'acme.d.ts')}`);
    expect(readFileSync(join(dir, 'acme.js'), 'utf8')).toContain('export const AcmeError = Object.freeze({');
    expect(readFileSync(join(dir, 'acme.d.ts'), 'utf8')).toContain('export declare const AcmeError: {');
    expect(statSync(join(dir, 'acme.d.ts')).mode & 0o777).toBe(0o640);
    expect(tempFilesIn(dir)).toEqual([]);
  });

  it('an output path that is a directory: exit 1, a message, no temp file', async () => {
    const dir = makeTempDir();
    mkdirSync(join(dir, 'taken.ts'));
    const result = await runCliInProcess(['--spec', ACME_SPEC, '--out', join(dir, 'taken.ts')]);
    expect(result.status).toBe(1);
    expect(result.stderr).toBe(`kakao-codegen: ${join(dir, 'taken.ts')}: is a directory, expected a file\n`);
    expect(tempFilesIn(dir)).toEqual([]);
  });
});

describe.concurrent('--check', () => {
  it('fresh → 0; stale → 1 with the difference; missing → 1; never writes', async () => {
    const dir = makeTempDir();
    const out = join(dir, 'acme.ts');
    const original = generate(loadSpecFile(ACME_SPEC), { out, specFile: ACME_SPEC }).files[0]?.text ?? '';
    const edited = original.replace('HTTP status: 401.', 'HTTP status: 999.');
    const past = new Date('2001-02-03T04:05:06Z');
    const staleOut = join(dir, 'stale.ts');
    writeFileSync(out, original);
    writeFileSync(staleOut, edited);
    utimesSync(staleOut, past, past);
    const missingOut = join(dir, 'missing.ts');

    const [fresh, stale, missing] = await Promise.all(
      [out, staleOut, missingOut].map((file) => runCliInProcess(['--spec', ACME_SPEC, '--out', file, '--check'])),
    );
    expect(fresh?.status).toBe(0);
    expect(fresh?.stdout).toBe(`kakao-codegen: ${out} up to date\n`);

    expect(stale?.status).toBe(1);
    const line = original.split('\n').findIndex((text) => text.includes('HTTP status: 401.')) + 1;
    expect(stale?.stderr).toContain(`${staleOut} is out of date: first difference at line ${line}`);
    expect(stale?.stderr).toContain('expected "* HTTP status: 401. Retryable: no."');
    expect(stale?.stderr).toContain('found "* HTTP status: 999. Retryable: no."');
    expect(stale?.stderr.trimEnd().split('\n')).toHaveLength(2);
    expect(readFileSync(staleOut, 'utf8')).toBe(edited);
    expect(statSync(staleOut).mtimeMs).toBe(past.getTime());

    expect(missing?.status).toBe(1);
    expect(missing?.stderr).toContain(`${missingOut} is missing`);
    expect(() => statSync(missingOut)).toThrow();
    expect(tempFilesIn(dir)).toEqual([]);
  });

  it('the repo: generated/ and the JSON schema are fresh', async () => {
    const [codegen, schema] = await Promise.all([runCliInProcess(['--check']), runNode(SCHEMA_SCRIPT, ['--check'])]);
    expect(codegen.stderr).toBe('');
    expect(codegen.status).toBe(0);
    expect(schema.stderr).toBe('');
    expect(schema.status).toBe(0);
  });

  it('the schema script reports a stale schema, and rewrites it', async () => {
    const dir = makeTempDir();
    const out = join(dir, 'schema.json');
    writeFileSync(out, '{}\n');
    const stale = await runNode(SCHEMA_SCRIPT, ['--check', '--out', out]);
    expect(stale.status).toBe(1);
    expect(stale.stderr).toContain(`${out} is out of date`);
    expect((await runNode(SCHEMA_SCRIPT, ['--out', out])).status).toBe(0);
    expect(readFileSync(out, 'utf8')).toBe(readFileSync(join(REPO, 'spec/kakao-error-codes.schema.json'), 'utf8'));
  });
});

describe.concurrent('usage', () => {
  const dir = makeTempDir();
  const out = join(dir, 'never.ts');
  it.each([
    [['--bogus'], 'Unknown option'],
    [['--style', 'const'], '--style must be one of const-enum, enum, object'],
    [['--out', out, '--spec'], "'--spec <value>' argument missing"],
    [['--spec', '--out', out], "'--spec' argument is ambiguous"],
    [['--out', ''], '--out needs a file name'],
    [['positional.json'], 'positional'],
    [['--out', join(dir, 'x.txt')], 'expected a file ending in .ts'],
    [['--out', join(dir, 'x.js'), '--style', 'const-enum'], '--style const-enum needs a TypeScript output'],
    [['--out', join(dir, 'x.mjs'), '--style', 'enum'], '--style enum needs a TypeScript output'],
  ])('%j → exit 2', async (args, message) => {
    const result = await runCliInProcess([...args, ...(args.includes('--out') ? [] : ['--out', out])]);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain(message);
    expect(result.stderr).toContain('Usage: kakao-codegen');
    expectNoStack(result);
    expect(tempFilesIn(dir)).toEqual([]);
    expect(() => statSync(out)).toThrow();
  });

  it('--help → exit 0 with the usage on stdout', async () => {
    const result = await runCli(['--help']);
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/^Usage: kakao-codegen /u);
    expect(result.stdout).toContain('--check');
    expect(result.stderr).toBe('');
  });
});

describe.concurrent('determinism', () => {
  it('byte-identical output across time zones and locales, relative to the working directory', async () => {
    const texts = await Promise.all([
      { TZ: 'Pacific/Kiritimati', LC_ALL: 'tr_TR.UTF-8', LANG: 'tr_TR.UTF-8' },
      { TZ: 'America/St_Johns', LC_ALL: 'C', LANG: 'C' },
    ].map(async (env) => {
      const cwd = makeTempDir();
      // No --spec, no --out: the bundled spec into generated/kakao-error-codes.ts under cwd.
      const result = await runCli(['--style', 'object'], { cwd, env });
      expect(result.status).toBe(0);
      const text = readFileSync(join(cwd, 'generated/kakao-error-codes.ts'), 'utf8');
      expect(text).not.toContain(cwd);
      expect(text).not.toContain(REPO);
      expect(text).not.toContain(REPO.replace(/\/$/u, ''));
      return text;
    }));
    expect(texts[1]).toBe(texts[0]);
    const inMemory = generate(loadSpecFile(BUNDLED_SPEC), { out: 'x.ts', style: 'object', specFile: BUNDLED_SPEC });
    expect(texts[0]).toBe(inMemory.files[0]?.text);
    expect(texts[0]?.split('\n', 1)[0]).toBe(`// Code generated by kakao-codegen from ${basename(BUNDLED_SPEC)}. DO NOT EDIT.`);
  });
});

describe.concurrent('tsconfig awareness (details in files.test.ts)', () => {
  function project(config: Record<string, unknown>, base?: Record<string, unknown>): string {
    const dir = makeTempDir();
    if (base !== undefined) writeFileSync(join(dir, 'base.json'), JSON.stringify(base));
    writeFileSync(join(dir, 'tsconfig.json'), `// comments are allowed\n${JSON.stringify(config)}`);
    return dir;
  }

  it('isolatedModules: an informational note, and the file is written', async () => {
    const dir = project({ compilerOptions: { isolatedModules: true } });
    const out = join(dir, 'src', 'gen', 'codes.ts');
    const result = await runCliInProcess(['--spec', ACME_SPEC, '--out', out]);
    expect(result.status).toBe(0);
    expect(result.stderr).toMatch(/^kakao-codegen: note: .*tsconfig\.json sets isolatedModules.*--style object/u);
    expect(readFileSync(out, 'utf8')).toContain('export const enum AcmeError');
  });

  it('erasableSyntaxOnly (through extends): refused, exit 1, nothing written', async () => {
    const dir = project({ extends: './base.json' }, { compilerOptions: { erasableSyntaxOnly: true } });
    const out = join(dir, 'src', 'codes.ts');
    const result = await runCliInProcess(['--spec', ACME_SPEC, '--out', out]);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('erasableSyntaxOnly');
    expect(result.stderr).toContain('--style object');
    expect(result.stderr).toContain('nothing written');
    expectNoStack(result);
    expect(() => statSync(join(dir, 'src'))).toThrow();
  });
});
