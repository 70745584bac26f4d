/**
 * Matching text against the spec's deprecated endpoints and SDK members: path patterns
 * (`/v1/user/me`, `/v1/api/story/*`), URLs on the endpoint's hosts, and dotted member paths.
 * Pure string work, no AST: the rule decides which strings are worth looking at.
 *
 * Compiled once per spec object (WeakMap), so a file pays only for a few `includes` per string.
 */
import type { DeprecatedEndpoint, DeprecatedMember, Spec } from '../../core/spec.js';
import { escapeRegExp, isWholeWordAt } from '../utils/ast.js';
import { memoizeByIdentity } from '../utils/memo.js';
import { createTextSearch, FAST_NEEDLE_LENGTH } from '../utils/text-search.js';

/** A path pattern: exact (`/v1/user/me`, trailing slashes allowed) or with `*` (`/v1/api/story/*`). */
export interface PathPattern {
  readonly pattern: string;
  /** Whether a concrete path (no query or fragment) matches. */
  test(path: string): boolean;
  /** The text before the first `*`, without a trailing `/`: any matching path contains it. */
  readonly staticPrefix: string;
  readonly hasWildcard: boolean;
}

export interface CompiledEndpoint extends PathPattern {
  readonly entry: DeprecatedEndpoint;
  /** Lower-case hosts that serve the endpoint. */
  readonly hosts: ReadonlySet<string>;
  /** The replacement path, when it is a drop-in (a path, and the pattern has no wildcard). */
  readonly replacementPath: string | undefined;
}

export interface CompiledMember {
  readonly entry: DeprecatedMember;
  /** The member's names; of a namespace (`Kakao.Link.*`), the namespace's (`Kakao`, `Link`). */
  readonly names: readonly string[];
  /** The replacement's last name, when it only renames the last name (`getStatus` → `getStatusInfo`, `Link.*` → `Share.*`). */
  readonly replacementName: string | undefined;
}

export interface EndpointTable {
  readonly endpoints: readonly CompiledEndpoint[];
  readonly members: readonly CompiledMember[];
  /** The members by their last name, for a cheap check on every member expression. */
  readonly membersByLastName: ReadonlyMap<string, readonly CompiledMember[]>;
  /** Every host of every endpoint (lower case). */
  readonly hosts: readonly string[];
  /** Cheap pre-check: false when `text` cannot contain a deprecated path. */
  mayContainPath(text: string): boolean;
  /** Cheap pre-check: false when `text` (a path after a base) cannot end a deprecated path (`/user/me` can). */
  mayEndPath(text: string): boolean;
}

/**
 * What a file may mention: false only when no string in it can address a deprecated endpoint, no
 * member or key can name a deprecated SDK member. Read from the source, not the values: a path or
 * name spelled with escapes (`'\x2fme'`, `get\u0053tatus`; `\/` is fine) is not seen, nor a path in a JSX
 * attribute spelled with entities (`&#47;me`).
 */
export interface SourceMentions {
  readonly endpoints: boolean;
  readonly members: boolean;
}

/** A deprecated endpoint found in a text. Offsets are into that text. */
export interface EndpointHit {
  readonly endpoint: CompiledEndpoint;
  /** The concrete path, without query or fragment (`/v1/api/story/mystory`). */
  readonly path: string;
  /** Where the path starts. */
  readonly start: number;
  /** Where the part that `endpoint.replacementPath` replaces ends (the pattern's length after `start`). */
  readonly replaceEnd: number;
}

/** A pattern as it is matched: with a `*` as written, without one less its trailing slashes. */
function patternShape(pattern: string): { readonly pattern: string; readonly hasWildcard: boolean } {
  const hasWildcard = pattern.includes('*');
  return { pattern: hasWildcard || pattern.length <= 1 ? pattern : withoutTrailingSlashes(pattern), hasWildcard };
}

/** `/v1/user/me/` → `/v1/user/me`. A loop, not a regular expression: the first file of every run shapes the patterns. */
function withoutTrailingSlashes(text: string): string {
  let end = text.length;
  while (end > 0 && text.charCodeAt(end - 1) === SLASH) end--;
  return text.slice(0, end);
}

/** Compiles a path pattern: `*` matches within a segment, a trailing `/*` the path itself and anything below. */
export function compilePathPattern(written: string): PathPattern {
  const { pattern, hasWildcard } = patternShape(written);
  let source: string;
  if (!hasWildcard) {
    source = `${escapeRegExp(pattern)}/*`;
  } else {
    const below = pattern.endsWith('/*');
    const body = below ? pattern.slice(0, -2) : pattern;
    source = body.split('*').map(escapeRegExp).join('[^/]*');
    if (body.endsWith('*')) source = `${source.slice(0, -'[^/]*'.length)}.*`;
    if (below) source += '(?:/.*)?';
  }
  const regex = new RegExp(`^${source}$`, 'u');
  return {
    pattern,
    test: (path) => regex.test(path),
    staticPrefix: withoutTrailingSlashes(hasWildcard ? pattern.slice(0, pattern.indexOf('*')) : pattern),
    hasWildcard,
  };
}

export const getEndpointTable: (spec: Spec) => EndpointTable = memoizeByIdentity(compileTable);

function compileTable(spec: Spec): EndpointTable {
  const endpoints = spec.deprecatedEndpoints.map((entry): CompiledEndpoint => {
    const compiled = compilePathPattern(entry.path);
    const { replacement } = entry;
    return {
      ...compiled,
      entry,
      hosts: new Set(entry.hosts.map((host) => host.toLowerCase())),
      replacementPath:
        replacement !== null && replacement.startsWith('/') && !/[\s*?#]/u.test(replacement) && !compiled.hasWildcard
          ? replacement
          : undefined,
    };
  });
  const members = spec.deprecatedMembers.map((entry): CompiledMember => {
    const namespace = entry.member.endsWith('.*');
    const names = memberNames(entry);
    const replacement = entry.replacement ?? undefined;
    const replacementNames =
      replacement === undefined || entry.replacementCall === 'rewrite' || replacement.endsWith('.*') !== namespace
        ? undefined
        : (namespace ? replacement.slice(0, -2) : replacement).split('.');
    const sameObject =
      replacementNames !== undefined &&
      replacementNames.length === names.length &&
      replacementNames.slice(0, -1).join('.') === names.slice(0, -1).join('.') &&
      /^[A-Za-z_$][\w$]*$/u.test(replacementNames.at(-1)!);
    return { entry, names, replacementName: sameObject ? replacementNames.at(-1) : undefined };
  });
  const membersByLastName = new Map<string, CompiledMember[]>();
  for (const member of members) {
    const last = member.names.at(-1)!;
    const list = membersByLastName.get(last) ?? [];
    list.push(member);
    membersByLastName.set(last, list);
  }
  const prefixes = [...new Set(endpoints.map((endpoint) => endpoint.staticPrefix || '/'))];
  return {
    endpoints,
    members,
    membersByLastName,
    hosts: [...new Set(endpoints.flatMap((endpoint) => [...endpoint.hosts]))],
    mayContainPath: (text) => prefixes.some((prefix) => text.includes(prefix)),
    mayEndPath: (text) => {
      const segment = /^\/[^/?#]*/u.exec(text)?.[0];
      return segment !== undefined && endpoints.some((endpoint) => endpoint.pattern.includes(segment));
    },
  };
}

// ---- per-file pre-checks on the source text -------------------------------------------------

/** A member's names; of a namespace (`Kakao.Link.*`), found where it is named as a member is, the namespace's. */
function memberNames(entry: DeprecatedMember): string[] {
  return (entry.member.endsWith('.*') ? entry.member.slice(0, -2) : entry.member).split('.');
}

/**
 * What a file may mention, per spec. The scan needs the patterns' last segments and the members'
 * names only, so the rule asks for it before the table, which most files (those that mention
 * neither) never need.
 */
export const getSourceScan = (spec: Spec): ((sourceText: string) => SourceMentions) => sourceScanOf(spec).scan;

/**
 * What the scan must find before it answers true for either kind, as regular-expression sources
 * (for mention-prefilter.ts): a path tail with what follows it, or a member set's anchor.
 */
export const sourceScanPatterns = (spec: Spec): readonly string[] => sourceScanOf(spec).patterns;

const sourceScanOf = memoizeByIdentity((spec: Spec) => {
  const tails = spec.deprecatedEndpoints.map((entry) => pathTail(patternShape(entry.path)));
  const hasTail = createPathTailTest(tails);
  // A member is found by its whole path (`Kakao.Auth['getStatus']`), so every name of it is there.
  const members = createNameSetTest(spec.deprecatedMembers.map(memberNames));
  const scan = (sourceText: string): SourceMentions => ({
    endpoints: hasTail(sourceText),
    members: members.test(sourceText),
  });
  return { scan, patterns: [...pathTailPatterns(tails), ...members.anchors.map(escapeRegExp)] };
});

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

function endsPathAt(sourceText: string, index: number): boolean {
  return index >= sourceText.length || PATH_FOLLOWER.test(sourceText[index]!);
}

/** Whether a source text has one of `tails`, in one scan over its slashes. */
function createPathTailTest(tails: readonly PathTail[]): (sourceText: string) => boolean {
  if (tails.length === 0) return () => false;
  if (hasShortTail(tails)) return (sourceText) => sourceText.includes('/');
  // Whether a character can follow the `/` of a tail: most slashes (in comments, imports, divisions)
  // are followed by none, and are passed over with one read of a table.
  const asciiSecondChars = new Uint8Array(128);
  const otherSecondChars = new Set<number>();
  for (const { text } of tails) {
    const second = text.charCodeAt(1);
    if (second < 128) asciiSecondChars[second] = 1;
    else otherSecondChars.add(second);
  }
  const tailAt = (sourceText: string, index: number) =>
    tails.some(({ text, openEnded }) => sourceText.startsWith(text, index) && (openEnded || endsPathAt(sourceText, index + text.length)));
  return (sourceText) => {
    for (let i = sourceText.indexOf('/'); i !== -1; i = sourceText.indexOf('/', i + 1)) {
      let next = sourceText.charCodeAt(i + 1);
      // The second slash of `//` (a third of all slashes) is looked at here, without another search.
      if (next === SLASH) next = sourceText.charCodeAt(++i + 1);
      const mayStartTail = next < 128 ? asciiSecondChars[next] === 1 : otherSecondChars.has(next);
      if (mayStartTail && tailAt(sourceText, i)) return true;
    }
    return false;
  };
}

const hasShortTail = (tails: readonly PathTail[]) => tails.some((tail) => tail.text.length < 2);

/** Exactly where createPathTailTest answers true: a tail, then (unless open-ended) what ends a path. */
function pathTailPatterns(tails: readonly PathTail[]): string[] {
  if (hasShortTail(tails)) return ['/'];
  const ending = `(?:${PATH_FOLLOWER.source}|$)`;
  return tails.map(({ text, openEnded }) => escapeRegExp(text) + (openEnded ? '' : ending));
}

const SLASH = 0x2f;
const isAsciiLowerCase = (char: number) => char >= 0x61 && char <= 0x7a;
const isAsciiUpperCase = (char: number) => char >= 0x41 && char <= 0x5a;

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
  // Where the window starts in the name: at the first character that is not a-z, among those a
  // whole window can start at; at 0 when there is none.
  const lastStart = Math.max(name.length - FAST_NEEDLE_LENGTH, 0);
  let offset = 0;
  while (offset <= lastStart && isAsciiLowerCase(name.charCodeAt(offset))) offset++;
  if (offset > lastStart) offset = 0;
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
function createNameSetTest(nameSets: readonly (readonly string[])[]): { test: (sourceText: string) => boolean; anchors: readonly string[] } {
  const byAnchor = new Map<string, { anchor: NameSearch; rests: NameSearch[][] }>();
  // One search per name: the sets share most of theirs (`Kakao`, `Auth`).
  const searchByName = new Map<string, NameSearch>();
  const searchFor = (name: string) => {
    let search = searchByName.get(name);
    if (!search) searchByName.set(name, (search = nameSearch(name)));
    return search;
  };
  for (const names of nameSets) {
    const searches = names.map(searchFor);
    const anchor = searches.find((search) => isAsciiUpperCase(search.window.charCodeAt(0))) ?? searches[0]!;
    const group = byAnchor.get(anchor.name) ?? { anchor, rests: [] };
    group.rests.push(searches.filter((search) => search !== anchor));
    byAnchor.set(anchor.name, group);
  }
  const groups = [...byAnchor.values()];
  // Loops over indices, not some() and every() with callbacks: every file is asked, mostly before
  // V8 has optimised this, and most files do not have the anchor.
  const test = (sourceText: string) => {
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
  // An anchor is found through its search window (nameSearch), which is what a text must hold.
  return { test, anchors: groups.map(({ anchor }) => anchor.window) };
}

/** The end of the path that starts at `start`: the first `?`, `#`, white space, quote or angle bracket. */
function pathEnd(text: string, start: number): number {
  const terminator = /[?#\s"'`<>]/gu;
  terminator.lastIndex = start;
  return terminator.exec(text)?.index ?? text.length;
}

/**
 * The deprecated endpoint whose pattern matches the path at `start` (a `/`), or undefined.
 * With `host`, only endpoints served by that host (lower case).
 */
export function matchPathAt(
  table: EndpointTable,
  text: string,
  start: number,
  host?: string,
): EndpointHit | undefined {
  if (text[start] !== '/' || text[start + 1] === '/') return undefined;
  const end = pathEnd(text, start);
  const path = text.slice(start, end);
  for (const endpoint of table.endpoints) {
    if (host !== undefined && !endpoint.hosts.has(host)) continue;
    if (!endpoint.test(path)) continue;
    return {
      endpoint,
      path: path.length > 1 ? withoutTrailingSlashes(path) : path,
      start,
      replaceEnd: endpoint.hasWildcard ? end : start + endpoint.pattern.length,
    };
  }
  return undefined;
}

/** Hits found in a text, with `offset` the length of the base text that was scanned before it. */
export interface HitsAfterBase {
  readonly hits: EndpointHit[];
  readonly offset: number;
}

/**
 * The hits of a path that follows a base (`BASE + '/v1/user/me'`): a base that is a URL decides the
 * host; an unknown base (undefined) is a host expression, so the path alone is matched.
 */
export function findHitsAfterBase(table: EndpointTable, base: string | undefined, text: string): HitsAfterBase {
  if (base === undefined) {
    const hit = matchPathAt(table, text, 0);
    return { hits: hit ? [hit] : [], offset: 0 };
  }
  if (parseUrlHost(base) === undefined) return { hits: [], offset: 0 };
  // Hits that lie entirely in the base are reported where the base is written.
  const baseStarts = new Set(findUrlHits(table, base).map((hit) => hit.start));
  const hits = findUrlHits(table, base + text).filter(
    (hit) => !baseStarts.has(hit.start) && hit.start + hit.path.length > base.length,
  );
  return { hits, offset: base.length };
}

const HOST_CHAR = /[A-Za-z0-9.-]/u;

/**
 * Every deprecated endpoint addressed by URL in `text` (`https://kapi.kakao.com/v1/user/me?x=1`,
 * `//kapi.kakao.com/...`, `http:`, or the bare host): only on the endpoint's own hosts, so the same
 * path on another host is never a hit. Hosts compare case-insensitively, paths case-sensitively.
 */
export function findUrlHits(table: EndpointTable, text: string): EndpointHit[] {
  const hits: EndpointHit[] = [];
  if (table.hosts.length === 0) return hits;
  const lower = text.toLowerCase();
  for (const host of table.hosts) {
    for (let index = lower.indexOf(host); index !== -1; index = lower.indexOf(host, index + 1)) {
      if (!startsAuthority(lower, index)) continue;
      let cursor = index + host.length;
      if (lower[cursor] === '.') cursor++; // a fully qualified `kapi.kakao.com.`
      if (lower[cursor] === ':') {
        cursor++;
        while (cursor < lower.length && lower.charCodeAt(cursor) >= 48 && lower.charCodeAt(cursor) <= 57) cursor++;
      }
      if (text[cursor] !== '/') continue;
      const hit = matchPathAt(table, text, cursor, host);
      if (hit) hits.push(hit);
    }
  }
  return hits.sort((a, b) => a.start - b.start);
}

/** The host at `index` begins an authority: at the start, after `//`, after userinfo `@`, or after a separator. */
function startsAuthority(lower: string, index: number): boolean {
  if (index === 0) return true;
  const before = lower[index - 1]!;
  if (before === '/') return lower[index - 2] === '/';
  if (before === '@') return true;
  return !HOST_CHAR.test(before) && before !== ':' && before !== '_';
}

/**
 * The lower-case host of a URL-like string (`https://api.example.com/...`, `//host`, `host:443`
 * after a scheme), or undefined when the text does not start with one.
 */
export function parseUrlHost(text: string): string | undefined {
  const match = /^\s*(?:[A-Za-z][A-Za-z0-9+.-]*:)?\/\/([^/?#\s]*)/u.exec(text);
  if (!match) return undefined;
  let authority = match[1]!.toLowerCase();
  const at = authority.lastIndexOf('@');
  if (at !== -1) authority = authority.slice(at + 1);
  authority = authority.replace(/:\d*$/u, '').replace(/\.$/u, '');
  return authority === '' ? undefined : authority;
}

/** `since` as a phrase: " on 2020-08-10", " in 2023", "" for null. */
export function formatSince(since: string | null): string {
  if (since === null) return '';
  return /^\d{4}-\d{2}-\d{2}$/u.test(since) ? ` on ${since}` : ` in ${since}`;
}

/** The `ignore` option: endpoint path patterns (`/v1/api/story/*`) and SDK member paths (`Kakao.Auth.getStatus`). */
export interface IgnoreList {
  ignoresHit(hit: EndpointHit): boolean;
  ignoresMember(member: string): boolean;
}

export const compileIgnoreList: (ignore: readonly string[]) => IgnoreList = memoizeByIdentity((ignore) => {
  const paths = ignore.filter((entry) => entry.startsWith('/')).map(compilePathPattern);
  const members = new Set(ignore.filter((entry) => !entry.startsWith('/')));
  return {
    ignoresHit: (hit) => paths.some((pattern) => pattern.pattern === hit.endpoint.pattern || pattern.test(hit.path)),
    ignoresMember: (member) => members.has(member),
  };
});
