/**
 * eslint-plugin-kakao: `import kakao from 'eslint-plugin-kakao'` (ESM) or
 * `const kakao = require('eslint-plugin-kakao')` (CommonJS, Node's require of ES modules).
 */
import type { ESLint, Linter } from 'eslint';
import { rules } from './rules/index.js';

export type RuleName = keyof typeof rules;

type RuleEntries = Partial<Record<`kakao/${RuleName}`, Linter.RuleEntry>>;

export interface KakaoConfig extends Linter.Config {
  readonly name: string;
  readonly plugins: { readonly kakao: ESLint.Plugin };
  readonly rules: RuleEntries;
}

export interface KakaoPlugin extends ESLint.Plugin {
  readonly meta: { readonly name: string; readonly version: string; readonly namespace: 'kakao' };
  readonly rules: NonNullable<ESLint.Plugin['rules']>;
  readonly configs: { readonly recommended: KakaoConfig; readonly strict: KakaoConfig };
}

export const meta = { name: 'eslint-plugin-kakao', version: '0.1.0', namespace: 'kakao' } as const;

const recommendedRules: RuleEntries = {
  // Every report has a fix: nothing is lost by failing the build.
  'kakao/no-magic-error-code': 'error',
  // Terminated endpoints fail at run time.
  'kakao/no-deprecated-api': 'error',
  // A judgement call that only suggests: a warning that points at the dispatch.
  'kakao/handle-retryable-codes': 'warn',
};

const strictRules: RuleEntries = {
  ...recommendedRules,
  // Every dispatch, even a single `if` over one code, must deal with the transient codes.
  'kakao/handle-retryable-codes': ['error', { minimumCodes: 1 }],
};

const plugin: KakaoPlugin = {
  meta,
  rules: rules as unknown as KakaoPlugin['rules'],
  configs: {} as KakaoPlugin['configs'],
};

function createConfig(name: string, configRules: RuleEntries): KakaoConfig {
  return { name: `kakao/${name}`, plugins: { kakao: plugin }, rules: configRules };
}

Object.assign(plugin.configs, {
  recommended: createConfig('recommended', recommendedRules),
  strict: createConfig('strict', strictRules),
});

export default plugin;
export { plugin as 'module.exports' };
