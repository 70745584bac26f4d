/**
 * What counts as an error code in the AST: code literals, error-code expressions, and the places
 * where a code is checked against one (comparison, `case`, list, lookup map). Shared by every rule.
 */
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import type { ErrorCodeEntry } from '../../core/spec.js';

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

/** The `errorCodeNames` option, with the same schema in every rule. */
export const errorCodeNamesSchema = {
  type: 'array',
  items: { type: 'string', minLength: 1 },
  uniqueItems: true,
  description:
    'Names that an identifier or member chain must end in to count as an error-code expression (case-insensitive).',
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

const magnitudesCache = new WeakMap<readonly ErrorCodeEntry[], CodeMagnitudes>();

/**
 * The listener that calls `check` with every code literal that may be one of `codes`. When all of
 * them are negative it listens to `UnaryExpression` alone: a file has far fewer unary minuses than
 * literals (over the benchmark corpus, ~4 thousand against ~83 thousand).
 */
export function codeLiteralListener(
  codes: readonly ErrorCodeEntry[],
  check: (node: CodeLiteral) => void,
): TSESLint.RuleListener {
  let magnitudes = magnitudesCache.get(codes);
  if (!magnitudes) {
    magnitudes = {
      values: new Set(codes.map(({ code }) => Math.abs(code))),
      allNegative: codes.every(({ code }) => code < 0),
    };
    magnitudesCache.set(codes, magnitudes);
  }
  const { values, allNegative } = magnitudes;
  if (allNegative) {
    return {
      UnaryExpression(node) {
        const { argument } = node;
        if (
          node.operator === '-' &&
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

const nameSetCache = new WeakMap<readonly string[], ReadonlySet<string>>();

/** The name-based test: an identifier or member chain ending in one of `names`, seen through `Number(x)` and `+x`. */
export function createErrorCodeNameTest(names: readonly string[]): ErrorCodeExpressionTest {
  let lowerNames = nameSetCache.get(names);
  if (!lowerNames) {
    lowerNames = new Set(names.map((name) => name.toLowerCase()));
    nameSetCache.set(names, lowerNames);
  }
  const set = lowerNames;
  const test = (input: Node): boolean => {
    const node = skipWrappers(input);
    switch (node.type) {
      case AST_NODE_TYPES.Identifier:
        return set.has(node.name.toLowerCase());
      case AST_NODE_TYPES.MemberExpression: {
        const name = getStaticPropertyName(node);
        return name !== undefined && set.has(name.toLowerCase());
      }
      case AST_NODE_TYPES.CallExpression: {
        const { callee, arguments: args } = node;
        return (
          callee.type === AST_NODE_TYPES.Identifier &&
          callee.name === 'Number' &&
          args.length === 1 &&
          args[0]!.type !== AST_NODE_TYPES.SpreadElement &&
          test(args[0]!)
        );
      }
      case AST_NODE_TYPES.UnaryExpression:
        return node.operator === '+' && test(node.argument);
      default:
        return false;
    }
  };
  return test;
}

const EQUALITY_OPERATORS = new Set(['===', '!==', '==', '!=']);

export function isEqualityComparison(node: Node): node is TSESTree.BinaryExpression {
  return node.type === AST_NODE_TYPES.BinaryExpression && EQUALITY_OPERATORS.has(node.operator);
}

const LIST_METHODS = new Set(['includes', 'indexOf', 'lastIndexOf']);

/** What a code node is doing, when it is checked against an error-code expression. */
export type CodeUse = 'comparison' | 'case' | 'list' | 'lookup-key';

export interface CodeUseContext {
  readonly sourceCode: Readonly<TSESLint.SourceCode>;
  readonly isErrorCodeExpression: ErrorCodeExpressionTest;
  /** Whether a node refers to a member of the generated enum (so a `switch` over it is a code switch). */
  readonly isEnumMemberReference: (node: Node) => boolean;
}

/**
 * How `codeNode` (a code literal or an enum member reference) is used as an error code, or
 * undefined when it is not checked against one (construction, arguments, sentinels, types...).
 */
export function getCodeUse(codeNode: Node, ctx: CodeUseContext): CodeUse | undefined {
  const node = outermostWrapper(codeNode);
  const { parent } = node;
  if (!parent) return undefined;
  switch (parent.type) {
    case AST_NODE_TYPES.BinaryExpression: {
      if (!EQUALITY_OPERATORS.has(parent.operator)) return undefined;
      const other = parent.left === node ? parent.right : parent.left;
      return ctx.isErrorCodeExpression(other) ? 'comparison' : undefined;
    }
    case AST_NODE_TYPES.SwitchCase:
      return parent.test === node && isErrorCodeSwitch(parent.parent, ctx) ? 'case' : undefined;
    case AST_NODE_TYPES.ArrayExpression:
      return memoized(ctx, parent, () => isCheckedCollection(parent, 'array', ctx, 0)) ? 'list' : undefined;
    case AST_NODE_TYPES.Property: {
      const object = parent.parent;
      return parent.computed &&
        parent.key === node &&
        object.type === AST_NODE_TYPES.ObjectExpression &&
        memoized(ctx, object, () => isCheckedCollection(object, 'object', ctx, 0))
        ? 'lookup-key'
        : undefined;
    }
    default:
      return undefined;
  }
}

/** A `switch` over an error-code expression, or one whose cases name enum members. */
export function isErrorCodeSwitch(node: TSESTree.SwitchStatement, ctx: CodeUseContext): boolean {
  return memoized(
    ctx,
    node,
    () =>
      ctx.isErrorCodeExpression(node.discriminant) ||
      node.cases.some((switchCase) => switchCase.test !== null && ctx.isEnumMemberReference(switchCase.test)),
  );
}

const memo = new WeakMap<CodeUseContext, WeakMap<Node, boolean>>();

/**
 * A per-file answer about a switch or collection, asked once per code in it: without the memo a
 * switch of n cases or a list of n codes costs n² (each `case` scans all cases).
 */
function memoized(ctx: CodeUseContext, node: Node, compute: () => boolean): boolean {
  let byNode = memo.get(ctx);
  if (!byNode) memo.set(ctx, (byNode = new WeakMap()));
  let result = byNode.get(node);
  if (result === undefined) byNode.set(node, (result = compute()));
  return result;
}

type CollectionKind = 'array' | 'set' | 'object';
const MAX_INDIRECTION = 2;

/**
 * Whether a collection literal is tested against an error-code expression: directly
 * (`[-1, -7].includes(code)`, `new Set([...]).has(code)`, `({ [-401]: f })[code]`) or through a
 * `const` that is (`const RETRY = new Set([...]); RETRY.has(err.code)`).
 */
function isCheckedCollection(collection: Node, kind: CollectionKind, ctx: CodeUseContext, depth: number): boolean {
  const node = outermostWrapper(collection);
  const { parent } = node;
  if (!parent) return false;
  if (parent.type === AST_NODE_TYPES.VariableDeclarator) {
    return parent.init === node && depth < MAX_INDIRECTION && isCheckedBinding(parent, kind, ctx, depth + 1);
  }
  if (
    kind === 'array' &&
    parent.type === AST_NODE_TYPES.NewExpression &&
    parent.arguments[0] === node &&
    parent.callee.type === AST_NODE_TYPES.Identifier &&
    (parent.callee.name === 'Set' || parent.callee.name === 'ReadonlySet')
  ) {
    return isCheckedCollection(parent, 'set', ctx, depth);
  }
  return isCheckedAt(node, kind, ctx);
}

/** A direct check on `node`: `node.includes(code)`, `node.has(code)`, `node[code]`. */
function isCheckedAt(node: Node, kind: CollectionKind, ctx: CodeUseContext): boolean {
  const member = node.parent;
  if (member?.type !== AST_NODE_TYPES.MemberExpression || member.object !== node) return false;
  if (kind === 'object') return member.computed && ctx.isErrorCodeExpression(member.property);
  const method = getStaticPropertyName(member);
  if (method === undefined || !(kind === 'set' ? method === 'has' : LIST_METHODS.has(method))) return false;
  const call = outermostWrapper(member).parent;
  return (
    call?.type === AST_NODE_TYPES.CallExpression &&
    outermostWrapper(call.callee) === outermostWrapper(member) &&
    call.arguments.length >= 1 &&
    ctx.isErrorCodeExpression(call.arguments[0]!)
  );
}

function isCheckedBinding(
  declarator: TSESTree.VariableDeclarator,
  kind: CollectionKind,
  ctx: CodeUseContext,
  depth: number,
): boolean {
  if (declarator.id.type !== AST_NODE_TYPES.Identifier) return false;
  const declaration = declarator.parent;
  if (declaration.kind !== 'const') return false;
  for (const variable of ctx.sourceCode.getDeclaredVariables(declarator)) {
    for (const reference of variable.references) {
      if (reference.init || !reference.isRead()) continue;
      const identifier = reference.identifier as Node;
      if (isCheckedAt(identifier, kind, ctx)) return true;
      // `new Set(CODES).has(code)`, or `const SET = new Set(CODES)` checked later.
      if (kind === 'array') {
        const outer = outermostWrapper(identifier);
        const { parent } = outer;
        if (
          parent?.type === AST_NODE_TYPES.NewExpression &&
          parent.arguments[0] === outer &&
          parent.callee.type === AST_NODE_TYPES.Identifier &&
          parent.callee.name === 'Set' &&
          isCheckedCollection(parent, 'set', ctx, depth)
        ) {
          return true;
        }
      }
    }
  }
  return false;
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
