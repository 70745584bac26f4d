import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { RuleTester } from '@typescript-eslint/rule-tester';
import { RuleTester as ESLintRuleTester } from 'eslint';
import { afterAll, describe, it } from 'vitest';

RuleTester.afterAll = afterAll;
RuleTester.describe = describe;
RuleTester.it = it;
RuleTester.itOnly = it.only;

/** A folder with a src/ tree and a generated/ enum module; test files are "linted" inside it. */
export const FIXTURE_ROOT = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures', 'project');

/** TypeScript files, in `FIXTURE_ROOT/src/`, with settings.kakao.enumModule pointing at generated/. */
export function createRuleTester(
  kakaoSettings: Record<string, unknown> = { enumModule: './generated/kakao-error-codes' },
): RuleTester {
  return new RuleTester({
    languageOptions: {
      parserOptions: { tsconfigRootDir: FIXTURE_ROOT },
    },
    settings: { kakao: kakaoSettings },
  });
}

export const fixtureFile = (relative: string) => path.join(FIXTURE_ROOT, relative);

(ESLintRuleTester as unknown as { describe: unknown; it: unknown; itOnly: unknown }).describe = describe;
(ESLintRuleTester as unknown as { describe: unknown; it: unknown; itOnly: unknown }).it = it;
(ESLintRuleTester as unknown as { describe: unknown; it: unknown; itOnly: unknown }).itOnly = it.only;

/** JavaScript files parsed by ESLint's default parser (espree), as a JS-only project would. */
export function createJsRuleTester(kakaoSettings: Record<string, unknown> = {}): ESLintRuleTester {
  return new ESLintRuleTester({ settings: { kakao: kakaoSettings } }, );
}
