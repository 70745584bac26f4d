/**
 * Where and how no-magic-error-code writes its fix: the enum module resolved from the project's
 * layout, the file's module system, the import's place and style, components, and the bindings it
 * may (not) trust. RuleTester cases, plus Linter runs where the working directory matters.
 */
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import tsParser from '@typescript-eslint/parser';
import { Linter } from 'eslint';
import { outdent } from 'outdent';
import svelteParser from 'svelte-eslint-parser';
import { afterAll, describe, expect, it } from 'vitest';
import vueParser from 'vue-eslint-parser';
import rule from '../../rules/no-magic-error-code.js';
import { createJsRuleTester, createRuleTester, fixtureFile } from '../rule-tester.js';

const TS_ENUM = fixtureFile('generated/kakao-error-codes.ts');
const JS_ENUM = fixtureFile('../js-project/generated/kakao-error-codes.js');
const jsFile = (relative: string) => fixtureFile(`../js-project/${relative}`);
const tsFile = (relative: string) => fixtureFile(relative);

const tmp = mkdtempSync(path.join(os.tmpdir(), 'kakao-fix-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

function write(file: string, text = ''): string {
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, text);
  return file;
}

/** One `eslint --fix` pass of the rule over `code`, as ESLint run from `cwd` would do it. */
function fix(
  code: string,
  { filename, cwd, kakao }: { filename: string; cwd: string; kakao: Record<string, unknown> },
): { output: string; messages: Linter.LintMessage[] } {
  const linter = new Linter({ cwd });
  const result = linter.verifyAndFix(
    code,
    {
      files: ['**/*.ts', '**/*.js', '**/*.cjs'],
      languageOptions: filename.endsWith('.ts') ? { parser: tsParser } : {},
      plugins: { kakao: { rules: { 'no-magic-error-code': rule as never } } },
      settings: { kakao },
      rules: { 'kakao/no-magic-error-code': 'error' },
    },
    filename,
  );
  return { output: result.output, messages: result.messages };
}

const CLIENT = outdent`
  import { http } from './http.js';
  export const kakao = http('https://kapi.kakao.com');
  if (err.code === -401) {}
`;
const FIXED_CLIENT = (specifier: string) => outdent`
  import { http } from './http.js';
  import { KakaoErrorCode } from '${specifier}';
  export const kakao = http('https://kapi.kakao.com');
  if (err.code === KakaoErrorCode.InvalidToken) {}
`;

describe('where the enum module is', () => {
  // repo/ (a workspace root with its own config) and repo/packages/app/ (a package with its own).
  const repo = path.join(tmp, 'monorepo');
  const app = path.join(repo, 'packages', 'app');
  write(path.join(repo, 'eslint.config.js'));
  write(path.join(app, 'eslint.config.js'));
  copyFileSync(TS_ENUM, write(path.join(app, 'src', 'generated', 'kakao-error-codes.ts')));
  const client = path.join(app, 'src', 'client.ts');
  // A second repository with only a root config.
  const rootOnly = path.join(tmp, 'root-config');
  write(path.join(rootOnly, 'eslint.config.js'));
  copyFileSync(TS_ENUM, write(path.join(rootOnly, 'packages', 'app', 'src', 'generated', 'kakao-error-codes.ts')));

  it("a package's config linted from the repository root: relative to the package's config", () => {
    const { output } = fix(CLIENT, { filename: client, cwd: repo, kakao: { enumModule: './src/generated/kakao-error-codes.ts' } });
    expect(output).toBe(FIXED_CLIENT('./generated/kakao-error-codes.js'));
  });

  it('a root config linted from inside a package: relative to the root config', () => {
    const packageDir = path.join(rootOnly, 'packages', 'app');
    const { output } = fix(CLIENT, {
      filename: path.join(packageDir, 'src', 'client.ts'),
      cwd: packageDir,
      kakao: { enumModule: './packages/app/src/generated/kakao-error-codes.ts' },
    });
    expect(output).toBe(FIXED_CLIENT('./generated/kakao-error-codes.js'));
  });

  it.each([
    ['an absolute path', path.join(app, 'src', 'generated', 'kakao-error-codes.ts')],
    ['a file: URL', pathToFileURL(path.join(app, 'src', 'generated', 'kakao-error-codes.ts')).href],
    ['an absolute path without extension', path.join(app, 'src', 'generated', 'kakao-error-codes')],
  ])('%s is written as a relative specifier', (_, enumModule) => {
    const { output } = fix(CLIENT, { filename: path.join(app, 'src', 'api', 'client.ts'), cwd: tmp, kakao: { enumModule } });
    expect(output).toBe(FIXED_CLIENT('../generated/kakao-error-codes.js'));
    expect(output).not.toContain(tmp);
  });

  it('a module that does not exist: reported without a fix, naming the path it resolved to', () => {
    const { output, messages } = fix(CLIENT, { filename: client, cwd: repo, kakao: { enumModule: './src/gen/missing.ts' } });
    expect(output).toBe(CLIENT);
    expect(messages).toHaveLength(1);
    expect(messages[0]!.message).toContain(
      `Not auto-fixed: settings.kakao.enumModule "./src/gen/missing.ts" resolves to ${path.join(repo, 'src', 'gen', 'missing.ts')} (from ${repo}, ${app}), where there is no module.`,
    );
  });

  it('an index module is imported by its folder', () => {
    const folder = path.join(tmp, 'index-module');
    copyFileSync(TS_ENUM, write(path.join(folder, 'codes', 'index.ts')));
    const { output } = fix(CLIENT, { filename: path.join(folder, 'client.ts'), cwd: folder, kakao: { enumModule: './codes' } });
    expect(output).toBe(FIXED_CLIENT('./codes/index.js'));
  });
});

describe('the module system of the file', () => {
  const cjsPackage = path.join(tmp, 'cjs-package');
  write(path.join(cjsPackage, 'package.json'), JSON.stringify({ name: 'cjs', type: 'commonjs' }));
  copyFileSync(JS_ENUM, write(path.join(cjsPackage, 'generated', 'kakao-error-codes.js')));
  const esmPackage = path.join(tmp, 'esm-package');
  write(path.join(esmPackage, 'package.json'), JSON.stringify({ name: 'esm', type: 'module' }));
  copyFileSync(JS_ENUM, write(path.join(esmPackage, 'generated', 'kakao-error-codes.js')));
  const kakao = { enumModule: './generated/kakao-error-codes.js' };

  it('a .js file with require in a CommonJS package gets a require', () => {
    const { output } = fix(
      outdent`
        const axios = require('axios')
        const kakao = axios.create({ baseURL: 'https://kapi.kakao.com' })
        ;[1].forEach(() => {})
        module.exports = (err) => err.code === -401
      `,
      { filename: path.join(cjsPackage, 'client.js'), cwd: cjsPackage, kakao },
    );
    expect(output).toBe(outdent`
      const axios = require('axios')
      const { KakaoErrorCode } = require('./generated/kakao-error-codes.js');
      const kakao = axios.create({ baseURL: 'https://kapi.kakao.com' })
      ;[1].forEach(() => {})
      module.exports = (err) => err.code === KakaoErrorCode.InvalidToken
    `);
  });

  it("the require goes above the first statement that is not a require, never below a use", () => {
    const { output } = fix(
      outdent`
        'use strict'
        const kakao = require('./kakao')
        console.log(kakao.check({ code: -1 }, (e) => e.code === -401))
        const later = require('./later')
        module.exports = later
      `,
      { filename: path.join(cjsPackage, 'late.js'), cwd: cjsPackage, kakao },
    );
    expect(output).toBe(outdent`
      'use strict'
      const kakao = require('./kakao')
      const { KakaoErrorCode } = require('./generated/kakao-error-codes');
      console.log(kakao.check({ code: -1 }, (e) => e.code === KakaoErrorCode.InvalidToken))
      const later = require('./later')
      module.exports = later
    `);
  });

  it('a CommonJS file that starts with ( gets a require ending in ;', () => {
    const { output } = fix(
      outdent`
        (function () {
          exports.kakao = (e) => e.code === -401
        })()
      ` + '\n',
      { filename: path.join(cjsPackage, 'iife.js'), cwd: cjsPackage, kakao },
    );
    expect(output).toBe(
      outdent`
        const { KakaoErrorCode } = require('./generated/kakao-error-codes.js');
        (function () {
          exports.kakao = (e) => e.code === KakaoErrorCode.InvalidToken
        })()
      ` + '\n',
    );
  });

  it('a .js file without import or require in a "type": "module" package gets an import', () => {
    const { output } = fix(
      outdent`
        const kakao = 'https://kapi.kakao.com';
        if (err.code === -401) {}
      ` + '\n',
      { filename: path.join(esmPackage, 'page.js'), cwd: esmPackage, kakao },
    );
    expect(output).toBe(
      outdent`
        import { KakaoErrorCode } from './generated/kakao-error-codes.js';
        const kakao = 'https://kapi.kakao.com';
        if (err.code === KakaoErrorCode.InvalidToken) {}
      ` + '\n',
    );
  });

  it.each([
    ['a JavaScript script (CommonJS package, no import, export or require)', 'script.js', cjsPackage],
    ['a TypeScript script (no import or export)', 'script.ts', esmPackage],
  ])('%s gets no import', (_, name, dir) => {
    const code = outdent`
      const kakao = 'https://kapi.kakao.com';
      if (err.code === -401) {}
    ` + '\n';
    const { output, messages } = fix(code, { filename: path.join(dir, name), cwd: dir, kakao });
    expect(output).toBe(code);
    expect(messages[0]!.message).toContain('Not auto-fixed: this file is a script (no import or export): adding an import would make it a module.');
  });
});

const ruleTester = createRuleTester({ enumModule: TS_ENUM });
const IMPORT = "import { KakaoErrorCode } from '../generated/kakao-error-codes.js';";

ruleTester.run('no-magic-error-code: where the import goes', rule, {
  valid: [],
  invalid: [
    {
      name: 'after the last import and the comment on its line',
      filename: tsFile('src/client.ts'),
      code: outdent`
        import { a } from './a.js'; // the Kakao client
        export const kakao = a;
        if (err.code === -401) {}
      `,
      output: outdent`
        import { a } from './a.js'; // the Kakao client
        ${IMPORT}
        export const kakao = a;
        if (err.code === KakaoErrorCode.InvalidToken) {}
      `,
      errors: [{ messageId: 'magicCode', line: 3, column: 18 }],
    },
    {
      name: 'after a first-line @ts-nocheck, which must stay first',
      filename: tsFile('src/client.ts'),
      code: outdent`
        // @ts-nocheck
        export const kakao = 1;
        if (err.code === -401) {}
      `,
      output: outdent`
        // @ts-nocheck
        ${IMPORT}
        export const kakao = 1;
        if (err.code === KakaoErrorCode.InvalidToken) {}
      `,
      errors: [{ messageId: 'magicCode' }],
    },
    {
      name: 'after a licence header and a globals comment, above a comment that belongs to the first statement',
      filename: tsFile('src/client.ts'),
      code: outdent`
        /*! (c) Kakao client, MIT */
        /* global kakaoSdk */
        // The client:
        export const kakao = 1;
        if (err.code === -401) {}
      `,
      output: outdent`
        /*! (c) Kakao client, MIT */
        /* global kakaoSdk */
        ${IMPORT}
        // The client:
        export const kakao = 1;
        if (err.code === KakaoErrorCode.InvalidToken) {}
      `,
      errors: [{ messageId: 'magicCode' }],
    },
    {
      name: "'use client' stays first",
      filename: tsFile('app/login.tsx'),
      code: outdent`
        'use client'
        export const kakao = 1
        if (err.code === -401) {}
      `,
      output: outdent`
        'use client'
        import { KakaoErrorCode } from '../generated/kakao-error-codes.js'
        export const kakao = 1
        if (err.code === KakaoErrorCode.InvalidToken) {}
      `,
      errors: [{ messageId: 'magicCode' }],
    },
    {
      name: 'a CRLF file gets a CRLF line',
      filename: tsFile('src/client.ts'),
      code: "import { a } from './a.js';\r\nexport const kakao = a;\r\nif (err.code === -401) {}\r\n",
      output: `import { a } from './a.js';\r\n${IMPORT}\r\nexport const kakao = a;\r\nif (err.code === KakaoErrorCode.InvalidToken) {}\r\n`,
      errors: [{ messageId: 'magicCode' }],
    },
    {
      name: '(-401 as const) is replaced whole',
      filename: tsFile('src/client.ts'),
      code: outdent`
        ${IMPORT}
        export const kakao = 1;
        if (err.code === (-401 as const)) {}
      `,
      output: outdent`
        ${IMPORT}
        export const kakao = 1;
        if (err.code === (KakaoErrorCode.InvalidToken)) {}
      `,
      errors: [{ messageId: 'magicCode' }],
    },
    {
      name: 'a module specifier with a quote is escaped',
      filename: tsFile('src/client.ts'),
      settings: { kakao: { enumModule: "@kakao/it's-codes" } },
      code: outdent`
        export const kakao = 1;
        if (err.code === -401) {}
      `,
      output: outdent`
        import { KakaoErrorCode } from '@kakao/it\\'s-codes';
        export const kakao = 1;
        if (err.code === KakaoErrorCode.InvalidToken) {}
      `,
      errors: [{ messageId: 'magicCode' }],
    },
  ],
});

ruleTester.run('no-magic-error-code: literal types', rule, {
  valid: [],
  invalid: [
    {
      name: 'an exhaustive switch over literal-typed codes gets a suggestion, not a fix',
      filename: tsFile('src/client.ts'),
      code: outdent`
        ${IMPORT}
        type KakaoReply = { code: -401 } | { code: -402 };
        export function label(r: KakaoReply): string {
          switch (r.code) {
            case -401: return 'token';
            case -402: return 'consent';
          }
        }
      `,
      output: null,
      errors: [
        {
          messageId: 'magicCodeLiteralType',
          line: 5,
          suggestions: [
            {
              messageId: 'useEnumMember',
              output: outdent`
                ${IMPORT}
                type KakaoReply = { code: -401 } | { code: -402 };
                export function label(r: KakaoReply): string {
                  switch (r.code) {
                    case KakaoErrorCode.InvalidToken: return 'token';
                    case -402: return 'consent';
                  }
                }
              `,
            },
          ],
        },
        {
          messageId: 'magicCodeLiteralType',
          line: 6,
          suggestions: [
            {
              messageId: 'useEnumMember',
              output: outdent`
                ${IMPORT}
                type KakaoReply = { code: -401 } | { code: -402 };
                export function label(r: KakaoReply): string {
                  switch (r.code) {
                    case -401: return 'token';
                    case KakaoErrorCode.InsufficientScope: return 'consent';
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

createRuleTester({ enumModule: TS_ENUM }).run('no-magic-error-code: literal types, with type information', rule, {
  valid: [],
  invalid: [
    {
      name: 'with type information, the type of the compared expression decides',
      filename: 'src/typed.ts',
      languageOptions: { parserOptions: { project: './tsconfig.json' } },
      code: outdent`
        ${IMPORT}
        declare const reply: { code: -401 | -402 };
        declare const other: { code: number };
        if (reply.code === -401 || other.code === -402) {}
      `,
      output: outdent`
        ${IMPORT}
        declare const reply: { code: -401 | -402 };
        declare const other: { code: number };
        if (reply.code === -401 || other.code === KakaoErrorCode.InsufficientScope) {}
      `,
      errors: [
        {
          messageId: 'magicCodeLiteralType',
          column: 20,
          suggestions: [
            {
              messageId: 'useEnumMember',
              output: outdent`
                ${IMPORT}
                declare const reply: { code: -401 | -402 };
                declare const other: { code: number };
                if (reply.code === KakaoErrorCode.InvalidToken || other.code === -402) {}
              `,
            },
          ],
        },
        { messageId: 'magicCode' },
      ],
    },
  ],
});

const invalidToken = {
  api: 'Kakao',
  code: '-401',
  enumName: 'KakaoErrorCode',
  member: 'InvalidToken',
  summary: 'invalid app key or access token',
};
const notTheEnum = (reason: string) => [{ messageId: 'magicCodeNotFixed' as const, data: { ...invalidToken, reason } }];

ruleTester.run('no-magic-error-code: bindings named like the enum', rule, {
  valid: [],
  invalid: [
    {
      name: 'a local enum with other values',
      filename: tsFile('src/client.ts'),
      code: outdent`
        export enum KakaoErrorCode { InvalidToken = -999 }
        if (err.code === -401) {}
      `,
      output: null,
      errors: notTheEnum(`this file's own "KakaoErrorCode" does not give InvalidToken the value -401`),
    },
    {
      name: 'a local object with other values',
      filename: tsFile('src/client.ts'),
      code: outdent`
        export const KakaoErrorCode = { InvalidToken: 123 };
        if (err.code === -401) {}
      `,
      output: null,
      errors: notTheEnum(`this file's own "KakaoErrorCode" does not give InvalidToken the value -401`),
    },
    {
      name: 'a local class',
      filename: tsFile('src/client.ts'),
      code: outdent`
        export class KakaoErrorCode {}
        if (err.code === -401) {}
      `,
      output: null,
      errors: notTheEnum(`this file's own "KakaoErrorCode" is not known to be the generated enum`),
    },
    {
      name: 'an import of the name from another library',
      filename: tsFile('src/client.ts'),
      code: outdent`
        import { KakaoErrorCode } from './other-lib.js';
        if (err.code === -401) {}
      `,
      output: null,
      errors: notTheEnum(
        `"KakaoErrorCode" is imported from './other-lib.js', which is neither settings.kakao.enumModule nor a module generated by kakao-codegen`,
      ),
    },
    {
      name: 'a local object with the spec values is the enum',
      filename: tsFile('src/client.ts'),
      code: outdent`
        export const KakaoErrorCode = Object.freeze({ InvalidToken: -401 } as const);
        if (err.code === -401) {}
      `,
      output: outdent`
        export const KakaoErrorCode = Object.freeze({ InvalidToken: -401 } as const);
        if (err.code === KakaoErrorCode.InvalidToken) {}
      `,
      errors: [{ messageId: 'magicCode' }],
    },
  ],
});

createRuleTester({ enumModule: JS_ENUM }).run('no-magic-error-code: TypeScript and an object-style module', rule, {
  valid: [],
  invalid: [
    {
      name: 'a comparison is fixed; a list is not: its members would have literal types',
      filename: tsFile('src/client.ts'),
      code: outdent`
        export const kakao = 1;
        if (err.code === -401 || [-1, -603].includes(err.code)) {}
      `,
      output: outdent`
        import { KakaoErrorCode } from '../../js-project/generated/kakao-error-codes.js';
        export const kakao = 1;
        if (err.code === KakaoErrorCode.InvalidToken || [-1, -603].includes(err.code)) {}
      `,
      errors: [
        { messageId: 'magicCode' },
        ...['InternalError', 'ServerTimeOut'].map((member) => ({
          messageId: 'magicCodeNotFixed' as const,
          data: {
            ...invalidToken,
            code: member === 'InternalError' ? '-1' : '-603',
            member,
            summary: member === 'InternalError' ? 'internal server error' : 'request timed out',
            reason:
              'in TypeScript a list of KakaoErrorCode members has their literal types, and its .includes(code) or .has(code) would not take a number (generate the module with --style enum, or annotate the list as readonly number[])',
          },
        })),
      ],
    },
  ],
});

createJsRuleTester({ enumModule: TS_ENUM }).run('no-magic-error-code: JavaScript and a const enum', rule as never, {
  valid: [],
  invalid: [
    {
      filename: jsFile('src/client.js'),
      code: outdent`
        import axios from 'axios';
        export const kakao = axios;
        if (err.code === -401) {}
      `,
      output: null,
      errors: notTheEnum(
        `KakaoErrorCode in ${path.relative(process.cwd(), TS_ENUM)} is a const enum, which JavaScript cannot import (generate it with kakao-codegen --style enum or --style object)`,
      ),
    },
  ],
});

const vueTester = createJsRuleTester({ enumModule: TS_ENUM });
const vue = { parser: vueParser, parserOptions: { parser: tsParser }, sourceType: 'module' as const };

vueTester.run('no-magic-error-code: Vue components', rule as never, {
  valid: [],
  invalid: [
    {
      // The block's language decides, not the file name: in lang="ts", a list of string-enum members would not take a string.
      name: '<script setup lang="ts">: a list of Kakao Login codes is reported, not fixed',
      filename: tsFile('src/Callback.vue'),
      languageOptions: vue,
      code: outdent`
        <script setup lang="ts">
        import { KakaoErrorCode } from '../generated/kakao-error-codes.js';
        const error_code = new URLSearchParams(location.search).get('error_code') ?? '';
        const relogin = ['KOE320', 'KOE322'].includes(error_code) || Number(error_code) === KakaoErrorCode.InvalidToken;
        </script>
      `,
      output: null,
      errors: [{ messageId: 'magicCodeNotFixed' }, { messageId: 'magicCodeNotFixed' }],
    },
    {
      name: '<script setup> with imports: after them, inside the block',
      filename: tsFile('src/Login.vue'),
      languageOptions: vue,
      code: outdent`
        <template><p>{{ message }}</p></template>
        <script setup lang="ts">
        import { kakaoLogin } from './kakao.js';
        const message = kakaoLogin().code === -401 ? 'again' : 'ok';
        </script>
      `,
      output: outdent`
        <template><p>{{ message }}</p></template>
        <script setup lang="ts">
        import { kakaoLogin } from './kakao.js';
        ${IMPORT}
        const message = kakaoLogin().code === KakaoErrorCode.InvalidToken ? 'again' : 'ok';
        </script>
      `,
      errors: [{ messageId: 'magicCode' }],
    },
    {
      name: '<script> and <script setup>: into <script>, which <script setup> sees (one import for both)',
      filename: tsFile('src/Login.vue'),
      languageOptions: vue,
      code: outdent`
        <script lang="ts">
        export default { name: 'KakaoLogin', kakaoLogin: true };
        </script>
        <script setup lang="ts">
          const props = defineProps<{ error: { code: number } }>();
          const expired = props.error.code === -401;
        </script>
        <template><p v-if="expired">again</p></template>
      `,
      output: outdent`
        <script lang="ts">
        import { KakaoErrorCode } from '../generated/kakao-error-codes';
        export default { name: 'KakaoLogin', kakaoLogin: true };
        </script>
        <script setup lang="ts">
          const props = defineProps<{ error: { code: number } }>();
          const expired = props.error.code === KakaoErrorCode.InvalidToken;
        </script>
        <template><p v-if="expired">again</p></template>
      `,
      errors: [{ messageId: 'magicCode' }],
    },
    {
      name: 'a template expression: fixed when <script setup> imports the enum',
      filename: tsFile('src/Login.vue'),
      languageOptions: vue,
      code: outdent`
        <script setup lang="ts">
        ${IMPORT}
        defineProps<{ err: { code: number } }>();
        </script>
        <template><p v-if="err.code === -401">kakao login expired</p></template>
      `,
      output: outdent`
        <script setup lang="ts">
        ${IMPORT}
        defineProps<{ err: { code: number } }>();
        </script>
        <template><p v-if="err.code === KakaoErrorCode.InvalidToken">kakao login expired</p></template>
      `,
      errors: [{ messageId: 'magicCode' }],
    },
    {
      name: 'a template expression without the enum in scope: reported only',
      filename: tsFile('src/Login.vue'),
      languageOptions: vue,
      code: outdent`
        <script setup lang="ts">
        defineProps<{ err: { code: number }; kakaoUser: string }>();
        </script>
        <template><p v-if="err.code === -401">kakao login expired</p></template>
      `,
      output: null,
      errors: notTheEnum('the template cannot see KakaoErrorCode: import it in <script setup> to fix this'),
    },
  ],
});

const svelte = { parser: svelteParser, parserOptions: { parser: tsParser }, sourceType: 'module' as const };

createJsRuleTester({ enumModule: TS_ENUM }).run('no-magic-error-code: Svelte components', rule as never, {
  valid: [],
  invalid: [
    {
      name: 'the instance script, indented, after its imports; markup untouched',
      filename: tsFile('src/Login.svelte'),
      languageOptions: svelte,
      code: outdent`
        <script lang="ts">
          import { kakaoLogin } from './kakao.js';
          let { err } = $props();
          const expired = err.code === -401;
        </script>

        <p>{expired ? 'Log in to Kakao again' : ''}</p>
      `,
      output: outdent`
        <script lang="ts">
          import { kakaoLogin } from './kakao.js';
          ${IMPORT}
          let { err } = $props();
          const expired = err.code === KakaoErrorCode.InvalidToken;
        </script>

        <p>{expired ? 'Log in to Kakao again' : ''}</p>
      `,
      errors: [{ messageId: 'magicCode' }],
    },
    {
      name: 'with a module script, the import goes there: the instance script and the markup see it',
      filename: tsFile('src/Login.svelte'),
      languageOptions: svelte,
      code: outdent`
        <script module lang="ts">
          export const kakaoHost = 'https://kapi.kakao.com';
        </script>
        <script lang="ts">
          let { err } = $props();
        </script>
        <p>{err.code === -401 ? 'again' : ''}</p>
      `,
      output: outdent`
        <script module lang="ts">
          import { KakaoErrorCode } from '../generated/kakao-error-codes';
          export const kakaoHost = 'https://kapi.kakao.com';
        </script>
        <script lang="ts">
          let { err } = $props();
        </script>
        <p>{err.code === KakaoErrorCode.InvalidToken ? 'again' : ''}</p>
      `,
      errors: [{ messageId: 'magicCode' }],
    },
  ],
});
