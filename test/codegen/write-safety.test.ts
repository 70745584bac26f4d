/**
 * Nothing lost, nothing written through: planted symlinks, a pair whose second file cannot be
 * replaced, killed and signalled runs, concurrent runs, and inputs or outputs that are not regular
 * files. In-process where the writer can be driven directly, spawned where a real process is needed
 * (signals, kills, concurrency).
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, lstatSync, mkdirSync, readFileSync, readlinkSync, symlinkSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { run } from '../../codegen/cli.js';
import { checkFiles, OutputFileError, writeFilesAtomically } from '../../codegen/files.js';
import { generate } from '../../codegen/generate.js';
import { loadSpecFile, MAX_SPEC_BYTES } from '../../core/spec.js';
import { ACME_SPEC, assertBuilt, CLI, makeTempDir, removeTempDirs, runCli, tempFilesIn, type CliResult } from './helpers.js';

/** A temp dir in a `"type": "module"` package: `.js` outputs there are ES modules, as the tests expect. */
function makeModuleDir(): string {
  const dir = makeTempDir();
  writeFileSync(join(dir, 'package.json'), '{ "type": "module" }\n');
  return dir;
}

beforeAll(assertBuilt);
afterAll(removeTempDirs);

const OLD_JS = '// the previous module\n';
const OLD_DTS = '// the previous declarations\n';

/** The CLI in this process: for everything that needs no real process of its own (signals, kills, races do). */
async function runHere(args: readonly string[]): Promise<CliResult> {
  let stdout = '';
  let stderr = '';
  const status = await run(args, { stdout: (line) => (stdout += `${line}\n`), stderr: (line) => (stderr += `${line}\n`) });
  return { status, stdout, stderr };
}

function oneLine(stderr: string): string {
  const lines = stderr.trimEnd().split('\n');
  expect(lines).toHaveLength(1);
  return lines[0] ?? '';
}

function hasFifo(): boolean {
  return spawnSync('mkfifo', ['--help']).status === 0;
}

describe.concurrent('planted symlinks are never written through', () => {
  it('a symlink at the old predictable temp name is left alone, and its target untouched', async () => {
    const dir = makeModuleDir();
    const victim = join(dir, 'victim.txt');
    writeFileSync(victim, 'precious\n');
    const out = join(dir, 'acme.ts');
    // The names earlier versions used: `.<out>.<pid>.tmp` for every plausible pid would be needed
    // to attack them; one is enough to show nothing opens such a name any more.
    symlinkSync(victim, join(dir, '.acme.ts.12345.tmp'));
    const result = await runHere(['--spec', ACME_SPEC, '--out', out]);
    expect(result.status).toBe(0);
    expect(readFileSync(victim, 'utf8')).toBe('precious\n');
    expect(readlinkSync(join(dir, '.acme.ts.12345.tmp'))).toBe(victim);
    expect(readFileSync(out, 'utf8')).toContain('export const enum AcmeError');
  });

  it('a symlinked --out is refused (one line, exit 1), its target untouched', async () => {
    const dir = makeModuleDir();
    const victim = join(dir, 'victim.ts');
    writeFileSync(victim, 'precious\n');
    symlinkSync(victim, join(dir, 'acme.ts'));
    const result = await runHere(['--spec', ACME_SPEC, '--out', join(dir, 'acme.ts')]);
    expect(result.status).toBe(1);
    expect(oneLine(result.stderr)).toBe(
      `kakao-codegen: ${join(dir, 'acme.ts')}: is a symbolic link; kakao-codegen does not write through links (give the path of the real file)`,
    );
    expect(readFileSync(victim, 'utf8')).toBe('precious\n');
    expect(lstatSync(join(dir, 'acme.ts')).isSymbolicLink()).toBe(true);
    expect(tempFilesIn(dir)).toEqual([]);
  });

  it('a symlinked .d.ts beside a .js is refused before the .js is written', async () => {
    const dir = makeModuleDir();
    const victim = join(dir, 'victim.ts');
    writeFileSync(victim, 'precious\n');
    writeFileSync(join(dir, 'acme.js'), OLD_JS);
    symlinkSync(victim, join(dir, 'acme.d.ts'));
    const result = await runHere(['--spec', ACME_SPEC, '--out', join(dir, 'acme.js')]);
    expect(result.status).toBe(1);
    expect(oneLine(result.stderr)).toContain('acme.d.ts: is a symbolic link');
    expect(readFileSync(join(dir, 'acme.js'), 'utf8')).toBe(OLD_JS);
    expect(readFileSync(victim, 'utf8')).toBe('precious\n');
  });

  it('a symlink planted at the lock name is refused, not followed', async () => {
    const dir = makeModuleDir();
    const victim = join(dir, 'victim.txt');
    writeFileSync(victim, 'precious\n');
    const out = join(dir, 'acme.ts');
    const files = generate(loadSpecFile(ACME_SPEC), { out, specFile: ACME_SPEC }).files;
    // Learn the lock's name from a paused write, then plant a link there.
    let lockName: string | undefined;
    await writeFilesAtomically(files, {
      beforeReplace: () => {
        lockName = tempFilesIn(dir).find((name) => name.endsWith('.lock'));
      },
    });
    if (lockName === undefined) throw new Error('no lock file seen during the write');
    writeFileSync(out, OLD_JS);
    symlinkSync(victim, join(dir, lockName));
    await expect(writeFilesAtomically(files, { lockTimeoutMs: 100 })).rejects.toThrow(/not a kakao-codegen lock file, remove it$/u);
    expect(readFileSync(victim, 'utf8')).toBe('precious\n');
    expect(readFileSync(out, 'utf8')).toBe(OLD_JS);
  });
});

describe('a pair is replaced as a unit', () => {
  it('when the .d.ts cannot be replaced after the .js was: the old pair, byte for byte, and no temp left', async () => {
    const dir = makeModuleDir();
    const out = join(dir, 'acme.js');
    const dts = join(dir, 'acme.d.ts');
    writeFileSync(out, OLD_JS);
    writeFileSync(dts, OLD_DTS);
    const files = generate(loadSpecFile(ACME_SPEC), { out, specFile: ACME_SPEC }).files;
    const attempt = writeFilesAtomically(files, {
      // Between the checks and the renames, the .d.ts becomes a non-empty directory.
      beforeReplace: () => {
        unlinkSync(dts);
        mkdirSync(join(dts, 'inside'), { recursive: true });
      },
    });
    await expect(attempt).rejects.toThrow(OutputFileError);
    await expect(attempt).rejects.toThrow(/acme\.d\.ts: cannot replace it \(it is a directory\); the files written before it were restored$/u);
    expect(readFileSync(out, 'utf8')).toBe(OLD_JS);
    expect(tempFilesIn(dir)).toEqual([]);
  });

  it('a new .js is removed again when its new .d.ts cannot be put in place', async () => {
    const dir = makeModuleDir();
    const out = join(dir, 'acme.js');
    const dts = join(dir, 'acme.d.ts');
    const files = generate(loadSpecFile(ACME_SPEC), { out, specFile: ACME_SPEC }).files;
    const attempt = writeFilesAtomically(files, {
      beforeReplace: () => {
        mkdirSync(join(dts, 'inside'), { recursive: true });
      },
    });
    await expect(attempt).rejects.toThrow(/acme\.d\.ts: cannot replace it/u);
    expect(existsSync(out)).toBe(false);
    expect(tempFilesIn(dir)).toEqual([]);
  });

  it('CLI: a .d.ts path that is a non-empty directory → exit 1, one line, the .js untouched', async () => {
    const dir = makeModuleDir();
    writeFileSync(join(dir, 'acme.js'), OLD_JS);
    mkdirSync(join(dir, 'acme.d.ts', 'inside'), { recursive: true });
    const result = await runHere(['--spec', ACME_SPEC, '--out', join(dir, 'acme.js')]);
    expect(result.status).toBe(1);
    expect(oneLine(result.stderr)).toBe(`kakao-codegen: ${join(dir, 'acme.d.ts')}: is a directory, expected a file`);
    expect(readFileSync(join(dir, 'acme.js'), 'utf8')).toBe(OLD_JS);
    expect(tempFilesIn(dir)).toEqual([]);
  });
});

/** Spawns the CLI paused after writing its temps; resolves once the temps exist. */
function startPaused(args: readonly string[], dir: string) {
  const child = spawn(process.execPath, [CLI, ...args], {
    env: { ...process.env, KAKAO_CODEGEN_TEST_PAUSE_MS: '20000' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const exited = new Promise<{ status: number | null; signal: NodeJS.Signals | null; stderr: string }>((done) => {
    child.on('close', (status, signal) => done({ status, signal, stderr }));
  });
  const staged = (async () => {
    const deadline = Date.now() + 15_000;
    while (tempFilesIn(dir).filter((name) => name.endsWith('.tmp')).length < 2) {
      if (Date.now() > deadline || child.exitCode !== null) throw new Error(`never paused: ${stderr}`);
      await new Promise((done) => setTimeout(done, 20));
    }
  })();
  return { child, exited, staged };
}

describe('interrupted runs', () => {
  it('SIGKILL mid-write leaves temps; the next run removes them and writes the pair', async () => {
    const dir = makeModuleDir();
    const out = join(dir, 'acme.js');
    writeFileSync(out, OLD_JS);
    writeFileSync(join(dir, 'acme.d.ts'), OLD_DTS);
    const { child, exited, staged } = startPaused(['--spec', ACME_SPEC, '--out', out], dir);
    await staged;
    child.kill('SIGKILL');
    expect((await exited).signal).toBe('SIGKILL');
    expect(tempFilesIn(dir).length).toBeGreaterThan(0);
    expect(readFileSync(out, 'utf8')).toBe(OLD_JS);

    const next = await runCli(['--spec', ACME_SPEC, '--out', out]);
    expect(next.stderr).toBe('');
    expect(next.status).toBe(0);
    expect(tempFilesIn(dir)).toEqual([]);
    expect(readFileSync(out, 'utf8')).toContain('export const AcmeError = Object.freeze({');
  });

  it('SIGKILL mid-write, then a run with nothing to write still removes the temps (and only its own)', async () => {
    const dir = makeModuleDir();
    const out = join(dir, 'acme.js');
    expect((await runCli(['--spec', ACME_SPEC, '--out', out])).status).toBe(0);
    const variant = join(dir, 'variant.json');
    writeFileSync(variant, readFileSync(ACME_SPEC, 'utf8').replace('"Acme"', '"Acme variant"'));
    const { child, exited, staged } = startPaused(['--spec', variant, '--out', out], dir);
    await staged;
    child.kill('SIGKILL');
    await exited;
    const orphans = tempFilesIn(dir);
    expect(orphans.length).toBeGreaterThan(0);
    // Another output in the same folder: those temps are not its run's to remove.
    expect((await runCli(['--spec', ACME_SPEC, '--out', join(dir, 'other.ts')])).status).toBe(0);
    expect(tempFilesIn(dir)).toEqual(orphans);
    const unchanged = await runCli(['--spec', ACME_SPEC, '--out', out]);
    expect(unchanged.stdout).toContain(`${out}, ${join(dir, 'acme.d.ts')} unchanged`);
    expect(tempFilesIn(dir)).toEqual([]);
  });

  it.each(['SIGINT', 'SIGTERM'] as const)('%s mid-write: temps and lock removed, old pair intact, ends by the signal', async (signal) => {
    const dir = makeModuleDir();
    const out = join(dir, 'acme.js');
    writeFileSync(out, OLD_JS);
    writeFileSync(join(dir, 'acme.d.ts'), OLD_DTS);
    const { child, exited, staged } = startPaused(['--spec', ACME_SPEC, '--out', out], dir);
    await staged;
    child.kill(signal);
    const result = await exited;
    // Re-raised after the cleanup: the conventional death by that signal (130 / 143 in a shell).
    expect(result.signal).toBe(signal);
    expect(tempFilesIn(dir)).toEqual([]);
    expect(readFileSync(out, 'utf8')).toBe(OLD_JS);
    expect(readFileSync(join(dir, 'acme.d.ts'), 'utf8')).toBe(OLD_DTS);
  });
});

describe('concurrent runs', () => {
  it('10 writers of two different specs: the final pair comes from one spec, no temp left', { timeout: 300_000 }, async () => {
    const dir = makeModuleDir();
    const variant = JSON.parse(readFileSync(ACME_SPEC, 'utf8')) as { codes: { description: string }[] };
    const first = variant.codes[0];
    if (first === undefined) throw new Error('acme has no codes');
    first.description = 'VARIANT-B description.';
    const specB = join(dir, 'b.json');
    writeFileSync(specB, JSON.stringify(variant));
    const out = join(dir, 'acme.js');
    {
      const results = await Promise.all(
        Array.from({ length: 10 }, (_, index) =>
          runCli(['--spec', index % 2 === 0 ? ACME_SPEC : specB, '--out', out], {
            // A pause between the temps and the renames widens the window in which, without the
            // lock, two runs interleave their renames.
            env: { KAKAO_CODEGEN_TEST_PAUSE_MS: String(10 + ((index * 7) % 30)) },
            // Ten node processes loading ts-morph at once on a small machine.
            timeoutMs: 150_000,
          }),
        ),
      );
      for (const result of results) {
        expect(result.stderr).toBe('');
        expect(result.status).toBe(0);
      }
      const js = readFileSync(out, 'utf8').includes('VARIANT-B');
      const dts = readFileSync(join(dir, 'acme.d.ts'), 'utf8').includes('VARIANT-B');
      expect({ js, dts }).toEqual({ js, dts: js });
      expect(tempFilesIn(dir)).toEqual([]);
      const files = generate(loadSpecFile(js ? specB : ACME_SPEC), { out, specFile: js ? specB : ACME_SPEC }).files;
      expect(checkFiles(files).map((check) => check.status)).toEqual(['fresh', 'fresh']);
    }
  });
});

describe.concurrent('inputs and outputs that are not regular files: one line, fast, nothing written', () => {
  it('--spec /dev/zero', async () => {
    const dir = makeModuleDir();
    const started = Date.now();
    const result = await runHere(['--spec', '/dev/zero', '--out', join(dir, 'a.ts')]);
    expect(result.status).toBe(1);
    expect(oneLine(result.stderr)).toBe('kakao-codegen: /dev/zero: is a character device, expected a regular file');
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(existsSync(join(dir, 'a.ts'))).toBe(false);
  });

  it('a spec over the size limit', async () => {
    const dir = makeModuleDir();
    const big = join(dir, 'big.json');
    writeFileSync(big, ' '.repeat(MAX_SPEC_BYTES + 1));
    const result = await runHere(['--spec', big, '--out', join(dir, 'a.ts')]);
    expect(result.status).toBe(1);
    expect(oneLine(result.stderr)).toBe(`kakao-codegen: ${big}: is ${MAX_SPEC_BYTES + 1} bytes, more than the 8 MiB limit`);
  });

  it.runIf(hasFifo())('a FIFO as --spec', async () => {
    const dir = makeModuleDir();
    const fifo = join(dir, 'spec.json');
    spawnSync('mkfifo', [fifo]);
    // Spawned with a timeout: in this process a blocking open could not be interrupted.
    const result = await runCli(['--spec', fifo, '--out', join(dir, 'a.ts')], { timeoutMs: 60_000 });
    expect(result.status).toBe(1);
    expect(oneLine(result.stderr)).toBe(`kakao-codegen: ${fifo}: is a FIFO (named pipe), expected a regular file`);
  });

  it.runIf(hasFifo())('a FIFO as --out, writing and --check', async () => {
    const dir = makeModuleDir();
    const fifo = join(dir, 'a.ts');
    spawnSync('mkfifo', [fifo]);
    for (const extra of [[], ['--check']]) {
      const result = await runCli(['--spec', ACME_SPEC, '--out', fifo, ...extra], { timeoutMs: 60_000 });
      expect(result.status).toBe(1);
      expect(oneLine(result.stderr)).toBe(`kakao-codegen: ${fifo}: is a FIFO (named pipe), expected a regular file`);
      expect(lstatSync(fifo).isFIFO()).toBe(true);
      expect(tempFilesIn(dir)).toEqual([]);
    }
  });

  it('a 248-character output name: written, not ENAMETOOLONG on a temp name', async () => {
    const dir = makeModuleDir();
    const name = `${'a'.repeat(245)}.js`;
    expect(name).toHaveLength(248);
    const result = await runHere(['--spec', ACME_SPEC, '--out', join(dir, name)]);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(readFileSync(join(dir, `${'a'.repeat(245)}.d.ts`), 'utf8')).toContain('export declare const AcmeError');
    expect(tempFilesIn(dir)).toEqual([]);
  });

  it('an output name too long for the file system: the real error names the output', async () => {
    const dir = makeModuleDir();
    const out = join(dir, `${'a'.repeat(300)}.ts`);
    const result = await runHere(['--spec', ACME_SPEC, '--out', out]);
    expect(result.status).toBe(1);
    expect(oneLine(result.stderr)).toBe(`kakao-codegen: ${out}: cannot write it (ENAMETOOLONG)`);
  });
});
