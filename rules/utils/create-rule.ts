import { ESLintUtils } from '@typescript-eslint/utils';
import type { TSESLint } from '@typescript-eslint/utils';

export interface KakaoRuleDocs {
  /** In `configs.recommended`. */
  recommended?: boolean;
  /** Uses type information when the parser provides it; never requires it. */
  requiresTypeChecking?: false;
}

export const REPOSITORY_URL = 'https://github.com/eslint-plugin-kakao/eslint-plugin-kakao';

const createNamedRule = ESLintUtils.RuleCreator<KakaoRuleDocs>(
  (name) => `${REPOSITORY_URL}/blob/main/docs/rules/${name}.md`,
);

/**
 * `ESLintUtils.RuleCreator`, with the options merged with their defaults once per distinct options
 * instead of once per file: RuleCreator deep-clones the defaults (`structuredClone`) on every
 * `create`, which cost more over a large code base than everything else a rule does. ESLint itself
 * hands each file a fresh copy of configured options (it merges `meta.defaultOptions` per file), so
 * they are keyed by content: every file of a config then gets the same merged object, and rules can
 * cache what they derive from it (keyed by that object).
 */
export function createRule<Options extends readonly unknown[], MessageIds extends string>(
  spec: Readonly<ESLintUtils.RuleWithMetaAndName<Options, MessageIds, KakaoRuleDocs>>,
): TSESLint.RuleModule<MessageIds, Options, KakaoRuleDocs> & { name: string } {
  const rule = createNamedRule(spec);
  // eslint-disable-next-line @typescript-eslint/no-deprecated -- accepted like RuleCreator does
  const defaults = (spec.meta.defaultOptions ?? spec.defaultOptions ?? []) as Readonly<Options>;
  const byObject = new WeakMap<object, Options>();
  const byContent = new Map<string, Options>();
  const resolveOptions = (options: Readonly<Options>): Options => {
    // ESLint copies the array; without configured options, the object in it is the rule's own default.
    const [first] = options;
    const identity: object = options.length === 1 && typeof first === 'object' && first !== null ? first : options;
    let result = byObject.get(identity);
    if (!result) {
      const key = JSON.stringify(options);
      result = byContent.get(key);
      if (!result) byContent.set(key, (result = ESLintUtils.applyDefault(defaults, options)));
      byObject.set(identity, result);
    }
    return result;
  };
  return { ...rule, create: (context) => spec.create(context, resolveOptions(context.options)) };
}
