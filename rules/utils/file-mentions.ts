/**
 * What a file's source text may mention, found once per file for every rule (the per-file model in
 * rule-context.ts keeps the answers): string codes, the enums' names, deprecated endpoints and SDK
 * members. A rule listens only for what its file may mention.
 *
 * Each search finds a match only where one of its needles is, so one regular expression of every
 * search's needles goes over the text first, and a file it does not match (most files) is searched
 * no further: one native scan of the text, where the searches would make several, some of them
 * loops that stop at every minus sign or slash and run in the interpreter.
 *
 * The searches read the source, not values: a code, path or name spelled with escapes (`'\x2fme'`,
 * `get\u0053tatus`; `\/` is fine) is not seen, nor a path in a JSX attribute spelled with entities
 * (`&#47;me`).
 */
import type { DeprecatedMember, Spec } from '../../core/spec.js';
import { escapeRegExp, isWholeWordAt } from './ast.js';
import { memoizeByIdentity } from './memo.js';
import type { KakaoSettings, SpecIndex } from './settings.js';
import { createTextSearch, FAST_NEEDLE_LENGTH, sharedPrefixNeedles } from './text-search.js';

export interface FileMentions {
  /** A string code, or an integer code written as a string (`'KOE320'`, `'-401'`). */
  readonly stringCode: boolean;
  /** The name of one of the enums, through which `<enum>.<Member>` is read. */
  readonly enumName: boolean;
  /** A string that may address a deprecated endpoint. */
  readonly endpoints: boolean;
  /** A member or key that may name a deprecated SDK member. */
  readonly members: boolean;
}

/** What the deprecated endpoints' and members' scan tells (no-deprecated-api's part of FileMentions). */
export type SourceMentions = Pick<FileMentions, 'endpoints' | 'members'>;

/**
 * A search of a source text with its needles: regular-expression sources such that the search finds
 * a match only in a text that one of them matches.
 */
export interface MentionSearch<Result = boolean> {
  readonly needles: readonly string[];
  readonly search: (sourceText: string) => Result;
}

const NO_MENTIONS: FileMentions = Object.freeze({ stringCode: false, enumName: false, endpoints: false, members: false });

/** Per settings: what a file's text may mention. */
export const getMentionScan = memoizeByIdentity((settings: KakaoSettings): ((sourceText: string) => FileMentions) => {
  const stringCode = stringCodeSearch(settings.index);
  const enumName = enumNameSearch(settings.enumNames);
  const deprecatedApi = getSourceScan(settings.index.spec);
  const needles = [...stringCode.needles, ...enumName.needles, ...deprecatedApi.needles];
  if (needles.length === 0) return () => NO_MENTIONS;
  const anyNeedle = new RegExp(needles.join('|'), 'u');
  return (sourceText) => {
    if (!anyNeedle.test(sourceText)) return NO_MENTIONS;
    const { endpoints, members } = deprecatedApi.search(sourceText);
    return { stringCode: stringCode.search(sourceText), enumName: enumName.search(sourceText), endpoints, members };
  };
});

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
export const stringCodeSearch = memoizeByIdentity((index: SpecIndex): MentionSearch => {
  const familyCodes = [...index.stringCodes.keys()];
  const integerCodes = integerCodeTexts(index);
  const familyNeedles = sharedPrefixNeedles(familyCodes);
  const inFamilies = createTextSearch(familyNeedles, (text, start) =>
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
  const needles = familyNeedles.map(escapeRegExp);
  // The quote is part of what the expression looks for: a minus sign alone is in most files.
  if (firstChars.length > 0) needles.push(`['"](?:${firstChars.map(escapeRegExp).join('|')})`);
  return { needles, search: (text) => inFamilies(text) || quoted(text) };
});

const INTEGER_CHARS = new Set('-0123456789');

/** The integer codes as a string literal holds them (`'-401'`): exactly what getCodeRef reads as one. */
export const integerCodeTexts = memoizeByIdentity((index: SpecIndex): ReadonlySet<string> => new Set([...index.byCode.keys()].map(String)));

// ---- enum names ----------------------------------------------------------------------------------

/**
 * Whether the text names one of the enums: `<enum>.<Member>` is read through a binding whose
 * import, `require` or declaration names the enum, or as `ns.<enum>.<Member>` (see enum-reference.ts).
 */
export const enumNameSearch = memoizeByIdentity((names: readonly string[]): MentionSearch => {
  const needles = sharedPrefixNeedles(names);
  return {
    needles: needles.map(escapeRegExp),
    search: createTextSearch(needles, (text, start) => names.some((name) => text.startsWith(name, start))),
  };
});

// ---- deprecated endpoints and SDK members ------------------------------------------------------

/** A pattern as it is matched: with a `*` as written, without one less its trailing slashes. */
export function patternShape(pattern: string): { readonly pattern: string; readonly hasWildcard: boolean } {
  const hasWildcard = pattern.includes('*');
  return { pattern: hasWildcard || pattern.length <= 1 ? pattern : pattern.replace(/\/+$/u, ''), hasWildcard };
}

/** A member's names; of a namespace (`Kakao.Link.*`), found where it is named as a member is, the namespace's. */
export function memberNames(entry: DeprecatedMember): string[] {
  return (entry.member.endsWith('.*') ? entry.member.slice(0, -2) : entry.member).split('.');
}

/**
 * What a file may mention of a spec's deprecated endpoints and members. The scan needs the
 * patterns' last segments and the members' names only, not no-deprecated-api's endpoint table,
 * which most files (those that mention neither) never need.
 */
export const getSourceScan: (spec: Spec) => MentionSearch<SourceMentions> = memoizeByIdentity(createSourceScan);

function createSourceScan(spec: Spec): MentionSearch<SourceMentions> {
  const hasTail = createPathTailTest(spec.deprecatedEndpoints.map((entry) => pathTail(patternShape(entry.path))));
  // A member is found by its whole path (`Kakao.Auth['getStatus']`), so every name of it is there.
  const hasMember = createNameSetTest(spec.deprecatedMembers.map(memberNames));
  return {
    needles: [...hasTail.needles, ...hasMember.needles],
    search: (sourceText) => ({
      endpoints: hasTail.search(sourceText),
      members: hasMember.search(sourceText),
    }),
  };
}

/**
 * What the source of a string that addresses an endpoint contains: the pattern's last segment up to
 * any `*` (`/me` for `/v1/user/me`, `/story` for `/v1/api/story/*`), then, unless a `*` is in that
 * segment (`openEnded`), something that ends the path (see PATH_FOLLOWER). A whole path contains
 * it; so does a path after a base (`BASE + '/me'`, BASE being `https://kapi.kakao.com/v1/user`),
 * which starts at a `/` of the pattern before that segment: one that starts later, in what a
 * trailing `/*` matches, leaves a base that matches alone, and findHitsAfterBase reports such hits
 * at the base. With a `*` before the last segment, only `/` is certain.
 */
interface PathTail {
  readonly text: string;
  readonly openEnded: boolean;
}

function pathTail({ pattern, hasWildcard }: { readonly pattern: string; readonly hasWildcard: boolean }): PathTail {
  const body = hasWildcard && pattern.endsWith('/*') ? pattern.slice(0, -2) : pattern;
  const lastSlash = body.lastIndexOf('/');
  const star = body.indexOf('*');
  if (lastSlash === -1 || (star !== -1 && star < lastSlash)) return { text: '/', openEnded: true };
  return { text: body.slice(lastSlash, star === -1 ? undefined : star), openEnded: star !== -1 };
}

/**
 * What follows a path's last segment in the source: a `/`, what ends a path (pathEnd), the end of
 * the string or of a template's text (a quote, `${`), an escape, or an entity in a JSX attribute.
 */
const PATH_FOLLOWER = /[\s/?#'"`<>\\$&]/u;

/**
 * Whether a source text has one of `tails`: one regular expression, as its native scan passes
 * over the slashes of comments, imports and divisions (most of a file's) where a loop that stops
 * at each of them would run in the interpreter. It is its own needle.
 */
function createPathTailTest(tails: readonly PathTail[]): MentionSearch {
  if (tails.length === 0) return { needles: [], search: () => false };
  const alternatives = tails.map(({ text, openEnded }) => escapeRegExp(text) + (openEnded ? '' : `(?=${PATH_FOLLOWER.source}|$)`));
  const pattern = new RegExp(alternatives.join('|'), 'u');
  return { needles: [pattern.source], search: (sourceText) => pattern.test(sourceText) };
}

/**
 * A name, and the part of it to search for: at most 6 characters, from the first one that is not
 * a lower-case letter when there is one (`getStatus` → `Status`). Such a needle is found several
 * times faster than a longer one or one that starts with a common letter (docs/performance.md).
 */
interface NameSearch {
  readonly name: string;
  readonly window: string;
  /** Whether a source text holds the name as a whole word, not inside a longer one (`getStatusInfo`, `HttpStatus`). */
  readonly isIn: (sourceText: string) => boolean;
}

function nameSearch(name: string): NameSearch {
  const starts = name.slice(0, Math.max(name.length - FAST_NEEDLE_LENGTH + 1, 1));
  // Where the window starts in the name.
  const offset = Math.max(starts.search(/[^a-z]/u), 0);
  const window = name.slice(offset, offset + FAST_NEEDLE_LENGTH);
  const isIn = createTextSearch([window], (sourceText, i) => {
    const start = i - offset;
    return start >= 0 && sourceText.startsWith(name, start) && isWholeWordAt(sourceText, start, name.length);
  });
  return { name, window, isIn };
}

/**
 * Whether a source text has, for one of `nameSets`, every name as a whole word (in a member, a key,
 * a string). Each set is searched from an anchor, its first name whose search window starts with a
 * capital (`Kakao` of `Kakao.Auth.getStatus`): a rarer first character makes a cheaper scan, and
 * sets that share an anchor share its scan.
 */
function createNameSetTest(nameSets: readonly (readonly string[])[]): MentionSearch {
  const byAnchor = new Map<string, { anchor: NameSearch; rests: NameSearch[][] }>();
  for (const names of nameSets) {
    const searches = names.map(nameSearch);
    const anchor = searches.find((search) => /^[A-Z]/u.test(search.window)) ?? searches[0]!;
    const group = byAnchor.get(anchor.name) ?? { anchor, rests: [] };
    group.rests.push(searches.filter((search) => search !== anchor));
    byAnchor.set(anchor.name, group);
  }
  const groups = [...byAnchor.values()];
  // A set holds its anchor's name, so its anchor's window is there.
  const needles = groups.map(({ anchor }) => escapeRegExp(anchor.window));
  // Loops over indices, not some() and every() with callbacks: this runs mostly before V8 has
  // optimised it.
  const search = (sourceText: string) => {
    for (let g = 0; g < groups.length; g++) {
      const { anchor, rests } = groups[g]!;
      if (!anchor.isIn(sourceText)) continue;
      for (let r = 0; r < rests.length; r++) {
        const rest = rests[r]!;
        let all = true;
        for (let n = 0; n < rest.length && all; n++) all = rest[n]!.isIn(sourceText);
        if (all) return true;
      }
    }
    return false;
  };
  return { needles, search };
}
