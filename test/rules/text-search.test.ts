/** The source-text searches that decide whether a rule listens at all (rules/utils/text-search.ts). */
import { describe, expect, it } from 'vitest';
import { stringCodeSearch } from '../../rules/utils/code-nodes.js';
import { getBundledSpec, indexSpec } from '../../rules/utils/settings.js';
import { createTextSearch, sharedPrefixNeedles } from '../../rules/utils/text-search.js';

describe('createTextSearch', () => {
  const wholeWord = (word: string) => (text: string, index: number) => text.startsWith(word, index) && !/\w/u.test(text[index + word.length] ?? '');

  it('asks isMatchAt at every place a needle is found, until one matches', () => {
    const places: number[] = [];
    const search = createTextSearch(['Kakao'], (text, index) => {
      places.push(index);
      return wholeWord('KakaoErrorCode')(text, index);
    });
    expect(search('Kakao KakaoX KakaoErrorCode Kakao')).toBe(true);
    expect(places).toEqual([0, 6, 13]);
    expect(search('KakaoErrorCodes')).toBe(false);
  });

  it('answers each text on its own, whatever the same or another search answered before', () => {
    const enumNames = createTextSearch(['Kakao'], wholeWord('KakaoErrorCode'));
    const members = createTextSearch(['Kakao', 'Auth'], (text, index) => text.startsWith('Kakao.Auth', index - (text.startsWith('Auth', index) ? 6 : 0)));
    const withoutKakao = 'Auth.getStatus()';
    expect(enumNames(withoutKakao)).toBe(false);
    expect(members(withoutKakao)).toBe(false);
    // Another text of the same length that has the needle.
    const sameLength = 'Kakao.Auth.get()';
    expect(sameLength).toHaveLength(withoutKakao.length);
    expect(members(sameLength)).toBe(true);
    expect(enumNames(withoutKakao)).toBe(false);
    expect(enumNames('const c = KakaoErrorCode.X')).toBe(true);
    // The same text again, after others: found again.
    expect(members(sameLength)).toBe(true);
    expect(members('Auth.x; Kakao.Auth.y')).toBe(true);
  });
});

describe('sharedPrefixNeedles', () => {
  it('groups words by their first two characters under a common prefix of at most six', () => {
    expect(sharedPrefixNeedles(['KakaoErrorCode', 'KakaoLoginErrorCode', 'KOE320', 'KOE003', ''])).toEqual(['Kakao', 'KOE']);
    expect(sharedPrefixNeedles(['AcmeError'])).toEqual(['AcmeEr']);
  });
});

describe('stringCodeSearch (the pre-filter of string codes)', () => {
  const search = stringCodeSearch(indexSpec(getBundledSpec()));

  it('finds an integer code between quotes of either kind, and a family code as a whole word', () => {
    expect(search("if (code === '-401') retry();")).toBe(true);
    expect(search('if (code === "-401") retry();')).toBe(true);
    expect(search("'-401'")).toBe(true);
    expect(search('const handlers = { KOE320: relogin };')).toBe(true);
  });

  it('passes over a minus sign that is not the start of a quoted integer code', () => {
    expect(search('const n = -401;')).toBe(false);
    expect(search("const s = 'a-401';")).toBe(false);
    expect(search("const s = '-4010';")).toBe(false);
    // Mismatched quotes close no literal.
    expect(search('const s = \'-401" + "\';')).toBe(false);
    expect(search("const s = `-401`;")).toBe(false);
    expect(search('-401')).toBe(false);
    expect(search('KOE3200')).toBe(false);
  });
});
