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
  // JSON.stringify escapes C0 controls and lone surrogates; DEL, C1 controls and the two line
  // separators it leaves raw.
  return JSON.stringify(value).replace(/[\u007f-\u009f\u2028\u2029]/gu, unicodeEscape);
}

/** `\u001b` for one UTF-16 code unit. */
function unicodeEscape(ch: string): string {
  return `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`;
}

const SHORT_ESCAPES: Readonly<Record<string, string>> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

// C0 and C1 controls, DEL, the line and paragraph separators, and lone surrogates (which would be
// written as U+FFFD): none may reach a generated file or a terminal raw. With the u flag a surrogate
// pair is one code point, so only lone surrogates match the range.
// eslint-disable-next-line no-control-regex -- control characters are exactly what is escaped
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\ud800-\udfff]/gu;

/** `value` with every control character (and lone surrogate) written as an escape: `\n`, `\u001b`. */
export function escapeControls(value: string): string {
  return value.replace(UNSAFE, (ch) => SHORT_ESCAPES[ch] ?? unicodeEscape(ch));
}

/**
 * Text that is safe inside a JSDoc block: line breaks normalised to LF (each becomes a ` * ` line),
 * every other control character escaped (`\u001b`), `*\/` cannot close the comment early, and a
 * line starting with `@` cannot become a tag (such as a stray `@deprecated`).
 */
export function jsDocText(value: string): string {
  return value
    .replace(/\r\n?|[\u2028\u2029]/gu, '\n')
    .split('\n')
    .map(escapeControls)
    .join('\n')
    .replace(/\*\//gu, '*\\/')
    .replace(/^(\s*)@/gmu, '$1\\@');
}

/** Text that is safe on one `//` comment line: line breaks and other control characters escaped. */
export function commentText(value: string): string {
  return escapeControls(value);
}

/**
 * A value for a one-line message: controls escaped, and cut to about `max` characters with `…`
 * (never inside a surrogate pair or an escape).
 */
export function messageText(value: string, max = 60): string {
  const escaped = escapeControls(value);
  if (escaped.length <= max) return escaped;
  let cut = 0;
  for (const ch of value) {
    const piece = escapeControls(ch);
    if (cut + piece.length > max - 1) break;
    cut += piece.length;
  }
  return `${escaped.slice(0, cut)}…`;
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
