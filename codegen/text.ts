/**
 * Turning spec text into safe source text. Everything the generator emits from the spec goes
 * through one of these: `jsString` for string literals, `jsDocText` for JSDoc, `commentText`
 * for `//` comments.
 */

/**
 * A double-quoted JavaScript string literal whose value is exactly `value`: JSON escaping (quotes,
 * backslashes, control characters, lone surrogates) plus U+2028/U+2029, which older engines reject
 * in string literals.
 */
export function jsString(value: string): string {
  return JSON.stringify(value).replace(/[\u2028\u2029]/gu, (ch) =>
    ch === '\u2028' ? '\\u2028' : '\\u2029',
  );
}

/**
 * Text that is safe inside a JSDoc block: line breaks normalised to LF, `*\/` cannot close the
 * comment early, and a line starting with `@` cannot become a tag (such as a stray `@deprecated`).
 */
export function jsDocText(value: string): string {
  return value
    .replace(/\r\n?|[\u2028\u2029]/gu, '\n')
    .replace(/\*\//gu, '*\\/')
    .replace(/^(\s*)@/gmu, '$1\\@');
}

/** Text that is safe on one `//` comment line: line breaks and other control characters become spaces. */
export function commentText(value: string): string {
  // eslint-disable-next-line no-control-regex -- control characters are exactly what is removed
  return value.replace(/[\u0000-\u001f\u007f\u2028\u2029]/gu, ' ');
}

/** `KakaoErrorCode` → `kakaoErrorCode`. */
export function lowerFirst(value: string): string {
  return value.charAt(0).toLowerCase() + value.slice(1);
}

/** `KakaoErrorCode` → `KakaoErrorCodes`, `Status` → `Statuses`. */
export function plural(value: string): string {
  return /(?:s|x|z|ch|sh)$/u.test(value) ? `${value}es` : `${value}s`;
}

/** LF line endings and exactly one final newline. */
export function normaliseNewlines(text: string): string {
  const lf = text.includes('\r') ? text.replace(/\r\n?/gu, '\n') : text;
  let end = lf.length;
  while (end > 0 && lf.charCodeAt(end - 1) === 0x0a) end--;
  return `${lf.slice(0, end)}\n`;
}
