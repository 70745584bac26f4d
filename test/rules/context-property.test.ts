/**
 * contextProperty (rules/utils/context-property.ts) reads what a property access would, whatever a
 * host makes a rule context of: ESLint's frozen object over the file's FileContext, a getter (older
 * ESLint, compatibility wrappers), a proxy.
 */
import type { TSESLint } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';
import { contextProperty } from '../../rules/utils/context-property.js';

type Context = Readonly<TSESLint.RuleContext<string, readonly unknown[]>>;
const asContext = (value: object) => value as unknown as Context;

describe('contextProperty', () => {
  it("reads ESLint's own shape: the rule's properties on the context, the file's on its frozen prototype", () => {
    const sourceCode = { text: 'x' };
    const settings = { kakao: { scope: 'all' } };
    const fileContext = Object.freeze({ cwd: '/project', physicalFilename: '/project/a.ts', sourceCode, settings });
    const options = [{ minimumCodes: 2 }];
    const context = asContext(Object.freeze(Object.assign(Object.create(fileContext) as object, { id: 'kakao/x', options })));
    expect(contextProperty(context, 'sourceCode')).toBe(sourceCode);
    expect(contextProperty(context, 'settings')).toBe(settings);
    expect(contextProperty(context, 'cwd')).toBe('/project');
    expect(contextProperty(context, 'physicalFilename')).toBe('/project/a.ts');
    expect(contextProperty(context, 'options')).toBe(options);
  });

  it('calls a getter with the context as `this`, as a property access does', () => {
    const sourceCode = { text: 'y' };
    const base = {
      ownSourceCode: sourceCode,
      get sourceCode() {
        return this.ownSourceCode;
      },
    };
    const wrapped = Object.create(base, { ownSourceCode: { value: { text: 'wrapped' } } }) as object;
    expect(contextProperty(asContext(base), 'sourceCode')).toBe(sourceCode);
    expect(contextProperty(asContext(wrapped), 'sourceCode')).toEqual({ text: 'wrapped' });
  });

  it("goes through a proxy's get trap", () => {
    const read: PropertyKey[] = [];
    const proxy = new Proxy(
      { cwd: '/a' },
      {
        get(target, key, receiver) {
          read.push(key);
          return key === 'cwd' ? '/b' : (Reflect.get(target, key, receiver) as unknown);
        },
      },
    );
    expect(contextProperty(asContext(proxy), 'cwd')).toBe('/b');
    expect(read).toEqual(['cwd']);
  });
});
