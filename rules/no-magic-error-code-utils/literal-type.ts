/**
 * Whether replacing a code literal by an enum member would lose TypeScript's narrowing: the code is
 * compared with an expression of a number-literal type (`{ code: -401 } | { code: -402 }`), where an
 * enum member narrows nothing, so an exhaustive `switch` stops being exhaustive (TS2366). For a
 * string code (`'KOE320'`) and a string-literal type it is worse: a string enum member is not
 * comparable with a string literal at all.
 */
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';

type Node = TSESTree.Node;

/** The part of TypeScript's `Type` used here (its flag values change between TypeScript versions). */
interface MinimalType {
  isUnion(): boolean;
  isNumberLiteral(): boolean;
  isStringLiteral(): boolean;
  getSymbol(): unknown;
  readonly types?: readonly MinimalType[];
}

const declaredLiterals = new WeakMap<TSESTree.Program, ReadonlySet<number | string>>();

/**
 * With type information: whether `subject`'s type is or contains a plain number literal. Without it:
 * whether the file declares `code` as a literal type anywhere (`type R = { code: -401 }`), the sign that
 * a narrowing may depend on it.
 */
export function isComparedWithLiteralType(
  sourceCode: Readonly<TSESLint.SourceCode>,
  subject: Node,
  code: number | string,
): boolean {
  const services = sourceCode.parserServices as
    | { program?: unknown; getTypeAtLocation?: (node: Node) => MinimalType }
    | undefined;
  if (services?.program && services.getTypeAtLocation) {
    try {
      return hasPlainLiteral(services.getTypeAtLocation(subject), typeof code === 'number' ? 'number' : 'string');
    } catch {
      return false;
    }
  }
  let literals = declaredLiterals.get(sourceCode.ast);
  if (!literals) declaredLiterals.set(sourceCode.ast, (literals = collectLiteralTypes(sourceCode)));
  return literals.has(code);
}

function hasPlainLiteral(type: MinimalType, kind: 'number' | 'string'): boolean {
  if (type.isUnion()) return (type.types ?? []).some((part) => hasPlainLiteral(part, kind));
  // An enum member's literal type has the member as its symbol; a plain literal type has none.
  return (kind === 'number' ? type.isNumberLiteral() : type.isStringLiteral()) && type.getSymbol() === undefined;
}

/** Every number or string written as a literal type in the file (`-401` in `code: -401`). Walked once, on first need. */
function collectLiteralTypes(sourceCode: Readonly<TSESLint.SourceCode>): ReadonlySet<number | string> {
  const found = new Set<number | string>();
  const keys = sourceCode.visitorKeys as Record<string, readonly string[] | undefined>;
  const stack: Node[] = [sourceCode.ast];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.type === AST_NODE_TYPES.TSLiteralType) {
      const { literal } = node;
      if (literal.type === AST_NODE_TYPES.Literal && (typeof literal.value === 'number' || typeof literal.value === 'string')) {
        found.add(literal.value);
      }
      else if (
        literal.type === AST_NODE_TYPES.UnaryExpression &&
        literal.operator === '-' &&
        literal.argument.type === AST_NODE_TYPES.Literal &&
        typeof literal.argument.value === 'number'
      ) {
        found.add(-literal.argument.value);
      }
      continue;
    }
    for (const key of keys[node.type] ?? []) {
      const child = (node as unknown as Record<string, unknown>)[key];
      if (Array.isArray(child)) {
        for (const item of child) if (item && typeof item === 'object' && 'type' in item) stack.push(item as Node);
      } else if (child && typeof child === 'object' && 'type' in child) {
        stack.push(child as Node);
      }
    }
  }
  return found;
}
