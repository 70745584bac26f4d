/**
 * Where a string is sent: whether a path string is a request target (an HTTP call's argument, a
 * `url` option, a constant named like an endpoint) and on which host, and so which deprecated
 * endpoints a string literal or template addresses. Heuristics by name and shape, no type information.
 */
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import * as ASTUtils from './eslint-utils.js';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { outermostWrapper, skipWrappers } from '../utils/ast.js';
import { findHitsAfterBase, findUrlHits, matchPathAt, parseUrlHost } from './endpoints.js';
import type { EndpointHit, EndpointTable, HitsAfterBase } from './endpoints.js';
import { getNameWords, getPropertyKeyName, getStaticName } from './member-chain.js';

type Node = TSESTree.Node;

/** Callee names (lower case) that send a request: `fetch(url)`, `axios.get(url)`, `Kakao.API.request(...)`. */
const HTTP_CALLEE_NAMES = new Set([
  'fetch',
  '$fetch',
  'ofetch',
  'usefetch',
  'uselazyfetch',
  'axios',
  'got',
  'ky',
  'request',
  'superagent',
  'needle',
  'wretch',
  'ajax',
  'getjson',
  'get',
  'post',
  'put',
  'patch',
  'delete',
  'del',
  'head',
  'options',
]);
/** Words (camelCase or snake_case parts) of a callee name that send a request: `callApi`, `kakaoRequest`. */
const HTTP_CALLEE_WORDS = new Set(['fetch', 'request', 'http', 'https', 'ajax', 'api', 'client', 'axios', 'xhr']);
/** `new URL(path, base)`, `new Request(path)`. */
const REQUEST_CONSTRUCTORS = new Set(['URL', 'Request']);
/** Words of a variable, property or parameter name that hold a request target. */
const TARGET_NAME_WORDS = new Set(['url', 'urls', 'uri', 'uris', 'path', 'paths', 'endpoint', 'endpoints', 'api', 'apis']);
/** Objects whose `.get(path, handler)` defines a route, not a request. */
const ROUTER_NAMES = new Set(['app', 'router', 'server', 'fastify', 'express', 'koa', 'hono', 'route', 'routes']);
/** Options naming the base a path is resolved against: `axios.create({ baseURL })`, `{ host, path }`. */
const BASE_KEYS = new Set(['baseURL', 'baseUrl', 'prefixUrl', 'prefixURL', 'host', 'hostname']);
/** Parents under which a string is a module specifier, a type or a key, never a request target. */
const NON_VALUE_PARENTS = new Set<string>([
  AST_NODE_TYPES.ImportDeclaration,
  AST_NODE_TYPES.ExportAllDeclaration,
  AST_NODE_TYPES.ExportNamedDeclaration,
  AST_NODE_TYPES.ImportExpression,
  AST_NODE_TYPES.ImportAttribute,
  AST_NODE_TYPES.TSLiteralType,
  AST_NODE_TYPES.TSExternalModuleReference,
  AST_NODE_TYPES.TSModuleDeclaration,
  AST_NODE_TYPES.TSPropertySignature,
]);

export interface RequestTargetOptions {
  readonly sourceCode: Readonly<TSESLint.SourceCode>;
  readonly table: EndpointTable;
  /** The API's name in lower case: a callee or variable name with this word is about the API (`callKakao`). */
  readonly apiWord: string;
  /** Extra names of functions or methods that send requests. */
  readonly httpClientNames: readonly string[];
}

/** A deprecated endpoint in a string, and the source range its `replacementPath` replaces (when written verbatim). */
export interface EndpointMatch {
  readonly hit: EndpointHit;
  readonly replaceRange: [number, number] | undefined;
}

export interface RequestTargetResolver {
  /**
   * Whether `node` (a path string) is used as a request target, and against which host:
   * undefined = not a target, null = a target on an unknown host, a string = a target on that host.
   */
  resolveRequestTarget(node: Node): string | null | undefined;
  /** The deprecated endpoints a string addresses: by URL anywhere, or as a path where it is a request target. */
  findEndpointsInString(node: TSESTree.StringLiteral): EndpointMatch[];
  findEndpointsInTemplate(node: TSESTree.TemplateLiteral): EndpointMatch[];
}

/** A piece of static string text and where its first character sits in the source (when it is verbatim). */
interface Segment {
  readonly text: string;
  readonly sourceStart: number | undefined;
}

export function createRequestTargetResolver({
  sourceCode,
  table,
  apiWord,
  httpClientNames,
}: RequestTargetOptions): RequestTargetResolver {
  const clientNames = new Set(httpClientNames);

  function staticString(node: Node): string | undefined {
    const result = ASTUtils.getStaticValue(node, sourceCode.getScope(node));
    return typeof result?.value === 'string' ? result.value : undefined;
  }

  /** The host that a resolved base string names (lower case), or undefined. */
  function hostOf(node: Node | undefined): string | undefined {
    if (!node) return undefined;
    const base = staticString(node);
    return base === undefined ? undefined : parseUrlHost(base);
  }

  /** `const api = axios.create({ baseURL: 'https://api.example.com' }); api.get(path)` → the base host. */
  function clientBaseHost(callee: Node): string | undefined {
    const member = skipWrappers(callee);
    if (member.type !== AST_NODE_TYPES.MemberExpression) return undefined;
    const object = skipWrappers(member.object);
    if (object.type !== AST_NODE_TYPES.Identifier) return undefined;
    const variable = ASTUtils.findVariable(sourceCode.getScope(object), object);
    const def = variable?.defs.length === 1 ? variable.defs[0] : undefined;
    if (def?.node.type !== AST_NODE_TYPES.VariableDeclarator || !def.node.init) return undefined;
    const init = skipWrappers(def.node.init);
    if (init.type !== AST_NODE_TYPES.CallExpression) return undefined;
    const factory = getStaticName(init.callee);
    if (factory !== 'create' && factory !== 'extend') return undefined;
    const options = init.arguments[0];
    return options?.type === AST_NODE_TYPES.ObjectExpression ? baseHostIn(options) : undefined;
  }

  /** `{ baseURL: 'https://...', url: path }`, `{ host: 'api.example.com', path }`. */
  function baseHostIn(object: TSESTree.ObjectExpression): string | undefined {
    for (const property of object.properties) {
      if (property.type !== AST_NODE_TYPES.Property) continue;
      const key = getPropertyKeyName(property);
      if (key === undefined || !BASE_KEYS.has(key)) continue;
      const value = staticString(property.value);
      if (value === undefined) continue;
      return key === 'host' || key === 'hostname' ? (parseUrlHost(`//${value}`) ?? undefined) : parseUrlHost(value);
    }
    return undefined;
  }

  function isTargetName(name: string | undefined): boolean {
    return name !== undefined && getNameWords(name).some((word) => TARGET_NAME_WORDS.has(word) || word === apiWord);
  }

  function isHttpCall(call: TSESTree.CallExpression | TSESTree.NewExpression, argument: Node): boolean {
    const callee = skipWrappers(call.callee);
    const name = getStaticName(callee);
    if (name === undefined) return false;
    if (call.type === AST_NODE_TYPES.NewExpression && REQUEST_CONSTRUCTORS.has(name)) return true;
    if (!clientNames.has(name)) {
      const lower = name.toLowerCase();
      const words = getNameWords(name);
      if (!HTTP_CALLEE_NAMES.has(lower) && !words.some((word) => HTTP_CALLEE_WORDS.has(word) || word === apiWord)) {
        return false;
      }
    }
    // `app.get('/path', handler)`, `http.get('/path', resolver)`: a route or a mock, not a request.
    const position = call.arguments.indexOf(argument as TSESTree.CallExpressionArgument);
    const handlerFollows = call.arguments
      .slice(position + 1)
      .some(
        (other) =>
          other.type === AST_NODE_TYPES.ArrowFunctionExpression || other.type === AST_NODE_TYPES.FunctionExpression,
      );
    if (handlerFollows) return false;
    if (callee.type === AST_NODE_TYPES.MemberExpression) {
      const object = getStaticName(callee.object);
      if (object !== undefined && ROUTER_NAMES.has(object)) return false;
    }
    return true;
  }

  function resolveRequestTarget(node: Node): string | null | undefined {
    let current = outermostWrapper(node);
    while (
      current.parent &&
      ((current.parent.type === AST_NODE_TYPES.ConditionalExpression && current.parent.test !== current) ||
        current.parent.type === AST_NODE_TYPES.LogicalExpression)
    ) {
      current = outermostWrapper(current.parent);
    }
    const { parent } = current;
    if (!parent) return undefined;
    switch (parent.type) {
      case AST_NODE_TYPES.CallExpression:
      case AST_NODE_TYPES.NewExpression: {
        if (parent.callee === current || !isHttpCall(parent, current)) return undefined;
        if (parent.type === AST_NODE_TYPES.NewExpression && getStaticName(parent.callee) === 'URL') {
          return hostOf(parent.arguments[1]) ?? null;
        }
        return clientBaseHost(parent.callee) ?? null;
      }
      case AST_NODE_TYPES.Property: {
        if (parent.value !== current || parent.parent.type !== AST_NODE_TYPES.ObjectExpression) return undefined;
        const object = parent.parent;
        if (isTargetName(getPropertyKeyName(parent))) {
          const own = baseHostIn(object);
          if (own !== undefined) return own;
          const call = outermostWrapper(object).parent;
          return call?.type === AST_NODE_TYPES.CallExpression ? (clientBaseHost(call.callee) ?? null) : null;
        }
        return namedContainer(object, 0);
      }
      case AST_NODE_TYPES.ArrayExpression:
        return namedContainer(parent, 0);
      default:
        return isNamedTarget(current) ? null : undefined;
    }
  }

  /** `const url = node`, `options.path = node`, `endpoint = node` (parameter default), class fields. */
  function isNamedTarget(node: Node): boolean {
    const { parent } = node;
    switch (parent?.type) {
      case AST_NODE_TYPES.VariableDeclarator:
        return parent.init === node && isTargetName(getStaticName(parent.id));
      case AST_NODE_TYPES.AssignmentExpression:
        return parent.right === node && isTargetName(getStaticName(parent.left));
      case AST_NODE_TYPES.AssignmentPattern:
        return parent.right === node && isTargetName(getStaticName(parent.left));
      case AST_NODE_TYPES.PropertyDefinition:
        return parent.value === node && isTargetName(getPropertyKeyName(parent));
      case AST_NODE_TYPES.TSEnumMember:
        return (
          parent.initializer === node &&
          (isTargetName(getStaticName(parent.id)) ||
            isTargetName(parent.parent.parent.id.name))
        );
      default:
        return false;
    }
  }

  /** A path inside an object or array literal that is named as endpoints: `const ENDPOINTS = { me: '...' }`. */
  function namedContainer(container: Node, depth: number): null | undefined {
    if (depth > 3) return undefined;
    const outer = outermostWrapper(container);
    const { parent } = outer;
    if (parent?.type === AST_NODE_TYPES.Property && parent.value === outer) {
      if (isTargetName(getPropertyKeyName(parent))) return null;
      return namedContainer(parent.parent, depth + 1);
    }
    if (parent?.type === AST_NODE_TYPES.ArrayExpression) return namedContainer(parent, depth + 1);
    return isNamedTarget(outer) ? null : undefined;
  }

  /** `BASE + '/v1/user/me'`, `${BASE}/v1/user/me`: a base that does not resolve is a host expression. */
  function hitsAfterBase(baseNode: Node, prefix: string, text: string): HitsAfterBase {
    const resolved = staticString(baseNode);
    return findHitsAfterBase(table, resolved === undefined ? undefined : prefix + resolved, text);
  }

  /** Hits of a string (or a template's first text) that starts with a path, judged by where it is used. */
  function pathHits(node: Node, text: string): HitsAfterBase | undefined {
    if (text[0] !== '/' || text[1] === '/') return undefined;
    const outer = outermostWrapper(node);
    const { parent } = outer;
    if (parent?.type === AST_NODE_TYPES.BinaryExpression && parent.operator === '+' && parent.right === outer) {
      return hitsAfterBase(parent.left, '', text);
    }
    const host = resolveRequestTarget(node);
    if (host === undefined) return undefined;
    const hit = matchPathAt(table, text, 0, host ?? undefined);
    return { hits: hit ? [hit] : [], offset: 0 };
  }

  function segmentMatches(segment: Segment, pathMatches: HitsAfterBase | undefined): EndpointMatch[] {
    const locate = (hit: EndpointHit, offset: number): EndpointMatch => {
      const start = hit.start - offset;
      const replaceRange: [number, number] | undefined =
        hit.endpoint.replacementPath !== undefined && segment.sourceStart !== undefined && start >= 0
          ? [segment.sourceStart + start, segment.sourceStart + hit.replaceEnd - offset]
          : undefined;
      return { hit, replaceRange };
    };
    const matches = pathMatches?.hits.map((hit) => locate(hit, pathMatches.offset)) ?? [];
    // A combined scan already covers the URLs in the text itself.
    if (pathMatches && pathMatches.offset > 0) return matches;
    for (const hit of findUrlHits(table, segment.text)) matches.push(locate(hit, 0));
    return matches;
  }

  function findEndpointsInString(node: TSESTree.StringLiteral): EndpointMatch[] {
    const text = node.value;
    const { parent } = node;
    const afterBase =
      text[0] === '/' &&
      table.mayEndPath(text) &&
      parent.type === AST_NODE_TYPES.BinaryExpression &&
      parent.operator === '+' &&
      parent.right === node;
    // A path after a base is checked whole (`'https://kapi.kakao.com/v1' + '/user/me'`).
    if (!afterBase && !table.mayContainPath(text)) return [];
    if (NON_VALUE_PARENTS.has(parent.type)) return [];
    if (parent.type === AST_NODE_TYPES.TSEnumMember && parent.id === node) return [];
    // JSX attribute strings can be URLs, but a bare path there is the app's own page.
    const isJsx = parent.type === AST_NODE_TYPES.JSXAttribute;
    const verbatim = node.raw.length === text.length + 2 && node.raw.slice(1, -1) === text;
    const segment: Segment = { text, sourceStart: verbatim ? node.range[0] + 1 : undefined };
    return segmentMatches(segment, isJsx ? undefined : pathHits(node, text));
  }

  function quasiSegment(quasi: TSESTree.TemplateElement): Segment {
    const text = quasi.value.cooked ?? '';
    if (quasi.value.raw !== text) return { text, sourceStart: undefined };
    const start = quasi.range[0] + 1;
    return { text, sourceStart: sourceCode.text.startsWith(text, start) ? start : undefined };
  }

  function findEndpointsInTemplate(node: TSESTree.TemplateLiteral): EndpointMatch[] {
    const { quasis, expressions } = node;
    if (node.parent.type === AST_NODE_TYPES.TSLiteralType) return [];
    return quasis.flatMap((quasi, i) => {
      const text = quasi.value.cooked ?? '';
      if (text === '') return [];
      if (i === 0) {
        return table.mayContainPath(text) ? segmentMatches(quasiSegment(quasi), pathHits(node, text)) : [];
      }
      // `${KAKAO_API}/v1/...` (a leading base) or `https://${host}/v1/...` (a host expression).
      const before = quasis[i - 1]!.value.cooked ?? '';
      const expression = expressions[i - 1]!;
      const isPath = text[0] === '/' && text[1] !== '/' && table.mayEndPath(text);
      const afterBase = isPath && i === 1 && before === '';
      const afterHost = isPath && before.endsWith('//');
      if (!afterBase && !afterHost && !table.mayContainPath(text)) return [];
      let hits: HitsAfterBase | undefined;
      if (afterBase) hits = hitsAfterBase(expression, '', text);
      else if (afterHost) hits = hitsAfterBase(expression, i === 1 ? before : '//', text);
      return segmentMatches(quasiSegment(quasi), hits);
    });
  }

  return { resolveRequestTarget, findEndpointsInString, findEndpointsInTemplate };
}
