/**
 * String codes: Kakao Login's KOE codes (a string family, enum KakaoLoginErrorCode, generated in
 * the same module as KakaoErrorCode) and REST codes written as strings (`'-401'`).
 */
import { outdent } from 'outdent';
import handleRetryableCodes from '../../rules/handle-retryable-codes.js';
import noMagicErrorCode from '../../rules/no-magic-error-code.js';
import { createJsRuleTester, createRuleTester } from '../rule-tester.js';

const ruleTester = createRuleTester();
const jsRuleTester = createJsRuleTester({ enumModule: './test/fixtures/js-project/generated/kakao-error-codes.js' });
const filename = 'src/token.ts';
const LOGIN_IMPORT = "import { KakaoLoginErrorCode } from '../generated/kakao-error-codes.js';";
const KAUTH = "export const TOKEN_URL = 'https://kauth.kakao.com/oauth/token';";

ruleTester.run('no-magic-error-code: string codes', noMagicErrorCode, {
  valid: [
    // A code in a message, a log line, a prefix test: not a comparison with an error-code expression.
    {
      filename,
      code: outdent`
        ${KAUTH}
        throw new Error('token exchange failed: KOE320');
        console.warn(\`Kakao answered KOE322 for \${user}\`);
        if (err.error_code.startsWith('KOE')) retryLogin();
        const body = { error: 'invalid_grant', error_code: 'KOE320' };
        if (message === 'KOE320') {}
      `,
    },
    // Already the enum member; a string that is no code of the spec.
    {
      filename,
      code: outdent`
        ${LOGIN_IMPORT}
        ${KAUTH}
        if (err.error_code === KakaoLoginErrorCode.AuthorizationCodeNotFound) {}
        if (err.error_code === 'KOE999') {}
        if (err.code === 'ECONNRESET') {}
      `,
    },
  ],
  invalid: [
    {
      name: 'an if and a switch over error_code are fixed to the Login enum',
      filename,
      code: outdent`
        ${LOGIN_IMPORT}
        ${KAUTH}
        export function recover(err: { response?: { data?: { error_code?: string } } }): string {
          if (err.response?.data?.error_code === 'KOE320') return 'login again';
          switch (err.response?.data?.error_code) {
            case 'KOE322':
              return 'refresh token expired';
            case 'KOE003':
              return 'retry';
            default:
              return 'fail';
          }
        }
      `,
      output: outdent`
        ${LOGIN_IMPORT}
        ${KAUTH}
        export function recover(err: { response?: { data?: { error_code?: string } } }): string {
          if (err.response?.data?.error_code === KakaoLoginErrorCode.AuthorizationCodeNotFound) return 'login again';
          switch (err.response?.data?.error_code) {
            case KakaoLoginErrorCode.InvalidRefreshToken:
              return 'refresh token expired';
            case KakaoLoginErrorCode.TemporaryServerError:
              return 'retry';
            default:
              return 'fail';
          }
        }
      `,
      errors: [
        {
          messageId: 'magicCode',
          line: 4,
          column: 42,
          data: {
            api: 'Kakao',
            code: "'KOE320'",
            replacement: 'KakaoLoginErrorCode.AuthorizationCodeNotFound',
            summary: 'authorization code not found',
          },
        },
        { messageId: 'magicCode', line: 6, column: 10 },
        { messageId: 'magicCode', line: 8, column: 10 },
      ],
    },
    {
      name: 'a single code gets the import of the Login enum',
      filename,
      code: outdent`
        ${KAUTH}
        export const reused = (err: { error_code: string }) => err.error_code === 'KOE320';
      `,
      output: outdent`
        ${LOGIN_IMPORT}
        ${KAUTH}
        export const reused = (err: { error_code: string }) => err.error_code === KakaoLoginErrorCode.AuthorizationCodeNotFound;
      `,
      errors: [{ messageId: 'magicCode', line: 2, column: 75 }],
    },
    {
      name: 'a switch mixing both families imports both enums from the one module',
      filename,
      code: outdent`
        import { KakaoErrorCode } from '../generated/kakao-error-codes.js';
        ${KAUTH}
        export function kind(code: string | number): string {
          switch (code) {
            case 'KOE320':
              return 'code';
            case KakaoErrorCode.InvalidToken:
              return 'token';
            default:
              return 'other';
          }
        }
      `,
      output: outdent`
        import { KakaoErrorCode, KakaoLoginErrorCode } from '../generated/kakao-error-codes.js';
        ${KAUTH}
        export function kind(code: string | number): string {
          switch (code) {
            case KakaoLoginErrorCode.AuthorizationCodeNotFound:
              return 'code';
            case KakaoErrorCode.InvalidToken:
              return 'token';
            default:
              return 'other';
          }
        }
      `,
      errors: [{ messageId: 'magicCode', line: 5, column: 10 }],
    },
    {
      name: 'a code-keyed map with plain keys takes the members as computed keys',
      filename,
      code: outdent`
        ${LOGIN_IMPORT}
        ${KAUTH}
        const ADVICE: Record<string, string> = { KOE320: 'log in again', 'KOE322': 'refresh' };
        export const advice = (error_code: string) => ADVICE[error_code];
      `,
      output: outdent`
        ${LOGIN_IMPORT}
        ${KAUTH}
        const ADVICE: Record<string, string> = { [KakaoLoginErrorCode.AuthorizationCodeNotFound]: 'log in again', [KakaoLoginErrorCode.InvalidRefreshToken]: 'refresh' };
        export const advice = (error_code: string) => ADVICE[error_code];
      `,
      errors: [
        { messageId: 'magicCode', line: 3, column: 42 },
        { messageId: 'magicCode', line: 3, column: 66 },
      ],
    },
    {
      name: 'a TypeScript list of string-enum members would not take a string: reported, not fixed',
      filename,
      code: outdent`
        ${KAUTH}
        export const mustLogIn = (error_code: string) => ['KOE320', 'KOE322'].includes(error_code);
      `,
      output: null,
      errors: [{ messageId: 'magicCodeNotFixed' }, { messageId: 'magicCodeNotFixed' }],
    },
    {
      name: "a REST code written as a string ('-401') gets a suggestion, not a fix: the member is a number",
      filename,
      code: outdent`
        export const KAKAO = 'https://kapi.kakao.com';
        export const expired = (error: { code: string }) => error.code === '-401';
      `,
      output: null,
      errors: [
        {
          messageId: 'magicCodeString',
          line: 2,
          column: 68,
          suggestions: [
            {
              messageId: 'useEnumMember',
              output: outdent`
                import { KakaoErrorCode } from '../generated/kakao-error-codes.js';
                export const KAKAO = 'https://kapi.kakao.com';
                export const expired = (error: { code: string }) => error.code === String(KakaoErrorCode.InvalidToken);
              `,
            },
          ],
        },
      ],
    },
  ],
});

// The text pre-check finds a string code between any quotes, and nothing that only looks like one.
ruleTester.run('no-magic-error-code: string codes by any quote', noMagicErrorCode, {
  valid: [
    {
      filename,
      code: outdent`
        export const KAKAO = 'https://kapi.kakao.com';
        const near = (error: { code: string }) =>
          error.code === '-4010' || error.code === "-401x" || error.code === '- 401' || error.code === 'x-401' || error.code === \`-401\${1}\`;
      `,
    },
    // A template is no string literal: the model reads codes from literals only.
    {
      filename,
      code: outdent`
        export const KAKAO = 'https://kapi.kakao.com';
        export const expired = (error: { code: string }) => error.code === \`-401\`;
      `,
    },
  ],
  invalid: [
    ...["'-401'", '"-401"'].map((literal) => ({
      filename,
      code: outdent`
        export const KAKAO = 'https://kapi.kakao.com';
        export const expired = (error: { code: string }) => error.code === ${literal};
      `,
      output: null,
      errors: [{ messageId: 'magicCodeString' as const, suggestions: [{ messageId: 'useEnumMember' as const, output: outdent`
        import { KakaoErrorCode } from '../generated/kakao-error-codes.js';
        export const KAKAO = 'https://kapi.kakao.com';
        export const expired = (error: { code: string }) => error.code === String(KakaoErrorCode.InvalidToken);
      ` }] }],
    })),
    {
      filename,
      code: outdent`
        ${KAUTH}
        const retry = { KOE003: true };
        export const again = (error_code: string) => error_code in retry || error_code === 'KOE003';
      `,
      output: outdent`
        import { KakaoLoginErrorCode } from '../generated/kakao-error-codes.js';
        ${KAUTH}
        const retry = { KOE003: true };
        export const again = (error_code: string) => error_code in retry || error_code === KakaoLoginErrorCode.TemporaryServerError;
      `,
      errors: [{ messageId: 'magicCode' }],
    },
  ],
});

jsRuleTester.run('no-magic-error-code: string codes in JavaScript', noMagicErrorCode as never, {
  valid: [],
  invalid: [
    {
      // In JavaScript a list of members is a list of strings: fixed.
      filename: 'test/fixtures/js-project/src/token.js',
      code: outdent`
        import { KakaoLoginErrorCode } from '../generated/kakao-error-codes.js';
        export const mustLogIn = (err) => ['KOE320', 'KOE322'].includes(err.error_code) || err.error_code === 'KOE001';
        export const TOKEN_URL = 'https://kauth.kakao.com/oauth/token';
      `,
      output: outdent`
        import { KakaoLoginErrorCode } from '../generated/kakao-error-codes.js';
        export const mustLogIn = (err) => [KakaoLoginErrorCode.AuthorizationCodeNotFound, KakaoLoginErrorCode.InvalidRefreshToken].includes(err.error_code) || err.error_code === KakaoLoginErrorCode.InvalidRequestParameters;
        export const TOKEN_URL = 'https://kauth.kakao.com/oauth/token';
      `,
      errors: [{ messageId: 'magicCode' }, { messageId: 'magicCode' }, { messageId: 'magicCode' }],
    },
  ],
});

const TODO = '// TODO: transient Kakao error: retry the request.';

ruleTester.run('handle-retryable-codes: Kakao Login codes', handleRetryableCodes, {
  valid: [
    // KOE003, the Login family's retryable code, is handled; the REST codes are not wanted here.
    {
      filename,
      code: outdent`
        ${KAUTH}
        export function recover(error_code: string): string {
          switch (error_code) {
            case 'KOE320':
              return 'login';
            case 'KOE322':
              return 'refresh';
            case 'KOE003':
              return 'retry';
            default:
              return 'fail';
          }
        }
      `,
    },
    // Through the generated guard of the Login family.
    {
      filename,
      code: outdent`
        import { isRetryableKakaoLoginErrorCode } from '../generated/kakao-error-codes.js';
        ${KAUTH}
        export function recover(error_code: string): string {
          if (isRetryableKakaoLoginErrorCode(error_code)) return 'retry';
          if (error_code === 'KOE320') return 'login';
          if (error_code === 'KOE322') return 'refresh';
          return 'fail';
        }
      `,
    },
  ],
  invalid: [
    {
      name: 'a switch over Login codes without KOE003 wants KOE003, and only it',
      filename,
      code: outdent`
        ${LOGIN_IMPORT}
        ${KAUTH}
        export function recover(error_code: string): string {
          switch (error_code) {
            case KakaoLoginErrorCode.AuthorizationCodeNotFound:
              return 'login';
            case KakaoLoginErrorCode.InvalidRefreshToken:
              return 'refresh';
            default:
              return 'fail';
          }
        }
      `,
      errors: [
        {
          messageId: 'missingRetryableCodes',
          line: 4,
          data: { api: 'Kakao', missing: 'TemporaryServerError (KOE003)' },
          suggestions: [
            {
              messageId: 'addMissingCases',
              output: outdent`
                ${LOGIN_IMPORT}
                ${KAUTH}
                export function recover(error_code: string): string {
                  switch (error_code) {
                    case KakaoLoginErrorCode.AuthorizationCodeNotFound:
                      return 'login';
                    case KakaoLoginErrorCode.InvalidRefreshToken:
                      return 'refresh';
                    case KakaoLoginErrorCode.TemporaryServerError:
                      ${TODO}
                    default:
                      return 'fail';
                  }
                }
              `,
            },
          ],
        },
      ],
    },
    {
      name: "a switch mixing both families (case 'KOE320': … case -401:) wants both families' retryable codes",
      filename,
      code: outdent`
        ${KAUTH}
        export function recover(code: string | number): string {
          switch (code) {
            case 'KOE320':
              return 'login';
            case -401:
              return 'refresh';
            default:
              return 'fail';
          }
        }
      `,
      errors: [
        {
          messageId: 'missingRetryableCodes',
          line: 3,
          data: {
            api: 'Kakao',
            missing: 'InternalError (-1), ServiceInternalIssue (-7), ServerTimeOut (-603), UnderMaintenance (-9798), TemporaryServerError (KOE003)',
          },
          suggestions: [
            {
              messageId: 'addMissingCases',
              output: outdent`
                import { KakaoErrorCode } from '../generated/kakao-error-codes.js';
                ${KAUTH}
                export function recover(code: string | number): string {
                  switch (code) {
                    case 'KOE320':
                      return 'login';
                    case -401:
                      return 'refresh';
                    case KakaoErrorCode.InternalError:
                    case KakaoErrorCode.ServiceInternalIssue:
                    case KakaoErrorCode.ServerTimeOut:
                    case KakaoErrorCode.UnderMaintenance:
                    case 'KOE003':
                      ${TODO}
                    default:
                      return 'fail';
                  }
                }
              `,
            },
          ],
        },
      ],
    },
  ],
});
