/** URL matching of no-deprecated-api (rules/no-deprecated-api-utils/endpoints.ts): paths after a base, the ignore list. */
import { describe, expect, it } from 'vitest';
import { compileIgnoreList, findHitsAfterBase, findUrlHits, formatSince, getEndpointTable, matchPathAt } from '../../rules/no-deprecated-api-utils/endpoints.js';
import { getBundledSpec } from '../../rules/utils/settings.js';

const table = getEndpointTable(getBundledSpec());

describe('matchPathAt', () => {
  it('matches only at a single slash, and cuts a trailing slash from the path', () => {
    expect(matchPathAt(table, 'x/v1/user/me', 1)?.path).toBe('/v1/user/me');
    expect(matchPathAt(table, '/v1/user/me/', 0)?.path).toBe('/v1/user/me');
    expect(matchPathAt(table, 'v1/user/me', 0)).toBeUndefined();
    expect(matchPathAt(table, '//v1/user/me', 0)).toBeUndefined();
  });

  it('with a host, matches only the endpoints that host serves', () => {
    expect(matchPathAt(table, '/v1/user/me', 0, 'kapi.kakao.com')?.path).toBe('/v1/user/me');
    expect(matchPathAt(table, '/v1/user/me', 0, 'api.example.com')).toBeUndefined();
  });
});

describe('findHitsAfterBase', () => {
  it('matches the path alone after an unknown base, and on the base URL host after a known one', () => {
    expect(findHitsAfterBase(table, undefined, '/v1/user/me').hits.map((hit) => hit.path)).toEqual(['/v1/user/me']);
    const afterKakao = findHitsAfterBase(table, 'https://kapi.kakao.com/v1/user', '/me');
    expect(afterKakao.hits.map((hit) => hit.path)).toEqual(['/v1/user/me']);
    expect(afterKakao.offset).toBe('https://kapi.kakao.com/v1/user'.length);
    expect(findHitsAfterBase(table, 'https://api.example.com/v1/user', '/me').hits).toEqual([]);
    expect(findHitsAfterBase(table, 'not a url', '/v1/user/me').hits).toEqual([]);
  });

  it('leaves a hit that lies in the base to the base', () => {
    expect(findHitsAfterBase(table, 'https://kapi.kakao.com/v1/user/me', '?x=1').hits).toEqual([]);
  });
});

describe('compileIgnoreList', () => {
  it('ignores endpoints by pattern or by a path the pattern covers, and SDK members by name', () => {
    const ignore = compileIgnoreList(['/v1/user/*', 'Kakao.Auth.getStatus']);
    const [hit] = findUrlHits(table, 'https://kapi.kakao.com/v1/user/me');
    expect(hit).toBeDefined();
    expect(ignore.ignoresHit(hit!)).toBe(true);
    expect(compileIgnoreList(['/v2/*']).ignoresHit(hit!)).toBe(false);
    expect(ignore.ignoresMember('Kakao.Auth.getStatus')).toBe(true);
    expect(ignore.ignoresMember('Kakao.Auth.login')).toBe(false);
  });
});

describe('formatSince', () => {
  it('writes a date as "on", a year as "in", and nothing for null', () => {
    expect(formatSince('2020-08-10')).toBe(' on 2020-08-10');
    expect(formatSince('2023')).toBe(' in 2023');
    expect(formatSince(null)).toBe('');
  });
});
