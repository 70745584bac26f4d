/**
 * The nodes that write a code, for rules that start from a code and climb to its check
 * (findCodeCheck): a number of the spec (`-401`), a string code (`'KOE320'`, `KOE320:` as a plain
 * key, `'-401'` as some SDKs report it), and `<enum>.<Member>`. Codes are rare, so listening for
 * them costs a fraction of visiting every comparison, `if` and switch; and what a file's text
 * cannot hold is not listened for at all.
 */
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import type { ErrorCodeEntry } from '../../core/spec.js';
import { codeLiteralListener, escapeRegExp, isWholeWordAt } from './ast.js';
import type { CodeLiteral } from './ast.js';
import { getCodeRef, isStringCodeKey } from './code-checks.js';
import { composeVisitors } from './compose-visitors.js';
import { memoizeByIdentity } from './memo.js';
import type { KakaoFile } from './rule-context.js';
import type { SpecIndex } from './settings.js';
import { createTextSearch, sharedPrefixNeedles } from './text-search.js';

/** A string literal, or a property key written as a plain name. */
export type StringCodeNode = TSESTree.StringLiteral | TSESTree.Identifier;

export type CodeNode = CodeLiteral | StringCodeNode | TSESTree.MemberExpression;

export interface CodeNodeKinds {
  /** The numbers to listen for; all the spec's codes when not given. */
  readonly codes?: readonly ErrorCodeEntry[];
  /** String codes and integer codes written as strings. */
  readonly strings: boolean;
  /** `<enum>.<Member>` of the spec's enum and of each string family's. */
  readonly members: boolean;
}

/** Calls `check` with every node of the file that may write a code of the kinds asked for. */
export function codeNodeListener(file: KakaoFile, kinds: CodeNodeKinds, check: (node: CodeNode) => void): TSESLint.RuleListener {
  const literals = codeLiteralListener(kinds.codes ?? file.index.spec.codes, check);
  // Asked once here, not through each search below: most files mention nothing (the same answer,
  // in fewer calls on a path every rule of every file takes).
  if (!file.mayMention()) return literals;
  const strings = kinds.strings && mentionsStringCode(file);
  const members = kinds.members && mentionsEnum(file);
  // Most files get the numbers' listener alone: then composeVisitors is not called at all, as the
  // call and its rest array cost every rule of every file, in code that runs unoptimised
  // (docs/performance.md, fifth round).
  if (!strings && !members) return literals;
  return composeVisitors(literals, strings ? stringCodeListener(file, check) : undefined, members ? enumMemberListener(file, check) : undefined);
}

// ---- string codes ----------------------------------------------------------------------------

/** The quotes of a string literal (a template is no literal: the model reads codes from literals only). */
const SINGLE_QUOTE = 0x27;
const DOUBLE_QUOTE = 0x22;

/**
 * Whether a text holds a string code: a family's code as a whole word (`'KOE320'`, or `KOE320:` as
 * a plain key), or an integer code between quotes (`'-401'`). An integer code is searched for by
 * its first character (`-` for Kakao's), then the character before it must be a quote: source
 * code holds fewer minus signs than quotes (over the benchmark corpus, less than half as many),
 * and one search serves both quotes.
 */
export const stringCodeSearch = memoizeByIdentity((index: SpecIndex): ((text: string) => boolean) => {
  const familyCodes = [...index.stringCodes.keys()];
  const integerCodes = integerCodeTexts(index);
  const inFamilies = createTextSearch(familyCodeNeedles(index), (text, start) =>
    familyCodes.some((code) => text.startsWith(code, start) && isWholeWordAt(text, start, code.length)),
  );
  const firstChars = [...new Set([...integerCodes].map((code) => code[0]!))];
  const quoted = createTextSearch(firstChars, (text, start) => {
    const quote = text.charCodeAt(start - 1);
    if (quote !== SINGLE_QUOTE && quote !== DOUBLE_QUOTE) return false;
    let end = start;
    while (end < text.length && INTEGER_CHARS.has(text[end]!)) end++;
    return text.charCodeAt(end) === quote && integerCodes.has(text.slice(start, end));
  });
  return (text) => inFamilies(text) || quoted(text);
});

const INTEGER_CHARS = new Set('-0123456789');

const familyCodeNeedles = (index: SpecIndex) => sharedPrefixNeedles([...index.stringCodes.keys()]);

/**
 * What stringCodeSearch must find before it can answer true, as regular-expression sources (for
 * mention-prefilter.ts): a family code's needle, or a quote before the first two characters of an
 * integer code (`'-4`): a quote before a minus alone (`'-'`) is common.
 */
export function stringCodePatterns(index: SpecIndex): readonly string[] {
  const prefixes = [...new Set([...integerCodeTexts(index)].map((code) => code.slice(0, 2)))].map(escapeRegExp);
  const quoted = prefixes.length > 0 ? [`['"](?:${prefixes.join('|')})`] : [];
  return [...familyCodeNeedles(index).map(escapeRegExp), ...quoted];
}

/** The integer codes as a string literal holds them (`'-401'`): exactly what getCodeRef reads as one. */
const integerCodeTexts = memoizeByIdentity((index: SpecIndex): ReadonlySet<string> => new Set([...index.byCode.keys()].map(String)));

/** Per file (and settings): one search of the text, whichever rule asks first; asked only where file.mayMention() is true. */
function mentionsStringCode(file: KakaoFile): boolean {
  return (file.mentions.stringCode ??= stringCodeSearch(file.index)(file.sourceCode.text));
}

function stringCodeListener(file: KakaoFile, check: (node: StringCodeNode) => void): TSESLint.RuleListener {
  const { stringCodes } = file.index;
  const integerCodes = integerCodeTexts(file.index);
  return {
    Literal(node) {
      const { value } = node;
      // getCodeRef's test of a string, before anything else: a listed code, or an integer code's text.
      if (typeof value === 'string' && (stringCodes.has(value) || integerCodes.has(value))) check(node);
    },
    Property(node) {
      // A quoted key is a Literal, seen above.
      if (node.key.type === AST_NODE_TYPES.Identifier && isStringCodeKey(node, file.index)) check(node.key);
    },
  };
}

// ---- enum members --------------------------------------------------------------------------------

/**
 * Whether the text names one of the enums: `<enum>.<Member>` is read through a binding whose
 * import, `require` or declaration names the enum, or as `ns.<enum>.<Member>` (see enum-reference.ts).
 * Asked only where file.mayMention() is true.
 */
function mentionsEnum(file: KakaoFile): boolean {
  return (file.mentions.enumName ??= enumNameSearch(file.enumNames)(file.sourceCode.text));
}

/** What enumNameSearch must find before it can answer true (for mention-prefilter.ts). */
export const enumNamePatterns = (names: readonly string[]): readonly string[] => sharedPrefixNeedles(names).map(escapeRegExp);

export const enumNameSearch = memoizeByIdentity(
  (names: readonly string[]): ((text: string) => boolean) =>
    createTextSearch(sharedPrefixNeedles(names), (text, start) => names.some((name) => text.startsWith(name, start))),
);

function enumMemberListener(file: KakaoFile, check: (node: TSESTree.MemberExpression) => void): TSESLint.RuleListener {
  return {
    MemberExpression(node) {
      if (getCodeRef(node, file)?.isEnumMember) check(node);
    },
  };
}
