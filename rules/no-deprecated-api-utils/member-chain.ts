/**
 * Static names in the AST: what an identifier, member or key is called, which dotted chain a member
 * expression spells (`window.Kakao.Auth['getStatus']` → Kakao.Auth.getStatus), and the words of a name.
 */
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import * as ASTUtils from './eslint-utils.js';
import { getStaticPropertyName, skipWrappers } from '../utils/ast.js';

type Node = TSESTree.Node;

/** Globals that may lead a chain without changing it: `window.Kakao.Auth` is `Kakao.Auth`. */
const GLOBAL_OBJECTS = new Set(['window', 'globalThis', 'self', 'global']);

/** The lower-case words of a camelCase, PascalCase or snake_case name: `getAPIUrl` → ['get', 'api', 'url']. */
export function getNameWords(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/gu, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/gu, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/u)
    .filter((word) => word !== '');
}

/** The static name of an identifier, member (its property), property or class field key, or string literal. */
export function getStaticName(node: Node | null | undefined): string | undefined {
  if (!node) return undefined;
  const inner = skipWrappers(node);
  switch (inner.type) {
    case AST_NODE_TYPES.Identifier:
    case AST_NODE_TYPES.PrivateIdentifier:
      return inner.name;
    case AST_NODE_TYPES.MemberExpression:
      return getStaticPropertyName(inner);
    case AST_NODE_TYPES.Literal:
      return typeof inner.value === 'string' ? inner.value : undefined;
    default:
      return undefined;
  }
}

/** The static key of a property or class field: `url`, `'url'`, `['url']`; undefined for a computed expression. */
export function getPropertyKeyName(property: TSESTree.Property | TSESTree.PropertyDefinition): string | undefined {
  if (property.computed && property.key.type !== AST_NODE_TYPES.Literal) return undefined;
  return getStaticName(property.key);
}

/** `a.b.c` → ['a', 'b', 'c'] through `?.`, `!` and `['c']`; undefined when any part is not static. */
export function getMemberChain(node: Node): string[] | undefined {
  const names: string[] = [];
  let current = skipWrappers(node);
  while (current.type === AST_NODE_TYPES.MemberExpression) {
    const name = getStaticPropertyName(current);
    if (name === undefined) return undefined;
    names.unshift(name);
    current = skipWrappers(current.object);
  }
  if (current.type !== AST_NODE_TYPES.Identifier) return undefined;
  names.unshift(current.name);
  return names;
}

/** Whether `chain` is `expected`, or `expected` behind a global object (`window`, `globalThis`...). */
export function memberChainEquals(chain: readonly string[], expected: readonly string[]): boolean {
  const offset = chain.length - expected.length;
  if (offset !== 0 && !(offset === 1 && GLOBAL_OBJECTS.has(chain[0]!))) return false;
  return expected.every((name, i) => chain[i + offset] === name);
}

/** Something known by a dotted name: `{ names: ['Kakao', 'Auth', 'getStatus'] }`. */
export interface NamedChain {
  readonly names: readonly string[];
}

/** The entry that a member expression spells, with the entries looked up by their last name. */
export function findChainEntry<T extends NamedChain>(
  node: TSESTree.MemberExpression,
  entriesByLastName: ReadonlyMap<string, readonly T[]>,
): T | undefined {
  const name = getStaticPropertyName(node);
  const candidates = name === undefined ? undefined : entriesByLastName.get(name);
  if (!candidates) return undefined;
  const chain = getMemberChain(node);
  return chain && candidates.find((candidate) => memberChainEquals(chain, candidate.names));
}

/** The entries that a destructuring takes out of a chain: `const { getStatus } = Kakao.Auth`. */
export function findDestructuredChainEntries<T extends NamedChain>(
  declarator: TSESTree.VariableDeclarator,
  entriesByLastName: ReadonlyMap<string, readonly T[]>,
): { key: TSESTree.PropertyName; entry: T }[] {
  const found: { key: TSESTree.PropertyName; entry: T }[] = [];
  if (declarator.id.type !== AST_NODE_TYPES.ObjectPattern || !declarator.init) return found;
  for (const property of declarator.id.properties) {
    if (property.type !== AST_NODE_TYPES.Property) continue;
    const name = getPropertyKeyName(property);
    const candidates = name === undefined ? undefined : entriesByLastName.get(name);
    if (!candidates) continue;
    const chain = getMemberChain(declarator.init);
    if (!chain) return found;
    const entry = candidates.find((candidate) => memberChainEquals([...chain, name!], candidate.names));
    if (entry) found.push({ key: property.key, entry });
  }
  return found;
}

/** Declarations that make a name something of the file's own, not an SDK reached through it. */
const OWN_DEFINITIONS = new Set<string>(['ClassName', 'TSEnumName', 'TSModuleName']);

/**
 * Whether the chain's first name is the file's own class, enum or namespace (`class Kakao { static
 * Link = ... }`): then `Kakao.Link` is not the SDK's. Any other binding (an import, `const Kakao =
 * window.Kakao`, a parameter) may hold the SDK, and a global or `window.Kakao` is it. An ambient
 * declaration (`declare namespace Kakao { ... }`, inside `declare global`) describes the SDK's
 * global, so it is not the file's own.
 */
export function isOwnDeclarationChain(node: TSESTree.MemberExpression, sourceCode: Readonly<TSESLint.SourceCode>): boolean {
  let current = skipWrappers(node);
  while (current.type === AST_NODE_TYPES.MemberExpression) current = skipWrappers(current.object);
  if (current.type !== AST_NODE_TYPES.Identifier) return false;
  const variable = ASTUtils.findVariable(sourceCode.getScope(current), current);
  return (
    variable?.defs.some((definition) => OWN_DEFINITIONS.has(definition.type) && !isAmbient(definition.node)) ?? false
  );
}

function isAmbient(node: Node): boolean {
  for (let current: Node | undefined = node; current; current = current.parent) {
    if ('declare' in current && current.declare) return true;
  }
  return false;
}
