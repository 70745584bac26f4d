// @ts-check
/**
 * The repository's own lint (`npm run lint`, part of `npm test`):
 * - ESLint's recommended rules and typescript-eslint's strict type-checked rules on the sources,
 *   tests and tools;
 * - eslint-plugin-eslint-plugin on the rules and the rule tests.
 *
 * `examples/` is not linted from here: the example client has its own eslint.config.js (ESLint
 * looks up the config from each file's folder) with the plugin's recommended config, and its
 * findings are deliberate: `npm run demo` shows them and the fixes.
 */
import eslintPlugin from 'eslint-plugin-eslint-plugin';
import { defineConfig, globalIgnores } from 'eslint/config';
import { builtinRules } from 'eslint/use-at-your-own-risk';
import tseslint from 'typescript-eslint';

/** Must match `createRule` in rules/utils/create-rule.ts; test/plugin.test.ts checks the built rules. */
const RULE_DOCS_URL = 'https://github.com/eslint-plugin-kakao/eslint-plugin-kakao/blob/main/docs/rules/{{name}}.md';

/** ESLint's recommended rules (what `@eslint/js` exports as `configs.recommended`), without the extra package. */
const eslintRecommended = Object.fromEntries(
  [...builtinRules]
    .filter(([, rule]) => rule.meta?.docs?.recommended === true)
    .map(([name]) => /** @type {const} */ ([name, 'error'])),
);

/** The globals of the Node.js running ESLint, for the JavaScript tools (no `globals` package needed). */
const nodeGlobals = Object.fromEntries(
  Object.getOwnPropertyNames(globalThis)
    .filter((name) => /^[A-Za-z_$][\w$]*$/u.test(name))
    .map((name) => /** @type {const} */ ([name, 'readonly'])),
);

export default defineConfig(
  globalIgnores(
    ['**/dist/', 'coverage/', '**/generated/', 'test/fixtures/', '**/node_modules/', 'tmp/', 'examples/'],
    'kakao-repo/ignores',
  ),

  {
    name: 'kakao-repo/base',
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: eslintRecommended,
  },

  // TypeScript: the plugin, the code generator, the tests.
  {
    name: 'kakao-repo/typescript',
    files: ['**/*.ts', '**/*.mts', '**/*.cts'],
    extends: [tseslint.configs.strictTypeChecked],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      // With `noUncheckedIndexedAccess`, `list[i]!` after a bounds check is the idiom.
      '@typescript-eslint/no-non-null-assertion': 'off',
      // Messages and generated code interpolate numbers.
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
      // `(x) => void f(x)` style callbacks in tests and visitors.
      '@typescript-eslint/no-confusing-void-expression': ['error', { ignoreArrowShorthand: true }],
    },
  },

  // JavaScript tools (benchmarks, these configs): no type information needed.
  {
    name: 'kakao-repo/javascript',
    files: ['**/*.js', '**/*.mjs', '**/*.cjs'],
    extends: [tseslint.configs.recommended],
    languageOptions: { globals: nodeGlobals },
  },

  // The rules.
  {
    name: 'kakao-repo/rules',
    files: ['rules/**/*.ts'],
    extends: [eslintPlugin.configs['rules-recommended']],
    rules: {
      'eslint-plugin/require-meta-docs-description': ['error', { pattern: '^(Enforce|Require|Disallow) ' }],
      // `createRule` (ESLintUtils.RuleCreator) adds `meta.docs.url` at run time, which this rule
      // cannot see: with the pattern it reports every rule as missing its URL. The URL of every built
      // rule is checked against docs/rules/<name>.md in test/plugin.test.ts instead.
      'eslint-plugin/require-meta-docs-url': ['off', { pattern: RULE_DOCS_URL }],
      // Reports placeholders filled through a spread (`data: { ...data, name }`) as missing; ESLint's
      // RuleTester fails on any unsubstituted placeholder, so the rule tests cover this.
      'eslint-plugin/no-missing-placeholders': 'off',
      // ESLint types scopes, tokens and definitions as string unions in some places and enums in
      // others; comparing `scope.type === 'module'` is how rules are written.
      '@typescript-eslint/no-unsafe-enum-comparison': 'off',
    },
  },
  // What the plugin loads at run time stays light (issue 13): no ts-morph, no TypeScript, no zod
  // (core/spec.ts is required lazily, for a spec named in settings), no @typescript-eslint/utils
  // values (its types are fine), and nothing of the generator.
  {
    name: 'kakao-repo/light-plugin',
    files: ['index.ts', 'rules/**/*.ts', 'bin/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: [
            { name: '@typescript-eslint/utils', message: 'It loads TypeScript: import its types only, and AST_NODE_TYPES from @typescript-eslint/types.', allowTypeImports: true },
            { name: 'zod', message: 'zod is not a dependency of the plugin: core/spec.ts is loaded lazily (rules/utils/spec-module.ts).' },
          ],
          patterns: [
            { group: ['ts-morph', 'typescript', '@ts-morph/*'], message: 'Only the generator (codegen/) may load ts-morph or TypeScript.' },
            { group: ['**/codegen/*'], message: 'The rules and the generator share core/, not each other.' },
            { group: ['**/core/spec.js'], message: 'It loads zod: import its types only, and the module through rules/utils/spec-module.ts.', allowTypeImports: true },
          ],
        },
      ],
    },
  },
  // The core is shared by the plugin and the generator: it loads neither ESLint nor ts-morph.
  {
    name: 'kakao-repo/core',
    files: ['core/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['ts-morph', 'typescript', '@ts-morph/*', 'eslint', '@typescript-eslint/*', '@eslint-community/*'], message: 'core/ loads neither ESLint nor ts-morph.' },
            { group: ['**/rules/*', '**/codegen/*'], message: 'core/ is imported by the rules and the generator, not the other way round.' },
          ],
        },
      ],
    },
  },
  {
    name: 'kakao-repo/rule-tests',
    files: ['test/rules/**/*.ts'],
    extends: [eslintPlugin.configs['tests-recommended']],
  },

  // The TypeScript compiler API declares `ts.sys.fileExists` and the CompilerHost functions as
  // methods, though they do not use `this`.
  {
    name: 'kakao-repo/compiler-api',
    files: ['codegen/**/*.ts', 'test/**/*.ts'],
    rules: { '@typescript-eslint/unbound-method': 'off' },
  },
  {
    name: 'kakao-repo/tests',
    files: ['test/**/*.ts'],
    rules: { '@typescript-eslint/no-dynamic-delete': 'off' },
  },
);
