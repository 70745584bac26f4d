/**
 * The per-file set-up every rule starts with: settings, whether the file is in scope, the
 * error-code expression test (by name, plus types when the parser has them), the enum in the file.
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { createErrorCodeNameTest, escapeRegExp, isWholeWordAt } from './ast.js';
import type { ErrorCodeExpressionTest } from './ast.js';
import { createChecksOf } from './code-checks.js';
import type { CodeCheckContext } from './code-checks.js';
import { getFileEnum } from './enum-reference.js';
import type { FileEnum } from './enum-reference.js';
import { hasApiEvidence, isGeneratedFile } from './kakao-file.js';
import { getKakaoSettings } from './settings.js';
import type { KakaoSettings, SpecIndex } from './settings.js';

type AnyContext = Readonly<TSESLint.RuleContext<string, readonly unknown[]>>;

export interface KakaoFile extends CodeCheckContext {
  readonly settings: KakaoSettings;
  readonly index: SpecIndex;
  readonly fileEnum: FileEnum;
  /**
   * False when no code in the file can be checked against an error code: its text has none of the
   * error-code names nor the enum's name as a word (in any case) outside comments, and there is no type information. Then
   * no comparison, `case`, list or lookup in it is a code check, and rules can skip them all.
   */
  readonly mayCheckCodes: boolean;
}

interface CachedFile {
  readonly settings: KakaoSettings;
  readonly errorCodeNames: readonly string[];
  readonly file: KakaoFile | undefined;
}

/** Per file: every rule asks with the same settings, and usually the same names. */
const fileCache = new WeakMap<TSESTree.Program, CachedFile[]>();

const sameNames = (a: readonly string[], b: readonly string[]) =>
  a === b || (a.length === b.length && a.every((name, i) => name === b[i]));

let setUps = 0;

/** How many per-file set-ups have run in this process (for tests and the benchmark: one per file and settings). */
export function countKakaoFileSetUps(): number {
  return setUps;
}

/**
 * Undefined when the rule has nothing to do in this file (out of scope, or generated). Every rule
 * of the file shares the result when the settings and names are the same. `errorCodeNames` is a
 * rule's deprecated option; without it, settings.kakao.errorCodeNames applies.
 */
export function getKakaoFile(context: AnyContext, errorCodeNamesOption?: readonly string[]): KakaoFile | undefined {
  const settings = getKakaoSettings(context);
  const errorCodeNames = errorCodeNamesOption ?? settings.errorCodeNames;
  const { ast } = context.sourceCode;
  let cached = fileCache.get(ast);
  if (!cached) fileCache.set(ast, (cached = []));
  // A loop, not find(): three rules ask for every file.
  for (const entry of cached) {
    if (entry.settings === settings && sameNames(entry.errorCodeNames, errorCodeNames)) return entry.file;
  }
  setUps++;
  const file = createKakaoFile(context, settings, errorCodeNames);
  cached.push({ settings, errorCodeNames, file });
  return file;
}

function createKakaoFile(
  context: AnyContext,
  settings: KakaoSettings,
  errorCodeNames: readonly string[],
): KakaoFile | undefined {
  // Imports in a Markdown code block (`README.md/0.ts`) are relative to the Markdown file.
  const { sourceCode, physicalFilename: filename } = context;
  if (isGeneratedFile(sourceCode)) return undefined;
  if (settings.scope === 'kakao-files' && !hasApiEvidence(sourceCode, filename, settings)) return undefined;

  const fileEnum = getFileEnum(context, settings);
  const byName = createErrorCodeNameTest(errorCodeNames);
  const byType = createEnumTypeTest(context, settings.enumName);
  const isErrorCodeExpression: ErrorCodeExpressionTest = byType
    ? (node) => byName(node) || byType(node)
    : byName;
  const file: KakaoFile = {
    sourceCode,
    index: settings.index,
    fileEnum,
    isErrorCodeExpression,
    settings,
    checksOf: (container) => checksOf(container),
    mayCheckCodes:
      byType !== undefined ||
      codeNameTest(errorCodeNames, enumNames(settings))(sourceCode.text, sourceCode.getAllComments()),
  };
  const checksOf = createChecksOf(file);
  return file;
}

/** `comments`: the file's comments in source order; a name inside one is no identifier, key or string. */
type TextTest = (text: string, comments: readonly TSESTree.Comment[]) => boolean;
const codeNameTests = new WeakMap<readonly string[], Map<string, TextTest>>();

/**
 * Whether a text holds one of the names as a whole word, in any case: what an error-code
 * expression or an enum member reference needs. One case-insensitive search for the shortest
 * needles ("code" for the default names, which must end a word since it ends every name), then a
 * look around each hit for a whole name.
 */
function codeNameTest(errorCodeNames: readonly string[], enumNames: readonly string[]): TextTest {
  let byEnumName = codeNameTests.get(errorCodeNames);
  if (!byEnumName) codeNameTests.set(errorCodeNames, (byEnumName = new Map<string, TextTest>()));
  const enumKey = enumNames.join(',');
  let test = byEnumName.get(enumKey);
  if (!test) {
    const names = [...new Set([...enumNames, ...errorCodeNames].map((name) => name.toLowerCase()))];
    const needles = names.filter((name) => !names.some((other) => other !== name && name.includes(other)));
    // Where each needle is in each name that contains it: "code" is at 5 in "errorcode".
    const placements = new Map(
      needles.map((needle) => [needle, names.flatMap((name) => offsetsOf(needle, name).map((offset) => ({ name, offset })))]),
    );
    const endsWord = (needle: string) =>
      placements.get(needle)!.every(({ name, offset }) => offset + needle.length === name.length);
    const pattern = new RegExp(
      needles.map((needle) => escapeRegExp(needle) + (endsWord(needle) ? '(?![\\w$])' : '')).join('|'),
      'giu',
    );
    test = (text, comments) => {
      pattern.lastIndex = 0;
      for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
        const { index } = match;
        const placed = placements.get(match[0].toLowerCase()) ?? [];
        // A whole name lies inside a comment or outside all (comment delimiters are no word characters).
        if (placed.some(({ name, offset }) => isWordAt(text, index - offset, name)) && !isInComment(comments, index)) return true;
        pattern.lastIndex = index + 1;
      }
      return false;
    };
    byEnumName.set(enumKey, test);
  }
  return test;
}

const enumNamesCache = new WeakMap<KakaoSettings, readonly string[]>();

/** The names of the enums a file may read codes through: the spec's own (as settings name it) and each string family's. */
function enumNames(settings: KakaoSettings): readonly string[] {
  let names = enumNamesCache.get(settings);
  if (!names) {
    const families = settings.index.families.filter((family) => family.valueType === 'string').map((family) => family.enumName);
    enumNamesCache.set(settings, (names = [settings.enumName, ...families]));
  }
  return names;
}

/** Whether `index` is inside one of `comments` (sorted, not overlapping): a binary search. */
function isInComment(comments: readonly TSESTree.Comment[], index: number): boolean {
  let low = 0;
  let high = comments.length - 1;
  while (low <= high) {
    const middle = (low + high) >>> 1;
    const [start, end] = comments[middle]!.range;
    if (index < start) high = middle - 1;
    else if (index >= end) low = middle + 1;
    else return true;
  }
  return false;
}

function offsetsOf(needle: string, name: string): number[] {
  const offsets: number[] = [];
  for (let i = name.indexOf(needle); i !== -1; i = name.indexOf(needle, i + 1)) offsets.push(i);
  return offsets;
}

/** Whether `name` (in lower case) is at `start` in `text`, in any case, and not inside a longer word. */
function isWordAt(text: string, start: number, name: string): boolean {
  const end = start + name.length;
  return (
    start >= 0 &&
    end <= text.length &&
    text.slice(start, end).toLowerCase() === name &&
    isWholeWordAt(text, start, name.length)
  );
}

interface MinimalType {
  flags: number;
  aliasSymbol?: { getName(): string } | undefined;
  getSymbol(): { getName(): string } | undefined;
  isUnion(): boolean;
  types?: MinimalType[];
}

interface MinimalProgram {
  getTypeChecker(): { getBaseTypeOfLiteralType(type: MinimalType): MinimalType };
  getSourceFiles(): readonly { readonly text: string }[];
}

const mentionCache = new WeakMap<MinimalProgram, Map<string, boolean>>();

/** Whether any source file of the program (its own, its dependencies', the libs) contains `name`. */
function programMentions(program: MinimalProgram, name: string): boolean {
  let byName = mentionCache.get(program);
  if (!byName) mentionCache.set(program, (byName = new Map<string, boolean>()));
  let result = byName.get(name);
  if (result === undefined) {
    result = program.getSourceFiles().some((file) => file.text.includes(name));
    byName.set(name, result);
  }
  return result;
}

/**
 * With type information (parserOptions.projectService or project), an expression typed as the enum
 * also counts as an error-code expression. Without it, this returns undefined: types are optional.
 */
function createEnumTypeTest(context: AnyContext, enumName: string): ErrorCodeExpressionTest | undefined {
  const services = context.sourceCode.parserServices as
    | {
        program?: MinimalProgram | null;
        getTypeAtLocation?: (node: TSESTree.Node) => MinimalType;
      }
    | undefined;
  if (!services?.program || !services.getTypeAtLocation) return undefined;
  // No type can be the enum in a program that never names it (then the test would only cost time).
  if (!programMentions(services.program, enumName)) return undefined;
  const checker = services.program.getTypeChecker();
  const getType = services.getTypeAtLocation;

  const isEnumType = (type: MinimalType, depth: number): boolean => {
    if ((type.aliasSymbol ?? type.getSymbol())?.getName() === enumName) return true;
    if (depth > 0 && type.isUnion()) {
      const parts = type.types ?? [];
      return parts.length > 0 && parts.every((part) => isEnumType(part, depth - 1));
    }
    const base = checker.getBaseTypeOfLiteralType(type);
    return base !== type && base.getSymbol()?.getName() === enumName;
  };
  return (node) => {
    try {
      return isEnumType(getType(node), 1);
    } catch {
      return false;
    }
  };
}
