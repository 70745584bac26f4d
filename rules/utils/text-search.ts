/**
 * Searches of a file's source text that decide, once per file, whether a rule needs to listen at
 * all. They read the source, not values: a name or code spelled with escapes is not found.
 */

/** V8 finds a needle of up to 6 characters by scanning for its first one; longer ones take a slower search. */
export const FAST_NEEDLE_LENGTH = 6;

/**
 * A test of whether a text holds a match: each needle is searched for with `indexOf`, and
 * `isMatchAt` decides at each place one is found. Several `indexOf` scans for short needles are
 * several times faster than one regular expression with the same alternatives over a large text.
 */
export function createTextSearch(
  needles: readonly string[],
  isMatchAt: (text: string, index: number) => boolean,
): (text: string) => boolean {
  // Indices, not for-of: every file is searched, mostly before V8 has optimised this. Searches that
  // share a needle (`Kakao` of the enum names and of the SDK members) each scan for it: a second
  // `indexOf` of a rare first character costs less than remembering, per file, which needles were absent.
  return (text) => {
    for (let n = 0; n < needles.length; n++) {
      const needle = needles[n]!;
      for (let i = text.indexOf(needle); i !== -1; i = text.indexOf(needle, i + 1)) {
        if (isMatchAt(text, i)) return true;
      }
    }
    return false;
  };
}

/**
 * Needles that find every one of `words`: the words grouped by their first two characters, and
 * each group's longest common prefix (at most FAST_NEEDLE_LENGTH characters): `Kakao` for
 * `KakaoErrorCode` and `KakaoLoginErrorCode`, `KOE` for Kakao Login's codes.
 */
export function sharedPrefixNeedles(words: readonly string[]): string[] {
  const groups = new Map<string, string>();
  for (const word of words) {
    if (word === '') continue;
    const key = word.slice(0, 2);
    const prefix = groups.get(key);
    groups.set(key, prefix === undefined ? word.slice(0, FAST_NEEDLE_LENGTH) : commonPrefix(prefix, word));
  }
  return [...groups.values()];
}

function commonPrefix(a: string, b: string): string {
  let length = 0;
  while (length < a.length && length < b.length && a[length] === b[length]) length++;
  return a.slice(0, length);
}
