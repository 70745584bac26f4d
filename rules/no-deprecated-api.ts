import { AST_NODE_TYPES, ASTUtils } from '@typescript-eslint/utils';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import type { DeprecatedEndpoint, DeprecatedMember } from '../codegen/spec.js';
import {
  compilePathPattern,
  findUrlHits,
  formatSince,
  getEndpointTable,
  matchPathAt,
  parseUrlHost,
} from './utils/endpoints.js';
import type { CompiledMember, EndpointHit, PathPattern } from './utils/endpoints.js';
import {
  createRule,
  DEFAULT_ERROR_CODE_NAMES,
  errorCodeNamesSchema,
  getCodeLiteralValue,
  getCodeUse,
  getKakaoFile,
  getStaticPropertyName,
  outermostWrapper,
  skipWrappers,
} from './utils/index.js';

type Node = TSESTree.Node;

export type Options = [
  {
    /**
     * Also report legacy endpoints and members (still served, but superseded).
     * @default true
     */
    reportLegacy?: boolean;
    /**
     * Endpoint path patterns (`/v1/api/talk/plusfriends`, `/v1/api/story/*`) or SDK member paths
     * (`Kakao.Auth.getStatus`) not to report.
     * @default []
     */
    ignore?: string[];
    /**
     * Extra names of functions or methods that send HTTP requests (`callKakao`, `send`): a bare
     * path passed to them is a request target.
     * @default []
     */
    httpClientNames?: string[];
    /**
     * Names an identifier or member chain must end in to count as an error-code expression.
     * @default DEFAULT_ERROR_CODE_NAMES
     */
    errorCodeNames?: string[];
  },
];

export type MessageIds =
  | 'deprecatedCodeHandled'
  | 'terminatedEndpoint'
  | 'legacyEndpoint'
  | 'deprecatedMember'
  | 'replaceEndpoint'
  | 'replaceMember';

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
/** `window.Kakao.Auth.getStatus` is `Kakao.Auth.getStatus`. */
const GLOBAL_OBJECTS = new Set(['window', 'globalThis', 'self', 'global']);
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

function nameWords(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/gu, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/gu, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/u)
    .filter((word) => word !== '');
}

/** The static name of an identifier, member, property or class field key. */
function nameOf(node: Node | null | undefined): string | undefined {
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

function propertyKeyName(property: TSESTree.Property | TSESTree.PropertyDefinition): string | undefined {
  if (property.computed && property.key.type !== AST_NODE_TYPES.Literal) return undefined;
  return nameOf(property.key);
}

/** `a.b.c` → ['a', 'b', 'c'] through `?.`, `!` and `['c']`; undefined when any part is not static. */
function memberNames(node: Node): string[] | undefined {
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

function namesEqual(chain: readonly string[], expected: readonly string[]): boolean {
  const offset = chain.length - expected.length;
  if (offset !== 0 && !(offset === 1 && GLOBAL_OBJECTS.has(chain[0]!))) return false;
  return expected.every((name, i) => chain[i + offset] === name);
}

/** The `since` and `replacement` phrases of a message: " on 2020-08-10" / " (superseded in 2023)", "use …". */
function describeDeprecation(entry: DeprecatedEndpoint | DeprecatedMember): { since: string; replacement: string } {
  const date = formatSince(entry.since);
  return {
    since: entry.status === 'terminated' || date === '' ? date : ` (superseded${date})`,
    replacement: entry.replacement ? `use ${entry.replacement}` : 'it has no replacement',
  };
}

/** A piece of static string text and where its first character sits in the source (when it is verbatim). */
interface Segment {
  readonly text: string;
  readonly sourceStart: number | undefined;
}

const ignoreCache = new WeakMap<readonly string[], { paths: PathPattern[]; members: Set<string> }>();

function compileIgnore(ignore: readonly string[]): { paths: PathPattern[]; members: Set<string> } {
  let compiled = ignoreCache.get(ignore);
  if (!compiled) {
    compiled = {
      paths: ignore.filter((entry) => entry.startsWith('/')).map(compilePathPattern),
      members: new Set(ignore.filter((entry) => !entry.startsWith('/'))),
    };
    ignoreCache.set(ignore, compiled);
  }
  return compiled;
}

export default createRule<Options, MessageIds>({
  name: 'no-deprecated-api',
  meta: {
    type: 'problem',
    docs: {
      description:
        'Disallow calls to deprecated Kakao endpoints and SDK members, and code that handles the deprecated-API error code',
      recommended: true,
    },
    hasSuggestions: true,
    schema: [
      {
        type: 'object',
        additionalProperties: false,
        properties: {
          reportLegacy: {
            type: 'boolean',
            description: 'Also report legacy endpoints and members (still served, but superseded).',
          },
          ignore: {
            type: 'array',
            items: { type: 'string', minLength: 1 },
            uniqueItems: true,
            description:
              'Endpoint path patterns ("/v1/api/story/*") or SDK member paths ("Kakao.Auth.getStatus") not to report.',
          },
          httpClientNames: {
            type: 'array',
            items: { type: 'string', minLength: 1 },
            uniqueItems: true,
            description: 'Extra function or method names that send HTTP requests.',
          },
          errorCodeNames: errorCodeNamesSchema,
        },
      },
    ],
    defaultOptions: [
      { reportLegacy: true, ignore: [], httpClientNames: [], errorCodeNames: [...DEFAULT_ERROR_CODE_NAMES] },
    ],
    messages: {
      deprecatedCodeHandled:
        '{{api}} error code {{code}} ({{member}}) means {{summary}}: migrate the call that produces it instead of handling the code.',
      terminatedEndpoint: 'The {{api}} API {{path}} was terminated{{since}}: {{replacement}}.',
      legacyEndpoint: 'The {{api}} API {{path}} is legacy{{since}}: {{replacement}}.',
      deprecatedMember: 'The {{api}} SDK member {{member}} {{status}}{{since}}: {{replacement}}.',
      replaceEndpoint: 'Replace {{path}} with {{replacement}} (check the response: the new API may answer differently).',
      replaceMember: 'Replace {{name}} with {{replacement}}.',
    },
  },
  create(
    context,
    [
      {
        reportLegacy = true,
        ignore = [],
        httpClientNames = [],
        errorCodeNames = DEFAULT_ERROR_CODE_NAMES,
      },
    ],
  ) {
    const file = getKakaoFile(context, errorCodeNames);
    if (!file) return {};
    const { index, fileEnum, sourceCode } = file;
    const api = index.apiName;
    const table = getEndpointTable(index.spec);
    const ignored = compileIgnore(ignore);
    const clientNames = new Set(httpClientNames);
    const apiWord = api.toLowerCase();
    const checkCodes = index.deprecated.length > 0;
    const checkEndpoints = table.endpoints.length > 0;

    const isReported = (status: 'terminated' | 'legacy') => status === 'terminated' || reportLegacy;

    // ---- the deprecated-API code (-9) ---------------------------------------------------------

    function checkCode(node: TSESTree.Literal | TSESTree.UnaryExpression | TSESTree.MemberExpression): void {
      const entry =
        node.type === AST_NODE_TYPES.MemberExpression
          ? fileEnum.memberEntry(node)
          : index.byCode.get(getCodeLiteralValue(node) ?? Number.NaN);
      if (!entry?.deprecated || getCodeUse(node, file!) === undefined) return;
      context.report({
        node,
        messageId: 'deprecatedCodeHandled',
        data: { api, code: String(entry.code), member: entry.name, summary: entry.summary },
      });
    }

    // ---- SDK members ---------------------------------------------------------------------------

    function reportMember(node: Node, member: CompiledMember, property: Node | undefined): void {
      const { entry, replacementName } = member;
      if (!isReported(entry.status) || ignored.members.has(entry.member)) return;
      const canSuggest =
        replacementName !== undefined && property?.type === AST_NODE_TYPES.Identifier && entry.replacement !== null;
      context.report({
        node,
        messageId: 'deprecatedMember',
        data: {
          api,
          member: entry.member,
          status: entry.status === 'terminated' ? 'was terminated' : 'is legacy',
          ...describeDeprecation(entry),
        },
        ...(canSuggest && {
          suggest: [
            {
              messageId: 'replaceMember',
              data: { name: member.names.at(-1)!, replacement: replacementName },
              fix: (fixer: TSESLint.RuleFixer) => fixer.replaceText(property, replacementName),
            },
          ],
        }),
      });
    }

    function checkMember(node: TSESTree.MemberExpression): void {
      const name = getStaticPropertyName(node);
      const candidates = name === undefined ? undefined : table.membersByLastName.get(name);
      if (!candidates) return;
      const chain = memberNames(node);
      if (!chain) return;
      const member = candidates.find((candidate) => namesEqual(chain, candidate.names));
      if (member) reportMember(node, member, node.computed ? undefined : node.property);
    }

    /** `const { getStatus } = Kakao.Auth`. */
    function checkDestructuring(node: TSESTree.VariableDeclarator): void {
      if (node.id.type !== AST_NODE_TYPES.ObjectPattern || !node.init) return;
      for (const property of node.id.properties) {
        if (property.type !== AST_NODE_TYPES.Property) continue;
        const name = propertyKeyName(property);
        const candidates = name === undefined ? undefined : table.membersByLastName.get(name);
        if (!candidates) continue;
        const chain = memberNames(node.init);
        if (!chain) return;
        const member = candidates.find((candidate) => namesEqual([...chain, name!], candidate.names));
        if (member) reportMember(property.key, member, undefined);
      }
    }

    // ---- endpoints -----------------------------------------------------------------------------

    function reportHit(node: Node, hit: EndpointHit, segment: Segment, offset: number): void {
      const { entry, replacementPath } = hit.endpoint;
      if (!isReported(entry.status)) return;
      if (ignored.paths.some((pattern) => pattern.pattern === hit.endpoint.pattern || pattern.test(hit.path))) return;
      const start = hit.start - offset;
      const range: [number, number] | undefined =
        replacementPath !== undefined && segment.sourceStart !== undefined && start >= 0
          ? [segment.sourceStart + start, segment.sourceStart + hit.replaceEnd - offset]
          : undefined;
      context.report({
        node,
        messageId: entry.status === 'terminated' ? 'terminatedEndpoint' : 'legacyEndpoint',
        data: { api, path: hit.path, ...describeDeprecation(entry) },
        ...(range && {
          suggest: [
            {
              messageId: 'replaceEndpoint',
              data: { path: entry.path, replacement: replacementPath! },
              fix: (fixer: TSESLint.RuleFixer) => fixer.replaceTextRange(range, replacementPath!),
            },
          ],
        }),
      });
    }

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
      const factory = nameOf(init.callee);
      if (factory !== 'create' && factory !== 'extend') return undefined;
      const options = init.arguments[0];
      return options?.type === AST_NODE_TYPES.ObjectExpression ? baseHostIn(options) : undefined;
    }

    /** `{ baseURL: 'https://...', url: path }`, `{ host: 'api.example.com', path }`. */
    function baseHostIn(object: TSESTree.ObjectExpression): string | undefined {
      for (const property of object.properties) {
        if (property.type !== AST_NODE_TYPES.Property) continue;
        const key = propertyKeyName(property);
        if (key === undefined || !BASE_KEYS.has(key)) continue;
        const value = staticString(property.value);
        if (value === undefined) continue;
        return key === 'host' || key === 'hostname' ? (parseUrlHost(`//${value}`) ?? undefined) : parseUrlHost(value);
      }
      return undefined;
    }

    function isTargetName(name: string | undefined): boolean {
      return name !== undefined && nameWords(name).some((word) => TARGET_NAME_WORDS.has(word) || word === apiWord);
    }

    function isHttpCall(call: TSESTree.CallExpression | TSESTree.NewExpression, argument: Node): boolean {
      const callee = skipWrappers(call.callee);
      const name = nameOf(callee);
      if (name === undefined) return false;
      if (call.type === AST_NODE_TYPES.NewExpression && REQUEST_CONSTRUCTORS.has(name)) return true;
      if (!clientNames.has(name)) {
        const lower = name.toLowerCase();
        const words = nameWords(name);
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
        const object = nameOf(callee.object);
        if (object !== undefined && ROUTER_NAMES.has(object)) return false;
      }
      return true;
    }

    /**
     * Whether `node` (a path string) is used as a request target, and against which host:
     * undefined = not a target, null = a target on an unknown host, a string = a target on that host.
     */
    function requestTarget(node: Node): string | null | undefined {
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
          if (parent.type === AST_NODE_TYPES.NewExpression && nameOf(parent.callee) === 'URL') {
            return hostOf(parent.arguments[1]) ?? null;
          }
          return clientBaseHost(parent.callee) ?? null;
        }
        case AST_NODE_TYPES.Property: {
          if (parent.value !== current || parent.parent.type !== AST_NODE_TYPES.ObjectExpression) return undefined;
          const object = parent.parent;
          if (isTargetName(propertyKeyName(parent))) {
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
          return parent.init === node && isTargetName(nameOf(parent.id));
        case AST_NODE_TYPES.AssignmentExpression:
          return parent.right === node && isTargetName(nameOf(parent.left));
        case AST_NODE_TYPES.AssignmentPattern:
          return parent.right === node && isTargetName(nameOf(parent.left));
        case AST_NODE_TYPES.PropertyDefinition:
          return parent.value === node && isTargetName(propertyKeyName(parent));
        case AST_NODE_TYPES.TSEnumMember:
          return (
            parent.initializer === node &&
            (isTargetName(nameOf(parent.id)) ||
              (parent.parent.type === AST_NODE_TYPES.TSEnumBody && isTargetName(parent.parent.parent.id.name)))
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
        if (isTargetName(propertyKeyName(parent))) return null;
        return namedContainer(parent.parent, depth + 1);
      }
      if (parent?.type === AST_NODE_TYPES.ArrayExpression) return namedContainer(parent, depth + 1);
      return isNamedTarget(outer) ? null : undefined;
    }

    /**
     * The hits of a path string that follows a base: `BASE + '/v1/user/me'`, `${BASE}/v1/user/me`.
     * A base that resolves to a URL decides the host; one that does not resolve is a host expression.
     */
    function hitsAfterBase(baseNode: Node, prefix: string, text: string): { hits: EndpointHit[]; offset: number } {
      const resolved = staticString(baseNode);
      if (resolved === undefined) {
        const hit = matchPathAt(table, text, 0);
        return { hits: hit ? [hit] : [], offset: 0 };
      }
      const base = prefix + resolved;
      if (parseUrlHost(base) === undefined) return { hits: [], offset: 0 };
      // Hits that lie entirely in the base are reported where the base is written.
      const baseStarts = new Set(findUrlHits(table, base).map((hit) => hit.start));
      const hits = findUrlHits(table, base + text).filter(
        (hit) => !baseStarts.has(hit.start) && hit.start + hit.path.length > base.length,
      );
      return { hits, offset: base.length };
    }

    /** Hits of a string (or a template's first text) that starts with a path, judged by where it is used. */
    function pathHits(node: Node, text: string): { hits: EndpointHit[]; offset: number } | undefined {
      if (text[0] !== '/' || text[1] === '/') return undefined;
      const outer = outermostWrapper(node);
      const { parent } = outer;
      if (parent?.type === AST_NODE_TYPES.BinaryExpression && parent.operator === '+' && parent.right === outer) {
        return hitsAfterBase(parent.left, '', text);
      }
      const host = requestTarget(node);
      if (host === undefined) return undefined;
      const hit = matchPathAt(table, text, 0, host ?? undefined);
      return { hits: hit ? [hit] : [], offset: 0 };
    }

    function checkSegment(node: Node, segment: Segment, hits: { hits: EndpointHit[]; offset: number } | undefined): void {
      if (hits) {
        for (const hit of hits.hits) reportHit(node, hit, segment, hits.offset);
        // A combined scan already covers the URLs in the text itself.
        if (hits.offset > 0) return;
      }
      for (const hit of findUrlHits(table, segment.text)) reportHit(node, hit, segment, 0);
    }

    function checkStringLiteral(node: TSESTree.StringLiteral): void {
      const text = node.value;
      const { parent } = node;
      const afterBase =
        text[0] === '/' &&
        table.mayEndPath(text) &&
        parent?.type === AST_NODE_TYPES.BinaryExpression &&
        parent.operator === '+' &&
        parent.right === node;
      // A path after a base is checked whole (`'https://kapi.kakao.com/v1' + '/user/me'`).
      if (!afterBase && !table.mayContainPath(text)) return;
      if (parent && NON_VALUE_PARENTS.has(parent.type)) return;
      if (parent?.type === AST_NODE_TYPES.TSEnumMember && parent.id === node) return;
      // JSX attribute strings can be URLs, but a bare path there is the app's own page.
      const isJsx = parent?.type === AST_NODE_TYPES.JSXAttribute;
      const verbatim = node.raw.length === text.length + 2 && node.raw.slice(1, -1) === text;
      const segment: Segment = { text, sourceStart: verbatim ? node.range[0] + 1 : undefined };
      checkSegment(node, segment, isJsx ? undefined : pathHits(node, text));
    }

    function quasiSegment(quasi: TSESTree.TemplateElement): Segment {
      const text = quasi.value.cooked ?? '';
      if (quasi.value.raw !== text) return { text, sourceStart: undefined };
      const source = sourceCode.text;
      const start = quasi.range[0] + 1;
      return { text, sourceStart: source.startsWith(text, start) ? start : undefined };
    }

    function checkTemplate(node: TSESTree.TemplateLiteral): void {
      const { quasis, expressions } = node;
      if (node.parent.type === AST_NODE_TYPES.TSLiteralType) return;
      quasis.forEach((quasi, i) => {
        const text = quasi.value.cooked ?? '';
        if (text === '') return;
        if (i === 0) {
          if (table.mayContainPath(text)) checkSegment(node, quasiSegment(quasi), pathHits(node, text));
          return;
        }
        // `${KAKAO_API}/v1/...` (a leading base) or `https://${host}/v1/...` (a host expression).
        const before = quasis[i - 1]!.value.cooked ?? '';
        const expression = expressions[i - 1]!;
        const isPath = text[0] === '/' && text[1] !== '/' && table.mayEndPath(text);
        const afterBase = isPath && i === 1 && before === '';
        const afterHost = isPath && before.endsWith('//');
        if (!afterBase && !afterHost && !table.mayContainPath(text)) return;
        let hits: { hits: EndpointHit[]; offset: number } | undefined;
        if (afterBase) hits = hitsAfterBase(expression, '', text);
        else if (afterHost) hits = hitsAfterBase(expression, i === 1 ? before : '//', text);
        checkSegment(node, quasiSegment(quasi), hits);
      });
    }

    return {
      Literal(node) {
        if (typeof node.value === 'string') {
          if (checkEndpoints) checkStringLiteral(node as TSESTree.StringLiteral);
        } else if (checkCodes && typeof node.value === 'number') {
          checkCode(node);
        }
      },
      UnaryExpression(node) {
        if (checkCodes) checkCode(node);
      },
      TemplateLiteral(node) {
        if (checkEndpoints) checkTemplate(node);
      },
      MemberExpression(node) {
        if (checkCodes) checkCode(node);
        checkMember(node);
      },
      VariableDeclarator(node) {
        if (table.members.length > 0) checkDestructuring(node);
      },
    };
  },
});
