import { AST_NODE_TYPES } from '@typescript-eslint/types';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import type { DeprecatedEndpoint, DeprecatedMember } from '../core/spec.js';
import { compileIgnoreList, formatSince, getEndpointTable, getSourceScan } from './no-deprecated-api-utils/endpoints.js';
import type { CompiledMember, EndpointTable, SourceMentions } from './no-deprecated-api-utils/endpoints.js';
import { findChainEntry, findDestructuredChainEntries, isOwnDeclarationChain } from './no-deprecated-api-utils/member-chain.js';
import { createRequestTargetResolver } from './no-deprecated-api-utils/request-target.js';
import type { EndpointMatch } from './no-deprecated-api-utils/request-target.js';
import {
  composeVisitors,
  createRule,
  errorCodeNamesSchema,
  getCodeLiteralValue,
  findCodeCheck,
  getKakaoFile,
  getStaticPropertyName,
} from './utils/index.js';
import { codeNodeListener } from './utils/code-nodes.js';
import type { CodeNode, CodeNodeKinds } from './utils/code-nodes.js';
import { memoizeByIdentity } from './utils/memo.js';
import type { KakaoFile, SpecIndex } from './utils/index.js';

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
     * Deprecated: set `settings.kakao.errorCodeNames`, which every rule reads; this option, when given, replaces it for this rule.
     */
    errorCodeNames?: string[];
  },
];

export type MessageIds =
  | 'deprecatedCodeHandled'
  | 'terminatedEndpoint'
  | 'legacyEndpoint'
  | 'deprecatedMember'
  | 'deprecatedMemberNoSuggestion'
  | 'replaceEndpoint'
  | 'replaceMember'
  | 'replaceMemberWithoutArguments'
  | 'migrateCallbackToPromise';

/** The `since` and `replacement` phrases of a message: " on 2020-08-10" / " (superseded in 2023)", "use …". */
function describeDeprecation(entry: DeprecatedEndpoint | DeprecatedMember): { since: string; replacement: string } {
  const date = formatSince(entry.since);
  return {
    since: entry.status === 'terminated' || date === '' ? date : ` (superseded${date})`,
    replacement: entry.replacement ? `use ${entry.replacement}` : 'it has no replacement',
  };
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
      { reportLegacy: true, ignore: [], httpClientNames: [] },
    ],
    messages: {
      deprecatedCodeHandled:
        '{{api}} error code {{code}} ({{member}}) means {{summary}}: migrate the call that produces it instead of handling the code.',
      terminatedEndpoint: 'The {{api}} API {{path}} was terminated{{since}}: {{replacement}}.',
      legacyEndpoint: 'The {{api}} API {{path}} is legacy{{since}}: {{replacement}}.',
      deprecatedMember: 'The {{api}} SDK member {{member}} {{status}}{{since}}: {{replacement}}.',
      deprecatedMemberNoSuggestion:
        'The {{api}} SDK member {{member}} {{status}}{{since}}: {{replacement}}. No suggestion: {{reason}}.',
      replaceEndpoint: 'Replace {{path}} with {{replacement}} (check the response: the new API may answer differently).',
      replaceMember: 'Replace {{name}} with {{replacement}}.',
      replaceMemberWithoutArguments:
        'Replace {{name}}() with {{replacement}}(): it returns a Promise of what {{name}} passed to its callback.',
      migrateCallbackToPromise:
        'Replace {{name}}(callback) with {{replacement}}().then(callback): it takes no callback and returns a Promise of what the callback received (a failure now rejects it).',
    },
  },
  // Not `[options]`: array destructuring runs the iterator protocol (see handle-retryable-codes).
  create(context, optionsList) {
    const options = optionsList[0];
    const file = getKakaoFile(context, options.errorCodeNames);
    if (!file) return {};
    const { index } = file;
    // What the file cannot mention is never listened for: most files get the unary minus alone,
    // and then nothing else is made for them, not even the endpoint table.
    const mentions = file.mayMention() ? getSourceScan(index.spec)(file.sourceCode.text) : NO_MENTIONS;
    const codes = index.deprecated.length > 0 ? deprecatedCodeListener(context, file) : undefined;
    if (!mentions.endpoints && !mentions.members) return codes ?? {};
    const reporter = createReporter(context, file, getEndpointTable(index.spec), options);
    return composeVisitors(
      codes,
      mentions.endpoints ? reporter.endpointListener() : undefined,
      mentions.members ? reporter.memberListener() : undefined,
    );
  },
});

type Context = Readonly<TSESLint.RuleContext<MessageIds, Options>>;

const NO_MENTIONS: SourceMentions = { endpoints: false, members: false };

// ---- the deprecated-API code (-9) -----------------------------------------------------------------

function deprecatedCodeListener(context: Context, file: KakaoFile): TSESLint.RuleListener {
  return codeNodeListener(file, deprecatedCodeKinds(file.index), (node) => checkCode(context, file, node));
}

const deprecatedCodeKinds = memoizeByIdentity((index: SpecIndex): CodeNodeKinds => ({ codes: index.deprecated, strings: false, members: true }));

function checkCode(context: Context, file: KakaoFile, node: CodeNode): void {
  const { index } = file;
  const entry =
    node.type === AST_NODE_TYPES.MemberExpression
      ? file.fileEnum.memberEntry(node)
      : index.byCode.get(getCodeLiteralValue(node) ?? Number.NaN);
  if (!entry?.deprecated || !findCodeCheck(node, file)) return;
  context.report({
    node,
    messageId: 'deprecatedCodeHandled',
    data: { api: index.apiName, code: String(entry.code), member: entry.name, summary: entry.summary },
  });
}

/** Endpoints and SDK members, for the few files whose text can mention one. */
function createReporter(context: Context, file: KakaoFile, table: EndpointTable, options: Options[0]) {
  const { reportLegacy = true, ignore = [], httpClientNames = [] } = options;
  const { sourceCode } = file;
  const api = file.index.apiName;
  const ignored = compileIgnoreList(ignore);
  const isReported = (status: 'terminated' | 'legacy') => status === 'terminated' || reportLegacy;

  // ---- SDK members -------------------------------------------------------------------------------

  function reportMember(node: Node, member: CompiledMember, property: Node | undefined): void {
    const { entry, replacementName } = member;
    if (!isReported(entry.status) || ignored.ignoresMember(entry.member)) return;
    const data = {
      api,
      member: entry.member,
      status: entry.status === 'terminated' ? 'was terminated' : 'is legacy',
      ...describeDeprecation(entry),
    };
    const canRename =
      replacementName !== undefined && property?.type === AST_NODE_TYPES.Identifier && entry.replacement !== null;
    if (entry.replacementCall === 'rewrite' && entry.replacement !== null) {
      const reason = `${entry.replacement} works differently, so the code is rewritten by hand`;
      context.report({ node, messageId: 'deprecatedMemberNoSuggestion', data: { ...data, reason } });
      return;
    }
    if (!canRename) {
      context.report({ node, messageId: 'deprecatedMember', data });
      return;
    }
    const names = { name: member.names.at(-1)!, replacement: replacementName };
    const suggestion = suggestMember(node, property, member, names);
    if (typeof suggestion === 'string') {
      context.report({ node, messageId: 'deprecatedMemberNoSuggestion', data: { ...data, reason: suggestion } });
      return;
    }
    context.report({ node, messageId: 'deprecatedMember', data, suggest: [suggestion] });
  }

  /**
   * The rename, where the call keeps its shape; a call whose shape changed migrated (`old(cb)` →
   * `new().then(cb)`), or renamed when it passes nothing. A string says why there is no suggestion.
   */
  function suggestMember(
    node: Node,
    property: TSESTree.Identifier,
    member: CompiledMember,
    names: { name: string; replacement: string },
  ): TSESLint.SuggestionReportDescriptor<MessageIds> | string {
    const rename = (fixer: TSESLint.RuleFixer) => fixer.replaceText(property, names.replacement);
    if (member.entry.replacementCall !== 'callbackToPromise') {
      return { messageId: 'replaceMember', data: names, fix: rename };
    }
    const call = node.parent;
    if (call?.type !== AST_NODE_TYPES.CallExpression || call.callee !== node) {
      return `${names.replacement} takes no callback and returns a Promise: only calls of ${names.name} are migrated`;
    }
    if (call.arguments.length === 0) {
      return { messageId: 'replaceMemberWithoutArguments', data: names, fix: rename };
    }
    const [callback] = call.arguments;
    if (call.arguments.length > 1 || callback!.type === AST_NODE_TYPES.SpreadElement) {
      return `${names.replacement}() takes no arguments: pass ${names.name} one callback to have it migrated`;
    }
    // The call's value changes from undefined to a Promise: only where nothing reads it.
    const outer = call.parent.type === AST_NODE_TYPES.ChainExpression ? call.parent : call;
    if (outer.parent.type !== AST_NODE_TYPES.ExpressionStatement) {
      return `${names.replacement}() returns a Promise where ${names.name} returned nothing, and this call's value is used`;
    }
    const openingParen = sourceCode.getTokenAfter(call.typeArguments ?? node, (token) => token.value === '(')!;
    const closingParen = sourceCode.getLastToken(call)!;
    return {
      messageId: 'migrateCallbackToPromise',
      data: names,
      fix: (fixer) => [
        rename(fixer),
        fixer.replaceTextRange(
          [openingParen.range[0], closingParen.range[1]],
          // The text between the parentheses, comments and all.
          `().then(${sourceCode.text.slice(openingParen.range[1], closingParen.range[0])})`,
        ),
      ],
    };
  }

  /** `Kakao.Auth.getStatus`: the property name decides first. */
  function checkMemberExpression(node: TSESTree.MemberExpression): void {
    const name = getStaticPropertyName(node);
    if (name === undefined || !table.membersByLastName.has(name)) return;
    const member = findChainEntry(node, table.membersByLastName);
    if (member && !isOwnDeclarationChain(node, sourceCode)) reportMember(node, member, node.computed ? undefined : node.property);
  }

  function checkDestructuring(node: TSESTree.VariableDeclarator): void {
    for (const { key, entry } of findDestructuredChainEntries(node, table.membersByLastName)) {
      reportMember(key, entry, undefined);
    }
  }

  // ---- endpoints ---------------------------------------------------------------------------------

  function reportEndpoint(node: Node, { hit, replaceRange }: EndpointMatch): void {
    const { entry, replacementPath } = hit.endpoint;
    if (!isReported(entry.status) || ignored.ignoresHit(hit)) return;
    context.report({
      node,
      messageId: entry.status === 'terminated' ? 'terminatedEndpoint' : 'legacyEndpoint',
      data: { api, path: hit.path, ...describeDeprecation(entry) },
      ...(replaceRange && {
        suggest: [
          {
            messageId: 'replaceEndpoint',
            data: { path: entry.path, replacement: replacementPath! },
            fix: (fixer: TSESLint.RuleFixer) => fixer.replaceTextRange(replaceRange, replacementPath!),
          },
        ],
      }),
    });
  }

  return {
    /** Strings and templates (a code's `Literal` listener, composed with this one, takes the numbers). */
    endpointListener(): TSESLint.RuleListener {
      const targets = createRequestTargetResolver({ sourceCode, table, apiWord: api.toLowerCase(), httpClientNames });
      return {
        Literal(node) {
          if (typeof node.value !== 'string') return;
          for (const match of targets.findEndpointsInString(node)) reportEndpoint(node, match);
        },
        TemplateLiteral(node) {
          for (const match of targets.findEndpointsInTemplate(node)) reportEndpoint(node, match);
        },
      };
    },
    memberListener(): TSESLint.RuleListener {
      return { MemberExpression: checkMemberExpression, VariableDeclarator: checkDestructuring };
    },
  };
}
