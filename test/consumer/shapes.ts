/**
 * The projects of test/consumer/project-shapes.test.ts: the files of each project shape as a user
 * writes them (before `eslint --fix`), and what the fix must make of them.
 */

export type Tree = Readonly<Record<string, string>>;

// ---------------------------------------------------------------------------------------------
// 1. An npm workspaces monorepo: packages/app with its own ESLint config, or a root config.

/** What `npm init -w packages/app` would give, as an ES module package. */
export const MONOREPO_ROOT_PACKAGE = {
  name: 'kakao-monorepo',
  private: true,
  workspaces: ['packages/*'],
};

export const MONOREPO_FILES: Tree = {
  'packages/app/package.json': `${JSON.stringify({ name: '@kakao-shapes/app', version: '1.0.0', private: true, type: 'module' }, null, 2)}\n`,
  'packages/app/tsconfig.json': `${JSON.stringify(
    {
      compilerOptions: {
        target: 'es2022',
        module: 'nodenext',
        moduleResolution: 'nodenext',
        strict: true,
        noEmit: true,
        skipLibCheck: true,
        types: [],
      },
      include: ['src'],
    },
    null,
    2,
  )}\n`,
  'packages/app/src/http.ts': `export class KakaoApiError extends Error {
  readonly code: number;

  constructor(code: number, message: string) {
    super(message);
    this.code = code;
  }
}
`,
  'packages/app/src/errors.ts': `import { KakaoApiError } from './http.js';

export function kakaoErrorMessage(err: unknown): string {
  if (!(err instanceof KakaoApiError)) return 'Something went wrong.';
  if (err.code === -401) return 'Log in to Kakao again.';
  return err.message;
}
`,
  'packages/app/src/features/login/retry.ts': `export function isKakaoDailyLimit(code: number): boolean {
  return code === -532;
}
`,
};

/** After `--fix`, whichever config and working directory found the enum module. */
export const MONOREPO_FIXED = {
  'packages/app/src/errors.ts': {
    statement: "import { KakaoErrorCode } from './generated/kakao-error-codes.js';",
    follows: "import { KakaoApiError } from './http.js';",
    body: MONOREPO_FILES['packages/app/src/errors.ts']!.replace('-401', 'KakaoErrorCode.InvalidToken'),
  },
  // No other relative import to copy the style from: a TS file imports the .ts module as .js.
  'packages/app/src/features/login/retry.ts': {
    statement: "import { KakaoErrorCode } from '../../generated/kakao-error-codes.js';",
    follows: '',
    body: MONOREPO_FILES['packages/app/src/features/login/retry.ts']!.replace('-532', 'KakaoErrorCode.TalkSendMessageDailyLimitExceed'),
  },
} as const;

/** An eslint.config.js of the app package, with `enumModule` written as `expression`. */
export function packageConfig(expression: string, imports = ''): string {
  return `import tsParser from '@typescript-eslint/parser';
import kakao from 'eslint-plugin-kakao';
${imports}
export default [
  { files: ['**/*.ts'], languageOptions: { parser: tsParser } },
  {
    ...kakao.configs.recommended,
    files: ['**/*.ts'],
    settings: { kakao: { enumModule: ${expression} } },
  },
];
`;
}

/** The monorepo's root eslint.config.js: one config for every package, paths relative to the root. */
export const MONOREPO_ROOT_CONFIG = `import tsParser from '@typescript-eslint/parser';
import kakao from 'eslint-plugin-kakao';

export default [
  { files: ['packages/*/src/**/*.ts'], languageOptions: { parser: tsParser } },
  {
    ...kakao.configs.recommended,
    files: ['packages/*/src/**/*.ts'],
    settings: { kakao: { enumModule: './packages/app/src/generated/kakao-error-codes.ts' } },
  },
];
`;

// ---------------------------------------------------------------------------------------------
// 2. A CommonJS package, as `npm init -y` writes it with npm 11 ("type": "commonjs").

export const CJS_FILES: Tree = {
  'package.json': `${JSON.stringify(
    {
      name: 'kakao-cjs',
      version: '1.0.0',
      description: '',
      main: 'index.js',
      scripts: { test: 'echo "Error: no test specified" && exit 1' },
      keywords: [],
      author: '',
      license: 'ISC',
      type: 'commonjs',
    },
    null,
    2,
  )}\n`,
  'eslint.config.mjs': `import kakao from 'eslint-plugin-kakao';

export default [
  {
    ...kakao.configs.recommended,
    files: ['**/*.js', '**/*.cjs'],
    settings: { kakao: { enumModule: './src/generated/kakao-error-codes.cjs' } },
  },
];
`,
  'src/strict.js': `'use strict';

const util = require('node:util');

function classifyKakaoError(err) {
  if (err.code === -401) return 'log in again';
  if (err.code === -532) return 'try tomorrow';
  return 'failed';
}

console.log(util.format('%s|%s|%s', classifyKakaoError({ code: -401 }), classifyKakaoError({ code: -532 }), classifyKakaoError({ code: 0 })));

module.exports = { classifyKakaoError };
`,
  // No semicolons, and the first statement starts with "(": a require without ";" in front of it
  // would call the module object.
  'src/no-semicolons.js': `(function printKakaoErrors() {
  console.log(isKakaoLoginExpired({ code: -401 }), isKakaoLoginExpired({ code: 0 }))
})()

function isKakaoLoginExpired(err) {
  return err.code === -401
}

exports.isKakaoLoginExpired = isKakaoLoginExpired
`,
  'src/list.cjs': `const { format } = require('node:util');

const KAKAO_LIMITS = [-531, -532];

function isKakaoLimit(err) {
  return [-531, -532].includes(err.code);
}

console.log(format('%s %s %s', isKakaoLimit({ code: -531 }), isKakaoLimit({ code: -401 }), KAKAO_LIMITS.length));

module.exports = { isKakaoLimit };
`,
};

const CJS_REQUIRE = "const { KakaoErrorCode } = require('./generated/kakao-error-codes.cjs');";

export const CJS_FIXED = {
  'src/strict.js': {
    statement: CJS_REQUIRE,
    follows: "const util = require('node:util');",
    body: CJS_FILES['src/strict.js']!.replace('err.code === -401', 'err.code === KakaoErrorCode.InvalidToken').replace(
      'err.code === -532',
      'err.code === KakaoErrorCode.TalkSendMessageDailyLimitExceed',
    ),
  },
  'src/no-semicolons.js': {
    statement: CJS_REQUIRE,
    follows: '',
    body: CJS_FILES['src/no-semicolons.js']!.replace('err.code === -401', 'err.code === KakaoErrorCode.InvalidToken'),
  },
  'src/list.cjs': {
    statement: CJS_REQUIRE,
    follows: "const { format } = require('node:util');",
    body: CJS_FILES['src/list.cjs']!.replace(
      'return [-531, -532].includes',
      'return [KakaoErrorCode.TalkSendMessageMonthlyLimitExceed, KakaoErrorCode.TalkSendMessageDailyLimitExceed].includes',
    ),
  },
} as const;

// ---------------------------------------------------------------------------------------------
// 3. Vue 3 single-file components (vue-eslint-parser, @typescript-eslint/parser in the scripts).

const VUE_CONFIG = `import tsParser from '@typescript-eslint/parser';
import kakao from 'eslint-plugin-kakao';
import vueParser from 'vue-eslint-parser';

export default [
  { files: ['**/*.ts'], languageOptions: { parser: tsParser } },
  {
    files: ['**/*.vue'],
    languageOptions: { parser: vueParser, parserOptions: { parser: tsParser, sourceType: 'module' } },
  },
  {
    ...kakao.configs.recommended,
    files: ['**/*.ts', '**/*.vue'],
    settings: { kakao: { enumModule: './src/generated/kakao-error-codes.ts' } },
  },
];
`;

export const FORMAT_TS = `export function formatKakaoError(err: { code: number; message: string }): string {
  return \`Kakao error \${String(err.code)}: \${err.message}\`;
}
`;

export const VUE_FILES: Tree = {
  'package.json': `${JSON.stringify({ name: 'kakao-vue', private: true, type: 'module' }, null, 2)}\n`,
  'eslint.config.js': VUE_CONFIG,
  'src/format.ts': FORMAT_TS,
  'src/components/SetupOnly.vue': `<script setup lang="ts">
import { computed } from 'vue';
import { formatKakaoError } from '../format';

const props = defineProps<{ kakaoError: { code: number; message: string } }>();
const text = computed(() => (props.kakaoError.code === -401 ? 'Log in again.' : formatKakaoError(props.kakaoError)));
</script>

<template>
  <p class="kakao-error">{{ text }}</p>
</template>

<style scoped>
.kakao-error {
  color: red;
}
</style>
`,
  'src/components/BothScripts.vue': `<script lang="ts">
import { formatKakaoError } from '../format';

export function isKakaoLoginExpired(err: { code: number }): boolean {
  return err.code === -401;
}
</script>

<script setup lang="ts">
const props = defineProps<{ kakaoError: { code: number; message: string } }>();
const limited = props.kakaoError.code === -532;
</script>

<template>
  <p v-if="isKakaoLoginExpired(kakaoError)">Log in again.</p>
  <p v-else-if="limited">Try again tomorrow.</p>
  <p v-else>{{ formatKakaoError(kakaoError) }}</p>
</template>
`,
  // The enum is imported in <script setup>, so the template can use it: the template is fixed.
  'src/components/TemplateInScope.vue': `<script setup lang="ts">
import { KakaoErrorCode } from '../generated/kakao-error-codes';

defineProps<{ kakaoError: { code: number } }>();
</script>

<template>
  <p v-if="kakaoError.code === -401">Log in again.</p>
  <p v-else-if="kakaoError.code === KakaoErrorCode.InsufficientScope">Allow the app to read your profile.</p>
</template>
`,
  // The template cannot see an import the fix would add: reported, not fixed.
  'src/components/TemplateNoImport.vue': `<script setup lang="ts">
import { formatKakaoError } from '../format';

const props = defineProps<{ kakaoError: { code: number; message: string } }>();
const text = formatKakaoError(props.kakaoError);
</script>

<template>
  <p v-if="kakaoError.code === -401">Log in again.</p>
  <p v-else>{{ text }}</p>
</template>
`,
};

export const VUE_IMPORT = "import { KakaoErrorCode } from '../generated/kakao-error-codes';";

export const VUE_FIXED: Readonly<Record<string, { literals: readonly [string, string][] }>> = {
  'src/components/SetupOnly.vue': { literals: [['props.kakaoError.code === -401', 'props.kakaoError.code === KakaoErrorCode.InvalidToken']] },
  'src/components/BothScripts.vue': {
    literals: [
      ['err.code === -401', 'err.code === KakaoErrorCode.InvalidToken'],
      ['props.kakaoError.code === -532', 'props.kakaoError.code === KakaoErrorCode.TalkSendMessageDailyLimitExceed'],
    ],
  },
};

// ---------------------------------------------------------------------------------------------
// 4. Svelte 5 components (svelte-eslint-parser, @typescript-eslint/parser in the scripts).

const SVELTE_CONFIG = `import tsParser from '@typescript-eslint/parser';
import kakao from 'eslint-plugin-kakao';
import svelteParser from 'svelte-eslint-parser';

export default [
  { files: ['**/*.ts'], languageOptions: { parser: tsParser } },
  {
    files: ['**/*.svelte'],
    languageOptions: { parser: svelteParser, parserOptions: { parser: tsParser } },
  },
  {
    ...kakao.configs.recommended,
    files: ['**/*.ts', '**/*.svelte'],
    settings: { kakao: { enumModule: './src/generated/kakao-error-codes.ts' } },
  },
];
`;

export const SVELTE_FILES: Tree = {
  'package.json': `${JSON.stringify({ name: 'kakao-svelte', private: true, type: 'module' }, null, 2)}\n`,
  'eslint.config.js': SVELTE_CONFIG,
  'src/format.ts': FORMAT_TS,
  'src/lib/LoginError.svelte': `<script lang="ts">
  import { formatKakaoError } from '../format';

  let { kakaoError }: { kakaoError: { code: number; message: string } } = $props();
  const relogin = $derived(kakaoError.code === -401);
</script>

<p class="kakao-error">{relogin ? 'Log in again.' : formatKakaoError(kakaoError)}</p>

<style>
  .kakao-error {
    color: red;
  }
</style>
`,
  // The module script's function needs the enum too: the import can only go there (an import in
  // the instance script is not visible in the module script).
  'src/lib/ModuleAndInstance.svelte': `<script module lang="ts">
  export function isKakaoLoginExpired(err: { code: number }): boolean {
    return err.code === -401;
  }
</script>

<script lang="ts">
  import { formatKakaoError } from '../format';

  let { kakaoError }: { kakaoError: { code: number; message: string } } = $props();
  const limited = $derived(kakaoError.code === -532);
</script>

{#if isKakaoLoginExpired(kakaoError)}
  <p>Log in again.</p>
{:else if limited}
  <p>Try again tomorrow.</p>
{:else}
  <p>{formatKakaoError(kakaoError)}</p>
{/if}
`,
};

export const SVELTE_IMPORT = VUE_IMPORT;

export const SVELTE_FIXED: Readonly<Record<string, { literals: readonly [string, string][]; block: RegExp }>> = {
  'src/lib/LoginError.svelte': {
    literals: [['kakaoError.code === -401', 'kakaoError.code === KakaoErrorCode.InvalidToken']],
    block: /^<script lang="ts">$/u,
  },
  'src/lib/ModuleAndInstance.svelte': {
    literals: [
      ['err.code === -401', 'err.code === KakaoErrorCode.InvalidToken'],
      ['kakaoError.code === -532', 'kakaoError.code === KakaoErrorCode.TalkSendMessageDailyLimitExceed'],
    ],
    block: /^<script module lang="ts">$/u,
  },
};

// ---------------------------------------------------------------------------------------------
// 5. A Next.js-style app: 'use client' components, header comments, a trailing comment, a script.

/** Next's tsconfig, as far as tsc needs it, with `extra` compiler options. */
function nextTsconfig(extra: Record<string, unknown>): string {
  const compilerOptions = {
    target: 'es2022',
    lib: ['dom', 'es2022'],
    module: 'esnext',
    moduleResolution: 'bundler',
    jsx: 'preserve',
    strict: true,
    noEmit: true,
    isolatedModules: true,
    skipLibCheck: true,
    types: [],
    ...extra,
  };
  return `${JSON.stringify({ compilerOptions, include: ['**/*.ts', '**/*.tsx'], exclude: ['node_modules'] }, null, 2)}\n`;
}

export const NEXT_FILES: Tree = {
  // create-next-app writes no "type": the package is CommonJS, its TSX is compiled by Next.
  'package.json': `${JSON.stringify({ name: 'kakao-next', version: '0.1.0', private: true }, null, 2)}\n`,
  'tsconfig.json': nextTsconfig({}),
  'eslint.config.mjs': `import tsParser from '@typescript-eslint/parser';
import kakao from 'eslint-plugin-kakao';

export default [
  { files: ['**/*.ts', '**/*.tsx'], languageOptions: { parser: tsParser } },
  {
    ...kakao.configs.recommended,
    files: ['**/*.ts', '**/*.tsx'],
    settings: { kakao: { enumModule: './lib/generated/kakao-error-codes.ts' } },
  },
  // Used by the eslint-disable comment in app/licensed.ts (an unused one would be removed by --fix).
  { rules: { 'no-console': 'warn' } },
];
`,
  // JSX without React: the global JSX namespace is all tsc needs with "jsx": "preserve".
  'jsx.d.ts': `declare namespace JSX {
  type Element = unknown;
  interface IntrinsicElements {
    [name: string]: Record<string, unknown>;
  }
}
`,
  'lib/format.ts': FORMAT_TS,
  'app/login-button.tsx': `'use client';

export function LoginButton({ kakaoError }: { kakaoError?: { code: number } }) {
  const expired = kakaoError?.code === -401;
  return <button type="button">{expired ? 'Log in to Kakao again' : 'Log in with Kakao'}</button>;
}
`,
  // A triple-slash directive is only one before the first statement: the import must go after it.
  'app/licensed.ts': `/*!
 * Kakao helpers. Copyright 2026 Example Corp. Licensed under the MIT License.
 */
/* eslint-disable no-console */
/// <reference lib="dom" />

export function logKakaoError(err: { code: number }): void {
  if (err.code === -532) console.log('Kakao daily limit');
}
`,
  'app/unchecked.ts': `// @ts-nocheck
export function isKakaoTokenExpired(err) {
  return err.code === -401;
}
`,
  'app/trailing-comment.ts': `import { formatKakaoError } from '../lib/format.js'; // the shared formatter
export function describeKakaoError(err: { code: number; message: string }): string {
  return err.code === -401 ? 'Log in again.' : formatKakaoError(err);
}
`,
  // No import or export: a script, where an import would make it a module.
  'app/script.ts': `function kakaoScriptCheck(err: { code: number }): boolean {
  return err.code === -401;
}
`,
};

const NEXT_IMPORT = "import { KakaoErrorCode } from '../lib/generated/kakao-error-codes.js';";

/** The same app with Next's `@/` path alias as `enumModule`: written into the imports as it is. */
export const NEXT_ALIAS_FILES: Tree = {
  ...NEXT_FILES,
  'tsconfig.json': nextTsconfig({ paths: { '@/*': ['./*'] } }),
  'eslint.config.mjs': NEXT_FILES['eslint.config.mjs']!.replace("'./lib/generated/kakao-error-codes.ts'", "'@/lib/generated/kakao-error-codes'"),
};

export const NEXT_FIXED = {
  'app/login-button.tsx': {
    statement: NEXT_IMPORT,
    follows: "'use client';",
    body: NEXT_FILES['app/login-button.tsx']!.replace('-401', 'KakaoErrorCode.InvalidToken'),
  },
  'app/licensed.ts': {
    statement: NEXT_IMPORT,
    follows: '/// <reference lib="dom" />',
    body: NEXT_FILES['app/licensed.ts']!.replace('-532', 'KakaoErrorCode.TalkSendMessageDailyLimitExceed'),
  },
  'app/unchecked.ts': {
    statement: NEXT_IMPORT,
    follows: '// @ts-nocheck',
    body: NEXT_FILES['app/unchecked.ts']!.replace('-401', 'KakaoErrorCode.InvalidToken'),
  },
  'app/trailing-comment.ts': {
    statement: NEXT_IMPORT,
    follows: "import { formatKakaoError } from '../lib/format.js'; // the shared formatter",
    body: NEXT_FILES['app/trailing-comment.ts']!.replace('-401', 'KakaoErrorCode.InvalidToken'),
  },
} as const;

// ---------------------------------------------------------------------------------------------
// 6. A JavaScript-only ES module package, the enum generated as JavaScript.

const ESM_CONFIG = (enumModule: string) => `import kakao from 'eslint-plugin-kakao';

export default [
  {
    ...kakao.configs.recommended,
    files: ['**/*.js'],
    settings: { kakao: { enumModule: '${enumModule}' } },
  },
];
`;

export const ESM_FILES: Tree = {
  'package.json': `${JSON.stringify({ name: 'kakao-esm', version: '1.0.0', private: true, type: 'module' }, null, 2)}\n`,
  'eslint.config.js': ESM_CONFIG('./src/generated/kakao-error-codes.js'),
  // The same project with the enum as a TypeScript const enum: a JavaScript file cannot import it.
  'eslint.const-enum.config.js': ESM_CONFIG('./src/generated/const/kakao-error-codes.ts'),
  // A module that does not exist.
  'eslint.missing.config.js': ESM_CONFIG('./src/generated/nowhere/kakao-error-codes.js'),
  'src/main.js': `import { format } from 'node:util';

export function classifyKakaoError(err) {
  if (err.code === -401) return 'log in again';
  if (err.code === -532) return 'try tomorrow';
  return 'failed';
}

console.log(format('%s|%s|%s', classifyKakaoError({ code: -401 }), classifyKakaoError({ code: -532 }), classifyKakaoError({ code: 0 })));
`,
  'src/cli.js': `#!/usr/bin/env node
export function isKakaoTokenExpired(err) {
  return err.code === -401;
}

console.log(isKakaoTokenExpired({ code: -401 }), isKakaoTokenExpired({ code: 0 }));
`,
  'src/const-enum.js': `export function isKakaoTokenExpired(err) {
  return err.code === -401;
}
`,
  'src/missing.js': `export function isKakaoTokenExpired(err) {
  return err.code === -401;
}
`,
};

export const ESM_FIXED = {
  'src/main.js': {
    statement: "import { KakaoErrorCode } from './generated/kakao-error-codes.js';",
    follows: "import { format } from 'node:util';",
    body: ESM_FILES['src/main.js']!.replace('err.code === -401', 'err.code === KakaoErrorCode.InvalidToken').replace(
      'err.code === -532',
      'err.code === KakaoErrorCode.TalkSendMessageDailyLimitExceed',
    ),
  },
  'src/cli.js': {
    statement: "import { KakaoErrorCode } from './generated/kakao-error-codes.js';",
    follows: '#!/usr/bin/env node',
    body: ESM_FILES['src/cli.js']!.replace('err.code === -401', 'err.code === KakaoErrorCode.InvalidToken'),
  },
} as const;

const NEXT_ALIAS_IMPORT = "import { KakaoErrorCode } from '@/lib/generated/kakao-error-codes';";

export const NEXT_ALIAS_FIXED = Object.fromEntries(
  Object.entries(NEXT_FIXED).map(([file, expected]) => [file, { ...expected, statement: NEXT_ALIAS_IMPORT }]),
);
