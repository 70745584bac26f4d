/**
 * Checks of a file after `eslint --fix` that pin what the fix must do (the inserted statement, where
 * it goes, every literal replaced, nothing else changed) without pinning blank lines around the
 * inserted statement, which the brief leaves to the implementation.
 */
import { expect } from 'vitest';

/** The lines that are not blank, right-trimmed: two texts that differ only in blank lines compare equal. */
export function withoutBlankLines(text: string): string {
  return text
    .split(/\r?\n/u)
    .map((line) => line.trimEnd())
    .filter((line) => line !== '')
    .join('\n');
}

function occurrences(text: string, needle: string): number {
  let count = 0;
  for (let at = text.indexOf(needle); at !== -1; at = text.indexOf(needle, at + needle.length)) count++;
  return count;
}

export interface InsertedStatement {
  /** The exact statement the fix adds (`import { KakaoErrorCode } from './generated/kakao-error-codes.js';`). */
  readonly statement: string;
  /**
   * What the statement must follow, ignoring whitespace in between: the last import with anything
   * on its line, a directive, a header comment; '' for the very start of the file.
   */
  readonly follows: string;
  /** The whole file as it must be without the statement (the literals replaced), blank lines aside. */
  readonly body: string;
}

/** The fixed text has the statement once, right after `follows`, and is `body` otherwise. */
export function expectInserted(file: string, text: string, expected: InsertedStatement): void {
  expect(occurrences(text, expected.statement), `${file}: the inserted statement, once\n${text}`).toBe(1);
  expect(occurrences(text, 'KakaoErrorCode }'), `${file}: one import or require of the enum\n${text}`).toBe(1);
  const at = text.indexOf(expected.statement);
  const before = text.slice(0, at).trimEnd();
  if (expected.follows === '') expect(before, `${file}: the statement starts the file\n${text}`).toBe('');
  else expect(before.endsWith(expected.follows), `${file}: the statement follows ${JSON.stringify(expected.follows)}\n${text}`).toBe(true);
  const rest = text.slice(0, at) + text.slice(at + expected.statement.length);
  expect(withoutBlankLines(rest), `${file}: the rest of the file`).toBe(withoutBlankLines(expected.body));
}

export interface ScriptBlock {
  /** The opening tag, `<script setup lang="ts">`. */
  readonly tag: string;
  /** Offsets of the block's content (between the tags). */
  readonly start: number;
  readonly end: number;
}

/** The `<script>` blocks of a Vue or Svelte component. */
export function scriptBlocks(text: string): ScriptBlock[] {
  return [...text.matchAll(/(<script\b[^>]*>)([\s\S]*?)<\/script>/gu)].map((match) => ({
    tag: match[1]!,
    start: match.index + match[1]!.length,
    end: match.index + match[1]!.length + match[2]!.length,
  }));
}

/** Everything outside the script blocks' content: the template, markup and styles, and the tags. */
export function outsideScripts(text: string): string[] {
  const parts: string[] = [];
  let from = 0;
  for (const block of scriptBlocks(text)) {
    parts.push(text.slice(from, block.start));
    from = block.end;
  }
  parts.push(text.slice(from));
  return parts;
}

/** Import declarations on their own lines (single- or multi-line), and comments. */
const LEADING_IMPORTS = /^(?:\s+|\/\/[^\n]*|\/\*[\s\S]*?\*\/|import\s[^;]*?from\s*(['"])[^'"\n]*\1;?[^\n]*)*$/u;

/**
 * The statement is in a script block, after that block's imports (only imports, comments and
 * whitespace before it in the block) and before its other code (no import after it): the tag of
 * the block it is in.
 */
export function expectInScriptBlock(file: string, text: string, statement: string): string {
  expect(occurrences(text, statement), `${file}: the inserted statement, once\n${text}`).toBe(1);
  expect(occurrences(text, 'KakaoErrorCode }'), `${file}: one import of the enum\n${text}`).toBe(1);
  const at = text.indexOf(statement);
  const block = scriptBlocks(text).find((candidate) => at >= candidate.start && at + statement.length <= candidate.end);
  expect(block, `${file}: the statement is inside a <script> block\n${text}`).toBeDefined();
  const before = text.slice(block!.start, at);
  expect(LEADING_IMPORTS.test(before), `${file}: only imports before the statement in ${block!.tag}\n${before}`).toBe(true);
  const after = text.slice(at + statement.length, block!.end);
  expect(/^\s*import\s/mu.test(after), `${file}: no import after the statement in ${block!.tag}\n${after}`).toBe(false);
  return block!.tag;
}
