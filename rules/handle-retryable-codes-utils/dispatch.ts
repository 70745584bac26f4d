/**
 * Dispatching on an error code: which codes a comparison, a list check or a `switch` tests against
 * which subject expression, when two subjects are the same, and where control goes next (if-chains,
 * statement lists, fall-through). Shared by the rules that look at how codes are handled.
 */
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import type { ErrorCodeEntry } from '../../core/spec.js';
import { findValueVariable, getCodeLiteralValue, getStaticPropertyName, isEqualityComparison, skipWrappers } from '../utils/ast.js';
import type { KakaoFile } from '../utils/rule-context.js';

type Node = TSESTree.Node;
type Statement = TSESTree.Statement | TSESTree.ProgramStatement;

/** A code as written in a comparison, `case` or list: a numeric literal or an enum member. */
export interface CodeRef {
  readonly value: number;
  /** Undefined for a number the spec does not list. */
  readonly entry: ErrorCodeEntry | undefined;
  /** Written `<enum>.<Member>`: then the other side need not look like an error-code expression. */
  readonly isEnumMember: boolean;
}

/** The code `node` stands for (`-401`, `KakaoErrorCode.InvalidToken`, `K.X as const`), if any. */
export function getCodeRef(node: Node, file: KakaoFile): CodeRef | undefined {
  const inner = skipWrappers(node);
  const value = getCodeLiteralValue(inner);
  if (value !== undefined) return { value, entry: file.index.byCode.get(value), isEnumMember: false };
  const entry = file.fileEnum.memberEntry(inner);
  return entry ? { value: entry.code, entry, isEnumMember: true } : undefined;
}

/** One code checked against one subject. */
export interface CodeCheck {
  /** What the code is compared with: a comparison's other side, a list's argument, a switch's discriminant. */
  readonly subject: Node;
  readonly code: CodeRef;
  /** The node that writes the code. */
  readonly node: Node;
}

/** Looks through wrappers, `Number(x)` and `+x`: the value being compared, not its conversion. */
function unwrapSubject(node: Node): Node {
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

/**
 * A key equal for expressions that read the same value: `err.code`, `err?.code`, `err['code']`,
 * `Number(err.code)`, `err.code as number` and `+err!.code` all give "err.code".
 */
export function getSubjectKey(node: Node, sourceCode: Readonly<TSESLint.SourceCode>): string {
  const inner = unwrapSubject(node);
  switch (inner.type) {
    case AST_NODE_TYPES.Identifier:
      return inner.name;
    case AST_NODE_TYPES.ThisExpression:
      return 'this';
    case AST_NODE_TYPES.MemberExpression: {
      const object = getSubjectKey(inner.object, sourceCode);
      const name = getStaticPropertyName(inner);
      return name !== undefined ? `${object}.${name}` : `${object}[${getSubjectKey(inner.property, sourceCode)}]`;
    }
    default:
      return sourceCode
        .getTokens(inner)
        .map((token) => token.value)
        .join(' ');
  }
}

const COLLECTION_METHODS = new Set(['includes', 'has', 'indexOf', 'lastIndexOf']);
const MAX_INDIRECTION = 2;

/**
 * The element nodes of a collection of codes: `[a, b]`, `new Set([a, b])`, `Object.freeze([...])`,
 * or a `const` bound to one of those (in the same file). Undefined when it cannot be resolved.
 */
export function resolveCollectionElements(
  node: Node,
  sourceCode: Readonly<TSESLint.SourceCode>,
  depth = 0,
): Node[] | undefined {
  const inner = skipWrappers(node);
  switch (inner.type) {
    case AST_NODE_TYPES.ArrayExpression: {
      const elements: Node[] = [];
      for (const element of inner.elements) {
        if (!element) continue;
        if (element.type === AST_NODE_TYPES.SpreadElement) {
          elements.push(...(resolveCollectionElements(element.argument, sourceCode, depth) ?? []));
        } else {
          elements.push(element);
        }
      }
      return elements;
    }
    case AST_NODE_TYPES.NewExpression:
    case AST_NODE_TYPES.CallExpression: {
      const { callee } = inner;
      const argument = inner.arguments[0];
      if (!argument || argument.type === AST_NODE_TYPES.SpreadElement) return undefined;
      const isSet =
        inner.type === AST_NODE_TYPES.NewExpression &&
        callee.type === AST_NODE_TYPES.Identifier &&
        (callee.name === 'Set' || callee.name === 'ReadonlySet');
      const isFreeze =
        callee.type === AST_NODE_TYPES.MemberExpression &&
        callee.object.type === AST_NODE_TYPES.Identifier &&
        callee.object.name === 'Object' &&
        getStaticPropertyName(callee) === 'freeze';
      return isSet || isFreeze ? resolveCollectionElements(argument, sourceCode, depth) : undefined;
    }
    case AST_NODE_TYPES.Identifier: {
      const init = depth < MAX_INDIRECTION ? constInitializer(inner, sourceCode) : undefined;
      return init && resolveCollectionElements(init, sourceCode, depth + 1);
    }
    default:
      return undefined;
  }
}

/** The initializer of the `const` (declared once, not destructured) that `identifier` names. */
function constInitializer(identifier: TSESTree.Identifier, sourceCode: Readonly<TSESLint.SourceCode>): Node | undefined {
  const variable = findValueVariable(sourceCode.getScope(identifier), identifier.name);
  const def = variable?.defs.length === 1 ? variable.defs[0] : undefined;
  const declarator = def?.node;
  if (
    declarator?.type !== AST_NODE_TYPES.VariableDeclarator ||
    declarator.id.type !== AST_NODE_TYPES.Identifier ||
    declarator.parent.kind !== 'const'
  ) {
    return undefined;
  }
  return declarator.init ?? undefined;
}

/** `x === -1`, `KakaoErrorCode.X !== e.kind`: the check, when one side is a code and the other its subject. */
function comparisonCheck(node: TSESTree.BinaryExpression, file: KakaoFile): CodeCheck | undefined {
  if (!isEqualityComparison(node)) return undefined;
  const left = getCodeRef(node.left, file);
  const right = getCodeRef(node.right, file);
  if (!left === !right) return undefined;
  const [code, codeNode, subject] = left ? [left, node.left, node.right] : [right!, node.right, node.left];
  if (skipWrappers(subject).type === AST_NODE_TYPES.Literal) return undefined;
  return code.isEnumMember || file.isErrorCodeExpression(subject) ? { subject, code, node: codeNode } : undefined;
}

/** Which codes a walk reports: all by default; a rule that asks about a few codes can say which. */
export type CodeFilter = (code: CodeRef) => boolean;

interface CollectionCodes {
  /** Each code once (the first element of each value), as kept by the filter. */
  readonly elements: readonly { readonly code: CodeRef; readonly node: Node }[];
  readonly anyEnumMember: boolean;
}

const collectionCache = new WeakMap<KakaoFile | CodeFilter, WeakMap<Node, CollectionCodes | null>>();
const keepAll: CodeFilter = () => true;

/**
 * The codes of the collection `node` stands for, memoized per file and filter by the literal it
 * resolves to: a list of n codes checked n times costs n, not n².
 */
function collectionCodes(node: Node, file: KakaoFile, filter: CodeFilter): CollectionCodes | undefined {
  let target = skipWrappers(node);
  for (let depth = 0; target.type === AST_NODE_TYPES.Identifier && depth < MAX_INDIRECTION; depth++) {
    const init = constInitializer(target, file.sourceCode);
    if (!init) return undefined;
    target = skipWrappers(init);
  }
  let byNode = collectionCache.get(filter === keepAll ? file : filter);
  if (!byNode) collectionCache.set(filter === keepAll ? file : filter, (byNode = new WeakMap()));
  let result = byNode.get(target);
  if (result === undefined) {
    const elements: { code: CodeRef; node: Node }[] = [];
    const seen = new Set<number>();
    let anyEnumMember = false;
    for (const element of resolveCollectionElements(target, file.sourceCode) ?? []) {
      const code = getCodeRef(element, file);
      if (!code) continue;
      anyEnumMember ||= code.isEnumMember;
      if (!seen.has(code.value) && filter(code)) elements.push({ code, node: element });
      seen.add(code.value);
    }
    result = elements.length > 0 || anyEnumMember ? { elements, anyEnumMember } : null;
    byNode.set(target, result);
  }
  return result ?? undefined;
}

/** `[-1, -7].includes(x)`, `RETRYABLE.has(x)`, `CODES.indexOf(x)`: one check per code in the list. */
function collectionChecks(call: TSESTree.CallExpression, file: KakaoFile, filter: CodeFilter): CodeCheck[] | undefined {
  const callee = skipWrappers(call.callee);
  if (callee.type !== AST_NODE_TYPES.MemberExpression) return undefined;
  const method = getStaticPropertyName(callee);
  const subject = call.arguments[0];
  if (method === undefined || !COLLECTION_METHODS.has(method) || !subject) return undefined;
  if (subject.type === AST_NODE_TYPES.SpreadElement) return undefined;
  const collection = collectionCodes(callee.object, file, filter);
  if (!collection || !(collection.anyEnumMember || file.isErrorCodeExpression(subject))) return undefined;
  return collection.elements.map(({ code, node }) => ({ subject, code, node }));
}

/** The `case` checks of a switch over an error-code expression (or with enum-member cases). */
export function switchCaseChecks(node: TSESTree.SwitchStatement, file: KakaoFile): CodeCheck[] {
  const checks: CodeCheck[] = [];
  for (const switchCase of node.cases) {
    if (!switchCase.test) continue;
    const code = getCodeRef(switchCase.test, file);
    if (code) checks.push({ subject: node.discriminant, code, node: switchCase.test });
  }
  return checks;
}

/** Returns true to stop the walk. */
export type CheckVisitor = (check: CodeCheck) => boolean;
/** Returns true to stop the walk. */
export type CallVisitor = (call: TSESTree.CallExpression) => boolean;

const SKIPPED_KEYS = new Set(['typeAnnotation', 'typeArguments', 'typeParameters', 'returnType', 'decorators']);
type VisitorKeys = TSESLint.SourceCode.VisitorKeys;
type ChildKeys = (type: string) => readonly string[];
const childKeysCache = new WeakMap<VisitorKeys, ChildKeys>();

/** The keys of a node type's children that may hold code checks (not types or decorators). */
function getChildKeys(visitorKeys: VisitorKeys): ChildKeys {
  let childKeys = childKeysCache.get(visitorKeys);
  if (!childKeys) {
    const byType = new Map<string, readonly string[]>();
    childKeys = (type) => {
      let keys = byType.get(type);
      if (!keys) byType.set(type, (keys = (visitorKeys[type] ?? []).filter((key) => !SKIPPED_KEYS.has(key))));
      return keys;
    };
    childKeysCache.set(visitorKeys, childKeys);
  }
  return childKeys;
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

/**
 * Every code check under `root` (comparisons, list checks, `case`s of switches over an error-code
 * expression), and every call, not looking into nested functions or types. A visitor that returns
 * true stops the walk; so does this function's result.
 */
export function forEachCodeCheck(
  root: Node,
  file: KakaoFile,
  onCheck: CheckVisitor,
  onCall?: CallVisitor,
  filter: CodeFilter = keepAll,
): boolean {
  const childKeys = getChildKeys(file.sourceCode.visitorKeys);
  const stack: Node[] = [root];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node !== root && isFunctionNode(node)) continue;
    switch (node.type) {
      case AST_NODE_TYPES.BinaryExpression: {
        const check = comparisonCheck(node, file);
        if (check && filter(check.code) && onCheck(check)) return true;
        break;
      }
      case AST_NODE_TYPES.CallExpression: {
        if (onCall?.(node)) return true;
        for (const check of collectionChecks(node, file, filter) ?? []) if (onCheck(check)) return true;
        break;
      }
      case AST_NODE_TYPES.SwitchStatement: {
        const discriminantIsCode = file.isErrorCodeExpression(node.discriminant);
        for (const check of switchCaseChecks(node, file)) {
          if ((discriminantIsCode || check.code.isEnumMember) && filter(check.code) && onCheck(check)) return true;
        }
        break;
      }
      default:
        break;
    }
    for (const key of childKeys(node.type)) {
      const child = (node as unknown as Record<string, unknown>)[key];
      if (Array.isArray(child)) {
        for (const item of child) if (isNode(item)) stack.push(item);
      } else if (isNode(child)) {
        stack.push(child);
      }
    }
  }
  return false;
}

/**
 * False when forEachCodeCheck(node, file, ..., onCall, filter) would find nothing that matters in
 * `node`: no comparison with a code the filter keeps, no list check and no call that `isRelevant`
 * accepts. A cheap test for the conditions of most `if`s (`x`, `!a.b`, `x === undefined`,
 * `isArray(x)`).
 */
export function mayHoldCodeCheck(
  node: Node,
  file: KakaoFile,
  isRelevant: (call: TSESTree.CallExpression) => boolean,
  filter: CodeFilter = keepAll,
): boolean {
  switch (node.type) {
    case AST_NODE_TYPES.Identifier:
    case AST_NODE_TYPES.Literal:
    case AST_NODE_TYPES.ThisExpression:
    case AST_NODE_TYPES.Super:
    case AST_NODE_TYPES.PrivateIdentifier:
    case AST_NODE_TYPES.ArrowFunctionExpression:
    case AST_NODE_TYPES.FunctionExpression:
      return false;
    case AST_NODE_TYPES.MemberExpression:
      return (
        mayHoldCodeCheck(node.object, file, isRelevant, filter) ||
        (node.computed && mayHoldCodeCheck(node.property, file, isRelevant, filter))
      );
    case AST_NODE_TYPES.UnaryExpression:
      return mayHoldCodeCheck(node.argument, file, isRelevant, filter);
    case AST_NODE_TYPES.LogicalExpression:
      return mayHoldCodeCheck(node.left, file, isRelevant, filter) || mayHoldCodeCheck(node.right, file, isRelevant, filter);
    case AST_NODE_TYPES.BinaryExpression:
      return (
        (isEqualityComparison(node) && (isKeptCode(node.left, file, filter) || isKeptCode(node.right, file, filter))) ||
        mayHoldCodeCheck(node.left, file, isRelevant, filter) ||
        mayHoldCodeCheck(node.right, file, isRelevant, filter)
      );
    case AST_NODE_TYPES.CallExpression: {
      const callee = skipWrappers(node.callee);
      const method = callee.type === AST_NODE_TYPES.MemberExpression ? getStaticPropertyName(callee) : undefined;
      return (
        (method !== undefined && COLLECTION_METHODS.has(method)) ||
        isRelevant(node) ||
        mayHoldCodeCheck(node.callee, file, isRelevant, filter) ||
        node.arguments.some((argument) => mayHoldCodeCheck(argument, file, isRelevant, filter))
      );
    }
    case AST_NODE_TYPES.ChainExpression:
    case AST_NODE_TYPES.TSNonNullExpression:
    case AST_NODE_TYPES.TSAsExpression:
    case AST_NODE_TYPES.TSSatisfiesExpression:
    case AST_NODE_TYPES.TSTypeAssertion:
      return mayHoldCodeCheck(node.expression, file, isRelevant, filter);
    default:
      return true;
  }
}

function isKeptCode(node: Node, file: KakaoFile, filter: CodeFilter): boolean {
  const code = getCodeRef(node, file);
  return code !== undefined && filter(code);
}

function isNode(value: unknown): value is Node {
  return typeof value === 'object' && value !== null && typeof (value as { type?: unknown }).type === 'string';
}

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
  if (!COLLECTION_METHODS.has(method)) return false;
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

/** The `else if` of another `if` (so it is analysed with the chain's first `if`). */
export function isElseIf(node: TSESTree.IfStatement): boolean {
  return node.parent.type === AST_NODE_TYPES.IfStatement && node.parent.alternate === node;
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
