/**
 * What handle-retryable-codes derives from its options and the settings, once per rule instance
 * and settings: the wanted codes, the retry guards, the default-branch comment pattern.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { compareCodes, generatedNames } from '../../core/names.js';
import type { ErrorCodeEntry, StringErrorCodeEntry } from '../../core/spec.js';
import type { CodeFilter, CodeValue } from '../utils/code-checks.js';
import type { KakaoFile } from '../utils/rule-context.js';
import { KakaoSettingsError } from '../utils/settings.js';
import type { KakaoSettings, StringFamily } from '../utils/settings.js';
import { memoizeByIdentity } from '../utils/memo.js';
import type { Options } from '../handle-retryable-codes.js';

export const DEFAULT_COMMENT_PATTERN = '^retr(?:y|ied|ies|yable)\\b';

/** A code the rule wants handled: a spec entry, or a bare number given in `retryableCodes`. */
export interface WantedCode {
  readonly value: CodeValue;
  readonly entry: ErrorCodeEntry | StringErrorCodeEntry | undefined;
  /** The string family of a string code; undefined for the spec's own codes. */
  readonly family: StringFamily | undefined;
}

/** What a rule instance derives from its options and the settings: the same for every file. */
export interface Setup {
  readonly wanted: readonly WantedCode[];
  /** The codes a dispatch is judged by: spec codes (for minimumCodes) and the wanted codes. */
  readonly isAskedAbout: CodeFilter;
  readonly guards: ReadonlySet<string>;
  readonly commentPattern: RegExp;
}

/** Per rule instance (its merged options, the same object for every file of a config) and settings. */
const setupsOf = memoizeByIdentity((options: Options[0]) => memoizeByIdentity((settings: KakaoSettings) => createSetup(options, settings)));

export function getSetup(options: Options[0], file: KakaoFile): Setup {
  return setupsOf(options)(file.settings);
}

function createSetup(options: Options[0], settings: KakaoSettings): Setup {
  const wanted = resolveWantedCodes(options.retryableCodes, settings);
  const wantedValues = new Set<CodeValue>(wanted.map(({ value }) => value));
  let guards: ReadonlySet<string> | undefined;
  return {
    wanted,
    isAskedAbout: (code) => code.entry !== undefined || wantedValues.has(code.value),
    // Made when the first dispatch is judged: the first file of most runs has none.
    get guards() {
      return (guards ??= retryGuards(options, settings));
    },
    // Compiled now, so that a bad pattern is reported on the first file.
    commentPattern: compileCommentPattern(options.defaultCommentPattern ?? DEFAULT_COMMENT_PATTERN),
  };
}

/** The functions a retry may be guarded by: the generated `isRetryable` and list of each enum, and the `guardNames` option. */
function retryGuards(options: Options[0], settings: KakaoSettings): ReadonlySet<string> {
  const generated = settings.enumNames.map(generatedNames);
  return new Set(['isRetryable', ...generated.flatMap((names) => [names.isRetryable, names.retryableList]), ...(options.guardNames ?? [])]);
}

/** How much of a comment the pattern sees: its first line, cut to this many characters. */
const COMMENT_HEAD_LENGTH = 200;

export function commentHead(value: string): string {
  const text = value.trim();
  const lineEnd = text.search(/[\r\n]/u);
  return (lineEnd === -1 ? text : text.slice(0, lineEnd)).slice(0, COMMENT_HEAD_LENGTH);
}

/**
 * Patterns compiled once each. The default is there from the start: it is known to be safe
 * (test/rules/handle-retryable-codes.test.ts checks it), and the check below is code that most runs
 * would otherwise compile and run once for nothing.
 */
const compiledPatterns = new Map<string, RegExp>([[DEFAULT_COMMENT_PATTERN, new RegExp(DEFAULT_COMMENT_PATTERN, 'iu')]]);

/** The pattern option compiled once; a bad one throws a one-line error naming the option. */
function compileCommentPattern(pattern: string): RegExp {
  let compiled = compiledPatterns.get(pattern);
  if (compiled) return compiled;
  const fail = (problem: string) =>
    new KakaoSettingsError(`kakao/handle-retryable-codes: options.defaultCommentPattern: ${problem}`);
  try {
    compiled = new RegExp(pattern, 'iu');
  } catch (error) {
    const reason = (error as Error).message.replace(/^Invalid regular expression: \/.*\/[a-z]*: /su, '');
    throw fail(`invalid regular expression ${JSON.stringify(pattern)}: ${reason}`);
  }
  const risky = findNestedRepetition(pattern);
  if (risky !== undefined) {
    throw fail(
      `${JSON.stringify(pattern)} can take exponential time: ${risky} repeats a group that itself repeats or alternates; write it without the nesting`,
    );
  }
  compiledPatterns.set(pattern, compiled);
  return compiled;
}

/**
 * The first repeated group (`(a+)+`, `(a|ab)*`) whose content can match in more than one way per
 * repetition, the shape behind catastrophic backtracking; undefined when there is none. Comments
 * are cut short before matching, which bounds the polynomial cases but not the exponential ones.
 */
export function findNestedRepetition(pattern: string): string | undefined {
  interface Group {
    readonly start: number;
    repeats: boolean;
    alternates: boolean;
  }
  const groups: Group[] = [{ start: 0, repeats: false, alternates: false }];
  /** The quantifier at `index`: its length, and whether it allows many repetitions. */
  const quantifierAt = (index: number): { length: number; many: boolean } => {
    const char = pattern[index];
    if (char === '*' || char === '+') return { length: pattern[index + 1] === '?' ? 2 : 1, many: true };
    if (char === '?') return { length: pattern[index + 1] === '?' ? 2 : 1, many: false };
    const braces = /^\{(\d+)(,(\d*))?\}\??/u.exec(pattern.slice(index));
    if (!braces) return { length: 0, many: false };
    const max = braces[2] === undefined ? Number(braces[1]) : braces[3] === '' ? Infinity : Number(braces[3]);
    return { length: braces[0].length, many: max > 10 };
  };
  let index = 0;
  while (index < pattern.length) {
    const char = pattern[index]!;
    const top = groups.at(-1)!;
    if (char === '(') {
      groups.push({ start: index, repeats: false, alternates: false });
      index++;
      continue;
    }
    if (char === '|') {
      top.alternates = true;
      index++;
      continue;
    }
    let atomEnd = index + 1;
    let closed: Group | undefined;
    if (char === '\\') {
      atomEnd = index + 2;
    } else if (char === '[') {
      atomEnd = index + 1;
      while (atomEnd < pattern.length && pattern[atomEnd] !== ']') atomEnd += pattern[atomEnd] === '\\' ? 2 : 1;
      atomEnd++;
    } else if (char === ')' && groups.length > 1) {
      closed = groups.pop();
    }
    const quantifier = quantifierAt(atomEnd);
    const parent = groups.at(-1)!;
    if (closed) {
      if (quantifier.many && (closed.repeats || closed.alternates)) {
        return pattern.slice(closed.start, atomEnd + quantifier.length);
      }
      parent.repeats ||= closed.repeats || quantifier.many;
    } else if (quantifier.many) {
      parent.repeats = true;
    }
    index = atomEnd + quantifier.length;
  }
  return undefined;
}

/** The index of the first comment that starts at or after `offset` (comments are in source order). */
export function firstCommentFrom(comments: readonly TSESTree.Comment[], offset: number): number {
  let low = 0;
  let high = comments.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (comments[middle]!.range[0] < offset) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** The wanted codes, ordered by |code| like the generated enum. */
function resolveWantedCodes(option: readonly (number | string)[] | undefined, settings: KakaoSettings): WantedCode[] {
  const { index } = settings;
  const familyCodes = index.stringFamilies.flatMap((family) =>
    family.codes.filter((entry) => entry.retryable).map((entry): WantedCode => ({ value: entry.code, entry, family })),
  );
  let codes: WantedCode[];
  if (option === undefined) {
    codes = index.retryable.map((entry) => ({ value: entry.code, entry, family: undefined }));
  } else {
    codes = option.map((item): WantedCode => {
      if (typeof item === 'number') return { value: item, entry: index.byCode.get(item), family: undefined };
      const entry = index.byName.get(item);
      if (!entry) {
        throw new KakaoSettingsError(
          `handle-retryable-codes: option retryableCodes: "${item}" is not a code name in the ${index.apiName} spec`,
        );
      }
      return { value: entry.code, entry, family: undefined };
    });
  }
  const seen = new Set<CodeValue>();
  const unique = codes.filter(({ value }) => !seen.has(value) && seen.add(value)).sort((a, b) => compareCodes(a.value as number, b.value as number));
  // The string families' retryable codes (KOE003) come from the spec; the option names integer codes.
  return [...unique, ...familyCodes];
}
