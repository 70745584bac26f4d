import path from 'node:path';
import { Linter } from 'eslint';
import { outdent } from 'outdent';
import { describe, expect, it } from 'vitest';
import rule, { DEFAULT_COMMENT_PATTERN } from '../../rules/handle-retryable-codes.js';
import { findNestedRepetition } from '../../rules/handle-retryable-codes-utils/setup.js';
import { createJsRuleTester, createRuleTester, fixtureFile } from '../rule-tester.js';

const ruleTester = createRuleTester();
const file = 'src/client.ts';
const IMPORT = "import { KakaoErrorCode } from '../generated/kakao-error-codes.js';";
const TODO = '// TODO: transient Kakao error: retry the request.';
const ONE_LINE_TODO = '/* TODO: transient Kakao error: retry the request. */';

const ALL_MISSING =
  'InternalError (-1), ServiceInternalIssue (-7), ServerTimeOut (-603), UnderMaintenance (-9798)';
const missing = (list: string) => ({ api: 'Kakao', missing: list });
const MEMBERS = ['InternalError', 'ServiceInternalIssue', 'ServerTimeOut', 'UnderMaintenance'];
/** The four retryable cases as the suggestion writes them, one a line. */
const ENUM_CASES = (indent: string) => MEMBERS.map((member) => `${indent}case KakaoErrorCode.${member}:`).join('\n');
const ONE_LINE_CASES = MEMBERS.map((member) => `case KakaoErrorCode.${member}:`).join(' ');

/** `subject === KakaoErrorCode.<member>` for each member, joined by `||`: one line, or one a line at `indent`. */
const comparisons = (subject: string, members: readonly string[], indent?: string) =>
  members
    .map((member) => `${indent ?? ''}${subject} === KakaoErrorCode.${member}`)
    .join(indent === undefined ? ' || ' : ' ||\n');
/** The `if` an if-chain suggestion adds, written at `indent`: its body is the TODO. */
const blockIf = (subject: string, members: readonly string[], indent: string) =>
  `if (\n${comparisons(subject, members, `${indent}  `)}\n${indent}) {\n${indent}  ${TODO}\n${indent}}`;
const oneLineIf = (subject: string, members: readonly string[]) =>
  `if (${comparisons(subject, members)}) { ${ONE_LINE_TODO} }`;
const suggest = (output: string) => [{ messageId: 'addMissingCases' as const, output }];

const SWITCH_LITERALS = outdent`
  ${IMPORT}
  function handle(err) {
    switch (err.code) {
      case -401:
        refresh();
        break;
      case -402:
        askConsent();
        break;
      default:
        throw err;
    }
  }
`;
const SWITCH_LITERALS_FIXED = outdent`
  ${IMPORT}
  function handle(err) {
    switch (err.code) {
      case -401:
        refresh();
        break;
      case -402:
        askConsent();
        break;
      case KakaoErrorCode.InternalError:
      case KakaoErrorCode.ServiceInternalIssue:
      case KakaoErrorCode.ServerTimeOut:
      case KakaoErrorCode.UnderMaintenance:
        ${TODO}
      default:
        throw err;
    }
  }
`;

const SWITCH_ENUM = outdent`
  ${IMPORT}
  switch (response.data.code) {
    case KakaoErrorCode.InvalidToken:
      return refresh();
    case KakaoErrorCode.InternalError:
      return retry();
  }
`;
const SWITCH_ENUM_FIXED = outdent`
  ${IMPORT}
  switch (response.data.code) {
    case KakaoErrorCode.InvalidToken:
      return refresh();
    case KakaoErrorCode.InternalError:
      return retry();
    case KakaoErrorCode.ServiceInternalIssue:
    case KakaoErrorCode.ServerTimeOut:
    case KakaoErrorCode.UnderMaintenance:
      ${TODO}
      break;
  }
`;

// No import yet: the suggestion adds it (settings.kakao.enumModule is set).
const SWITCH_MIXED = outdent`
  export const api = 'https://kapi.kakao.com/v2/user/me';
  switch (err.errorCode) {
    case KakaoErrorCode.InvalidToken:
    case -7:
      // token trouble
      relogin();
      break;
    // anything else
    default:
      fail();
  }
`;
const SWITCH_MIXED_FIXED = outdent`
  ${IMPORT}
  export const api = 'https://kapi.kakao.com/v2/user/me';
  switch (err.errorCode) {
    case KakaoErrorCode.InvalidToken:
    case -7:
      // token trouble
      relogin();
      break;
    case KakaoErrorCode.InternalError:
    case KakaoErrorCode.ServerTimeOut:
    case KakaoErrorCode.UnderMaintenance:
      ${TODO}
    // anything else
    default:
      fail();
  }
`;

// The case above `default` falls through into it, and still does past the added labels.
const SWITCH_FALLTHROUGH = outdent`
  export const kakao = 1;
  switch (code) {
    case -401:
      log();
    default:
      fail();
  }
`;
const SWITCH_FALLTHROUGH_FIXED = outdent`
  ${IMPORT}
  export const kakao = 1;
  switch (code) {
    case -401:
      log();
    case KakaoErrorCode.InternalError:
    case KakaoErrorCode.ServiceInternalIssue:
    case KakaoErrorCode.ServerTimeOut:
    case KakaoErrorCode.UnderMaintenance:
      ${TODO}
    default:
      fail();
  }
`;

const SWITCH_ONE_LINE = outdent`
  ${IMPORT}
  switch (code) { case -401: a(); break; default: b(); }
`;
const SWITCH_ONE_LINE_FIXED = outdent`
  ${IMPORT}
  switch (code) { case -401: a(); break; case KakaoErrorCode.InternalError: case KakaoErrorCode.ServiceInternalIssue: case KakaoErrorCode.ServerTimeOut: case KakaoErrorCode.UnderMaintenance: ${ONE_LINE_TODO} default: b(); }
`;

// No Kakao evidence (checked with scope: 'all') and no enum module: literal cases, tab indentation.
const SWITCH_NO_ENUM = ['switch (err.code) {', '\tcase -401: // token', '\t\trefresh();', '\t\tbreak; // done', '}'].join('\n');
const SWITCH_NO_ENUM_FIXED = [
  'switch (err.code) {',
  '\tcase -401: // token',
  '\t\trefresh();',
  '\t\tbreak; // done',
  '\tcase -1:',
  '\tcase -7:',
  '\tcase -603:',
  '\tcase -9798:',
  `\t\t${TODO}`,
  '\t\tbreak;',
  '}',
].join('\n');

ruleTester.run('handle-retryable-codes', rule, {
  valid: [
    // Complete dispatches.
    {
      filename: file,
      code: outdent`
        ${IMPORT}
        function handle(err) {
          switch (err.code) {
            case -1:
            case -7:
            case -603:
            case -9798:
              return retry();
            case -401:
              return refresh();
          }
        }
      `,
    },
    {
      filename: file,
      code: outdent`
        ${IMPORT}
        switch (err?.code as KakaoErrorCode) {
          case KakaoErrorCode.InternalError:
          case KakaoErrorCode.ServiceInternalIssue:
          case KakaoErrorCode.ServerTimeOut:
          case KakaoErrorCode.UnderMaintenance:
            retry();
            break;
          case KakaoErrorCode.InvalidToken:
            refresh();
        }
      `,
    },
    {
      filename: file,
      code: outdent`
        ${IMPORT}
        if (code === KakaoErrorCode.InternalError || code === -7) retry();
        else if ([-603, KakaoErrorCode.UnderMaintenance].includes(code)) retry();
        else if (code === -401) refresh();
        else throw err;
      `,
    },
    {
      filename: file,
      code: outdent`
        ${IMPORT}
        const TRANSIENT = new Set([-1, -7, -603, -9798]);
        function handle(err) {
          if (TRANSIENT.has(err.code)) return retry();
          if (Number(err.code) === -401) return refresh();
          if (err?.code === -402) return askConsent();
          throw err;
        }
      `,
    },
    // Not Kakao dispatches: HTTP statuses, string codes, -1 as "not found", a single check.
    {
      filename: file,
      code: outdent`
        ${IMPORT}
        switch (res.status) {
          case 401: refresh(); break;
          case 500: retry(); break;
        }
      `,
    },
    {
      filename: file,
      code: outdent`
        ${IMPORT}
        if (res.status === 401) refresh();
        else if (res.status === 503) retry();
      `,
    },
    {
      filename: file,
      code: outdent`
        ${IMPORT}
        switch (err.code) {
          case 'ECONNRESET': retry(); break;
          case 'ETIMEDOUT': retry(); break;
        }
      `,
    },
    {
      filename: file,
      code: outdent`
        ${IMPORT}
        type Code = 'a' | 'b';
        declare const code: Code;
        if (code === 'a') {} else if (code === 'b') {}
      `,
    },
    {
      filename: file,
      code: outdent`
        ${IMPORT}
        switch (list.indexOf(item)) { case -1: add(); break; default: skip(); }
      `,
    },
    {
      filename: file,
      code: outdent`
        ${IMPORT}
        if (list.indexOf(a) === -1) x();
        else if (list.indexOf(b) === -1) y();
      `,
    },
    {
      filename: file,
      code: outdent`
        ${IMPORT}
        if (err.code === -401) refresh();
        throw err;
      `,
    },
    {
      filename: file,
      code: outdent`
        ${IMPORT}
        if (err.code === -401) refresh();
        if (other.code === -402) askConsent();
      `,
    },
    // Guards: in the conditions, in `default`, before the dispatch, around it, after it.
    {
      filename: file,
      code: outdent`
        ${IMPORT}
        if (isRetryableKakaoErrorCode(err.code)) retry();
        else if (err.code === -401) refresh();
        else if (err.code === -402) askConsent();
      `,
    },
    {
      filename: file,
      code: outdent`
        ${IMPORT}
        function handle(err) {
          switch (err.code) {
            case -401: return refresh();
            default:
              if (isRetryable(err)) return retry();
              throw err;
          }
        }
      `,
    },
    {
      filename: file,
      code: outdent`
        ${IMPORT}
        function handle(err) {
          if (isRetryableKakaoErrorCode(err.code)) return retry();
          log(err);
          switch (err.code) {
            case -401: return refresh();
          }
        }
      `,
    },
    {
      filename: file,
      code: outdent`
        ${IMPORT}
        function handle(err) {
          if (!kakao.isRetryable(err.code)) {
            switch (err.code) {
              case -401: return refresh();
              case -402: return askConsent();
            }
          }
        }
      `,
    },
    {
      filename: file,
      code: outdent`
        ${IMPORT}
        function handle(err) {
          switch (err.code) {
            case -401: return refresh();
            case -402: return askConsent();
          }
          if (retryableKakaoErrorCodes.includes(err.code)) return retry();
          throw err;
        }
      `,
    },
    {
      filename: file,
      code: outdent`
        ${IMPORT}
        function handle(err) {
          if (err.code === -401) return refresh();
          if (err.code === -402) return askConsent();
          if (isRetryable(err.code)) return retry();
          throw err;
        }
      `,
    },
    // Explicit checks of the same subject before the dispatch or in its default branch.
    {
      filename: file,
      code: outdent`
        ${IMPORT}
        function handle(err) {
          if ([-1, -7, -603, -9798].includes(err.code)) return retry();
          switch (err.code) {
            case -401: return refresh();
            case -402: return askConsent();
          }
        }
      `,
    },
    {
      filename: file,
      code: outdent`
        ${IMPORT}
        function handle(err) {
          switch (err.code) {
            case -401: return refresh();
            default:
              if (err.code === -1 || err.code === -7 || err.code === -603 || err.code === -9798) return retry();
              throw err;
          }
        }
      `,
    },
    // `default` / final `else` with a comment matching the pattern.
    {
      filename: file,
      code: outdent`
        ${IMPORT}
        function handle(err) {
          switch (err.code) {
            case -401: return refresh();
            default: // Retryable codes: rethrown, the queue retries them.
              throw err;
          }
        }
      `,
    },
    {
      filename: file,
      code: outdent`
        ${IMPORT}
        if (code === -401) refresh();
        else if (code === -402) askConsent();
        else {
          /* retried by the caller */
          throw err;
        }
      `,
    },
    {
      filename: file,
      code: outdent`
        ${IMPORT}
        function handle(err) {
          switch (err.code) {
            case -401: return refresh();
            // retries happen upstream
          }
        }
      `,
    },
    // Nested dispatches: each is checked on its own.
    {
      filename: file,
      code: outdent`
        ${IMPORT}
        function handle(err) {
          switch (err.code) {
            case -1: case -7: case -603: case -9798:
              if (attempt.code === -401) reset();
              else if (attempt.code === -1 || attempt.code === -7 || attempt.code === -603 || attempt.code === -9798) wait();
              return retry();
          }
        }
      `,
    },
    // Odd code never crashes.
    {
      filename: file,
      code: outdent`
        ${IMPORT}
        switch (code) {}
        switch (code) { default: }
        switch (true) { case code === -401: break; }
      `,
    },
    {
      filename: file,
      code: outdent`
        ${IMPORT}
        switch (code) { default: break; case -1: case -7: case -603: case -9798: case -1: retry(); }
      `,
    },
    // Options.
    {
      filename: file,
      code: outdent`
        ${IMPORT}
        switch (code) { case -401: a(); break; default: b(); }
      `,
      options: [{ allowDefault: true }],
    },
    {
      filename: file,
      code: outdent`
        ${IMPORT}
        if (code === -401) a(); else if (code === -402) b(); else c();
      `,
      options: [{ allowDefault: true }],
    },
    {
      filename: file,
      code: outdent`
        ${IMPORT}
        switch (code) { case -401: a(); break; default: /* handled by withBackoff */ b(); }
      `,
      options: [{ defaultCommentPattern: 'withBackoff' }],
    },
    {
      filename: file,
      code: outdent`
        ${IMPORT}
        function handle(err) {
          if (shouldRetry(err)) return retry();
          switch (err.code) { case -401: return refresh(); }
        }
      `,
      options: [{ guardNames: ['shouldRetry'] }],
    },
    {
      filename: file,
      code: outdent`
        ${IMPORT}
        switch (code) { case -401: a(); break; case -1: retry(); }
      `,
      options: [{ retryableCodes: ['InternalError'] }],
    },
    {
      filename: file,
      code: outdent`
        ${IMPORT}
        if (code === -401 || code === -402) relogin();
      `,
      options: [{ minimumCodes: 3 }],
    },
    {
      filename: file,
      code: outdent`
        ${IMPORT}
        switch (err.kakaoStatus) { case -401: a(); break; }
      `,
      options: [{ errorCodeNames: ['code'] }],
    },
    // Out of scope: no Kakao evidence, or a generated file.
    { filename: file, code: 'switch (err.code) { case -401: refresh(); break; case -402: askConsent(); break; }' },
    {
      filename: file,
      code: outdent`
        // Code generated by kakao-codegen. DO NOT EDIT.
        const kakao = 1;
        switch (err.code) { case -401: break; }
      `,
    },
    // The suggestions' outputs pass.
    { filename: file, code: SWITCH_LITERALS_FIXED },
    { filename: file, code: SWITCH_ENUM_FIXED },
    { filename: file, code: SWITCH_MIXED_FIXED },
    { filename: file, code: SWITCH_FALLTHROUGH_FIXED },
    { filename: file, code: SWITCH_ONE_LINE_FIXED },
  ],
  invalid: [
    {
      filename: file,
      code: SWITCH_LITERALS,
      errors: [
        {
          messageId: 'missingRetryableCodes',
          data: missing(ALL_MISSING),
          line: 3,
          column: 3,
          endLine: 3,
          endColumn: 20,
          suggestions: [{ messageId: 'addMissingCases', output: SWITCH_LITERALS_FIXED }],
        },
      ],
    },
    {
      filename: file,
      code: SWITCH_ENUM,
      errors: [
        {
          messageId: 'missingRetryableCodes',
          data: missing('ServiceInternalIssue (-7), ServerTimeOut (-603), UnderMaintenance (-9798)'),
          line: 2,
          suggestions: [{ messageId: 'addMissingCases', output: SWITCH_ENUM_FIXED }],
        },
      ],
    },
    {
      filename: file,
      code: SWITCH_MIXED,
      errors: [
        {
          messageId: 'missingRetryableCodes',
          data: missing('InternalError (-1), ServerTimeOut (-603), UnderMaintenance (-9798)'),
          suggestions: [{ messageId: 'addMissingCases', output: SWITCH_MIXED_FIXED }],
        },
      ],
    },
    {
      filename: file,
      code: SWITCH_FALLTHROUGH,
      errors: [
        {
          messageId: 'missingRetryableCodes',
          data: missing(ALL_MISSING),
          suggestions: [{ messageId: 'addMissingCases', output: SWITCH_FALLTHROUGH_FIXED }],
        },
      ],
    },
    {
      filename: file,
      code: SWITCH_ONE_LINE,
      errors: [
        {
          messageId: 'missingRetryableCodes',
          data: missing(ALL_MISSING),
          suggestions: [{ messageId: 'addMissingCases', output: SWITCH_ONE_LINE_FIXED }],
        },
      ],
    },
    // else-if chains: reported on the first `if`, once. The suggestion adds an `if` with the TODO at
    // the start of the final `else`, so the codes still run its body.
    {
      filename: file,
      code: outdent`
        ${IMPORT}
        if (err.code === -401) {
          refresh();
        } else if (err.code === -402) {
          askConsent();
        } else {
          throw err;
        }
      `,
      errors: [
        {
          messageId: 'missingRetryableCodes',
          data: missing(ALL_MISSING),
          line: 2,
          column: 1,
          endLine: 2,
          endColumn: 23,
          suggestions: suggest(
            outdent`
              ${IMPORT}
              if (err.code === -401) {
                refresh();
              } else if (err.code === -402) {
                askConsent();
              } else {
                ${blockIf('err.code', MEMBERS, '  ')}
                throw err;
              }
            `,
          ),
        },
      ],
    },
    // Without a final `else`: an `else if` whose body is the TODO; the codes go on past the chain as before.
    {
      filename: file,
      code: outdent`
        ${IMPORT}
        if (err.code === KakaoErrorCode.InvalidToken) refresh();
        else if (err.code === KakaoErrorCode.InternalError) retry();
      `,
      errors: [
        {
          messageId: 'missingRetryableCodes',
          data: missing('ServiceInternalIssue (-7), ServerTimeOut (-603), UnderMaintenance (-9798)'),
          suggestions: suggest(
            outdent`
              ${IMPORT}
              if (err.code === KakaoErrorCode.InvalidToken) refresh();
              else if (err.code === KakaoErrorCode.InternalError) retry();
              else ${blockIf('err.code', MEMBERS.slice(1), '')}
            `,
          ),
        },
      ],
    },
    // Guard clauses: one run of `if`s in a block.
    {
      filename: file,
      code: outdent`
        ${IMPORT}
        function handle(err) {
          if (err.code === -401) return refresh();
          if (err.code === -402 || err.code === -1) return askConsent();
          if (err.code === -7) return retry();
          throw err;
        }
      `,
      errors: [
        {
          messageId: 'missingRetryableCodes',
          data: missing('ServerTimeOut (-603), UnderMaintenance (-9798)'),
          line: 3,
          column: 3,
          // After the run: the codes reach the `throw` as before.
          suggestions: suggest(
            outdent`
              ${IMPORT}
              function handle(err) {
                if (err.code === -401) return refresh();
                if (err.code === -402 || err.code === -1) return askConsent();
                if (err.code === -7) return retry();
                ${blockIf('err.code', MEMBERS.slice(2), '  ')}
                throw err;
              }
            `,
          ),
        },
      ],
    },
    // `||` and lists.
    {
      filename: file,
      code: outdent`
        ${IMPORT}
        const TRANSIENT = [KakaoErrorCode.InternalError, -7] as const;
        if (TRANSIENT.includes(code)) retry();
        else if ([-401, -402].includes(code)) relogin();
      `,
      errors: [
        {
          messageId: 'missingRetryableCodes',
          data: missing('ServerTimeOut (-603), UnderMaintenance (-9798)'),
          line: 3,
          suggestions: suggest(
            outdent`
              ${IMPORT}
              const TRANSIENT = [KakaoErrorCode.InternalError, -7] as const;
              if (TRANSIENT.includes(code)) retry();
              else if ([-401, -402].includes(code)) relogin();
              else ${blockIf('code', MEMBERS.slice(2), '')}
            `,
          ),
        },
      ],
    },
    {
      filename: file,
      code: outdent`
        ${IMPORT}
        if (code === -401 || code === -402) relogin();
      `,
      errors: [
        {
          messageId: 'missingRetryableCodes',
          data: missing(ALL_MISSING),
          suggestions: suggest(outdent`
            ${IMPORT}
            if (code === -401 || code === -402) relogin(); else ${oneLineIf('code', MEMBERS)}
          `),
        },
      ],
    },
    // Nested dispatches: the outer one is incomplete, the inner one (another subject) is complete.
    {
      filename: file,
      code: outdent`
        ${IMPORT}
        function handle(err) {
          switch (err.code) {
            case -401:
              switch (refreshError.code) { case -1: case -7: case -603: case -9798: return retry(); }
              return logout();
            case -402: return askConsent();
          }
        }
      `,
      errors: [
        {
          messageId: 'missingRetryableCodes',
          data: missing(ALL_MISSING),
          line: 3,
          suggestions: [
            {
              messageId: 'addMissingCases',
              output: outdent`
                ${IMPORT}
                function handle(err) {
                  switch (err.code) {
                    case -401:
                      switch (refreshError.code) { case -1: case -7: case -603: case -9798: return retry(); }
                      return logout();
                    case -402: return askConsent();
                ${ENUM_CASES('    ')}
                      ${TODO}
                      break;
                  }
                }
              `,
            },
          ],
        },
      ],
    },
    // Both incomplete: one report each.
    {
      filename: file,
      code: outdent`
        ${IMPORT}
        for (const e of errors) if (e.code === -401) a(); else if (e.code === -402) { if (f.code === -1) b(); else if (f.code === -7) c(); }
      `,
      errors: [
        {
          messageId: 'missingRetryableCodes',
          data: missing(ALL_MISSING),
          line: 2,
          column: 25,
          suggestions: suggest(
            outdent`
              ${IMPORT}
              for (const e of errors) if (e.code === -401) a(); else if (e.code === -402) { if (f.code === -1) b(); else if (f.code === -7) c(); } else ${oneLineIf('e.code', MEMBERS)}
            `,
          ),
        },
        {
          messageId: 'missingRetryableCodes',
          data: missing('ServerTimeOut (-603), UnderMaintenance (-9798)'),
          line: 2,
          column: 79,
          suggestions: suggest(
            outdent`
              ${IMPORT}
              for (const e of errors) if (e.code === -401) a(); else if (e.code === -402) { if (f.code === -1) b(); else if (f.code === -7) c(); else ${oneLineIf('f.code', MEMBERS.slice(2))} }
            `,
          ),
        },
      ],
    },
    // A guard elsewhere does not count: in a nested function, or with another name.
    {
      filename: file,
      code: outdent`
        ${IMPORT}
        function handle(err) {
          items.forEach((item) => { if (isRetryable(item.code)) retry(); });
          if (err.code === -401) return refresh();
          if (err.code === -402) return askConsent();
        }
      `,
      errors: [
        {
          messageId: 'missingRetryableCodes',
          data: missing(ALL_MISSING),
          line: 4,
          suggestions: suggest(
            outdent`
              ${IMPORT}
              function handle(err) {
                items.forEach((item) => { if (isRetryable(item.code)) retry(); });
                if (err.code === -401) return refresh();
                if (err.code === -402) return askConsent();
                ${blockIf('err.code', MEMBERS, '  ')}
              }
            `,
          ),
        },
      ],
    },
    {
      filename: file,
      code: outdent`
        ${IMPORT}
        if (shouldRetry(code)) retry();
        else if (code === -401) a();
        else if (code === -402) b();
      `,
      errors: [
        {
          messageId: 'missingRetryableCodes',
          data: missing(ALL_MISSING),
          suggestions: suggest(
            outdent`
              ${IMPORT}
              if (shouldRetry(code)) retry();
              else if (code === -401) a();
              else if (code === -402) b();
              else ${blockIf('code', MEMBERS, '')}
            `,
          ),
        },
      ],
    },
    // A `default` without the comment, and a comment that does not match.
    {
      filename: file,
      code: outdent`
        ${IMPORT}
        switch (code) { case -401: a(); break; default: /* TODO: retry */ b(); }
      `,
      errors: [
        {
          messageId: 'missingRetryableCodes',
          data: missing(ALL_MISSING),
          suggestions: [
            {
              messageId: 'addMissingCases',
              output: outdent`
                ${IMPORT}
                switch (code) { case -401: a(); break; ${ONE_LINE_CASES} ${ONE_LINE_TODO} default: /* TODO: retry */ b(); }
              `,
            },
          ],
        },
      ],
    },
    // A comment that ends the case above `default` is not the default's.
    {
      filename: file,
      code: outdent`
        ${IMPORT}
        switch (code) {
          case -401:
            refresh();
            break; // retry later
          default:
            fail();
        }
      `,
      errors: [
        {
          messageId: 'missingRetryableCodes',
          data: missing(ALL_MISSING),
          suggestions: [
            {
              messageId: 'addMissingCases',
              output: outdent`
                ${IMPORT}
                switch (code) {
                  case -401:
                    refresh();
                    break; // retry later
                ${ENUM_CASES('  ')}
                    ${TODO}
                  default:
                    fail();
                }
              `,
            },
          ],
        },
      ],
    },
    // Options: other codes, and numbers the spec does not list.
    {
      filename: file,
      code: outdent`
        ${IMPORT}
        switch (code) { case -401: a(); break; }
      `,
      options: [{ retryableCodes: [-10, 'InternalError', -12345] }],
      errors: [
        {
          messageId: 'missingRetryableCodes',
          data: missing('InternalError (-1), ApiLimitExceeded (-10), -12345'),
          suggestions: [
            {
              messageId: 'addMissingCases',
              output: outdent`
                ${IMPORT}
                switch (code) { case -401: a(); break; case KakaoErrorCode.InternalError: case KakaoErrorCode.ApiLimitExceeded: case -12345: ${ONE_LINE_TODO} break; }
              `,
            },
          ],
        },
      ],
    },
    {
      filename: file,
      code: outdent`
        ${IMPORT}
        if (code === -401) a(); else if (code === -402) b(); else c();
      `,
      options: [{ allowDefault: false, guardNames: ['shouldRetry'] }],
      errors: [
        {
          messageId: 'missingRetryableCodes',
          data: missing(ALL_MISSING),
          // A final `else` that is not a block becomes one.
          suggestions: suggest(
            outdent`
              ${IMPORT}
              if (code === -401) a(); else if (code === -402) b(); else { ${oneLineIf('code', MEMBERS)} c(); }
            `,
          ),
        },
      ],
    },
    {
      filename: file,
      code: outdent`
        ${IMPORT}
        if (code === -401) a();
      `,
      options: [{ minimumCodes: 1 }],
      errors: [
        {
          messageId: 'missingRetryableCodes',
          data: missing(ALL_MISSING),
          suggestions: suggest(outdent`
            ${IMPORT}
            if (code === -401) a(); else ${oneLineIf('code', MEMBERS)}
          `),
        },
      ],
    },
    // A switch whose cases name enum members, over any subject.
    {
      filename: file,
      code: outdent`
        ${IMPORT}
        switch (failure.kind) { case KakaoErrorCode.InvalidToken: break; }
      `,
      errors: [
        {
          messageId: 'missingRetryableCodes',
          data: missing(ALL_MISSING),
          suggestions: [
            {
              messageId: 'addMissingCases',
              output: outdent`
                ${IMPORT}
                switch (failure.kind) { case KakaoErrorCode.InvalidToken: break; ${ONE_LINE_CASES} ${ONE_LINE_TODO} break; }
              `,
            },
          ],
        },
      ],
    },
    // A type-only import is made a value import by the suggestion.
    {
      filename: file,
      code: outdent`
        import type { KakaoErrorCode } from '../generated/kakao-error-codes';
        switch (code) { case -401: a(); break; case -1: case -7: case -603: b(); }
      `,
      errors: [
        {
          messageId: 'missingRetryableCodes',
          data: missing('UnderMaintenance (-9798)'),
          suggestions: [
            {
              messageId: 'addMissingCases',
              output: outdent`
                import { KakaoErrorCode } from '../generated/kakao-error-codes';
                switch (code) { case -401: a(); break; case -1: case -7: case -603: b(); case KakaoErrorCode.UnderMaintenance: ${ONE_LINE_TODO} break; }
              `,
            },
          ],
        },
      ],
    },
  ],
});

// scope: 'all' checks files without Kakao evidence; without an enum module the cases are literals.
createRuleTester({ scope: 'all' }).run('handle-retryable-codes with scope all, without an enum module', rule, {
  valid: [{ filename: file, code: SWITCH_NO_ENUM_FIXED }],
  invalid: [
    {
      filename: file,
      code: SWITCH_NO_ENUM,
      errors: [
        {
          messageId: 'missingRetryableCodes',
          data: missing(ALL_MISSING),
          suggestions: [{ messageId: 'addMissingCases', output: SWITCH_NO_ENUM_FIXED }],
        },
      ],
    },
  ],
});

createRuleTester({}).run('handle-retryable-codes without settings.kakao.enumModule', rule, {
  valid: [],
  invalid: [
    {
      filename: file,
      code: outdent`
        const kakao = 1;
        switch (code) { case -401: a(); break; }
      `,
      errors: [
        {
          messageId: 'missingRetryableCodes',
          data: missing(ALL_MISSING),
          suggestions: [
            {
              messageId: 'addMissingCases',
              output: outdent`
                const kakao = 1;
                switch (code) { case -401: a(); break; case -1: case -7: case -603: case -9798: ${ONE_LINE_TODO} break; }
              `,
            },
          ],
        },
      ],
    },
  ],
});

/** A JavaScript project with the enum generated in the object style. */
const JS_PROJECT = fixtureFile('../js-project');

createJsRuleTester({ enumModule: path.join(JS_PROJECT, 'generated', 'kakao-error-codes.js') }).run('handle-retryable-codes in JavaScript', rule as never, {
  valid: [
    {
      filename: 'src/api/client.js',
      code: outdent`
        const { isRetryableKakaoErrorCode } = require('../../generated/kakao-error-codes');
        function onError(e) {
          if (isRetryableKakaoErrorCode(e.code)) return retry();
          if (e.code === -401) return refresh();
          if (e.code === -402) return askConsent();
          throw e;
        }
      `,
      languageOptions: { sourceType: 'commonjs' },
    },
  ],
  invalid: [
    {
      filename: path.join(JS_PROJECT, 'src/api/client.js'),
      code: outdent`
        'use strict';
        const KAKAO = 'https://kapi.kakao.com';
        function onError(e) {
          switch (e.code) {
            case -401:
              return refresh();
            default:
              throw e;
          }
        }
      `,
      languageOptions: { sourceType: 'commonjs' },
      errors: [
        {
          messageId: 'missingRetryableCodes',
          data: missing(ALL_MISSING),
          suggestions: [
            {
              messageId: 'addMissingCases',
              output: outdent`
                'use strict';
                const { KakaoErrorCode } = require('../../generated/kakao-error-codes.js');
                const KAKAO = 'https://kapi.kakao.com';
                function onError(e) {
                  switch (e.code) {
                    case -401:
                      return refresh();
                    case KakaoErrorCode.InternalError:
                    case KakaoErrorCode.ServiceInternalIssue:
                    case KakaoErrorCode.ServerTimeOut:
                    case KakaoErrorCode.UnderMaintenance:
                      ${TODO}
                    default:
                      throw e;
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

describe('handle-retryable-codes options', () => {
  it('rejects a code name the spec does not know', () => {
    const linter = new Linter();
    const config = {
      plugins: { kakao: { rules: { 'handle-retryable-codes': rule } } },
      rules: { 'kakao/handle-retryable-codes': ['error', { retryableCodes: ['InternalEror'] }] },
    } as unknown as Linter.Config;
    expect(() => linter.verify(outdent`
      const kakao = 1;
      switch (code) { case -401: break; }
    `, config, 'client.js')).toThrow(
      /retryableCodes: "InternalEror" is not a code name in the Kakao spec/u,
    );
  });

  const lint = (code: string, defaultCommentPattern: string) => {
    const linter = new Linter();
    const config = {
      plugins: { kakao: { rules: { 'handle-retryable-codes': rule } } },
      rules: { 'kakao/handle-retryable-codes': ['error', { defaultCommentPattern }] },
    } as unknown as Linter.Config;
    return linter.verify(code, config, 'client.js');
  };
  const DISPATCH = outdent`
    const kakao = 1;
    switch (code) { case -401: a(); break; default: /* COMMENT */ b(); }
  `;

  it('rejects an invalid defaultCommentPattern in one line naming the option', () => {
    let error: Error | undefined;
    try {
      lint(DISPATCH, 'retr(y');
    } catch (caught) {
      error = caught as Error;
    }
    // ESLint names the rule, then the file on a line of its own.
    expect(error?.message.split('\n')[0]).toBe(
      "Error while loading rule 'kakao/handle-retryable-codes': eslint-plugin-kakao: kakao/handle-retryable-codes: options.defaultCommentPattern: invalid regular expression \"retr(y\": Unterminated group",
    );
  });

  it('rejects a pattern that can backtrack exponentially instead of stalling the lint', () => {
    const started = performance.now();
    expect(() => lint(DISPATCH.replace('COMMENT', `${'a'.repeat(28)}!`), '(a+)+$')).toThrow(
      'options.defaultCommentPattern: "(a+)+$" can take exponential time: (a+)+ repeats a group that itself repeats or alternates; write it without the nesting',
    );
    expect(() => lint(DISPATCH, '^(?:retry|re-try)*$')).toThrow(/\(\?:retry\|re-try\)\* repeats a group/u);
    expect(performance.now() - started).toBeLessThan(1000);
    // Repeated groups whose content matches one way, and repeated character classes, are fine.
    expect(lint(DISPATCH.replace('COMMENT', 'retry: yes'), '^(?:retry)+: [a-z(]+$')).toEqual([]);
  });

  it('has a default pattern that passes the backtracking check (which the default is spared)', () => {
    expect(findNestedRepetition(DEFAULT_COMMENT_PATTERN)).toBeUndefined();
    expect(findNestedRepetition('(a|ab)*')).toBe('(a|ab)*');
  });

  it('matches the first line of a comment, cut to 200 characters', () => {
    const reported = (comment: string, pattern: string) => lint(DISPATCH.replace('COMMENT', comment), pattern).length;
    expect(reported('retried upstream', 'retried')).toBe(0);
    expect(reported(outdent`
      handled
         retried upstream
    `, 'retried')).toBe(1);
    expect(reported(`${'x'.repeat(199)}retried`, 'retried')).toBe(1);
    expect(reported(`${'x'.repeat(190)}retried`, 'retried')).toBe(0);
    // A slow but not exponential pattern (cubic here) stays fast on a long comment: it sees 200 characters.
    const started = performance.now();
    expect(reported('a'.repeat(100_000), 'a*a*b')).toBe(1);
    expect(performance.now() - started).toBeLessThan(1000);
  });
});

// Runs of `if`s in one statement list, how they end, and what the statements around a dispatch handle.
createRuleTester({ scope: 'all' }).run('handle-retryable-codes: runs and the statements around them', rule, {
  valid: [
    // The missing codes are checked later in the same list, or earlier, on the same subject.
    {
      filename: file,
      code: outdent`
        ${IMPORT}
        function handle(err) {
          if (err.code === -401) refresh();
          if (err.code === -402) askConsent();
          log(err);
          if (err.code === -1 || err.code === -7) retry();
          if ([-603, -9798].includes(err.code)) retry();
        }
      `,
    },
    {
      filename: file,
      code: outdent`
        ${IMPORT}
        function handle(err) {
          if ([-1, -7, -603].includes(err.code)) return retry();
          log(err);
          if (err.code === -9798) return retry();
          switch (err.code) { case -401: return refresh(); case -402: return askConsent(); }
        }
      `,
    },
    // A guard called anywhere before or after, in the same function.
    {
      filename: file,
      code: outdent`
        ${IMPORT}
        function handle(err) {
          const again = isRetryable(err.code);
          log(err);
          if (err.code === -401) return refresh();
          if (err.code === -402) return askConsent();
        }
      `,
    },
    {
      filename: file,
      code: outdent`
        ${IMPORT}
        function handle(err) {
          if (err.code === -401) refresh();
          else if (err.code === -402) askConsent();
          log(err);
          if (isRetryable(err.code)) retry();
        }
      `,
    },
    // The checks before the dispatch are on another subject.
    {
      filename: file,
      code: outdent`
        ${IMPORT}
        function handle(err) {
          if (first.code === -1 || first.code === -7 || first.code === -603 || first.code === -9798) retry();
          switch (x) { case 1: break; }
        }
      `,
    },
    // Without any error-code name or enum member in the file, no if-chain is a dispatch.
    {
      filename: file,
      code: outdent`
        if (x === -401) a();
        else if (x === -402) b();
        if (i === -1) c();
      `,
    },
  ],
  invalid: [
    // Two runs in one list, split by another statement: two dispatches; the `if` goes after each run.
    {
      filename: file,
      code: outdent`
        ${IMPORT}
        function handle(err) {
          if (err.code === -401) refresh();
          if (err.code === -402) askConsent();
          log(err);
          if (other.code === -401) a();
          if (other.code === -402) b();
        }
      `,
      errors: [
        {
          messageId: 'missingRetryableCodes',
          data: missing(ALL_MISSING),
          line: 3,
          suggestions: suggest(
            outdent`
              ${IMPORT}
              function handle(err) {
                if (err.code === -401) refresh();
                if (err.code === -402) askConsent();
                ${blockIf('err.code', MEMBERS, '  ')}
                log(err);
                if (other.code === -401) a();
                if (other.code === -402) b();
              }
            `,
          ),
        },
        {
          messageId: 'missingRetryableCodes',
          data: missing(ALL_MISSING),
          line: 6,
          suggestions: suggest(
            outdent`
              ${IMPORT}
              function handle(err) {
                if (err.code === -401) refresh();
                if (err.code === -402) askConsent();
                log(err);
                if (other.code === -401) a();
                if (other.code === -402) b();
                ${blockIf('other.code', MEMBERS, '  ')}
              }
            `,
          ),
        },
      ],
    },
    // An `if` that compares no code ends a run, and starts none.
    {
      filename: file,
      code: outdent`
        ${IMPORT}
        function handle(err) {
          if (err.code === -401) refresh();
          if (err.code === -402) askConsent();
          if (ready) go();
          if (other.code === -401) a();
          if (other.code === -402) b();
        }
      `,
      errors: [
        {
          messageId: 'missingRetryableCodes',
          data: missing(ALL_MISSING),
          line: 3,
          suggestions: suggest(
            outdent`
              ${IMPORT}
              function handle(err) {
                if (err.code === -401) refresh();
                if (err.code === -402) askConsent();
                ${blockIf('err.code', MEMBERS, '  ')}
                if (ready) go();
                if (other.code === -401) a();
                if (other.code === -402) b();
              }
            `,
          ),
        },
        {
          messageId: 'missingRetryableCodes',
          data: missing(ALL_MISSING),
          line: 6,
          suggestions: suggest(
            outdent`
              ${IMPORT}
              function handle(err) {
                if (err.code === -401) refresh();
                if (err.code === -402) askConsent();
                if (ready) go();
                if (other.code === -401) a();
                if (other.code === -402) b();
                ${blockIf('other.code', MEMBERS, '  ')}
              }
            `,
          ),
        },
      ],
    },
    // A run whose bodies hold runs of their own (another list each).
    {
      filename: file,
      code: outdent`
        ${IMPORT}
        function handle(err) {
          if (err.code === -401) {
            if (inner.code === -1) a();
            if (inner.code === -7) b();
          }
          if (err.code === -402) askConsent();
        }
      `,
      errors: [
        {
          messageId: 'missingRetryableCodes',
          data: missing(ALL_MISSING),
          line: 3,
          suggestions: suggest(
            outdent`
              ${IMPORT}
              function handle(err) {
                if (err.code === -401) {
                  if (inner.code === -1) a();
                  if (inner.code === -7) b();
                }
                if (err.code === -402) askConsent();
                ${blockIf('err.code', MEMBERS, '  ')}
              }
            `,
          ),
        },
        {
          messageId: 'missingRetryableCodes',
          data: missing('ServerTimeOut (-603), UnderMaintenance (-9798)'),
          line: 4,
          suggestions: suggest(
            outdent`
              ${IMPORT}
              function handle(err) {
                if (err.code === -401) {
                  if (inner.code === -1) a();
                  if (inner.code === -7) b();
                  ${blockIf('inner.code', MEMBERS.slice(2), '    ')}
                }
                if (err.code === -402) askConsent();
              }
            `,
          ),
        },
      ],
    },
    // Only what the later statements check is handled; a guard in a nested function does not count.
    {
      filename: file,
      code: outdent`
        ${IMPORT}
        function handle(err) {
          if (err.code === -401) refresh();
          if (err.code === -402) askConsent();
          if (err.code === -1) retry();
          log(err);
          if (err.code === -7) retry();
          later(() => isRetryable(err.code));
        }
      `,
      errors: [
        {
          messageId: 'missingRetryableCodes',
          data: missing('ServerTimeOut (-603), UnderMaintenance (-9798)'),
          line: 3,
          suggestions: suggest(
            outdent`
              ${IMPORT}
              function handle(err) {
                if (err.code === -401) refresh();
                if (err.code === -402) askConsent();
                if (err.code === -1) retry();
                ${blockIf('err.code', MEMBERS.slice(2), '  ')}
                log(err);
                if (err.code === -7) retry();
                later(() => isRetryable(err.code));
              }
            `,
          ),
        },
      ],
    },
    // A switch over spec literals is a dispatch even in a file with no error-code names.
    {
      filename: file,
      code: 'switch (x) { case -401: a(); break; case -402: b(); break; }',
      errors: [
        {
          messageId: 'missingRetryableCodes',
          data: missing(ALL_MISSING),
          suggestions: [
            {
              messageId: 'addMissingCases',
              output: `switch (x) { case -401: a(); break; case -402: b(); break; case -1: case -7: case -603: case -9798: ${ONE_LINE_TODO} break; }`,
            },
          ],
        },
      ],
    },
  ],
});

// The suggestion keeps what the program does: the added codes do what unknown codes did, so a
// function that returns on every path still does (a `break` before `default` would end it without one).
createRuleTester().run('handle-retryable-codes: the suggestion keeps the return contract', rule, {
  valid: [],
  invalid: [
    // A switch whose every case returns, with a `default` that returns: the cases fall into `default`.
    {
      filename: file,
      code: outdent`
        ${IMPORT}
        export function toUserMessage(err: { code: number; message: string }): string {
          switch (err.code) {
            case -401:
              return 'Your Kakao login has expired.';
            case -402:
              return 'Please allow the app to use your Kakao profile.';
            default:
              return \`Kakao error \${err.code}: \${err.message}\`;
          }
        }
      `,
      errors: [
        {
          messageId: 'missingRetryableCodes',
          data: missing(ALL_MISSING),
          suggestions: suggest(outdent`
            ${IMPORT}
            export function toUserMessage(err: { code: number; message: string }): string {
              switch (err.code) {
                case -401:
                  return 'Your Kakao login has expired.';
                case -402:
                  return 'Please allow the app to use your Kakao profile.';
            ${ENUM_CASES('    ')}
                  ${TODO}
                default:
                  return \`Kakao error \${err.code}: \${err.message}\`;
              }
            }
          `),
        },
      ],
    },
    // Without `default`, in a function that returns after the switch: the cases `break` to that return.
    {
      filename: file,
      code: outdent`
        ${IMPORT}
        export function label(code: number): string {
          switch (code) {
            case -401:
              return 'expired';
            case -402:
              return 'consent';
          }
          return 'other';
        }
      `,
      errors: [
        {
          messageId: 'missingRetryableCodes',
          data: missing(ALL_MISSING),
          suggestions: suggest(outdent`
            ${IMPORT}
            export function label(code: number): string {
              switch (code) {
                case -401:
                  return 'expired';
                case -402:
                  return 'consent';
            ${ENUM_CASES('    ')}
                  ${TODO}
                  break;
              }
              return 'other';
            }
          `),
        },
      ],
    },
    // An async caller: the `default` that rethrows still rethrows for the added codes.
    {
      filename: file,
      code: outdent`
        ${IMPORT}
        export async function recover(err: { code: number }): Promise<string> {
          switch (err.code) {
            case KakaoErrorCode.InvalidToken:
              return await refresh();
            default: // unknown: give up
              throw err;
          }
        }
      `,
      errors: [
        {
          messageId: 'missingRetryableCodes',
          data: missing(ALL_MISSING),
          suggestions: suggest(outdent`
            ${IMPORT}
            export async function recover(err: { code: number }): Promise<string> {
              switch (err.code) {
                case KakaoErrorCode.InvalidToken:
                  return await refresh();
            ${ENUM_CASES('    ')}
                  ${TODO}
                default: // unknown: give up
                  throw err;
              }
            }
          `),
        },
      ],
    },
    // An async if-chain whose final `else` throws: the TODO goes first in it, the `throw` stays.
    {
      filename: file,
      code: outdent`
        ${IMPORT}
        export async function recover(err: { code: number }): Promise<string> {
          if (err.code === -401) {
            return refresh();
          } else if (err.code === -402) {
            return askConsent();
          } else {
            // anything else is fatal
            throw err;
          }
        }
      `,
      errors: [
        {
          messageId: 'missingRetryableCodes',
          data: missing(ALL_MISSING),
          suggestions: suggest(outdent`
            ${IMPORT}
            export async function recover(err: { code: number }): Promise<string> {
              if (err.code === -401) {
                return refresh();
              } else if (err.code === -402) {
                return askConsent();
              } else {
                if (
                  err.code === KakaoErrorCode.InternalError ||
                  err.code === KakaoErrorCode.ServiceInternalIssue ||
                  err.code === KakaoErrorCode.ServerTimeOut ||
                  err.code === KakaoErrorCode.UnderMaintenance
                ) {
                  ${TODO}
                }
                // anything else is fatal
                throw err;
              }
            }
          `),
        },
      ],
    },
    // A chain of blocks without a final `else`: an `else if` with the TODO; an asserted subject in parentheses.
    {
      filename: file,
      code: outdent`
        ${IMPORT}
        function classify(err: { code: unknown }): string {
          let kind = 'other';
          if ((err.code as number) === -401) {
            kind = 'expired';
          } else if ((err.code as number) === -402) {
            kind = 'consent';
          }
          return kind;
        }
      `,
      errors: [
        {
          messageId: 'missingRetryableCodes',
          data: missing(ALL_MISSING),
          suggestions: suggest(outdent`
            ${IMPORT}
            function classify(err: { code: unknown }): string {
              let kind = 'other';
              if ((err.code as number) === -401) {
                kind = 'expired';
              } else if ((err.code as number) === -402) {
                kind = 'consent';
              } else if (
                (err.code as number) === KakaoErrorCode.InternalError ||
                (err.code as number) === KakaoErrorCode.ServiceInternalIssue ||
                (err.code as number) === KakaoErrorCode.ServerTimeOut ||
                (err.code as number) === KakaoErrorCode.UnderMaintenance
              ) {
                ${TODO}
              }
              return kind;
            }
          `),
        },
      ],
    },
    // A last branch without `;` on one line: the `else` needs one before it.
    {
      filename: file,
      code: outdent`
        ${IMPORT}
        if (code === -401) a()
        else if (code === -402) b()
      `,
      errors: [
        {
          messageId: 'missingRetryableCodes',
          data: missing(ALL_MISSING),
          suggestions: suggest(outdent`
            ${IMPORT}
            if (code === -401) a()
            else if (code === -402) b();
            else ${blockIf('code', MEMBERS, '')}
          `),
        },
      ],
    },
    // No safe suggestion: reading the subject again calls it again.
    {
      filename: file,
      code: outdent`
        ${IMPORT}
        if (queue.shift().code === -401) a();
        else if (queue.shift().code === -402) b();
      `,
      errors: [
        {
          messageId: 'missingRetryableCodesNoSuggestion',
          data: {
            ...missing(ALL_MISSING),
            reason: 'reading queue.shift().code once more in an added condition could change what the program does',
          },
          suggestions: [],
        },
      ],
    },
    // No safe suggestion: an `else` after the last branch would pair with the `if` nested in it.
    {
      filename: file,
      code: outdent`
        ${IMPORT}
        if (code === -401) a();
        else if (code === -402) if (ready) b();
      `,
      errors: [
        {
          messageId: 'missingRetryableCodesNoSuggestion',
          data: { ...missing(ALL_MISSING), reason: 'an else added after the last branch would belong to the if nested in it' },
          suggestions: [],
        },
      ],
    },
  ],
});

/** Kakao evidence for a file without an import of the enum (scope: 'kakao-files'). */
const KAKAO = 'export declare const kakaoClient: unknown;';

ruleTester.run('handle-retryable-codes: the forms of the code-check model', rule, {
  valid: [
    // Handled through a frozen list, an annotated `as const` list and a spread.
    {
      filename: file,
      code: outdent`
        ${KAKAO}
        const TRANSIENT = Object.freeze([-1, -7]);
        const LATER: readonly number[] = [...TRANSIENT, -603, -9798] as const;
        function handle(err: { code: number }) {
          if (err.code === -401) refresh();
          else if (err.code === -402) consent();
          else if (LATER.includes(err.code)) retry();
        }
      `,
    },
    // Handled through a lookup table indexed by the code.
    {
      filename: file,
      code: outdent`
        ${KAKAO}
        const RETRY = { [-1]: true, [-7]: true, [-603]: true, [-9798]: true };
        function handle(err: { code: number }) {
          if (err.code === -401) refresh();
          else if (err.code === -402) consent();
          if (RETRY[err.code]) retry();
        }
      `,
    },
  ],
  invalid: [
    // Negated comparisons are comparisons: the pre-filter must let them through.
    {
      filename: file,
      code: outdent`
        ${KAKAO}
        function handle(err: { code: number }) {
          if (!(err.code !== -401)) refresh();
          else if (!(err.code !== -402)) consent();
        }
      `,
      errors: [
        {
          messageId: 'missingRetryableCodes',
          data: missing(ALL_MISSING),
          line: 3,
          column: 3,
          endColumn: 28,
          suggestions: suggest(outdent`
            ${IMPORT}
            ${KAKAO}
            function handle(err: { code: number }) {
              if (!(err.code !== -401)) refresh();
              else if (!(err.code !== -402)) consent();
              else ${blockIf('err.code', MEMBERS, '  ')}
            }
          `),
        },
      ],
    },
  ],
});
