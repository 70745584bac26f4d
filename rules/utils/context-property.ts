/**
 * A rule context's property, read without an inline cache: for the reads every rule makes for every
 * file (its options, source code, settings, cwd). ESLint makes each file's rule contexts from a new
 * prototype (the file's own FileContext), so their hidden class is new in every file. A property
 * access (`context.sourceCode`) then misses its cache on the first rule of every file, and V8's miss
 * handler sets the new prototype up for caching, work that costs more than the rest of a rule's
 * per-file set-up in a file that mentions nothing (docs/performance.md, tenth round). `Reflect.get`
 * looks the property up, getters and proxies included, without caching anything.
 *
 * Every such read must go through here: one ordinary access on a file's context pays the miss.
 * Reads made only when something is found (reports, fixes, the file's enum) use ordinary access.
 */
import type { TSESLint } from '@typescript-eslint/utils';

type AnyContext = Readonly<TSESLint.RuleContext<string, readonly unknown[]>>;

export function contextProperty<Context extends AnyContext, Key extends keyof Context>(context: Context, key: Key): Context[Key] {
  return Reflect.get(context, key);
}
