/**
 * What counts as an error code in the AST: code literals, error-code expressions, and the places
 * where a code is checked against one (comparison, `case`, list, lookup map). Shared by every rule.
 */
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import type { ErrorCodeEntry } from '../../core/spec.js';
import { memoizeByIdentity } from './memo.js';

type Node = TSESTree.Node;
type Expression = TSESTree.Expression;

/** The names an error-code expression may end in (compared case-insensitively). */
export const DEFAULT_ERROR_CODE_NAMES: readonly string[] = [
  'code',
  'errorCode',
  'error_code',
  'errCode',
  'err_code',
  'kakaoCode',
  'kakaoErrorCode',
  'apiErrorCode',
];

/** The `errorCodeNames` option, with the same schema in every rule (deprecated: settings.kakao.errorCodeNames). */
export const errorCodeNamesSchema = {
  type: 'array',
  items: { type: 'string', minLength: 1 },
  uniqueItems: true,
  description:
    'Deprecated: set settings.kakao.errorCodeNames, which every rule reads. Names that an identifier or member chain must end in to count as an error-code expression (case-insensitive); when given, replaces the settings for this rule.',
} as const;

const WRAPPER_TYPES = new Set<string>([
  AST_NODE_TYPES.ChainExpression,
  AST_NODE_TYPES.TSAsExpression,
  AST_NODE_TYPES.TSSatisfiesExpression,
  AST_NODE_TYPES.TSNonNullExpression,
  AST_NODE_TYPES.TSTypeAssertion,
  AST_NODE_TYPES.TSInstantiationExpression,
]);

type WrapperNode =
  | TSESTree.ChainExpression
  | TSESTree.TSAsExpression
  | TSESTree.TSSatisfiesExpression
  | TSESTree.TSNonNullExpression
  | TSESTree.TSTypeAssertion
  | TSESTree.TSInstantiationExpression;

function isWrapper(node: Node): node is WrapperNode {
  return WRAPPER_TYPES.has(node.type);
}

/** Looks through `?.` chains, `as`, `satisfies`, `!` and `<T>x` (parentheses are not nodes in ESTree). */
export function skipWrappers(node: Node): Node {
  let current = node;
  while (isWrapper(current)) current = current.expression;
  return current;
}

/** The outermost node that wraps `node` without changing its value (the inverse of skipWrappers). */
export function outermostWrapper(node: Node): Node {
  let current = node;
  while (current.parent && isWrapper(current.parent) && current.parent.expression === current) {
    current = current.parent;
  }
  return current;
}

/** Looks through wrappers, `Number(x)` and `+x`: the value being converted, not its conversion. */
export function skipConversions(node: Node): Node {
  let current = skipWrappers(node);
  for (;;) {
    if (current.type === AST_NODE_TYPES.UnaryExpression && current.operator === '+') {
      current = skipWrappers(current.argument);
    } else if (
      current.type === AST_NODE_TYPES.CallExpression &&
      current.callee.type === AST_NODE_TYPES.Identifier &&
      current.callee.name === 'Number' &&
      current.arguments.length === 1 &&
      current.arguments[0]!.type !== AST_NODE_TYPES.SpreadElement
    ) {
      current = skipWrappers(current.arguments[0]!);
    } else {
      return current;
    }
  }
}

export function isFunctionNode(
  node: Node,
): node is TSESTree.ArrowFunctionExpression | TSESTree.FunctionDeclaration | TSESTree.FunctionExpression {
  return (
    node.type === AST_NODE_TYPES.ArrowFunctionExpression ||
    node.type === AST_NODE_TYPES.FunctionDeclaration ||
    node.type === AST_NODE_TYPES.FunctionExpression
  );
}

/** The static name of a member's property: `a.b`, `a['b']`, `a.#b` → "b". */
export function getStaticPropertyName(member: TSESTree.MemberExpression): string | undefined {
  const { property } = member;
  if (!member.computed) {
    return property.type === AST_NODE_TYPES.Identifier || property.type === AST_NODE_TYPES.PrivateIdentifier
      ? property.name
      : undefined;
  }
  if (property.type === AST_NODE_TYPES.Literal && typeof property.value === 'string') return property.value;
  if (
    property.type === AST_NODE_TYPES.TemplateLiteral &&
    property.expressions.length === 0 &&
    property.quasis.length === 1
  ) {
    return property.quasis[0]!.value.cooked ?? undefined;
  }
  return undefined;
}

/**
 * The numeric value of a code literal: `401`, `-401`, `-0x191`. A bare literal under a unary minus
 * is not a code literal by itself (the unary node is). BigInts are never codes.
 */
export function getCodeLiteralValue(node: Node): number | undefined {
  if (node.type === AST_NODE_TYPES.UnaryExpression) {
    const { argument } = node;
    if (node.operator === '-' && argument.type === AST_NODE_TYPES.Literal && typeof argument.value === 'number') {
      return -argument.value;
    }
    return undefined;
  }
  if (node.type === AST_NODE_TYPES.Literal && typeof node.value === 'number') {
    const { parent } = node;
    if (parent.type === AST_NODE_TYPES.UnaryExpression && parent.operator === '-') return undefined;
    return node.value;
  }
  return undefined;
}

/** A code literal: a number (`401`), or the unary minus over one (`-401`). */
export type CodeLiteral = TSESTree.NumberLiteral | TSESTree.UnaryExpression;

interface CodeMagnitudes {
  /** The absolute values: the numbers worth a look. */
  readonly values: ReadonlySet<number>;
  readonly allNegative: boolean;
}

const codeMagnitudes = memoizeByIdentity(
  (codes: readonly ErrorCodeEntry[]): CodeMagnitudes => ({
    values: new Set(codes.map(({ code }) => Math.abs(code))),
    allNegative: codes.every(({ code }) => code < 0),
  }),
);

/**
 * The listener that calls `check` with every code literal that may be one of `codes`. When all of
 * them are negative it listens to unary minuses alone: a file has far fewer of them than literals
 * (over the benchmark corpus, ~4 thousand against ~83 thousand).
 */
export function codeLiteralListener(
  codes: readonly ErrorCodeEntry[],
  check: (node: CodeLiteral) => void,
): TSESLint.RuleListener {
  const { values, allNegative } = codeMagnitudes(codes);
  if (allNegative) {
    return {
      // The selector keeps `!x`, `typeof x`, `void 0` and `-x` from reaching the listener at all
      // (ESLint matches it once per node, for every rule that listens with it).
      'UnaryExpression[operator="-"][argument.type="Literal"]'(node: TSESTree.UnaryExpression) {
        const { argument } = node;
        if (
          argument.type === AST_NODE_TYPES.Literal &&
          typeof argument.value === 'number' &&
          values.has(argument.value)
        ) {
          check(node);
        }
      },
    };
  }
  return {
    Literal(node) {
      if (typeof node.value !== 'number' || !values.has(Math.abs(node.value))) return;
      const { parent } = node;
      check(parent.type === AST_NODE_TYPES.UnaryExpression && parent.operator === '-' ? parent : node);
    },
  };
}

/** Decides whether an expression holds an error code (by name, optionally by type). */
export type ErrorCodeExpressionTest = (node: Node) => boolean;

/**
 * The name-based test: an identifier or member chain ending in one of `names`, seen through
 * `Number(x)` and `+x`. One test per names list, not one per file: the settings hand every file
 * the same list.
 */
export const createErrorCodeNameTest: (names: readonly string[]) => ErrorCodeExpressionTest = memoizeByIdentity((names) => {
  const set = new Set(names.map((name) => name.toLowerCase()));
  return (input: Node): boolean => {
    const node = skipConversions(input);
    switch (node.type) {
      case AST_NODE_TYPES.Identifier:
        return set.has(node.name.toLowerCase());
      case AST_NODE_TYPES.MemberExpression: {
        const name = getStaticPropertyName(node);
        return name !== undefined && set.has(name.toLowerCase());
      }
      default:
        return false;
    }
  };
});

const EQUALITY_OPERATORS = new Set(['===', '!==', '==', '!=']);

export function isEqualityComparison(node: Node): node is TSESTree.BinaryExpression {
  return node.type === AST_NODE_TYPES.BinaryExpression && EQUALITY_OPERATORS.has(node.operator);
}

/** The left-most identifier of a member chain (`a` in `a.b.c`), through wrappers. */
export function getRootIdentifier(node: Node): TSESTree.Identifier | undefined {
  let current = skipWrappers(node);
  while (current.type === AST_NODE_TYPES.MemberExpression) current = skipWrappers(current.object);
  return current.type === AST_NODE_TYPES.Identifier ? current : undefined;
}

/** Expression or undefined for a `SpreadElement`/missing argument. */
export function asExpression(node: Node | null | undefined): Expression | undefined {
  if (!node || node.type === AST_NODE_TYPES.SpreadElement) return undefined;
  return node as Expression;
}

/**
 * The variable a name resolves to from `scope` (the innermost declaration wins). A type alias or
 * interface of the same name does not hide a value, so it is skipped.
 */
export function findValueVariable(
  scope: TSESLint.Scope.Scope | null,
  name: string,
): TSESLint.Scope.Variable | undefined {
  for (let current = scope; current; current = current.upper) {
    const variable = current.set.get(name);
    if (variable && !('isValueVariable' in variable && !variable.isValueVariable)) return variable;
  }
  return undefined;
}

const IDENTIFIER_CHAR = /[\w$]/u;

/**
 * Whether the `length` characters at `start` in `text` stand alone: no identifier character right
 * before or after them (`code` in `err.code`, not in `encode`). Only ASCII letters, digits, `_` and
 * `$` count: a text search that uses this lets a word next to a non-ASCII letter through.
 */
export function isWholeWordAt(text: string, start: number, length: number): boolean {
  return !IDENTIFIER_CHAR.test(text.charAt(start - 1)) && !IDENTIFIER_CHAR.test(text.charAt(start + length));
}

export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&');
}

/** `require('x')` or `require('x').y` → "x". */
export function requireSource(node: Node): string | undefined {
  let call = skipWrappers(node);
  while (call.type === AST_NODE_TYPES.MemberExpression) call = skipWrappers(call.object);
  if (
    call.type === AST_NODE_TYPES.CallExpression &&
    call.callee.type === AST_NODE_TYPES.Identifier &&
    call.callee.name === 'require' &&
    call.arguments[0]?.type === AST_NODE_TYPES.Literal &&
    typeof call.arguments[0].value === 'string'
  ) {
    return call.arguments[0].value;
  }
  return undefined;
}
