import path from 'node:path';
import { Linter } from 'eslint';
import { outdent } from 'outdent';
import { describe, expect, it } from 'vitest';
import rule from '../../rules/handle-retryable-codes.js';
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

/** A switch over `err.code`, inside `function handle(err)`, with the given case lines. */
const handler = (body: string) => `${IMPORT}\nfunction handle(err) {\n${body}\n}`;

const SWITCH_LITERALS = handler(
  [
    '  switch (err.code) {',
    '    case -401:',
    '      refresh();',
    '      break;',
    '    case -402:',
    '      askConsent();',
    '      break;',
    '    default:',
    '      throw err;',
    '  }',
  ].join('\n'),
);
const SWITCH_LITERALS_FIXED = handler(
  [
    '  switch (err.code) {',
    '    case -401:',
    '      refresh();',
    '      break;',
    '    case -402:',
    '      askConsent();',
    '      break;',
    '    case KakaoErrorCode.InternalError:',
    '    case KakaoErrorCode.ServiceInternalIssue:',
    '    case KakaoErrorCode.ServerTimeOut:',
    '    case KakaoErrorCode.UnderMaintenance:',
    `      ${TODO}`,
    '    default:',
    '      throw err;',
    '  }',
  ].join('\n'),
);

const SWITCH_ENUM = [
  IMPORT,
  'switch (response.data.code) {',
  '  case KakaoErrorCode.InvalidToken:',
  '    return refresh();',
  '  case KakaoErrorCode.InternalError:',
  '    return retry();',
  '}',
].join('\n');
const SWITCH_ENUM_FIXED = [
  IMPORT,
  'switch (response.data.code) {',
  '  case KakaoErrorCode.InvalidToken:',
  '    return refresh();',
  '  case KakaoErrorCode.InternalError:',
  '    return retry();',
  '  case KakaoErrorCode.ServiceInternalIssue:',
  '  case KakaoErrorCode.ServerTimeOut:',
  '  case KakaoErrorCode.UnderMaintenance:',
  `    ${TODO}`,
  '    break;',
  '}',
].join('\n');

// No import yet: the suggestion adds it (settings.kakao.enumModule is set).
const SWITCH_MIXED = [
  "export const api = 'https://kapi.kakao.com/v2/user/me';",
  'switch (err.errorCode) {',
  '  case KakaoErrorCode.InvalidToken:',
  '  case -7:',
  '    // token trouble',
  '    relogin();',
  '    break;',
  '  // anything else',
  '  default:',
  '    fail();',
  '}',
].join('\n');
const SWITCH_MIXED_FIXED = [
  IMPORT,
  "export const api = 'https://kapi.kakao.com/v2/user/me';",
  'switch (err.errorCode) {',
  '  case KakaoErrorCode.InvalidToken:',
  '  case -7:',
  '    // token trouble',
  '    relogin();',
  '    break;',
  '  case KakaoErrorCode.InternalError:',
  '  case KakaoErrorCode.ServerTimeOut:',
  '  case KakaoErrorCode.UnderMaintenance:',
  `    ${TODO}`,
  '  // anything else',
  '  default:',
  '    fail();',
  '}',
].join('\n');

// The case above `default` falls through into it, and still does past the added labels.
const SWITCH_FALLTHROUGH = [
  'export const kakao = 1;',
  'switch (code) {',
  '  case -401:',
  '    log();',
  '  default:',
  '    fail();',
  '}',
].join('\n');
const SWITCH_FALLTHROUGH_FIXED = [
  IMPORT,
  'export const kakao = 1;',
  'switch (code) {',
  '  case -401:',
  '    log();',
  '  case KakaoErrorCode.InternalError:',
  '  case KakaoErrorCode.ServiceInternalIssue:',
  '  case KakaoErrorCode.ServerTimeOut:',
  '  case KakaoErrorCode.UnderMaintenance:',
  `    ${TODO}`,
  '  default:',
  '    fail();',
  '}',
].join('\n');

const SWITCH_ONE_LINE = `${IMPORT}\nswitch (code) { case -401: a(); break; default: b(); }`;
const SWITCH_ONE_LINE_FIXED = `${IMPORT}\nswitch (code) { case -401: a(); break; case KakaoErrorCode.InternalError: case KakaoErrorCode.ServiceInternalIssue: case KakaoErrorCode.ServerTimeOut: case KakaoErrorCode.UnderMaintenance: ${ONE_LINE_TODO} default: b(); }`;

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
      code: handler(
        '  switch (err.code) {\n    case -1:\n    case -7:\n    case -603:\n    case -9798:\n      return retry();\n    case -401:\n      return refresh();\n  }',
      ),
    },
    {
      filename: file,
      code: `${IMPORT}\nswitch (err?.code as KakaoErrorCode) {\n  case KakaoErrorCode.InternalError:\n  case KakaoErrorCode.ServiceInternalIssue:\n  case KakaoErrorCode.ServerTimeOut:\n  case KakaoErrorCode.UnderMaintenance:\n    retry();\n    break;\n  case KakaoErrorCode.InvalidToken:\n    refresh();\n}`,
    },
    {
      filename: file,
      code: `${IMPORT}\nif (code === KakaoErrorCode.InternalError || code === -7) retry();\nelse if ([-603, KakaoErrorCode.UnderMaintenance].includes(code)) retry();\nelse if (code === -401) refresh();\nelse throw err;`,
    },
    {
      filename: file,
      code: `${IMPORT}\nconst TRANSIENT = new Set([-1, -7, -603, -9798]);\nfunction handle(err) {\n  if (TRANSIENT.has(err.code)) return retry();\n  if (Number(err.code) === -401) return refresh();\n  if (err?.code === -402) return askConsent();\n  throw err;\n}`,
    },
    // Not Kakao dispatches: HTTP statuses, string codes, -1 as "not found", a single check.
    { filename: file, code: `${IMPORT}\nswitch (res.status) {\n  case 401: refresh(); break;\n  case 500: retry(); break;\n}` },
    { filename: file, code: `${IMPORT}\nif (res.status === 401) refresh();\nelse if (res.status === 503) retry();` },
    { filename: file, code: `${IMPORT}\nswitch (err.code) {\n  case 'ECONNRESET': retry(); break;\n  case 'ETIMEDOUT': retry(); break;\n}` },
    { filename: file, code: `${IMPORT}\ntype Code = 'a' | 'b';\ndeclare const code: Code;\nif (code === 'a') {} else if (code === 'b') {}` },
    { filename: file, code: `${IMPORT}\nswitch (list.indexOf(item)) { case -1: add(); break; default: skip(); }` },
    { filename: file, code: `${IMPORT}\nif (list.indexOf(a) === -1) x();\nelse if (list.indexOf(b) === -1) y();` },
    { filename: file, code: `${IMPORT}\nif (err.code === -401) refresh();\nthrow err;` },
    { filename: file, code: `${IMPORT}\nif (err.code === -401) refresh();\nif (other.code === -402) askConsent();` },
    // Guards: in the conditions, in `default`, before the dispatch, around it, after it.
    {
      filename: file,
      code: `${IMPORT}\nif (isRetryableKakaoErrorCode(err.code)) retry();\nelse if (err.code === -401) refresh();\nelse if (err.code === -402) askConsent();`,
    },
    {
      filename: file,
      code: handler('  switch (err.code) {\n    case -401: return refresh();\n    default:\n      if (isRetryable(err)) return retry();\n      throw err;\n  }'),
    },
    {
      filename: file,
      code: handler('  if (isRetryableKakaoErrorCode(err.code)) return retry();\n  log(err);\n  switch (err.code) {\n    case -401: return refresh();\n  }'),
    },
    {
      filename: file,
      code: handler('  if (!kakao.isRetryable(err.code)) {\n    switch (err.code) {\n      case -401: return refresh();\n      case -402: return askConsent();\n    }\n  }'),
    },
    {
      filename: file,
      code: handler('  switch (err.code) {\n    case -401: return refresh();\n    case -402: return askConsent();\n  }\n  if (retryableKakaoErrorCodes.includes(err.code)) return retry();\n  throw err;'),
    },
    {
      filename: file,
      code: handler('  if (err.code === -401) return refresh();\n  if (err.code === -402) return askConsent();\n  if (isRetryable(err.code)) return retry();\n  throw err;'),
    },
    // Explicit checks of the same subject before the dispatch or in its default branch.
    {
      filename: file,
      code: handler('  if ([-1, -7, -603, -9798].includes(err.code)) return retry();\n  switch (err.code) {\n    case -401: return refresh();\n    case -402: return askConsent();\n  }'),
    },
    {
      filename: file,
      code: handler('  switch (err.code) {\n    case -401: return refresh();\n    default:\n      if (err.code === -1 || err.code === -7 || err.code === -603 || err.code === -9798) return retry();\n      throw err;\n  }'),
    },
    // `default` / final `else` with a comment matching the pattern.
    {
      filename: file,
      code: handler('  switch (err.code) {\n    case -401: return refresh();\n    default: // Retryable codes: rethrown, the queue retries them.\n      throw err;\n  }'),
    },
    {
      filename: file,
      code: `${IMPORT}\nif (code === -401) refresh();\nelse if (code === -402) askConsent();\nelse {\n  /* retried by the caller */\n  throw err;\n}`,
    },
    {
      filename: file,
      code: handler('  switch (err.code) {\n    case -401: return refresh();\n    // retries happen upstream\n  }'),
    },
    // Nested dispatches: each is checked on its own.
    {
      filename: file,
      code: handler('  switch (err.code) {\n    case -1: case -7: case -603: case -9798:\n      if (attempt.code === -401) reset();\n      else if (attempt.code === -1 || attempt.code === -7 || attempt.code === -603 || attempt.code === -9798) wait();\n      return retry();\n  }'),
    },
    // Odd code never crashes.
    { filename: file, code: `${IMPORT}\nswitch (code) {}\nswitch (code) { default: }\nswitch (true) { case code === -401: break; }` },
    { filename: file, code: `${IMPORT}\nswitch (code) { default: break; case -1: case -7: case -603: case -9798: case -1: retry(); }` },
    // Options.
    { filename: file, code: `${IMPORT}\nswitch (code) { case -401: a(); break; default: b(); }`, options: [{ allowDefault: true }] },
    { filename: file, code: `${IMPORT}\nif (code === -401) a(); else if (code === -402) b(); else c();`, options: [{ allowDefault: true }] },
    {
      filename: file,
      code: `${IMPORT}\nswitch (code) { case -401: a(); break; default: /* handled by withBackoff */ b(); }`,
      options: [{ defaultCommentPattern: 'withBackoff' }],
    },
    {
      filename: file,
      code: handler('  if (shouldRetry(err)) return retry();\n  switch (err.code) { case -401: return refresh(); }'),
      options: [{ guardNames: ['shouldRetry'] }],
    },
    {
      filename: file,
      code: `${IMPORT}\nswitch (code) { case -401: a(); break; case -1: retry(); }`,
      options: [{ retryableCodes: ['InternalError'] }],
    },
    { filename: file, code: `${IMPORT}\nif (code === -401 || code === -402) relogin();`, options: [{ minimumCodes: 3 }] },
    {
      filename: file,
      code: `${IMPORT}\nswitch (err.kakaoStatus) { case -401: a(); break; }`,
      options: [{ errorCodeNames: ['code'] }],
    },
    // Out of scope: no Kakao evidence, or a generated file.
    { filename: file, code: 'switch (err.code) { case -401: refresh(); break; case -402: askConsent(); break; }' },
    { filename: file, code: '// Code generated by kakao-codegen. DO NOT EDIT.\nconst kakao = 1;\nswitch (err.code) { case -401: break; }' },
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
      code: `${IMPORT}\nif (err.code === -401) {\n  refresh();\n} else if (err.code === -402) {\n  askConsent();\n} else {\n  throw err;\n}`,
      errors: [
        {
          messageId: 'missingRetryableCodes',
          data: missing(ALL_MISSING),
          line: 2,
          column: 1,
          endLine: 2,
          endColumn: 23,
          suggestions: suggest(
            `${IMPORT}\nif (err.code === -401) {\n  refresh();\n} else if (err.code === -402) {\n  askConsent();\n} else {\n  ${blockIf('err.code', MEMBERS, '  ')}\n  throw err;\n}`,
          ),
        },
      ],
    },
    // Without a final `else`: an `else if` whose body is the TODO; the codes go on past the chain as before.
    {
      filename: file,
      code: `${IMPORT}\nif (err.code === KakaoErrorCode.InvalidToken) refresh();\nelse if (err.code === KakaoErrorCode.InternalError) retry();`,
      errors: [
        {
          messageId: 'missingRetryableCodes',
          data: missing('ServiceInternalIssue (-7), ServerTimeOut (-603), UnderMaintenance (-9798)'),
          suggestions: suggest(
            `${IMPORT}\nif (err.code === KakaoErrorCode.InvalidToken) refresh();\nelse if (err.code === KakaoErrorCode.InternalError) retry();\nelse ${blockIf('err.code', MEMBERS.slice(1), '')}`,
          ),
        },
      ],
    },
    // Guard clauses: one run of `if`s in a block.
    {
      filename: file,
      code: handler('  if (err.code === -401) return refresh();\n  if (err.code === -402 || err.code === -1) return askConsent();\n  if (err.code === -7) return retry();\n  throw err;'),
      errors: [
        {
          messageId: 'missingRetryableCodes',
          data: missing('ServerTimeOut (-603), UnderMaintenance (-9798)'),
          line: 3,
          column: 3,
          // After the run: the codes reach the `throw` as before.
          suggestions: suggest(
            handler(
              `  if (err.code === -401) return refresh();\n  if (err.code === -402 || err.code === -1) return askConsent();\n  if (err.code === -7) return retry();\n  ${blockIf('err.code', MEMBERS.slice(2), '  ')}\n  throw err;`,
            ),
          ),
        },
      ],
    },
    // `||` and lists.
    {
      filename: file,
      code: `${IMPORT}\nconst TRANSIENT = [KakaoErrorCode.InternalError, -7] as const;\nif (TRANSIENT.includes(code)) retry();\nelse if ([-401, -402].includes(code)) relogin();`,
      errors: [
        {
          messageId: 'missingRetryableCodes',
          data: missing('ServerTimeOut (-603), UnderMaintenance (-9798)'),
          line: 3,
          suggestions: suggest(
            `${IMPORT}\nconst TRANSIENT = [KakaoErrorCode.InternalError, -7] as const;\nif (TRANSIENT.includes(code)) retry();\nelse if ([-401, -402].includes(code)) relogin();\nelse ${blockIf('code', MEMBERS.slice(2), '')}`,
          ),
        },
      ],
    },
    {
      filename: file,
      code: `${IMPORT}\nif (code === -401 || code === -402) relogin();`,
      errors: [
        {
          messageId: 'missingRetryableCodes',
          data: missing(ALL_MISSING),
          suggestions: suggest(`${IMPORT}\nif (code === -401 || code === -402) relogin(); else ${oneLineIf('code', MEMBERS)}`),
        },
      ],
    },
    // Nested dispatches: the outer one is incomplete, the inner one (another subject) is complete.
    {
      filename: file,
      code: handler('  switch (err.code) {\n    case -401:\n      switch (refreshError.code) { case -1: case -7: case -603: case -9798: return retry(); }\n      return logout();\n    case -402: return askConsent();\n  }'),
      errors: [
        {
          messageId: 'missingRetryableCodes',
          data: missing(ALL_MISSING),
          line: 3,
          suggestions: [
            {
              messageId: 'addMissingCases',
              output: handler(
                `  switch (err.code) {\n    case -401:\n      switch (refreshError.code) { case -1: case -7: case -603: case -9798: return retry(); }\n      return logout();\n    case -402: return askConsent();\n${ENUM_CASES('    ')}\n      ${TODO}\n      break;\n  }`,
              ),
            },
          ],
        },
      ],
    },
    // Both incomplete: one report each.
    {
      filename: file,
      code: `${IMPORT}\nfor (const e of errors) if (e.code === -401) a(); else if (e.code === -402) { if (f.code === -1) b(); else if (f.code === -7) c(); }`,
      errors: [
        {
          messageId: 'missingRetryableCodes',
          data: missing(ALL_MISSING),
          line: 2,
          column: 25,
          suggestions: suggest(
            `${IMPORT}\nfor (const e of errors) if (e.code === -401) a(); else if (e.code === -402) { if (f.code === -1) b(); else if (f.code === -7) c(); } else ${oneLineIf('e.code', MEMBERS)}`,
          ),
        },
        {
          messageId: 'missingRetryableCodes',
          data: missing('ServerTimeOut (-603), UnderMaintenance (-9798)'),
          line: 2,
          column: 79,
          suggestions: suggest(
            `${IMPORT}\nfor (const e of errors) if (e.code === -401) a(); else if (e.code === -402) { if (f.code === -1) b(); else if (f.code === -7) c(); else ${oneLineIf('f.code', MEMBERS.slice(2))} }`,
          ),
        },
      ],
    },
    // A guard elsewhere does not count: in a nested function, or with another name.
    {
      filename: file,
      code: handler('  items.forEach((item) => { if (isRetryable(item.code)) retry(); });\n  if (err.code === -401) return refresh();\n  if (err.code === -402) return askConsent();'),
      errors: [
        {
          messageId: 'missingRetryableCodes',
          data: missing(ALL_MISSING),
          line: 4,
          suggestions: suggest(
            handler(
              `  items.forEach((item) => { if (isRetryable(item.code)) retry(); });\n  if (err.code === -401) return refresh();\n  if (err.code === -402) return askConsent();\n  ${blockIf('err.code', MEMBERS, '  ')}`,
            ),
          ),
        },
      ],
    },
    {
      filename: file,
      code: `${IMPORT}\nif (shouldRetry(code)) retry();\nelse if (code === -401) a();\nelse if (code === -402) b();`,
      errors: [
        {
          messageId: 'missingRetryableCodes',
          data: missing(ALL_MISSING),
          suggestions: suggest(
            `${IMPORT}\nif (shouldRetry(code)) retry();\nelse if (code === -401) a();\nelse if (code === -402) b();\nelse ${blockIf('code', MEMBERS, '')}`,
          ),
        },
      ],
    },
    // A `default` without the comment, and a comment that does not match.
    {
      filename: file,
      code: `${IMPORT}\nswitch (code) { case -401: a(); break; default: /* TODO: retry */ b(); }`,
      errors: [
        {
          messageId: 'missingRetryableCodes',
          data: missing(ALL_MISSING),
          suggestions: [
            {
              messageId: 'addMissingCases',
              output: `${IMPORT}\nswitch (code) { case -401: a(); break; ${ONE_LINE_CASES} ${ONE_LINE_TODO} default: /* TODO: retry */ b(); }`,
            },
          ],
        },
      ],
    },
    // A comment that ends the case above `default` is not the default's.
    {
      filename: file,
      code: `${IMPORT}\nswitch (code) {\n  case -401:\n    refresh();\n    break; // retry later\n  default:\n    fail();\n}`,
      errors: [
        {
          messageId: 'missingRetryableCodes',
          data: missing(ALL_MISSING),
          suggestions: [
            {
              messageId: 'addMissingCases',
              output: `${IMPORT}\nswitch (code) {\n  case -401:\n    refresh();\n    break; // retry later\n${ENUM_CASES('  ')}\n    ${TODO}\n  default:\n    fail();\n}`,
            },
          ],
        },
      ],
    },
    // Options: other codes, and numbers the spec does not list.
    {
      filename: file,
      code: `${IMPORT}\nswitch (code) { case -401: a(); break; }`,
      options: [{ retryableCodes: [-10, 'InternalError', -12345] }],
      errors: [
        {
          messageId: 'missingRetryableCodes',
          data: missing('InternalError (-1), ApiLimitExceeded (-10), -12345'),
          suggestions: [
            {
              messageId: 'addMissingCases',
              output: `${IMPORT}\nswitch (code) { case -401: a(); break; case KakaoErrorCode.InternalError: case KakaoErrorCode.ApiLimitExceeded: case -12345: ${ONE_LINE_TODO} break; }`,
            },
          ],
        },
      ],
    },
    {
      filename: file,
      code: `${IMPORT}\nif (code === -401) a(); else if (code === -402) b(); else c();`,
      options: [{ allowDefault: false, guardNames: ['shouldRetry'] }],
      errors: [
        {
          messageId: 'missingRetryableCodes',
          data: missing(ALL_MISSING),
          // A final `else` that is not a block becomes one.
          suggestions: suggest(
            `${IMPORT}\nif (code === -401) a(); else if (code === -402) b(); else { ${oneLineIf('code', MEMBERS)} c(); }`,
          ),
        },
      ],
    },
    {
      filename: file,
      code: `${IMPORT}\nif (code === -401) a();`,
      options: [{ minimumCodes: 1 }],
      errors: [
        {
          messageId: 'missingRetryableCodes',
          data: missing(ALL_MISSING),
          suggestions: suggest(`${IMPORT}\nif (code === -401) a(); else ${oneLineIf('code', MEMBERS)}`),
        },
      ],
    },
    // A switch whose cases name enum members, over any subject.
    {
      filename: file,
      code: `${IMPORT}\nswitch (failure.kind) { case KakaoErrorCode.InvalidToken: break; }`,
      errors: [
        {
          messageId: 'missingRetryableCodes',
          data: missing(ALL_MISSING),
          suggestions: [
            {
              messageId: 'addMissingCases',
              output: `${IMPORT}\nswitch (failure.kind) { case KakaoErrorCode.InvalidToken: break; ${ONE_LINE_CASES} ${ONE_LINE_TODO} break; }`,
            },
          ],
        },
      ],
    },
    // A type-only import is made a value import by the suggestion.
    {
      filename: file,
      code: "import type { KakaoErrorCode } from '../generated/kakao-error-codes';\nswitch (code) { case -401: a(); break; case -1: case -7: case -603: b(); }",
      errors: [
        {
          messageId: 'missingRetryableCodes',
          data: missing('UnderMaintenance (-9798)'),
          suggestions: [
            {
              messageId: 'addMissingCases',
              output: `import { KakaoErrorCode } from '../generated/kakao-error-codes';\nswitch (code) { case -401: a(); break; case -1: case -7: case -603: b(); case KakaoErrorCode.UnderMaintenance: ${ONE_LINE_TODO} break; }`,
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
      code: 'const kakao = 1;\nswitch (code) { case -401: a(); break; }',
      errors: [
        {
          messageId: 'missingRetryableCodes',
          data: missing(ALL_MISSING),
          suggestions: [
            {
              messageId: 'addMissingCases',
              output: `const kakao = 1;\nswitch (code) { case -401: a(); break; case -1: case -7: case -603: case -9798: ${ONE_LINE_TODO} break; }`,
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
      code: "const { isRetryableKakaoErrorCode } = require('../../generated/kakao-error-codes');\nfunction onError(e) {\n  if (isRetryableKakaoErrorCode(e.code)) return retry();\n  if (e.code === -401) return refresh();\n  if (e.code === -402) return askConsent();\n  throw e;\n}",
      languageOptions: { sourceType: 'commonjs' },
    },
  ],
  invalid: [
    {
      filename: path.join(JS_PROJECT, 'src/api/client.js'),
      code: "'use strict';\nconst KAKAO = 'https://kapi.kakao.com';\nfunction onError(e) {\n  switch (e.code) {\n    case -401:\n      return refresh();\n    default:\n      throw e;\n  }\n}",
      languageOptions: { sourceType: 'commonjs' },
      errors: [
        {
          messageId: 'missingRetryableCodes',
          data: missing(ALL_MISSING),
          suggestions: [
            {
              messageId: 'addMissingCases',
              output: `'use strict';\nconst { KakaoErrorCode } = require('../../generated/kakao-error-codes.js');\nconst KAKAO = 'https://kapi.kakao.com';\nfunction onError(e) {\n  switch (e.code) {\n    case -401:\n      return refresh();\n    case KakaoErrorCode.InternalError:\n    case KakaoErrorCode.ServiceInternalIssue:\n    case KakaoErrorCode.ServerTimeOut:\n    case KakaoErrorCode.UnderMaintenance:\n      ${TODO}\n    default:\n      throw e;\n  }\n}`,
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
    expect(() => linter.verify('const kakao = 1;\nswitch (code) { case -401: break; }', config, 'client.js')).toThrow(
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
  const DISPATCH = 'const kakao = 1;\nswitch (code) { case -401: a(); break; default: /* COMMENT */ b(); }';

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

  it('matches the first line of a comment, cut to 200 characters', () => {
    const reported = (comment: string, pattern: string) => lint(DISPATCH.replace('COMMENT', comment), pattern).length;
    expect(reported('retried upstream', 'retried')).toBe(0);
    expect(reported('handled\n   retried upstream', 'retried')).toBe(1);
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
      code: handler(
        '  if (err.code === -401) refresh();\n  if (err.code === -402) askConsent();\n  log(err);\n  if (err.code === -1 || err.code === -7) retry();\n  if ([-603, -9798].includes(err.code)) retry();',
      ),
    },
    {
      filename: file,
      code: handler(
        '  if ([-1, -7, -603].includes(err.code)) return retry();\n  log(err);\n  if (err.code === -9798) return retry();\n  switch (err.code) { case -401: return refresh(); case -402: return askConsent(); }',
      ),
    },
    // A guard called anywhere before or after, in the same function.
    {
      filename: file,
      code: handler(
        '  const again = isRetryable(err.code);\n  log(err);\n  if (err.code === -401) return refresh();\n  if (err.code === -402) return askConsent();',
      ),
    },
    {
      filename: file,
      code: handler('  if (err.code === -401) refresh();\n  else if (err.code === -402) askConsent();\n  log(err);\n  if (isRetryable(err.code)) retry();'),
    },
    // The checks before the dispatch are on another subject.
    {
      filename: file,
      code: handler('  if (first.code === -1 || first.code === -7 || first.code === -603 || first.code === -9798) retry();\n  switch (x) { case 1: break; }'),
    },
    // Without any error-code name or enum member in the file, no if-chain is a dispatch.
    { filename: file, code: 'if (x === -401) a();\nelse if (x === -402) b();\nif (i === -1) c();' },
  ],
  invalid: [
    // Two runs in one list, split by another statement: two dispatches; the `if` goes after each run.
    {
      filename: file,
      code: handler(
        '  if (err.code === -401) refresh();\n  if (err.code === -402) askConsent();\n  log(err);\n  if (other.code === -401) a();\n  if (other.code === -402) b();',
      ),
      errors: [
        {
          messageId: 'missingRetryableCodes',
          data: missing(ALL_MISSING),
          line: 3,
          suggestions: suggest(
            handler(
              `  if (err.code === -401) refresh();\n  if (err.code === -402) askConsent();\n  ${blockIf('err.code', MEMBERS, '  ')}\n  log(err);\n  if (other.code === -401) a();\n  if (other.code === -402) b();`,
            ),
          ),
        },
        {
          messageId: 'missingRetryableCodes',
          data: missing(ALL_MISSING),
          line: 6,
          suggestions: suggest(
            handler(
              `  if (err.code === -401) refresh();\n  if (err.code === -402) askConsent();\n  log(err);\n  if (other.code === -401) a();\n  if (other.code === -402) b();\n  ${blockIf('other.code', MEMBERS, '  ')}`,
            ),
          ),
        },
      ],
    },
    // An `if` that compares no code ends a run, and starts none.
    {
      filename: file,
      code: handler(
        '  if (err.code === -401) refresh();\n  if (err.code === -402) askConsent();\n  if (ready) go();\n  if (other.code === -401) a();\n  if (other.code === -402) b();',
      ),
      errors: [
        {
          messageId: 'missingRetryableCodes',
          data: missing(ALL_MISSING),
          line: 3,
          suggestions: suggest(
            handler(
              `  if (err.code === -401) refresh();\n  if (err.code === -402) askConsent();\n  ${blockIf('err.code', MEMBERS, '  ')}\n  if (ready) go();\n  if (other.code === -401) a();\n  if (other.code === -402) b();`,
            ),
          ),
        },
        {
          messageId: 'missingRetryableCodes',
          data: missing(ALL_MISSING),
          line: 6,
          suggestions: suggest(
            handler(
              `  if (err.code === -401) refresh();\n  if (err.code === -402) askConsent();\n  if (ready) go();\n  if (other.code === -401) a();\n  if (other.code === -402) b();\n  ${blockIf('other.code', MEMBERS, '  ')}`,
            ),
          ),
        },
      ],
    },
    // A run whose bodies hold runs of their own (another list each).
    {
      filename: file,
      code: handler(
        '  if (err.code === -401) {\n    if (inner.code === -1) a();\n    if (inner.code === -7) b();\n  }\n  if (err.code === -402) askConsent();',
      ),
      errors: [
        {
          messageId: 'missingRetryableCodes',
          data: missing(ALL_MISSING),
          line: 3,
          suggestions: suggest(
            handler(
              `  if (err.code === -401) {\n    if (inner.code === -1) a();\n    if (inner.code === -7) b();\n  }\n  if (err.code === -402) askConsent();\n  ${blockIf('err.code', MEMBERS, '  ')}`,
            ),
          ),
        },
        {
          messageId: 'missingRetryableCodes',
          data: missing('ServerTimeOut (-603), UnderMaintenance (-9798)'),
          line: 4,
          suggestions: suggest(
            handler(
              `  if (err.code === -401) {\n    if (inner.code === -1) a();\n    if (inner.code === -7) b();\n    ${blockIf('inner.code', MEMBERS.slice(2), '    ')}\n  }\n  if (err.code === -402) askConsent();`,
            ),
          ),
        },
      ],
    },
    // Only what the later statements check is handled; a guard in a nested function does not count.
    {
      filename: file,
      code: handler(
        '  if (err.code === -401) refresh();\n  if (err.code === -402) askConsent();\n  if (err.code === -1) retry();\n  log(err);\n  if (err.code === -7) retry();\n  later(() => isRetryable(err.code));',
      ),
      errors: [
        {
          messageId: 'missingRetryableCodes',
          data: missing('ServerTimeOut (-603), UnderMaintenance (-9798)'),
          line: 3,
          suggestions: suggest(
            handler(
              `  if (err.code === -401) refresh();\n  if (err.code === -402) askConsent();\n  if (err.code === -1) retry();\n  ${blockIf('err.code', MEMBERS.slice(2), '  ')}\n  log(err);\n  if (err.code === -7) retry();\n  later(() => isRetryable(err.code));`,
            ),
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
      code: `${IMPORT}
export function toUserMessage(err: { code: number; message: string }): string {
  switch (err.code) {
    case -401:
      return 'Your Kakao login has expired.';
    case -402:
      return 'Please allow the app to use your Kakao profile.';
    default:
      return \`Kakao error \${err.code}: \${err.message}\`;
  }
}`,
      errors: [
        {
          messageId: 'missingRetryableCodes',
          data: missing(ALL_MISSING),
          suggestions: suggest(`${IMPORT}
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
}`),
        },
      ],
    },
    // Without `default`, in a function that returns after the switch: the cases `break` to that return.
    {
      filename: file,
      code: `${IMPORT}
export function label(code: number): string {
  switch (code) {
    case -401:
      return 'expired';
    case -402:
      return 'consent';
  }
  return 'other';
}`,
      errors: [
        {
          messageId: 'missingRetryableCodes',
          data: missing(ALL_MISSING),
          suggestions: suggest(`${IMPORT}
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
}`),
        },
      ],
    },
    // An async caller: the `default` that rethrows still rethrows for the added codes.
    {
      filename: file,
      code: `${IMPORT}
export async function recover(err: { code: number }): Promise<string> {
  switch (err.code) {
    case KakaoErrorCode.InvalidToken:
      return await refresh();
    default: // unknown: give up
      throw err;
  }
}`,
      errors: [
        {
          messageId: 'missingRetryableCodes',
          data: missing(ALL_MISSING),
          suggestions: suggest(`${IMPORT}
export async function recover(err: { code: number }): Promise<string> {
  switch (err.code) {
    case KakaoErrorCode.InvalidToken:
      return await refresh();
${ENUM_CASES('    ')}
      ${TODO}
    default: // unknown: give up
      throw err;
  }
}`),
        },
      ],
    },
    // An async if-chain whose final `else` throws: the TODO goes first in it, the `throw` stays.
    {
      filename: file,
      code: `${IMPORT}
export async function recover(err: { code: number }): Promise<string> {
  if (err.code === -401) {
    return refresh();
  } else if (err.code === -402) {
    return askConsent();
  } else {
    // anything else is fatal
    throw err;
  }
}`,
      errors: [
        {
          messageId: 'missingRetryableCodes',
          data: missing(ALL_MISSING),
          suggestions: suggest(`${IMPORT}
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
}`),
        },
      ],
    },
    // A chain of blocks without a final `else`: an `else if` with the TODO; an asserted subject in parentheses.
    {
      filename: file,
      code: `${IMPORT}
function classify(err: { code: unknown }): string {
  let kind = 'other';
  if ((err.code as number) === -401) {
    kind = 'expired';
  } else if ((err.code as number) === -402) {
    kind = 'consent';
  }
  return kind;
}`,
      errors: [
        {
          messageId: 'missingRetryableCodes',
          data: missing(ALL_MISSING),
          suggestions: suggest(`${IMPORT}
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
}`),
        },
      ],
    },
    // A last branch without `;` on one line: the `else` needs one before it.
    {
      filename: file,
      code: `${IMPORT}\nif (code === -401) a()\nelse if (code === -402) b()`,
      errors: [
        {
          messageId: 'missingRetryableCodes',
          data: missing(ALL_MISSING),
          suggestions: suggest(`${IMPORT}\nif (code === -401) a()\nelse if (code === -402) b();\nelse ${blockIf('code', MEMBERS, '')}`),
        },
      ],
    },
    // No safe suggestion: reading the subject again calls it again.
    {
      filename: file,
      code: `${IMPORT}\nif (queue.shift().code === -401) a();\nelse if (queue.shift().code === -402) b();`,
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
      code: `${IMPORT}\nif (code === -401) a();\nelse if (code === -402) if (ready) b();`,
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
