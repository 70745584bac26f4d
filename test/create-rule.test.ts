import type { TSESLint } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';
import { createRule } from '../rules/utils/create-rule.js';

type Options = [{ names?: string[]; limit?: number }];

/** A rule that hands back the options its `create` receives. */
function optionsSeenBy() {
  const seen: Options[0][] = [];
  const rule = createRule<Options, 'x'>({
    name: 'probe',
    meta: {
      type: 'problem',
      docs: { description: 'probe' },
      messages: { x: 'x' },
      schema: [{ type: 'object' }],
      defaultOptions: [{ names: ['a'], limit: 2 }],
    },
    create(_context, [options]) {
      seen.push(options);
      return {};
    },
  });
  const create = (options: unknown[]) => rule.create({ options } as unknown as Readonly<TSESLint.RuleContext<'x', Options>>);
  return { seen, create, defaults: rule.meta.defaultOptions as Options };
}

describe('createRule', () => {
  it('merges the options with the defaults', () => {
    const { seen, create } = optionsSeenBy();
    create([{ limit: 5 }]);
    create([]);
    expect(seen).toEqual([{ names: ['a'], limit: 5 }, { names: ['a'], limit: 2 }]);
  });

  it('gives every file of a config the same merged object, though ESLint copies the options per file', () => {
    const { seen, create } = optionsSeenBy();
    create([{ limit: 5 }]);
    create([{ limit: 5 }]);
    create([{ limit: 6 }]);
    expect(seen[1]).toBe(seen[0]);
    expect(seen[2]).not.toBe(seen[0]);
    create([{ limit: 5 }]);
    expect(seen[3]).toBe(seen[0]);
  });

  it('answers a new array of the same option objects, as ESLint hands each file, with the same merged object', () => {
    const { seen, create } = optionsSeenBy();
    const configured = { limit: 5 };
    create([configured]);
    create([configured]);
    create([configured, { extra: true }]);
    create([{ limit: 7 }]);
    expect(seen[1]).toBe(seen[0]);
    expect(seen[2]).toEqual(seen[0]);
    expect(seen[3]).toEqual({ names: ['a'], limit: 7 });
  });

  it('hands on the defaults themselves when ESLint has applied them (a rule configured without options)', () => {
    const { seen, create, defaults } = optionsSeenBy();
    create([...defaults]);
    expect(seen[0]).toBe(defaults[0]);
    create([{ ...defaults[0] }]);
    expect(seen[1]).toBe(seen[0]);
    create([{ limit: 2 }]);
    expect(seen[2]).toEqual(defaults[0]);
    expect(seen[2]).not.toBe(defaults[0]);
  });

  it('tells options apart by every nested value', () => {
    const { seen, create } = optionsSeenBy();
    for (const options of [[{ names: ['b'] }], [{ names: ['c'] }], [{ names: ['c', 'd'] }], [{ names: ['c'], limit: 1 }], [{ names: ['c'] }]]) {
      create(options);
    }
    expect(seen.map(({ names, limit }) => `${names?.join('+')}/${limit}`)).toEqual(['b/2', 'c/2', 'c+d/2', 'c/1', 'c/2']);
    expect(seen[4]).toBe(seen[1]);
  });
});
