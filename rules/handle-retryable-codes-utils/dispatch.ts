/**
 * Where control goes in a dispatch on an error code: if-chains, statement lists, fall-through, and
 * which calls are retry guards. What a code check is lives in ../utils/code-checks.ts.
 */
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import type { TSESTree } from '@typescript-eslint/utils';
import { getStaticPropertyName, skipWrappers } from '../utils/ast.js';
import { MEMBERSHIP_METHODS } from '../utils/code-checks.js';

type Node = TSESTree.Node;
type Statement = TSESTree.Statement | TSESTree.ProgramStatement;

/**
 * Whether a call goes by one of `names`: its function's name (`f(x)`, `a.b.f(x)` → "f"), or for
 * `list.includes(x)` / `set.has(x)` the list's.
 */
export function callGoesBy(call: TSESTree.CallExpression, names: ReadonlySet<string>): boolean {
  const callee = skipWrappers(call.callee);
  if (callee.type === AST_NODE_TYPES.Identifier) return names.has(callee.name);
  if (callee.type !== AST_NODE_TYPES.MemberExpression) return false;
  const method = getStaticPropertyName(callee);
  if (method === undefined) return false;
  if (names.has(method)) return true;
  if (!MEMBERSHIP_METHODS.has(method)) return false;
  const object = skipWrappers(callee.object);
  if (object.type === AST_NODE_TYPES.Identifier) return names.has(object.name);
  if (object.type !== AST_NODE_TYPES.MemberExpression) return false;
  const name = getStaticPropertyName(object);
  return name !== undefined && names.has(name);
}

/** An `if` and its `else if`s, and the final `else` (null when there is none). */
export interface IfChain {
  readonly ifs: readonly TSESTree.IfStatement[];
  readonly finalElse: TSESTree.Statement | null;
}

export function getIfChain(head: TSESTree.IfStatement): IfChain {
  const ifs: TSESTree.IfStatement[] = [head];
  let current = head;
  while (current.alternate?.type === AST_NODE_TYPES.IfStatement) {
    current = current.alternate;
    ifs.push(current);
  }
  return { ifs, finalElse: current.alternate };
}

/** The first `if` of the chain an `if` is in: itself, unless it is another's `else if`. */
export function getChainHead(ifNode: TSESTree.IfStatement): TSESTree.IfStatement {
  let head = ifNode;
  while (head.parent.type === AST_NODE_TYPES.IfStatement && head.parent.alternate === head) head = head.parent;
  return head;
}

/** The statements of a statement list: a program, block, static block, namespace body or `case`. */
export function getStatementList(node: Node): readonly Statement[] | undefined {
  switch (node.type) {
    case AST_NODE_TYPES.Program:
    case AST_NODE_TYPES.BlockStatement:
    case AST_NODE_TYPES.StaticBlock:
    case AST_NODE_TYPES.TSModuleBlock:
      return node.body;
    case AST_NODE_TYPES.SwitchCase:
      return node.consequent;
    default:
      return undefined;
  }
}

/**
 * Whether control can run past the last of `statements` (so a `case` falls through into the next
 * one). Conservative: only `break`, `continue`, `return`, `throw`, and blocks or `if`/`else`s that
 * end in one of them, count as jumps.
 */
export function canCompleteNormally(statements: readonly Statement[]): boolean {
  const last = statements.at(-1);
  if (!last) return true;
  switch (last.type) {
    case AST_NODE_TYPES.BreakStatement:
    case AST_NODE_TYPES.ContinueStatement:
    case AST_NODE_TYPES.ReturnStatement:
    case AST_NODE_TYPES.ThrowStatement:
      return false;
    case AST_NODE_TYPES.BlockStatement:
      return canCompleteNormally(last.body);
    case AST_NODE_TYPES.IfStatement:
      return (
        last.alternate === null || canCompleteNormally([last.consequent]) || canCompleteNormally([last.alternate])
      );
    default:
      return true;
  }
}
