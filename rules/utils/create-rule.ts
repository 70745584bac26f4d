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
 * `ESLintUtils.RuleCreator`, with the options merged with their defaults once per options object
 * instead of once per file: RuleCreator deep-clones the defaults (`structuredClone`) on every
 * `create`, which cost more over a large code base than everything else a rule does. The options
 * objects come from the (immutable) config and are the same for every file it applies to; rules
 * only read the merged result.
 */
export function createRule<Options extends readonly unknown[], MessageIds extends string>(
  spec: Readonly<ESLintUtils.RuleWithMetaAndName<Options, MessageIds, KakaoRuleDocs>>,
): TSESLint.RuleModule<MessageIds, Options, KakaoRuleDocs> & { name: string } {
  const rule = createNamedRule(spec);
  // eslint-disable-next-line @typescript-eslint/no-deprecated -- accepted like RuleCreator does
  const defaults = (spec.meta.defaultOptions ?? spec.defaultOptions ?? []) as Readonly<Options>;
  const merged = new WeakMap<object, Options>();
  let withoutOptions: Options | undefined;
  const resolveOptions = (options: Readonly<Options>): Options => {
    if (options.length === 0) return (withoutOptions ??= ESLintUtils.applyDefault(defaults, options));
    const [first] = options;
    if (options.length > 1 || typeof first !== 'object' || first === null) return ESLintUtils.applyDefault(defaults, options);
    let result = merged.get(first);
    if (!result) merged.set(first, (result = ESLintUtils.applyDefault(defaults, options)));
    return result;
  };
  return { ...rule, create: (context) => spec.create(context, resolveOptions(context.options)) };
}
