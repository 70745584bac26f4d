import { ESLintUtils } from '@typescript-eslint/utils';

export interface KakaoRuleDocs {
  /** In `configs.recommended`. */
  recommended?: boolean;
  /** Uses type information when the parser provides it; never requires it. */
  requiresTypeChecking?: false;
}

export const REPOSITORY_URL = 'https://github.com/eslint-plugin-kakao/eslint-plugin-kakao';

export const createRule = ESLintUtils.RuleCreator<KakaoRuleDocs>(
  (name) => `${REPOSITORY_URL}/blob/main/docs/rules/${name}.md`,
);
