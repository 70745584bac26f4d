/**
 * The one model of a code check: a code (a literal or an enum member) checked against an
 * error-code expression. Every rule reads checks from here, so they see through the same wrappers
 * and agree on what a check is.
 *
 * A check lives in a container, and the container decides (`checksOf`, the table of forms):
 * - `comparison`: `err.code === -401`, `-401 != Number(err?.code)`, under any negation;
 * - `case`: a `case` of a code switch (over an error-code expression, with an enum-member case, or
 *   with two or more distinct spec codes);
 * - `list`: `includes`/`indexOf`/`lastIndexOf`/`has` on a list of codes: `[...]`, `new Set(...)`,
 *   `Object.freeze(...)`, spreads, and `const`s bound to those (two levels deep), through
 *   `as const`, `satisfies` and type annotations;
 * - `key`: a computed key of an object literal indexed by an error-code expression
 *   (`({ [-401]: f })[err.code]`, `HANDLERS[err.code]`).
 * Walking down (forEachCodeCheck) asks each container; starting from a code (findCodeCheck) climbs
 * to the containers it may be in and asks them the same question.
 */
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import type { ErrorCodeEntry, StringErrorCodeEntry } from '../../core/spec.js';
import {
  findValueVariable,
  getCodeLiteralValue,
  getStaticPropertyName,
  isEqualityComparison,
  isFunctionNode,
  outermostWrapper,
  skipConversions,
  skipWrappers,
} from './ast.js';
import type { ErrorCodeExpressionTest } from './ast.js';
import type { FileEnum } from './enum-reference.js';
import type { SpecIndex, StringFamily } from './settings.js';

type Node = TSESTree.Node;

/** A code's value: an integer of the spec's own codes, or a string of a string family (Kakao Login's `KOE320`). */
export type CodeValue = number | string;

/** A code as written in a comparison, `case`, list or key: a code literal or an enum member. */
export interface CodeRef {
  readonly value: CodeValue;
  /** Undefined for a code the spec does not list. */
  readonly entry: ErrorCodeEntry | StringErrorCodeEntry | undefined;
  /** The string family of a string code; undefined for the spec's own (integer) codes. */
  readonly family: StringFamily | undefined;
  /**
   * An integer code written as a string (`'-401'`, as some SDKs report it): `value` is the number,
   * and no enum member, a number, can stand in for the string as it is.
   */
  readonly asString: boolean;
  /** Written `<enum>.<Member>`: then the other side need not look like an error-code expression. */
  readonly isEnumMember: boolean;
}

export type CheckKind = 'comparison' | 'case' | 'list' | 'key';

/** One code checked against one subject. */
export interface CodeCheck {
  readonly kind: CheckKind;
  /** What the code is checked against: a comparison's other side, a switch's discriminant, a list's argument, a lookup's key. */
  readonly subject: Node;
  readonly code: CodeRef;
  /** The node that writes the code, without wrappers (`-401` in `-401 as const`). */
  readonly node: Node;
  /** The comparison, switch, membership call or lookup that holds the check. */
  readonly container: Node;
}

/** What the model needs of a file: the spec, the enum in the file, the error-code expression test. */
export interface CodeCheckContext {
  readonly sourceCode: Readonly<TSESLint.SourceCode>;
  readonly index: Pick<SpecIndex, 'byCode' | 'stringCodes' | 'stringFamilies'>;
  readonly fileEnum: Pick<FileEnum, 'memberEntry' | 'family'>;
  readonly isErrorCodeExpression: ErrorCodeExpressionTest;
  /** checksOf, memoized for the file (see createChecksOf). */
  readonly checksOf: (container: Node) => readonly CodeCheck[];
}

type FormContext = Omit<CodeCheckContext, 'checksOf'>;

/** The methods that test membership of a code in a list or set. */
export const MEMBERSHIP_METHODS: ReadonlySet<string> = new Set(['includes', 'has', 'indexOf', 'lastIndexOf']);
/** How many `const`s a list may be reached through (`const A = [...]; const B = [...A]; B.includes(x)`). */
const MAX_INDIRECTION = 2;
/** The answer of most containers, shared rather than allocated each time. */
const NO_CHECKS: readonly CodeCheck[] = Object.freeze([]);

/**
 * The code `node` stands for (`-401`, `'KOE320'`, `'-401'`, `KakaoErrorCode.InvalidToken`,
 * `KakaoLoginErrorCode.X`, `K.X as const`), if any. A string is a code only when the spec lists it:
 * any number may be an unlisted code, but most strings are not codes at all.
 */
export function getCodeRef(node: Node, ctx: Pick<CodeCheckContext, 'index' | 'fileEnum'>): CodeRef | undefined {
  const inner = skipWrappers(node);
  const value = getCodeLiteralValue(inner);
  if (value !== undefined) return { value, entry: ctx.index.byCode.get(value), family: undefined, asString: false, isEnumMember: false };
  if (inner.type === AST_NODE_TYPES.Literal) return typeof inner.value === 'string' ? stringCodeRef(inner.value, ctx.index) : undefined;
  if (inner.type !== AST_NODE_TYPES.MemberExpression) return undefined;
  const entry = ctx.fileEnum.memberEntry(inner);
  if (entry) return { value: entry.code, entry, family: undefined, asString: false, isEnumMember: true };
  for (const family of ctx.index.stringFamilies) {
    const familyEntry = ctx.fileEnum.family(family).memberEntry(inner);
    if (familyEntry) return { value: familyEntry.code, entry: familyEntry, family, asString: false, isEnumMember: true };
  }
  return undefined;
}

const INTEGER_TEXT = /^-?[1-9]\d{0,15}$/u;

function stringCodeRef(text: string, index: CodeCheckContext['index']): CodeRef | undefined {
  const stringCode = index.stringCodes.get(text);
  if (stringCode) return { value: text, entry: stringCode.entry, family: stringCode.family, asString: false, isEnumMember: false };
  const entry = INTEGER_TEXT.test(text) ? index.byCode.get(Number(text)) : undefined;
  return entry ? { value: entry.code, entry, family: undefined, asString: true, isEnumMember: false } : undefined;
}

/** The table of forms: the node types that can hold a check, and how each finds its checks. */
const FORMS: Partial<Record<AST_NODE_TYPES, (node: never, ctx: FormContext) => readonly CodeCheck[]>> = {
  [AST_NODE_TYPES.BinaryExpression]: comparisonChecks,
  [AST_NODE_TYPES.SwitchStatement]: caseChecks,
  [AST_NODE_TYPES.CallExpression]: membershipChecks,
  [AST_NODE_TYPES.MemberExpression]: keyChecks,
};

/** Whether a node of this type can hold a check (a container). */
export function isContainerType(type: AST_NODE_TYPES): boolean {
  return FORMS[type] !== undefined;
}

/** `checksOf` for one file, memoized: a list of n codes or a switch of n cases is read once, not n times. */
export function createChecksOf(ctx: FormContext): (container: Node) => readonly CodeCheck[] {
  // Created on first use: many files hold no container worth remembering.
  let memo: WeakMap<Node, readonly CodeCheck[]> | undefined;
  return (container) => {
    // A comparison is cheap to read again; most calls and member accesses are not containers at all.
    if (container.type === AST_NODE_TYPES.BinaryExpression) return comparisonChecks(container, ctx);
    if (container.type === AST_NODE_TYPES.MemberExpression && !container.computed) return NO_CHECKS;
    if (container.type === AST_NODE_TYPES.CallExpression && membershipMethod(container) === undefined) return NO_CHECKS;
    let checks = memo?.get(container);
    if (!checks) {
      const form = FORMS[container.type];
      checks = form ? form(container as never, ctx) : NO_CHECKS;
      (memo ??= new WeakMap()).set(container, checks);
    }
    return checks;
  };
}

/** `x === -1`, `KakaoErrorCode.X !== e.kind`: one side a code, the other an error-code expression (or any, for an enum member). */
function comparisonChecks(node: TSESTree.BinaryExpression, ctx: FormContext): readonly CodeCheck[] {
  if (!isEqualityComparison(node)) return NO_CHECKS;
  const left = getCodeRef(node.left, ctx);
  const right = getCodeRef(node.right, ctx);
  if (!left === !right) return NO_CHECKS;
  const [code, codeNode, subject] = left ? [left, node.left, node.right] : [right!, node.right, node.left];
  if (skipWrappers(subject).type === AST_NODE_TYPES.Literal) return NO_CHECKS;
  if (!code.isEnumMember && !ctx.isErrorCodeExpression(subject)) return NO_CHECKS;
  return [{ kind: 'comparison', subject, code, node: skipWrappers(codeNode), container: node }];
}

/**
 * The `case`s of a code switch: over an error-code expression, or with an enum-member case, or
 * with at least two distinct spec codes (`switch (status) { case -1: case -7: }`).
 */
function caseChecks(node: TSESTree.SwitchStatement, ctx: FormContext): readonly CodeCheck[] {
  const checks: CodeCheck[] = [];
  const specCodes = new Set<CodeValue>();
  let anyEnumMember = false;
  for (const switchCase of node.cases) {
    if (!switchCase.test) continue;
    const code = getCodeRef(switchCase.test, ctx);
    if (!code) continue;
    anyEnumMember ||= code.isEnumMember;
    if (code.entry) specCodes.add(code.value);
    checks.push({ kind: 'case', subject: node.discriminant, code, node: skipWrappers(switchCase.test), container: node });
  }
  if (checks.length === 0) return NO_CHECKS;
  return anyEnumMember || specCodes.size >= 2 || ctx.isErrorCodeExpression(node.discriminant) ? checks : NO_CHECKS;
}

/** The membership method a call makes (`includes` in `list.includes(x)`), or undefined. */
function membershipMethod(call: TSESTree.CallExpression): string | undefined {
  const callee = skipWrappers(call.callee);
  if (callee.type !== AST_NODE_TYPES.MemberExpression) return undefined;
  const method = getStaticPropertyName(callee);
  return method !== undefined && MEMBERSHIP_METHODS.has(method) ? method : undefined;
}

/** `[-1, -7].includes(x)`, `RETRYABLE.has(x)`, `CODES.indexOf(x)`: one check per code of the list. */
function membershipChecks(call: TSESTree.CallExpression, ctx: FormContext): readonly CodeCheck[] {
  const subject = call.arguments[0];
  if (membershipMethod(call) === undefined || !subject || subject.type === AST_NODE_TYPES.SpreadElement) return NO_CHECKS;
  const callee = skipWrappers(call.callee) as TSESTree.MemberExpression;
  const elements = resolveListElements(callee.object, ctx.sourceCode, 0);
  return codesAgainst(elements ?? [], subject, 'list', call, ctx);
}

/** `({ [-401]: f })[code]`, `HANDLERS[err.code]`: one check per code key of the object. */
function keyChecks(member: TSESTree.MemberExpression, ctx: FormContext): readonly CodeCheck[] {
  // The key first: most computed accesses (`a[i]`) are not lookups by code, and resolving the object costs a scope search.
  if (!member.computed || !ctx.isErrorCodeExpression(member.property)) return NO_CHECKS;
  const object = resolveConst(member.object, ctx.sourceCode, 0);
  if (object?.type !== AST_NODE_TYPES.ObjectExpression) return NO_CHECKS;
  const keys: Node[] = [];
  for (const property of object.properties) {
    if (property.type === AST_NODE_TYPES.Property && (property.computed || isStringCodeKey(property, ctx.index))) keys.push(property.key);
  }
  return codesAgainst(keys, member.property, 'key', member, ctx);
}

/** `{ KOE320: f }`, `{ 'KOE320': f }`: a string family's code written as a plain key. */
export function isStringCodeKey(property: TSESTree.Property, index: CodeCheckContext['index']): boolean {
  if (property.computed || property.shorthand || property.kind !== 'init') return false;
  const { key } = property;
  const name = key.type === AST_NODE_TYPES.Identifier ? key.name : key.value;
  return typeof name === 'string' && index.stringCodes.has(name);
}

function codesAgainst(nodes: readonly Node[], subject: Node, kind: CheckKind, container: Node, ctx: FormContext): readonly CodeCheck[] {
  const checks: CodeCheck[] = [];
  let anyEnumMember = false;
  for (const node of nodes) {
    const isPlainKey = node.type === AST_NODE_TYPES.Identifier && node.parent.type === AST_NODE_TYPES.Property && !node.parent.computed;
    const code = isPlainKey ? stringCodeRef(node.name, ctx.index) : getCodeRef(node, ctx);
    if (!code) continue;
    anyEnumMember ||= code.isEnumMember;
    checks.push({ kind, subject, code, node: skipWrappers(node), container });
  }
  if (checks.length === 0) return NO_CHECKS;
  return anyEnumMember || ctx.isErrorCodeExpression(subject) ? checks : NO_CHECKS;
}

/** Through wrappers, `Object.freeze(x)` and `const`s (up to MAX_INDIRECTION): the literal a value is written as. */
function resolveConst(node: Node, sourceCode: Readonly<TSESLint.SourceCode>, depth: number): Node | undefined {
  let current = skipWrappers(node);
  for (let level = depth; ; level++) {
    if (isFreezeCall(current)) {
      current = skipWrappers(current.arguments[0] as Node);
      continue;
    }
    if (current.type !== AST_NODE_TYPES.Identifier) return current;
    const init = level < MAX_INDIRECTION ? constInitializer(current, sourceCode) : undefined;
    if (!init) return undefined;
    current = skipWrappers(init);
  }
}

/**
 * The element nodes of a list of codes: `[a, b]`, `[...A, c]`, `new Set([a, b])`,
 * `Object.freeze([...])`, or a `const` bound to one of those. Undefined when it cannot be resolved.
 */
function resolveListElements(node: Node, sourceCode: Readonly<TSESLint.SourceCode>, depth: number): Node[] | undefined {
  const inner = skipWrappers(node);
  switch (inner.type) {
    case AST_NODE_TYPES.ArrayExpression: {
      const elements: Node[] = [];
      for (const element of inner.elements) {
        if (!element) continue;
        if (element.type === AST_NODE_TYPES.SpreadElement) {
          elements.push(...(resolveListElements(element.argument, sourceCode, depth) ?? []));
        } else {
          elements.push(element);
        }
      }
      return elements;
    }
    case AST_NODE_TYPES.NewExpression:
    case AST_NODE_TYPES.CallExpression: {
      const argument = inner.arguments[0];
      if (!argument || argument.type === AST_NODE_TYPES.SpreadElement) return undefined;
      return isSetConstruction(inner) || isFreezeCall(inner) ? resolveListElements(argument, sourceCode, depth) : undefined;
    }
    case AST_NODE_TYPES.Identifier: {
      const init = depth < MAX_INDIRECTION ? constInitializer(inner, sourceCode) : undefined;
      return init && resolveListElements(init, sourceCode, depth + 1);
    }
    default:
      return undefined;
  }
}

function isSetConstruction(node: Node): node is TSESTree.NewExpression {
  return (
    node.type === AST_NODE_TYPES.NewExpression &&
    node.callee.type === AST_NODE_TYPES.Identifier &&
    (node.callee.name === 'Set' || node.callee.name === 'ReadonlySet')
  );
}

function isFreezeCall(node: Node): node is TSESTree.CallExpression {
  if (node.type !== AST_NODE_TYPES.CallExpression) return false;
  const { callee } = node;
  return (
    callee.type === AST_NODE_TYPES.MemberExpression &&
    callee.object.type === AST_NODE_TYPES.Identifier &&
    callee.object.name === 'Object' &&
    getStaticPropertyName(callee) === 'freeze' &&
    node.arguments.length >= 1 &&
    node.arguments[0]!.type !== AST_NODE_TYPES.SpreadElement
  );
}

/** The initializer of the `const` (declared once, not destructured) that `identifier` names. */
function constInitializer(identifier: TSESTree.Identifier, sourceCode: Readonly<TSESLint.SourceCode>): Node | undefined {
  const variable = findValueVariable(sourceCode.getScope(identifier), identifier.name);
  const declarator = variable?.defs.length === 1 ? variable.defs[0]!.node : undefined;
  if (
    declarator?.type !== AST_NODE_TYPES.VariableDeclarator ||
    declarator.id.type !== AST_NODE_TYPES.Identifier ||
    declarator.parent.kind !== 'const'
  ) {
    return undefined;
  }
  return declarator.init ?? undefined;
}

// --- from a code up to its containers --------------------------------------------------------------

/**
 * The check that `codeNode` (a code literal or an enum member, without wrappers) is part of, or
 * undefined. Climbs to every container the code may be in (the comparison, the switch, the
 * membership calls and lookups of the list or object it is written in, through spreads,
 * `Object.freeze`, `new Set` and `const`s) and asks each, so the answer is checksOf's.
 */
export function findCodeCheck(codeNode: Node, ctx: CodeCheckContext): CodeCheck | undefined {
  return findCodeChecks(codeNode, ctx)[0];
}

/** Per file context: two rules climb from the same codes (most often a `-1`), the second reads the first's answer. */
const climbs = new WeakMap<CodeCheckContext, Map<Node, readonly CodeCheck[]>>();

/** Every check of a code, in the order of its containers: a list of codes may be checked in several places. */
export function findCodeChecks(codeNode: Node, ctx: CodeCheckContext): readonly CodeCheck[] {
  let byNode = climbs.get(ctx);
  if (!byNode) climbs.set(ctx, (byNode = new Map<Node, readonly CodeCheck[]>()));
  let checks = byNode.get(codeNode);
  if (!checks) {
    const found: CodeCheck[] = [];
    for (const container of candidateContainers(codeNode, ctx.sourceCode)) {
      const own = checksOfNode(ctx.checksOf(container), codeNode);
      if (own) found.push(...own);
    }
    checks = found.length > 0 ? found : NO_CHECKS;
    byNode.set(codeNode, checks);
  }
  return checks;
}

/** Above this many checks a container's checks are indexed by node: a switch of n cases is asked n times. */
const INDEXED_CHECKS = 8;
const checksByNode = new WeakMap<readonly CodeCheck[], Map<Node, CodeCheck[]>>();

/** The checks among `checks` whose code is written by `codeNode`. */
function checksOfNode(checks: readonly CodeCheck[], codeNode: Node): readonly CodeCheck[] | undefined {
  if (checks.length <= INDEXED_CHECKS) {
    const own = checks.filter((check) => check.node === codeNode);
    return own.length > 0 ? own : undefined;
  }
  let index = checksByNode.get(checks);
  if (!index) {
    index = new Map();
    for (const check of checks) {
      const list = index.get(check.node);
      if (list) list.push(check);
      else index.set(check.node, [check]);
    }
    checksByNode.set(checks, index);
  }
  return index.get(codeNode);
}

function candidateContainers(codeNode: Node, sourceCode: Readonly<TSESLint.SourceCode>): Node[] {
  const node = outermostWrapper(codeNode);
  const { parent } = node;
  if (!parent) return [];
  switch (parent.type) {
    case AST_NODE_TYPES.BinaryExpression:
      return [parent];
    case AST_NODE_TYPES.SwitchCase:
      return parent.test === node ? [parent.parent] : [];
    case AST_NODE_TYPES.ArrayExpression: {
      const found: Node[] = [];
      collectionUses(parent, sourceCode, 0, found);
      return found;
    }
    case AST_NODE_TYPES.Property: {
      const object = parent.parent;
      if (parent.key !== node || object.type !== AST_NODE_TYPES.ObjectExpression) return [];
      if (!parent.computed && !(node.type === AST_NODE_TYPES.Identifier || node.type === AST_NODE_TYPES.Literal)) return [];
      const found: Node[] = [];
      collectionUses(object, sourceCode, 0, found);
      return found;
    }
    default:
      return [];
  }
}

/** The membership calls and lookups that may read the list or object `collection` (pushed to `found`). */
function collectionUses(collection: Node, sourceCode: Readonly<TSESLint.SourceCode>, depth: number, found: Node[]): void {
  const node = outermostWrapper(collection);
  const { parent } = node;
  if (!parent) return;
  switch (parent.type) {
    case AST_NODE_TYPES.ArrayExpression:
      collectionUses(parent, sourceCode, depth, found);
      return;
    case AST_NODE_TYPES.SpreadElement:
      if (parent.parent.type === AST_NODE_TYPES.ArrayExpression) collectionUses(parent.parent, sourceCode, depth, found);
      return;
    case AST_NODE_TYPES.NewExpression:
    case AST_NODE_TYPES.CallExpression:
      if (parent.arguments[0] === node && (isSetConstruction(parent) || isFreezeCall(parent))) {
        collectionUses(parent, sourceCode, depth, found);
      }
      return;
    case AST_NODE_TYPES.VariableDeclarator: {
      if (parent.init !== node || parent.id.type !== AST_NODE_TYPES.Identifier || depth >= MAX_INDIRECTION) return;
      if (parent.parent.kind !== 'const') return;
      for (const variable of sourceCode.getDeclaredVariables(parent)) {
        for (const reference of variable.references) {
          if (!reference.init && reference.isRead()) collectionUses(reference.identifier, sourceCode, depth + 1, found);
        }
      }
      return;
    }
    case AST_NODE_TYPES.MemberExpression: {
      if (parent.object !== node) return;
      if (parent.computed) found.push(parent);
      const call = outermostWrapper(parent).parent;
      if (call?.type === AST_NODE_TYPES.CallExpression && outermostWrapper(call.callee) === outermostWrapper(parent)) {
        found.push(call);
      }
      return;
    }
    default:
      return;
  }
}

// --- from a root down to its checks ----------------------------------------------------------------

/** Returns true to stop the walk. */
export type CheckVisitor = (check: CodeCheck) => boolean;
/** Returns true to stop the walk. */
export type CallVisitor = (call: TSESTree.CallExpression) => boolean;
/** Which codes a walk reports: all by default; a rule that asks about a few codes can say which. */
export type CodeFilter = (code: CodeRef) => boolean;
const keepAll: CodeFilter = () => true;

const SKIPPED_KEYS = new Set(['typeAnnotation', 'typeArguments', 'typeParameters', 'returnType']);
type VisitorKeys = TSESLint.SourceCode.VisitorKeys;
type ChildKeys = (type: string) => readonly string[];
const childKeysCache = new WeakMap<VisitorKeys, ChildKeys>();

/** The keys of a node type's children that may hold code checks (not types). */
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

/**
 * Every code check under `root`, and every call, not looking into nested functions or types. A
 * visitor that returns true stops the walk; so does this function's result.
 */
export function forEachCodeCheck(
  root: Node,
  ctx: CodeCheckContext,
  onCheck: CheckVisitor,
  onCall?: CallVisitor,
  filter: CodeFilter = keepAll,
): boolean {
  const childKeys = getChildKeys(ctx.sourceCode.visitorKeys);
  const stack: Node[] = [root];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node !== root && isFunctionNode(node)) continue;
    if (node.type === AST_NODE_TYPES.CallExpression && onCall?.(node)) return true;
    if (isContainerType(node.type)) {
      for (const check of ctx.checksOf(node)) if (filter(check.code) && onCheck(check)) return true;
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
 * The pre-filter: false when forEachCodeCheck(node, ctx, ..., isRelevant, filter) would find
 * nothing: no check with a code the filter keeps, and no call that `isRelevant` accepts. Cheap for
 * the conditions of most `if`s (`x`, `!a.b`, `x === undefined`, `isArray(x)`); any form it does not
 * know is a maybe. The fuzz test holds it to that.
 */
export function mayHoldCodeCheck(
  node: Node,
  ctx: CodeCheckContext,
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
      if (mayHoldCodeCheck(node.object, ctx, isRelevant, filter)) return true;
      if (!node.computed) return false;
      // A lookup by code (`HANDLERS[err.code]`) needs an error-code key: cheap to ask before the object.
      return (
        (ctx.isErrorCodeExpression(node.property) && holdsKeptCode(ctx.checksOf(node), filter)) ||
        mayHoldCodeCheck(node.property, ctx, isRelevant, filter)
      );
    case AST_NODE_TYPES.UnaryExpression:
      return mayHoldCodeCheck(node.argument, ctx, isRelevant, filter);
    case AST_NODE_TYPES.LogicalExpression:
      return mayHoldCodeCheck(node.left, ctx, isRelevant, filter) || mayHoldCodeCheck(node.right, ctx, isRelevant, filter);
    case AST_NODE_TYPES.BinaryExpression:
      return (
        (isEqualityComparison(node) && (isKeptCode(node.left, ctx, filter) || isKeptCode(node.right, ctx, filter))) ||
        mayHoldCodeCheck(node.left, ctx, isRelevant, filter) ||
        mayHoldCodeCheck(node.right, ctx, isRelevant, filter)
      );
    case AST_NODE_TYPES.CallExpression: {
      // A membership call is asked as the walk asks it (memoized, so a walk after a yes reads it again for free):
      // most (`seen.has(key)`) are over lists of no codes, and a yes here would walk the whole chain.
      if (isRelevant(node) || holdsKeptCode(ctx.checksOf(node), filter)) return true;
      if (mayHoldCodeCheck(node.callee, ctx, isRelevant, filter)) return true;
      for (const argument of node.arguments) if (mayHoldCodeCheck(argument, ctx, isRelevant, filter)) return true;
      return false;
    }
    case AST_NODE_TYPES.ChainExpression:
    case AST_NODE_TYPES.TSNonNullExpression:
    case AST_NODE_TYPES.TSAsExpression:
    case AST_NODE_TYPES.TSSatisfiesExpression:
    case AST_NODE_TYPES.TSTypeAssertion:
      return mayHoldCodeCheck(node.expression, ctx, isRelevant, filter);
    default:
      return true;
  }
}

function holdsKeptCode(checks: readonly CodeCheck[], filter: CodeFilter): boolean {
  for (const { code } of checks) if (filter(code)) return true;
  return false;
}

function isKeptCode(node: Node, ctx: CodeCheckContext, filter: CodeFilter): boolean {
  const code = getCodeRef(node, ctx);
  return code !== undefined && filter(code);
}

function isNode(value: unknown): value is Node {
  return typeof value === 'object' && value !== null && typeof (value as { type?: unknown }).type === 'string';
}

/**
 * A key equal for expressions that read the same value: `err.code`, `err?.code`, `err['code']`,
 * `Number(err.code)`, `err.code as number` and `+err!.code` all give "err.code".
 */
export function getSubjectKey(node: Node, sourceCode: Readonly<TSESLint.SourceCode>): string {
  const inner = skipConversions(node);
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
