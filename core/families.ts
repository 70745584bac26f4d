/**
 * A spec's code families, without the spec model's schema library: the rules read them at run
 * time, the generator too.
 */
import type { ErrorCodeEntry, Spec, StringErrorCodeEntry } from './spec.js';

/** The fields of a spec that families are read from (also before the spec is fully valid). */
export type SpecShape = Pick<Spec, 'enumName' | 'source' | 'codes' | 'families'>;

/**
 * One family of codes with its enum: the spec's own `codes` (integers, named by `enumName`) or one
 * of `families`. `path` is where it is in the spec (`[]`, `['families', 0]`), for messages.
 */
export type CodeFamily = (
  | { readonly valueType: 'integer'; readonly codes: readonly ErrorCodeEntry[] }
  | { readonly valueType: 'string'; readonly codes: readonly StringErrorCodeEntry[] }
) & {
  readonly enumName: string;
  readonly description: string | undefined;
  readonly source: string | undefined;
  readonly path: readonly (string | number)[];
};

const familiesCache = new WeakMap<object, readonly CodeFamily[]>();

/** Every code family of a spec, its own `codes` first, then `families` in order. */
export function codeFamilies(spec: SpecShape): readonly CodeFamily[] {
  let families = familiesCache.get(spec);
  if (!families) {
    families = [
      { valueType: 'integer', enumName: spec.enumName, codes: spec.codes, description: undefined, source: spec.source, path: [] },
      ...spec.families.map(
        (family, index): CodeFamily => ({ ...family, description: family.description, source: family.source, path: ['families', index] }),
      ),
    ];
    familiesCache.set(spec, families);
  }
  return families;
}
