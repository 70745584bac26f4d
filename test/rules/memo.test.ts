/** memoizeByIdentity (rules/utils/memo.ts): one computation per object, whatever order objects are asked about in. */
import { describe, expect, it, vi } from 'vitest';
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

describe('memoizeByIdentity, two objects asked about in turn', () => {
  it('answers both without looking them up again (the rules of a file alternate between two code lists)', () => {
    const lengthOf = memoizeByIdentity((list: readonly number[]) => list.length);
    const a = [1, 2];
    const b = [3];
    expect([lengthOf(a), lengthOf(b)]).toEqual([2, 1]);
    // Counted around the calls only: expect() looks things up in WeakMaps of its own.
    const get = vi.spyOn(WeakMap.prototype, 'get');
    const answers: number[] = [];
    let alternating: number;
    let third: number;
    try {
      for (let i = 0; i < 10; i++) answers.push(lengthOf(a), lengthOf(b));
      alternating = get.mock.calls.length;
      // A third object goes to the WeakMap once, and then is one of the two.
      const c = [4, 5, 6];
      answers.push(lengthOf(c), lengthOf(b), lengthOf(c), lengthOf(b));
      third = get.mock.calls.length - alternating;
    } finally {
      get.mockRestore();
    }
    expect(answers).toEqual([...Array.from({ length: 10 }, () => [2, 1]).flat(), 3, 1, 3, 1]);
    expect(alternating).toBe(0);
    expect(third).toBe(1);
  });
});
