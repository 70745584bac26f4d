/**
 * Reading a file that must be a regular file: the type is checked with fstat on the opened
 * descriptor (no stat-then-open race), a FIFO is opened without blocking, and the size is capped
 * before anything is read. Shared by the spec loader and the output comparison.
 */
import { closeSync, constants, fstatSync, openSync, readSync, type Stats } from 'node:fs';
import { escapeControls } from './text.js';

/** Why a file cannot be read; `reason` is the part of a message after `<file>: `. */
export class RegularFileError extends Error {
  override readonly name = 'RegularFileError';
  constructor(
    readonly reason: string,
    readonly code?: string,
  ) {
    super(reason);
  }
}

// Not every platform has these (Windows has neither), whatever the typings say.
const optional = constants as Partial<typeof constants>;
/** Never follow a symbolic link as the last path component. */
export const O_NOFOLLOW = optional.O_NOFOLLOW ?? 0;
// O_NONBLOCK: opening a FIFO for reading would otherwise wait for a writer. It changes nothing
// for a regular file.
const OPEN_FLAGS = constants.O_RDONLY | (optional.O_NONBLOCK ?? 0);

/** `a FIFO (named pipe)`, `a character device`, ... for a file that is not a regular one. */
export function describeFileType(stats: Stats): string {
  if (stats.isDirectory()) return 'a directory';
  if (stats.isFIFO()) return 'a FIFO (named pipe)';
  if (stats.isCharacterDevice()) return 'a character device';
  if (stats.isBlockDevice()) return 'a block device';
  if (stats.isSocket()) return 'a socket';
  if (stats.isSymbolicLink()) return 'a symbolic link';
  return 'not a regular file';
}

export function errnoCode(error: unknown): string {
  return (error as NodeJS.ErrnoException).code ?? String(error);
}

/** `8 MiB`, `8388609 bytes`: exact, so a file one byte over the limit does not read as equal to it. */
function formatBytes(bytes: number): string {
  return bytes % (1024 * 1024) === 0 && bytes > 0 ? `${bytes / 1024 / 1024} MiB` : `${bytes} bytes`;
}

export interface ReadOptions {
  /** A bigger file is an error, unless `truncate` is set. */
  readonly maxBytes: number;
  /** Read only the first `maxBytes` of a bigger file instead of failing. */
  readonly truncate?: boolean;
  /** What the file should have been, e.g. `a JSON file` (shown for a directory). */
  readonly expected?: string;
  /** Refuse a symbolic link as the last path component (ELOOP) instead of following it. */
  readonly noFollow?: boolean;
}

/**
 * The file's text (UTF-8). Throws RegularFileError for a missing file (code `ENOENT`), a
 * non-regular file, a file over the limit or any other read failure.
 */
export function readRegularFile(path: string, options: ReadOptions): string {
  return readRegularFileWithStats(path, options).text;
}

/** readRegularFile, with the fstat of the descriptor it read (for the mode of a file being replaced). */
export function readRegularFileWithStats(path: string, options: ReadOptions): { text: string; stats: Stats } {
  let fd: number;
  try {
    fd = openSync(path, OPEN_FLAGS | (options.noFollow === true ? O_NOFOLLOW : 0));
  } catch (error) {
    const code = errnoCode(error);
    if (code === 'ENOENT') throw new RegularFileError('file not found', code);
    if (code === 'ELOOP' && options.noFollow === true) {
      throw new RegularFileError('is a symbolic link, expected a regular file (give the path of the real file)', code);
    }
    throw new RegularFileError(`cannot read it (${escapeControls(code)})`, code);
  }
  try {
    const stats = fstatSync(fd);
    if (stats.isDirectory()) {
      throw new RegularFileError(`is a directory, expected ${options.expected ?? 'a file'}`, 'EISDIR');
    }
    if (!stats.isFile()) throw new RegularFileError(`is ${describeFileType(stats)}, expected a regular file`, 'ENOTREG');
    if (stats.size > options.maxBytes && options.truncate !== true) {
      throw new RegularFileError(
        `is ${formatBytes(stats.size)}, more than the ${formatBytes(options.maxBytes)} limit`,
        'EFBIG',
      );
    }
    // One byte more than allowed tells a file that grew since fstat from one exactly at the limit.
    const buffer = Buffer.alloc(Math.min(stats.size, options.maxBytes) + 1);
    let length = 0;
    while (length < buffer.length) {
      const read = readSync(fd, buffer, length, buffer.length - length, null);
      if (read === 0) break;
      length += read;
    }
    if (length > options.maxBytes) {
      if (options.truncate !== true) {
        throw new RegularFileError(`is more than the ${formatBytes(options.maxBytes)} limit`, 'EFBIG');
      }
      length = options.maxBytes;
    }
    return { text: buffer.toString('utf8', 0, length), stats };
  } catch (error) {
    if (error instanceof RegularFileError) throw error;
    throw new RegularFileError(`cannot read it (${escapeControls(errnoCode(error))})`, errnoCode(error));
  } finally {
    closeSync(fd);
  }
}
