/**
 * Comparing generated files with the disk (`--check`) and writing them so that nothing is lost.
 *
 * Writing a set of files (a `.js` and its `.d.ts`) is all or nothing:
 * - each new text goes to a temp file `.kakao-codegen-<key>-<random>.tmp` in the target's folder,
 *   created exclusively (O_EXCL, O_NOFOLLOW) so a planted file or symlink is never written through;
 *   `<key>` is 16 hex digits of a hash of the main output's real path, so the name is short
 *   whatever the target's length;
 * - once every temp is written, the targets are renamed over one by one; every target but the
 *   last is first hard-linked to a backup `.kakao-codegen-<key>-<random>.bak`, and if a later
 *   rename fails the earlier targets are renamed back from their backups: the old set remains,
 *   byte for byte;
 * - runs writing the same output take turns through a lock file `.kakao-codegen-<key>.lock` beside
 *   the main output, created with O_EXCL and removed at the end, so the final set always comes
 *   from one run. A lock is stale when its process is gone (same host and PID namespace) or it is
 *   older than LOCK_STALE_MS; a stale lock is taken over;
 * - whoever holds the lock removes the temps and backups of `<key>` that a killed run left;
 * - SIGINT, SIGTERM and SIGHUP while the lock is held remove the temps and the lock, then the signal
 *   is raised again, so the process ends as it would have (exit status 130, 143, 129 in a shell).
 *   The renames run synchronously, so a signal never lands between two of them.
 *
 * An existing output must be a regular file: a symbolic link, a FIFO, a device or a directory is
 * refused before anything is written (a link is not followed: replacing it would silently turn it
 * into a file, and writing its target would write outside the output folder).
 */
import { createHash, randomBytes } from 'node:crypto';
import {
  closeSync,
  constants,
  copyFileSync,
  fchmodSync,
  linkSync,
  lstatSync,
  mkdirSync,
  openSync,
  readdirSync,
  readlinkSync,
  realpathSync,
  renameSync,
  unlinkSync,
  writeSync,
} from 'node:fs';
import { hostname } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { describeFileType, errnoCode, O_NOFOLLOW, readRegularFileWithStats, RegularFileError } from '../core/read-file.js';
import { escapeControls } from '../core/text.js';

export interface OutputFile {
  readonly path: string;
  readonly text: string;
}

/** A file that cannot be read or written; `message` names the file and the reason, on one line. */
export class OutputFileError extends Error {
  override readonly name = 'OutputFileError';
}

export type CheckStatus = 'fresh' | 'missing' | 'stale';

export interface CheckResult {
  readonly path: string;
  readonly status: CheckStatus;
  /** For `stale`: what differs, in one line. */
  readonly detail?: string;
  /** For `stale`: the text found on disk (at most the expected length plus a margin). */
  readonly actual?: string;
}

function fileError(path: string, reason: string): OutputFileError {
  return new OutputFileError(`${escapeControls(path)}: ${reason}`);
}

/** Bytes read beyond the expected length: enough to show the first differing line. */
const COMPARE_MARGIN = 1024 * 1024;

interface Existing {
  readonly text: string;
  readonly mode: number;
}

/**
 * The file at `path` (at most `expected`'s length plus a margin, which is enough to tell it differs),
 * or `undefined` when it (or a folder on its way) does not exist. A FIFO or device is refused
 * without blocking. Other failures throw OutputFileError.
 */
function readExisting(path: string, expected: string, noFollow: boolean): Existing | undefined {
  try {
    const { text, stats } = readRegularFileWithStats(path, {
      maxBytes: Buffer.byteLength(expected) + COMPARE_MARGIN,
      truncate: true,
      noFollow,
    });
    return { text, mode: stats.mode & 0o7777 };
  } catch (error) {
    if (!(error instanceof RegularFileError)) throw error;
    if (error.code === 'ENOENT' || error.code === 'ENOTDIR') return undefined;
    throw fileError(path, error.reason);
  }
}

/** Compares every file with the disk. Never writes. */
export function checkFiles(files: readonly OutputFile[]): CheckResult[] {
  return files.map((file) => {
    const actual = readExisting(file.path, file.text, false)?.text;
    if (actual === undefined) return { path: file.path, status: 'missing' };
    if (actual === file.text) return { path: file.path, status: 'fresh' };
    return { path: file.path, status: 'stale', detail: describeDifference(file.text, actual), actual };
  });
}

/** One line per file that is not fresh, e.g. `generated/x.ts is out of date: 1 code added; line 12 differs ...`. */
export function formatCheckResult(result: CheckResult): string {
  switch (result.status) {
    case 'fresh':
      return `${escapeControls(result.path)} is up to date`;
    case 'missing':
      return `${escapeControls(result.path)} is missing`;
    case 'stale':
      return `${escapeControls(result.path)} is out of date: ${result.detail ?? 'it differs'}`;
  }
}

const MEMBER_LINE = /^ {2}(?:readonly )?([\p{ID_Start}$_][\p{ID_Continue}$\u200c\u200d]*)(?: = |: )(-?\d+)[,;]?$/gmu;

function memberSet(text: string): Set<string> {
  return new Set([...text.matchAll(MEMBER_LINE)].map((match) => `${match[1] ?? ''}=${match[2] ?? ''}`));
}

/**
 * A line as a quoted, escaped string, in full: two long lines that differ near their end must not
 * look the same.
 */
function quotedLine(line: string | undefined): string {
  if (line === undefined) return '(end of file)';
  return escapeControls(JSON.stringify(line.replace(/^[ \t]+/u, '')));
}

/** What differs between the expected and the actual text, in one short line. */
export function describeDifference(expected: string, actual: string): string {
  const parts: string[] = [];
  const wanted = memberSet(expected);
  const found = memberSet(actual);
  const added = [...wanted].filter((member) => !found.has(member)).length;
  const removed = [...found].filter((member) => !wanted.has(member)).length;
  if (added > 0 || removed > 0) {
    parts.push(`${added} member${added === 1 ? '' : 's'} added, ${removed} removed`);
  }
  const expectedLines = expected.split('\n');
  const actualLines = actual.split('\n');
  let index = 0;
  while (index < expectedLines.length && expectedLines[index] === actualLines[index]) index++;
  parts.push(
    `first difference at line ${index + 1}: expected ${quotedLine(expectedLines[index])}, found ${quotedLine(actualLines[index])}`,
  );
  return parts.join('; ');
}

export interface WriteResult {
  readonly path: string;
  readonly status: 'written' | 'unchanged';
}

export interface WriteOptions {
  /** Called once every temp file is written, before the first rename (tests pause or interfere here). */
  readonly beforeReplace?: () => Promise<void> | void;
  /** How long to wait for another run's lock before giving up. */
  readonly lockTimeoutMs?: number;
}

/** A lock older than this is taken over even if its process seems alive (another PID namespace, a hung run). */
export const LOCK_STALE_MS = 30_000;
const LOCK_TIMEOUT_MS = LOCK_STALE_MS + 10_000;
const PREFIX = '.kakao-codegen-';
const WRITE_FLAGS = constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | O_NOFOLLOW;

/** The tokens of the locks this process holds (two writes in one process must not take each other's lock for stale). */
const heldTokens = new Set<string>();

function randomHex(bytes: number): string {
  return randomBytes(bytes).toString('hex');
}

/** Refuses an existing target that is not a regular file, before anything is written. */
function assertWritableTarget(path: string): void {
  let stats;
  try {
    stats = lstatSync(path);
  } catch (error) {
    const code = errnoCode(error);
    if (code === 'ENOENT' || code === 'ENOTDIR') return;
    throw fileError(path, `cannot write it (${code})`);
  }
  if (stats.isFile()) return;
  if (stats.isDirectory()) throw fileError(path, 'is a directory, expected a file');
  if (stats.isSymbolicLink()) {
    throw fileError(path, 'is a symbolic link; kakao-codegen does not write through links (give the path of the real file)');
  }
  throw fileError(path, `is ${describeFileType(stats)}, expected a regular file`);
}

/** Creates `path` exclusively (never through a symlink) with `text`, with `mode` if given. */
function createExclusive(path: string, text: string, mode: number | undefined): void {
  const fd = openSync(path, WRITE_FLAGS, mode ?? 0o666);
  try {
    if (mode !== undefined) fchmodSync(fd, mode);
    const buffer = Buffer.from(text);
    let written = 0;
    while (written < buffer.length) written += writeSync(fd, buffer, written);
  } finally {
    closeSync(fd);
  }
}

function removeQuietly(path: string): void {
  try {
    unlinkSync(path);
  } catch {
    // Already gone, or its folder became unwritable: nothing more can be done.
  }
}

// --- the lock --------------------------------------------------------------------------------------

interface LockInfo {
  readonly pid?: unknown;
  readonly host?: unknown;
  readonly pidNamespace?: unknown;
  readonly token?: unknown;
}

interface Lock {
  readonly path: string;
  readonly token: string;
}

function pidNamespace(): string {
  try {
    return readlinkSync('/proc/self/ns/pid');
  } catch {
    return '';
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return errnoCode(error) === 'EPERM';
  }
}

function readLock(path: string): { ino: number; mtimeMs: number; info: LockInfo | undefined } | undefined {
  let text;
  let stats;
  try {
    ({ text, stats } = readRegularFileWithStats(path, { maxBytes: 4096, noFollow: true }));
  } catch (error) {
    if (error instanceof RegularFileError && error.code === 'ENOENT') return undefined;
    const reason = error instanceof RegularFileError ? error.reason : String(error);
    throw fileError(path, `${reason}; it is not a kakao-codegen lock file, remove it`);
  }
  let info: LockInfo | undefined;
  try {
    // Empty or partial while its creator is still writing it.
    info = JSON.parse(text) as LockInfo;
  } catch {
    info = undefined;
  }
  return { ino: stats.ino, mtimeMs: stats.mtimeMs, info };
}

function isStale(lock: { mtimeMs: number; info: LockInfo | undefined }): boolean {
  if (Date.now() - lock.mtimeMs > LOCK_STALE_MS) return true;
  const { info } = lock;
  if (info === undefined || typeof info.pid !== 'number') return false;
  // A PID means something only on this host and in this PID namespace.
  if (info.host !== hostname() || info.pidNamespace !== pidNamespace()) return false;
  if (info.pid === process.pid) return typeof info.token !== 'string' || !heldTokens.has(info.token);
  return !isAlive(info.pid);
}

/**
 * Removes a stale lock. It is renamed aside first and checked to be the same file (inode) that was
 * judged stale: if another run replaced it meanwhile, that fresh lock is put back.
 */
function breakLock(path: string, judged: { ino: number }): void {
  const aside = `${path}.${randomHex(8)}.stale`;
  try {
    renameSync(path, aside);
  } catch {
    return;
  }
  const moved = lstatSync(aside, { throwIfNoEntry: false });
  if (moved !== undefined && moved.ino !== judged.ino) {
    try {
      // link() fails if yet another lock exists; then that one wins and this one is dropped.
      linkSync(aside, path);
    } catch {
      // fall through
    }
  }
  removeQuietly(aside);
}

async function acquireLock(path: string, owner: string, timeoutMs: number): Promise<Lock> {
  const token = randomHex(16);
  const content = JSON.stringify({ pid: process.pid, host: hostname(), pidNamespace: pidNamespace(), token });
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      createExclusive(path, content, undefined);
      heldTokens.add(token);
      return { path, token };
    } catch (error) {
      const code = errnoCode(error);
      if (code !== 'EEXIST') throw fileError(path, `cannot create the lock file (${code})`);
    }
    const holder = readLock(path);
    if (holder === undefined) continue;
    if (isStale(holder)) {
      breakLock(path, holder);
      continue;
    }
    if (Date.now() > deadline) {
      const pid = typeof holder.info?.pid === 'number' ? ` (pid ${holder.info.pid})` : '';
      throw fileError(owner, `another kakao-codegen run${pid} is writing it; if none is, remove ${escapeControls(path)}`);
    }
    await new Promise((done) => setTimeout(done, 5 + Math.random() * 20));
  }
}

function releaseLock(lock: Lock): void {
  heldTokens.delete(lock.token);
  try {
    const current = readLock(lock.path);
    if (current?.info?.token === lock.token) unlinkSync(lock.path);
  } catch {
    // Taken over as stale, or unreadable: not ours to remove.
  }
}

/** Removes the temps and backups of `key` in `folders` that an interrupted run left. Call only under the lock. */
function removeOrphans(folders: Iterable<string>, key: string): void {
  const pattern = new RegExp(`^${PREFIX.replace('.', '\\.')}${key}-[0-9a-f]{16}\\.(?:tmp|bak)$`, 'u');
  for (const folder of folders) {
    let names: string[];
    try {
      names = readdirSync(folder);
    } catch {
      continue;
    }
    for (const name of names) if (pattern.test(name)) removeQuietly(join(folder, name));
  }
}

function hasOrphans(folders: Iterable<string>, key: string): boolean {
  const prefix = `${PREFIX}${key}-`;
  for (const folder of folders) {
    try {
      if (readdirSync(folder).some((name) => name.startsWith(prefix))) return true;
    } catch {
      // A folder that cannot be listed has nothing we could remove.
    }
  }
  return false;
}

// --- writing ---------------------------------------------------------------------------------------

interface Staged {
  readonly file: OutputFile;
  readonly temp: string;
  readonly existed: boolean;
  backup?: string;
}

/** What a signal handler must undo: the temps not yet renamed, and the lock. */
interface InFlight {
  readonly temps: Set<string>;
  lock?: Lock;
}

const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

/** Cleans up `state` on SIGINT/SIGTERM/SIGHUP, then re-raises the signal. Returns the uninstaller. */
function onSignalCleanUp(state: InFlight): () => void {
  const handlers = SIGNALS.map((signal) => {
    const handler = () => {
      uninstall();
      for (const temp of state.temps) removeQuietly(temp);
      if (state.lock !== undefined) releaseLock(state.lock);
      process.kill(process.pid, signal);
    };
    process.once(signal, handler);
    return [signal, handler] as const;
  });
  const uninstall = () => {
    for (const [signal, handler] of handlers) process.removeListener(signal, handler);
  };
  return uninstall;
}

/**
 * Writes the files that changed, as one unit (see the top of this file). A file whose content is
 * unchanged is not touched (its mtime stays). On any failure the previous files remain byte for
 * byte, no temp file is left, and OutputFileError is thrown with the first error.
 */
export async function writeFilesAtomically(files: readonly OutputFile[], options: WriteOptions = {}): Promise<WriteResult[]> {
  const main = files[0];
  if (main === undefined) return [];
  for (const file of files) assertWritableTarget(file.path);
  for (const file of files) {
    const folder = dirname(file.path);
    try {
      mkdirSync(folder, { recursive: true });
    } catch (error) {
      throw fileError(file.path, `cannot create its folder ${escapeControls(folder)} (${errnoCode(error)})`);
    }
  }
  const folders = new Set(files.map((file) => dirname(file.path)));
  const mainFolder = realpathSync(dirname(main.path));
  const key = createHash('sha256').update(join(mainFolder, basename(main.path))).digest('hex').slice(0, 16);

  const unchanged = (file: OutputFile) => readExisting(file.path, file.text, true)?.text === file.text;
  if (files.every(unchanged) && !hasOrphans(folders, key)) {
    return files.map((file) => ({ path: file.path, status: 'unchanged' }));
  }

  const state: InFlight = { temps: new Set() };
  const uninstall = onSignalCleanUp(state);
  const lock = await acquireLock(join(mainFolder, `${PREFIX}${key}.lock`), main.path, options.lockTimeoutMs ?? LOCK_TIMEOUT_MS);
  state.lock = lock;
  const staged: Staged[] = [];
  try {
    removeOrphans(folders, key);
    // Read again under the lock: another run may have written meanwhile.
    for (const file of files) {
      assertWritableTarget(file.path);
      const existing = readExisting(file.path, file.text, true);
      if (existing?.text === file.text) continue;
      const temp = join(dirname(file.path), `${PREFIX}${key}-${randomHex(8)}.tmp`);
      try {
        createExclusive(temp, file.text, existing?.mode);
      } catch (error) {
        removeQuietly(temp);
        throw fileError(file.path, `cannot write it (${errnoCode(error)})`);
      }
      state.temps.add(temp);
      staged.push({ file, temp, existed: existing !== undefined });
    }
    await options.beforeReplace?.();
    replaceAll(staged, key);
    for (const { temp } of staged) state.temps.delete(temp);
    const written = new Set(staged.map(({ file }) => file));
    return files.map((file) => ({ path: file.path, status: written.has(file) ? 'written' : 'unchanged' }));
  } finally {
    for (const temp of state.temps) removeQuietly(temp);
    releaseLock(lock);
    uninstall();
  }
}

/**
 * Renames every temp over its target, keeping a backup of each target but the last; if a rename
 * fails, the targets already replaced are restored from their backups (or removed, if new).
 * Synchronous, so no signal handler runs in between.
 */
function replaceAll(staged: Staged[], key: string): void {
  const done: Staged[] = [];
  try {
    staged.forEach((entry, index) => {
      const { file, temp } = entry;
      if (entry.existed && index < staged.length - 1) {
        const backup = join(dirname(file.path), `${PREFIX}${key}-${randomHex(8)}.bak`);
        try {
          // A hard link is atomic and exclusive; a copy where the file system has none.
          try {
            linkSync(file.path, backup);
          } catch {
            copyFileSync(file.path, backup, constants.COPYFILE_EXCL);
          }
        } catch (error) {
          throw fileError(file.path, `cannot keep a backup of it while replacing it (${errnoCode(error)}); nothing changed`);
        }
        entry.backup = backup;
      }
      try {
        renameSync(temp, file.path);
      } catch (error) {
        const code = errnoCode(error);
        const reason = code === 'EISDIR' || code === 'ENOTEMPTY' ? 'it is a directory' : code;
        throw fileError(file.path, `cannot replace it (${reason})${done.length > 0 ? '; the files written before it were restored' : '; nothing changed'}`);
      }
      done.push(entry);
    });
  } catch (error) {
    const failures = restore(done);
    if (failures.length > 0 && error instanceof OutputFileError) {
      throw new OutputFileError(`${error.message.replace(/; the files written before it were restored$/u, '')}; could not restore ${failures.join(', ')}`);
    }
    throw error;
  } finally {
    for (const entry of staged) if (entry.backup !== undefined && existsAsFile(entry.backup)) removeQuietly(entry.backup);
  }
}

/** Undoes the renames in `done`, last first. Returns what could not be restored (and where its old content is). */
function restore(done: readonly Staged[]): string[] {
  const failures: string[] = [];
  for (const entry of [...done].reverse()) {
    try {
      if (entry.backup === undefined) unlinkSync(entry.file.path);
      else renameSync(entry.backup, entry.file.path);
    } catch (error) {
      failures.push(
        `${escapeControls(entry.file.path)} (${errnoCode(error)}${entry.backup === undefined ? '' : `; its previous content is in ${escapeControls(entry.backup)}`})`,
      );
      if (entry.backup !== undefined) entry.backup = undefined;
    }
  }
  return failures;
}

function existsAsFile(path: string): boolean {
  return lstatSync(path, { throwIfNoEntry: false }) !== undefined;
}

/** `wrote a.js, a.d.ts` / `a.ts unchanged` / `wrote a.js; a.d.ts unchanged`. */
export function formatWriteResults(results: readonly WriteResult[]): string {
  const written = results.filter((result) => result.status === 'written').map((result) => result.path);
  const unchanged = results.filter((result) => result.status === 'unchanged').map((result) => result.path);
  const parts: string[] = [];
  if (written.length > 0) parts.push(`wrote ${written.join(', ')}`);
  if (unchanged.length > 0) parts.push(`${unchanged.join(', ')} unchanged`);
  return parts.join('; ');
}
