import { describe, expect, it } from 'vitest';
import { composeVisitors } from '../../rules/utils/compose-visitors.js';

describe('composeVisitors', () => {
  it('runs every handler of a selector, in the order given, and keeps the others', () => {
    const calls: string[] = [];
    const listener = composeVisitors(
      { Literal: () => calls.push('first Literal'), Identifier: () => calls.push('Identifier') },
      {},
      { Literal: () => calls.push('second Literal'), 'Program:exit': () => calls.push('exit') },
    ) as Record<string, (node: unknown) => void>;
    expect(Object.keys(listener).sort()).toEqual(['Identifier', 'Literal', 'Program:exit']);
    listener.Literal!({});
    listener.Identifier!({});
    listener['Program:exit']!({});
    expect(calls).toEqual(['first Literal', 'second Literal', 'Identifier', 'exit']);
  });

  it('skips the parts a file does not need, and returns a lone part as it is', () => {
    const only = { Literal: () => undefined };
    expect(composeVisitors(undefined, only, undefined)).toBe(only);
    expect(composeVisitors(undefined, undefined)).toEqual({});
    const composed = composeVisitors(only, undefined, { Identifier: () => undefined });
    expect(Object.keys(composed).sort()).toEqual(['Identifier', 'Literal']);
  });
});
