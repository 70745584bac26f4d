/**
 * Comparing generated files with the disk (`--check`) and writing them atomically.
 */
import { mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

export interface OutputFile {
  readonly path: string;
  readonly text: string;
}

/** A file that cannot be read or written; `message` names the file and the reason. */
export class OutputFileError extends Error {
  override readonly name = 'OutputFileError';
}

export type CheckStatus = 'fresh' | 'missing' | 'stale';

export interface CheckResult {
  readonly path: string;
  readonly status: CheckStatus;
  /** For `stale`: what differs, in one line. */
  readonly detail?: string;
}

/** Reads `path`, or `undefined` when it (or a folder on its way) does not exist. Other failures throw OutputFileError. */
function readIfExists(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return undefined;
    throw new OutputFileError(
      `${path}: ${code === 'EISDIR' ? 'is a directory, expected a file' : `cannot read it (${code ?? String(error)})`}`,
    );
  }
}

/** Compares every file with the disk. Never writes. */
export function checkFiles(files: readonly OutputFile[]): CheckResult[] {
  return files.map((file) => {
    const actual = readIfExists(file.path);
    if (actual === undefined) return { path: file.path, status: 'missing' };
    if (actual === file.text) return { path: file.path, status: 'fresh' };
    return { path: file.path, status: 'stale', detail: describeDifference(file.text, actual) };
  });
}

/** One line per file that is not fresh, e.g. `generated/x.ts is out of date: 1 code added; line 12 differs ...`. */
export function formatCheckResult(result: CheckResult): string {
  switch (result.status) {
    case 'fresh':
      return `${result.path} is up to date`;
    case 'missing':
      return `${result.path} is missing`;
    case 'stale':
      return `${result.path} is out of date: ${result.detail ?? 'it differs'}`;
  }
}

const MEMBER_LINE = /^ {2}(?:readonly )?([A-Za-z_$][\w$]*)(?: = |: )(-?\d+)[,;]?$/gmu;

function memberSet(text: string): Set<string> {
  return new Set([...text.matchAll(MEMBER_LINE)].map((match) => `${match[1] ?? ''}=${match[2] ?? ''}`));
}

function shortLine(line: string | undefined): string {
  if (line === undefined) return '(end of file)';
  const json = JSON.stringify(line.replace(/^[ \t]+/u, ''));
  return json.length > 72 ? `${json.slice(0, 69)}..."` : json;
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
    `first difference at line ${index + 1}: expected ${shortLine(expectedLines[index])}, found ${shortLine(actualLines[index])}`,
  );
  return parts.join('; ');
}

export interface WriteResult {
  readonly path: string;
  readonly status: 'written' | 'unchanged';
}

function errorCode(error: unknown): string {
  return (error as NodeJS.ErrnoException).code ?? String(error);
}

/**
 * Writes the files that changed: each to a temp file in its own folder (created if missing), then,
 * once all are written, renames them into place. A file whose content is unchanged is not touched
 * (its mtime stays). On any failure every temp file is removed and OutputFileError is thrown.
 */
export function writeFilesAtomically(files: readonly OutputFile[]): WriteResult[] {
  const changed = new Set(files.filter((file) => readIfExists(file.path) !== file.text));
  const staged: { file: OutputFile; temp: string }[] = [];
  try {
    for (const file of changed) {
      const folder = dirname(file.path);
      try {
        mkdirSync(folder, { recursive: true });
      } catch (error) {
        throw new OutputFileError(`${file.path}: cannot create its folder ${folder} (${errorCode(error)})`);
      }
      const temp = join(folder, `.${basename(file.path)}.${process.pid}.tmp`);
      staged.push({ file, temp });
      try {
        writeFileSync(temp, file.text, { mode: existingMode(file.path) });
      } catch (error) {
        throw new OutputFileError(`${file.path}: cannot write it (${errorCode(error)})`);
      }
    }
    while (staged.length > 0) {
      const next = staged[0];
      if (next === undefined) break;
      try {
        renameSync(next.temp, next.file.path);
      } catch (error) {
        const code = errorCode(error);
        throw new OutputFileError(
          `${next.file.path}: cannot replace it (${code === 'EISDIR' ? 'it is a directory' : code})`,
        );
      }
      staged.shift();
    }
  } finally {
    for (const { temp } of staged) rmSync(temp, { force: true });
  }
  return files.map((file) => ({ path: file.path, status: changed.has(file) ? 'written' : 'unchanged' }));
}

/** Keep the permissions of a file being replaced; new files get the default. */
function existingMode(path: string): number {
  try {
    return statSync(path).mode & 0o777;
  } catch {
    return 0o666;
  }
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
