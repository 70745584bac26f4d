/**
 * The two `@eslint-community/eslint-utils` functions this rule uses, typed for typescript-eslint's
 * AST. That package is ESLint's own dependency, so it costs a user nothing to install (unlike
 * `@typescript-eslint/utils`, which loads TypeScript); it is required on first use, as only files
 * with a request call need it.
 */
import { createRequire } from 'node:module';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';

interface EslintUtils {
  getStaticValue(node: TSESTree.Node, initialScope?: TSESLint.Scope.Scope): { value: unknown } | null;
  findVariable(initialScope: TSESLint.Scope.Scope, nameOrNode: string | TSESTree.Identifier): TSESLint.Scope.Variable | null;
}

let loaded: EslintUtils | undefined;
const eslintUtils = (): EslintUtils => (loaded ??= createRequire(import.meta.url)('@eslint-community/eslint-utils') as EslintUtils);

export const getStaticValue: EslintUtils['getStaticValue'] = (node, initialScope) => eslintUtils().getStaticValue(node, initialScope);

export const findVariable: EslintUtils['findVariable'] = (initialScope, nameOrNode) => eslintUtils().findVariable(initialScope, nameOrNode);
