/**
 * In-process tests of the pieces behind the CLI: --check's comparison and summary, atomic writing,
 * and the tsconfig advice.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, readlinkSync, realpathSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  checkFiles,
  describeDifference,
  formatCheckResult,
  formatWriteResults,
  LOCK_STALE_MS,
  OutputFileError,
  writeFilesAtomically,
} from '../../codegen/files.js';
import { generate } from '../../codegen/generate.js';
import { loadSpecFile, parseSpec } from '../../core/spec.js';
import { adviseStyle, inspectTsconfig } from '../../codegen/tsconfig.js';
import { ACME_SPEC, makeTempDir, removeTempDirs, tempFilesIn } from './helpers.js';

afterAll(removeTempDirs);

const acme = loadSpecFile(ACME_SPEC);

describe('describeDifference', () => {
  it('names the first differing line with both versions', () => {
    expect(describeDifference('a\nb\nc\n', 'a\nB\nc\n')).toBe('first difference at line 2: expected "b", found "B"');
    expect(describeDifference('a\nb\n', 'a\n')).toBe('first difference at line 2: expected "b", found ""');
    expect(describeDifference('a\n', 'a\nextra\n')).toBe('first difference at line 2: expected "", found "extra"');
    expect(describeDifference('a\n', 'a')).toBe('first difference at line 2: expected "", found (end of file)');
    expect(describeDifference('x\n', 'x\r\n')).toBe('first difference at line 1: expected "x", found "x\\r"');
  });

  it('shows long lines in full, so lines that differ only near their end do not look the same', () => {
    const long = 'x'.repeat(200);
    expect(describeDifference(`${long}a\n`, `${long}b\n`)).toBe(`first difference at line 1: expected "${long}a", found "${long}b"`);
  });

  it('escapes control characters of the lines it shows', () => {
    expect(describeDifference('a\u001b[31m\n', 'a\u0085\u2028\n')).toBe(
      'first difference at line 1: expected "a\\u001b[31m", found "a\\u0085\\u2028"',
    );
  });

  it('counts members added and removed in every style', () => {
    const fewer = parseSpec({ ...acme, codes: acme.codes.slice(1) }, 'fewer.json');
    const renamed = parseSpec(
      { ...acme, codes: acme.codes.map((entry) => (entry.code === -1 ? { ...entry, name: 'Occupied' } : entry)) },
      'renamed.json',
    );
    for (const options of [
      { out: 'a.ts', style: 'const-enum' as const },
      { out: 'a.ts', style: 'enum' as const },
      { out: 'a.ts', style: 'object' as const },
      { out: 'a.js' },
    ]) {
      const full = generate(acme, { ...options, specFile: 'x.json' }).files;
      const small = generate(fewer, { ...options, specFile: 'x.json' }).files;
      const other = generate(renamed, { ...options, specFile: 'x.json' }).files;
      full.forEach((file, index) => {
        expect(describeDifference(file.text, small[index]?.text ?? '')).toMatch(/^1 member added, 0 removed; first difference at line \d+/u);
        expect(describeDifference(small[index]?.text ?? '', file.text)).toMatch(/^0 members added, 1 removed; /u);
        expect(describeDifference(file.text, other[index]?.text ?? '')).toMatch(/^1 member added, 1 removed; /u);
      });
    }
  });
});

describe('checkFiles', () => {
  it('reports fresh, stale and missing files, and never writes', () => {
    const dir = makeTempDir();
    const files = generate(acme, { out: join(dir, 'acme.js'), specFile: ACME_SPEC }).files;
    const [js, dts] = files;
    if (js === undefined || dts === undefined) throw new Error('expected two files');
    expect(checkFiles(files).map((result) => result.status)).toEqual(['missing', 'missing']);
    expect(readdirSync(dir)).toEqual([]);

    writeFileSync(js.path, js.text);
    writeFileSync(dts.path, dts.text.replace('readonly Busy: -1;', 'readonly Busy: -2;'));
    const results = checkFiles(files);
    expect(results.map((result) => result.status)).toEqual(['fresh', 'stale']);
    expect(formatCheckResult(results[1] ?? { path: '', status: 'fresh' })).toMatch(
      /acme\.d\.ts is out of date: 1 member added, 1 removed; first difference at line \d+: expected "readonly Busy: -1;", found "readonly Busy: -2;"$/u,
    );
    expect(formatCheckResult({ path: 'x.ts', status: 'missing' })).toBe('x.ts is missing');
  });

  it('a directory in place of the output is an error, a file in place of its folder is "missing"', () => {
    const dir = makeTempDir();
    mkdirSync(join(dir, 'taken.ts'));
    expect(() => checkFiles([{ path: join(dir, 'taken.ts'), text: '' }])).toThrow(/taken\.ts: is a directory/u);
    writeFileSync(join(dir, 'file'), '');
    expect(checkFiles([{ path: join(dir, 'file', 'x.ts'), text: '' }])[0]?.status).toBe('missing');
  });
});

describe('writeFilesAtomically', () => {
  it('creates folders, writes changed files, leaves unchanged ones (and their mtime) alone', async () => {
    const dir = makeTempDir();
    const a = { path: join(dir, 'new', 'folder', 'a.ts'), text: 'a\n' };
    const b = { path: join(dir, 'b.ts'), text: 'b\n' };
    writeFileSync(b.path, b.text);
    const past = new Date('2001-02-03T04:05:06Z');
    utimesSync(b.path, past, past);
    const results = await writeFilesAtomically([a, b]);
    expect(results).toEqual([
      { path: a.path, status: 'written' },
      { path: b.path, status: 'unchanged' },
    ]);
    expect(formatWriteResults(results)).toBe(`wrote ${a.path}; ${b.path} unchanged`);
    expect(readFileSync(a.path, 'utf8')).toBe('a\n');
    expect(statSync(b.path).mtimeMs).toBe(past.getTime());
    expect(tempFilesIn(dir)).toEqual([]);
    expect(tempFilesIn(join(dir, 'new', 'folder'))).toEqual([]);
  });

  it('on a failure: throws OutputFileError, removes the temp files, leaves earlier targets intact', async () => {
    const dir = makeTempDir();
    const first = { path: join(dir, 'first.ts'), text: 'new first\n' };
    writeFileSync(first.path, 'old first\n');
    writeFileSync(join(dir, 'blocker'), '');
    const second = { path: join(dir, 'blocker', 'second.ts'), text: 'second\n' };
    await expect(writeFilesAtomically([first, second])).rejects.toThrow(OutputFileError);
    await expect(writeFilesAtomically([first, second])).rejects.toThrow(/second\.ts: cannot create its folder/u);
    expect(readFileSync(first.path, 'utf8')).toBe('old first\n');
    expect(tempFilesIn(dir)).toEqual([]);
  });
});

describe('tsconfig advice', () => {
  function project(config: string, base?: Record<string, unknown>): string {
    const dir = makeTempDir();
    if (base !== undefined) writeFileSync(join(dir, 'base.json'), JSON.stringify(base));
    writeFileSync(join(dir, 'tsconfig.json'), config);
    mkdirSync(join(dir, 'src', 'gen'), { recursive: true });
    return dir;
  }
  const options = (compilerOptions: Record<string, unknown>) => JSON.stringify({ compilerOptions });

  it('finds the nearest tsconfig.json walking up from the output folder (which may not exist yet)', () => {
    const dir = project(options({ isolatedModules: true }));
    const findings = inspectTsconfig(join(dir, 'src', 'not', 'yet', 'codes.ts'));
    expect(findings).toMatchObject({ configPath: join(dir, 'tsconfig.json'), isolatedModules: true, erasableSyntaxOnly: false });
    const nested = join(dir, 'src', 'gen');
    writeFileSync(join(nested, 'tsconfig.json'), options({ verbatimModuleSyntax: true }));
    expect(inspectTsconfig(join(nested, 'codes.ts'))).toMatchObject({ configPath: join(nested, 'tsconfig.json'), verbatimModuleSyntax: true });
  });

  it('follows extends', () => {
    const dir = project(JSON.stringify({ extends: './base.json', compilerOptions: { strict: true } }), {
      compilerOptions: { erasableSyntaxOnly: true, verbatimModuleSyntax: true },
    });
    expect(inspectTsconfig(join(dir, 'codes.ts'))).toMatchObject({ erasableSyntaxOnly: true, verbatimModuleSyntax: true });
  });

  it('notes isolatedModules / verbatimModuleSyntax for const-enum only', () => {
    const dir = project(options({ isolatedModules: true }));
    const findings = inspectTsconfig(join(dir, 'codes.ts'));
    const constEnum = adviseStyle('const-enum', findings, dir);
    expect(constEnum.refusal).toBeUndefined();
    expect(constEnum.notes).toHaveLength(1);
    expect(constEnum.notes[0]).toMatch(/^note: tsconfig\.json sets isolatedModules, .*--style object/u);
    expect(adviseStyle('enum', findings, dir)).toEqual({ notes: [] });
    expect(adviseStyle('object', findings, dir)).toEqual({ notes: [] });
    const verbatim = inspectTsconfig(join(project(options({ verbatimModuleSyntax: true })), 'codes.ts'));
    expect(adviseStyle('const-enum', verbatim).notes[0]).toContain('verbatimModuleSyntax');
  });

  it('refuses const-enum and enum under erasableSyntaxOnly, pointing at --style object', () => {
    const findings = inspectTsconfig(join(project(options({ erasableSyntaxOnly: true })), 'codes.ts'));
    for (const style of ['const-enum', 'enum'] as const) {
      const advice = adviseStyle(style, findings);
      expect(advice.refusal).toContain('erasableSyntaxOnly');
      expect(advice.refusal).toContain('--style object');
    }
    expect(adviseStyle('object', findings)).toEqual({ notes: [] });
  });

  it('no flags, no tsconfig, or an unreadable tsconfig: no refusal', () => {
    const plain = inspectTsconfig(join(project(options({ strict: true })), 'codes.ts'));
    expect(adviseStyle('const-enum', plain)).toEqual({ notes: [] });
    expect(adviseStyle('const-enum', undefined)).toEqual({ notes: [] });
    const broken = inspectTsconfig(join(project('{ "compilerOptions": '), 'codes.ts'));
    expect(broken?.error).toBeDefined();
    const advice = adviseStyle('const-enum', broken);
    expect(advice.refusal).toBeUndefined();
    expect(advice.notes[0]).toMatch(/could not read .*tsconfig\.json/u);
  });
});

describe('the lock that serialises runs writing the same output', () => {
  /** The lock file the writer uses for `out` (named from a hash of its real path). */
  function lockPath(out: string): string {
    const folder = realpathSync(dirname(out));
    const key = createHash('sha256').update(join(folder, basename(out))).digest('hex').slice(0, 16);
    return join(folder, `.kakao-codegen-${key}.lock`);
  }
  const myNamespace = (() => {
    try {
      return readlinkSync('/proc/self/ns/pid');
    } catch {
      return '';
    }
  })();
  const lockOf = (pid: number, pidNamespace = myNamespace) => JSON.stringify({ pid, host: hostname(), pidNamespace, token: 'someone-else' });

  it('a lock of a process that is gone is taken over at once, and removed at the end', async () => {
    const dir = makeTempDir();
    const out = join(dir, 'a.ts');
    const dead = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
    writeFileSync(lockPath(out), lockOf(Number(dead.stdout)));
    const started = Date.now();
    await writeFilesAtomically([{ path: out, text: 'new\n' }], { lockTimeoutMs: 5_000 });
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(readFileSync(out, 'utf8')).toBe('new\n');
    expect(tempFilesIn(dir)).toEqual([]);
  });

  it('a live lock is waited for, then reported in one line; the output untouched', async () => {
    const dir = makeTempDir();
    const out = join(dir, 'a.ts');
    writeFileSync(out, 'old\n');
    writeFileSync(lockPath(out), lockOf(process.ppid));
    await expect(writeFilesAtomically([{ path: out, text: 'new\n' }], { lockTimeoutMs: 300 })).rejects.toThrow(
      `${out}: another kakao-codegen run (pid ${process.ppid}) is writing it; if none is, remove ${lockPath(out)}`,
    );
    expect(readFileSync(out, 'utf8')).toBe('old\n');
    expect(tempFilesIn(dir)).toEqual([lockPath(out).slice(dir.length + 1)]);
  });

  it('a lock from another PID namespace counts as stale only once it is old', async () => {
    const dir = makeTempDir();
    const out = join(dir, 'a.ts');
    // A PID that is not alive here may be alive in another namespace.
    writeFileSync(lockPath(out), lockOf(2 ** 22 - 3, 'pid:[1]'));
    await expect(writeFilesAtomically([{ path: out, text: 'new\n' }], { lockTimeoutMs: 200 })).rejects.toThrow(/is writing it/u);
    const old = new Date(Date.now() - LOCK_STALE_MS - 5_000);
    utimesSync(lockPath(out), old, old);
    await writeFilesAtomically([{ path: out, text: 'new\n' }], { lockTimeoutMs: 200 });
    expect(readFileSync(out, 'utf8')).toBe('new\n');
    expect(tempFilesIn(dir)).toEqual([]);
  });

  it('temp names are short whatever the output name', async () => {
    const dir = makeTempDir();
    const out = join(dir, `${'n'.repeat(250)}.ts`);
    const seen: string[] = [];
    await writeFilesAtomically([{ path: out, text: 'x\n' }], { beforeReplace: () => void seen.push(...tempFilesIn(dir)) });
    expect(seen).toHaveLength(2);
    for (const name of seen) expect(name).toMatch(/^\.kakao-codegen-[0-9a-f]{16}(?:-[0-9a-f]{16}\.tmp|\.lock)$/u);
  });
});
