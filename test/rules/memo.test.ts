/** memoizeByIdentity (rules/utils/memo.ts): one computation per object, whatever order objects are asked about in. */
import { describe, expect, it } from 'vitest';
import { memoizeByIdentity, sameElements } from '../../rules/utils/memo.js';

describe('memoizeByIdentity', () => {
  it('computes once per object, for the last object asked about and for earlier ones', () => {
    const computed: object[] = [];
    const sizeOf = memoizeByIdentity((list: readonly number[]) => {
      computed.push(list);
      return list.length;
    });
    const a = [1, 2];
    const b = [3];
    expect([sizeOf(a), sizeOf(a), sizeOf(b), sizeOf(a), sizeOf(b)]).toEqual([2, 2, 1, 2, 1]);
    expect(computed).toEqual([a, b]);
    // Equal content is another object: computed for itself.
    expect(sizeOf([1, 2])).toBe(2);
    expect(computed).toHaveLength(3);
  });

  it('remembers undefined answers too, and recomputes after a throw', () => {
    let calls = 0;
    const lookUp = memoizeByIdentity((key: { readonly value?: string }) => {
      calls++;
      return key.value;
    });
    const key = {};
    const other = {};
    expect([lookUp(key), lookUp(other), lookUp(key)]).toEqual([undefined, undefined, undefined]);
    expect(calls).toBe(2);

    let attempts = 0;
    const failsOnce = memoizeByIdentity((key: object) => {
      attempts++;
      expect(key).toBeTypeOf('object');
      if (attempts === 1) throw new Error('first');
      return attempts;
    });
    expect(() => failsOnce(key)).toThrow('first');
    expect(failsOnce(key)).toBe(2);
    expect(failsOnce(key)).toBe(2);
  });
});

describe('sameElements', () => {
  it('compares arrays element by element, by identity', () => {
    const option = { limit: 2 };
    expect(sameElements([option, 'a'], [option, 'a'])).toBe(true);
    expect(sameElements([], [])).toBe(true);
    expect(sameElements([option], [{ limit: 2 }])).toBe(false);
    expect(sameElements([option], [option, option])).toBe(false);
    expect(sameElements(['a', 'b'], ['b', 'a'])).toBe(false);
  });
});
