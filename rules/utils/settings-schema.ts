/**
 * The shape of `settings.kakao`, checked by hand: a schema library would be the largest thing the
 * plugin loads at start-up, for five keys. Each problem is one line naming the key and what was
 * expected.
 */

/** A binding name that can be imported and written in any file: an identifier, not a reserved word. */
const IDENTIFIER = /^[\p{ID_Start}$_][\p{ID_Continue}$\u200C\u200D]*$/u;
// Reserved in strict mode code (every module), or not bindable there (`eval`, `arguments`).
const UNBINDABLE = new Set(
  (
    'await break case catch class const continue debugger default delete do else enum export extends false ' +
    'finally for function if import in instanceof new null return super switch this throw true try typeof ' +
    'var void while with yield let static implements interface package private protected public eval arguments'
  ).split(' '),
);
/**
 * Module specifiers are written into a string literal: a line break or control character (Unicode's
 * Cc: U+0000–U+001F, U+007F–U+009F) cannot be. A loop, not `/[^\p{Cc}\u2028\u2029]/u`: settings are
 * checked in the first file of every run, where compiling a Unicode property class is one of the
 * dearer steps.
 */
function isWritableSpecifier(value: string): boolean {
  for (let i = 0; i < value.length; i++) {
    const char = value.charCodeAt(i);
    if (char <= 0x1f || (char >= 0x7f && char <= 0x9f) || char === 0x2028 || char === 0x2029) return false;
  }
  return true;
}

const SCOPES = ['kakao-files', 'all'] as const;
export type Scope = (typeof SCOPES)[number];

export interface RawKakaoSettings {
  readonly enumName?: string;
  readonly enumModule?: string;
  readonly scope?: Scope;
  readonly spec?: string | Readonly<Record<string, unknown>>;
  readonly errorCodeNames?: readonly string[];
}

/** A problem with a value: what was expected, and where below the key (`[0]` of a list), if not at it. */
type Check = (value: unknown) => string | { at: string; expected: string } | undefined;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const checks: Readonly<Record<keyof RawKakaoSettings, Check>> = {
  enumName: (value) => {
    if (typeof value !== 'string' || !IDENTIFIER.test(value)) return 'expected an identifier';
    return UNBINDABLE.has(value) ? 'expected an identifier that is not a reserved word' : undefined;
  },
  enumModule: (value) => {
    if (typeof value !== 'string') return 'expected a module specifier, a path or a file: URL';
    if (value === '') return 'expected a non-empty module specifier';
    return isWritableSpecifier(value) ? undefined : 'expected a module specifier without line breaks or control characters';
  },
  errorCodeNames: (value) => {
    if (!Array.isArray(value)) return 'expected an array of names';
    const bad = value.findIndex((name) => typeof name !== 'string' || name === '');
    return bad === -1 ? undefined : { at: `[${bad}]`, expected: 'expected a non-empty name' };
  },
  scope: (value) => (SCOPES.includes(value as Scope) ? undefined : 'expected "kakao-files" or "all"'),
  spec: (value) =>
    (typeof value === 'string' && value !== '') || isRecord(value)
      ? undefined
      : 'expected a spec object (e.g. an imported JSON file) or a path to a spec file',
};
const KEYS = Object.keys(checks) as (keyof RawKakaoSettings)[];

/** `settings.kakao` checked; the first problem as `[path, message]`, or the settings. */
export function checkKakaoSettings(raw: unknown): { problem: [string, string] } | { settings: RawKakaoSettings } {
  if (!isRecord(raw)) return { problem: ['settings.kakao', 'expected an object'] };
  const unknownKeys = Object.keys(raw).filter((key) => !(KEYS as string[]).includes(key));
  if (unknownKeys.length > 0) {
    return { problem: ['settings.kakao', `unknown key(s) ${unknownKeys.join(', ')}; expected ${KEYS.slice(0, -1).join(', ')} or ${KEYS.at(-1)!}`] };
  }
  for (const key of KEYS) {
    const problem = raw[key] === undefined ? undefined : checks[key](raw[key]);
    if (typeof problem === 'string') return { problem: [`settings.kakao.${key}`, problem] };
    if (problem !== undefined) return { problem: [`settings.kakao.${key}${problem.at}`, problem.expected] };
  }
  return { settings: raw };
}
