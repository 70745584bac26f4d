/**
 * Matching text against the spec's deprecated endpoints and SDK members: path patterns
 * (`/v1/user/me`, `/v1/api/story/*`), URLs on the endpoint's hosts, and dotted member paths.
 * Pure string work, no AST: the rule decides which strings are worth looking at.
 *
 * Compiled once per spec object (WeakMap), so a file pays only for a few `includes` per string.
 */
import type { DeprecatedEndpoint, DeprecatedMember, Spec } from '../../core/spec.js';
import { escapeRegExp } from '../utils/ast.js';
import { getSourceScan, memberNames, patternShape } from '../utils/file-mentions.js';
import type { SourceMentions } from '../utils/file-mentions.js';
import { memoizeByIdentity } from '../utils/memo.js';

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
  /** What a file may mention (file-mentions.ts's scan, which the per-file model runs for the rule). */
  scanSource(sourceText: string): SourceMentions;
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
    staticPrefix: (hasWildcard ? pattern.slice(0, pattern.indexOf('*')) : pattern).replace(/\/+$/u, ''),
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
    scanSource: getSourceScan(spec).search,
    mayContainPath: (text) => prefixes.some((prefix) => text.includes(prefix)),
    mayEndPath: (text) => {
      const segment = /^\/[^/?#]*/u.exec(text)?.[0];
      return segment !== undefined && endpoints.some((endpoint) => endpoint.pattern.includes(segment));
    },
  };
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
      path: path.length > 1 ? path.replace(/\/+$/u, '') : path,
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
