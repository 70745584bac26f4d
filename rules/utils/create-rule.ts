import type { TSESLint } from '@typescript-eslint/utils';
import { contextProperty } from './context-property.js';
import { sameElements } from './memo.js';

export interface KakaoRuleDocs {
  /** In `configs.recommended`. */
  recommended?: boolean;
  /** Uses type information when the parser provides it; never requires it. */
  requiresTypeChecking?: false;
}

export const REPOSITORY_URL = 'https://github.com/eslint-plugin-kakao/eslint-plugin-kakao';

type RuleMeta<MessageIds extends string, Options extends readonly unknown[]> = Omit<
  TSESLint.RuleMetaData<MessageIds, KakaoRuleDocs, Options>,
  'docs'
> & { docs: TSESLint.RuleMetaDataDocs & KakaoRuleDocs };

export interface RuleDefinition<Options extends readonly unknown[], MessageIds extends string> {
  readonly name: string;
  /** `meta.defaultOptions` holds the defaults, as ESLint reads them. */
  readonly meta: RuleMeta<MessageIds, Options>;
  readonly create: (context: Readonly<TSESLint.RuleContext<MessageIds, Options>>, options: Options) => TSESLint.RuleListener;
}

export type KakaoRule<MessageIds extends string, Options extends readonly unknown[]> = TSESLint.RuleModule<
  MessageIds,
  Options,
  KakaoRuleDocs
> & { name: string };

/**
 * typescript-eslint's `RuleCreator` without loading `@typescript-eslint/utils` (and TypeScript with
 * it) at run time: the docs URL from the name, and `create` called with the options merged into
 * the defaults. The merge is done once per distinct options, not once per file: ESLint hands each
 * file a fresh copy of the configured options, so they are keyed by content, every file of a
 * config gets the same merged object, and what a rule derives from it can be cached by identity.
 */
export function createRule<Options extends readonly unknown[], MessageIds extends string>(
  definition: RuleDefinition<Options, MessageIds>,
): KakaoRule<MessageIds, Options> {
  const { name, meta } = definition;
  const defaultOptions = (meta.defaultOptions ?? []) as Readonly<Options>;
  const byContent = new Map<string, Options>();
  // Most runs have one config per rule: the last options seen, compared by value before any key is made.
  let last: { readonly options: Readonly<Options>; readonly result: Options } | undefined;
  const resolveOptions = (options: Readonly<Options>): Options => {
    if (last && (last.options === options || sameElements(last.options, options) || sameJsonValue(last.options, options))) return last.result;
    let result: Options | undefined;
    // ESLint 9.15+ applies meta.defaultOptions itself: a rule configured without options gets the
    // defaults' own objects, which need no merge (the first file of a run would pay for the copy).
    if (sameElements(options, defaultOptions)) result = defaultOptions;
    else {
      const key = JSON.stringify(options);
      result = byContent.get(key);
      if (!result) byContent.set(key, (result = applyDefaults(defaultOptions, options)));
    }
    last = { options, result };
    return result;
  };
  return {
    name,
    meta: { ...meta, docs: { ...meta.docs, url: `${REPOSITORY_URL}/blob/main/docs/rules/${name}.md` } },
    // Read by typescript-eslint's RuleTester and older tools; ESLint reads meta.defaultOptions.
    // eslint-disable-next-line @typescript-eslint/no-deprecated -- kept for those tools
    defaultOptions,
    create: (context) => definition.create(context, resolveOptions(contextProperty(context, 'options'))),
  };
}

/** Whether two values of JSON data (what options are) are equal, without serialising them. */
function sameJsonValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) || Array.isArray(b)) {
    // ESLint hands each file a new options array of the same option objects when none are configured.
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!sameJsonValue(a[i], b[i])) return false;
    return true;
  }
  const keys = Object.keys(a);
  if (keys.length !== Object.keys(b).length) return false;
  // Loops over indices, not every() or for-of: this runs for every rule of every file.
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i]!;
    if (!Object.hasOwn(b, key) || !sameJsonValue((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key])) return false;
  }
  return true;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Each configured option over its default: plain objects merged key by key, anything else replaced. */
export function applyDefaults<Options extends readonly unknown[]>(defaults: Readonly<Options>, options: Readonly<Options>): Options {
  const merged = structuredClone(defaults) as unknown as unknown[];
  options.forEach((option, index) => {
    merged[index] = option !== undefined && isPlainObject(option) && isPlainObject(merged[index]) ? mergeObjects(merged[index], option) : option;
  });
  return merged as unknown as Options;
}

function mergeObjects(base: Record<string, unknown>, override: Record<string, unknown>): Record<string, unknown> {
  const result: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(override)) {
    const current = result[key];
    result[key] = isPlainObject(current) && isPlainObject(value) ? mergeObjects(current, value) : value;
  }
  return result;
}
