import { AST_NODE_TYPES } from '@typescript-eslint/types';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { createMissingCodesFixer } from './fix/add-missing-codes.js';
import type { MissingCodesFixer } from './fix/add-missing-codes.js';
import { createDispatchFinder, mayBeInDispatch } from './handle-retryable-codes-utils/dispatches.js';
import type { Dispatch, DispatchFinder } from './handle-retryable-codes-utils/dispatches.js';
import { DEFAULT_COMMENT_PATTERN, getSetup } from './handle-retryable-codes-utils/setup.js';
import type { WantedCode } from './handle-retryable-codes-utils/setup.js';
import { codeNodeListener } from './utils/code-nodes.js';
import { createRule, errorCodeNamesSchema, getKakaoFile } from './utils/index.js';
import type { KakaoFile } from './utils/index.js';

export { DEFAULT_COMMENT_PATTERN };

export type Options = [
  {
    /**
     * Names an identifier or member chain must end in to count as an error-code expression.
     * Deprecated: set `settings.kakao.errorCodeNames`, which every rule reads; this option, when given, replaces it for this rule.
     */
    errorCodeNames?: string[];
    /**
     * The codes every dispatch must handle: numbers or enum member names.
     * @default the spec's codes marked `retryable`
     */
    retryableCodes?: (number | string)[];
    /**
     * More names of retry guards, in addition to `isRetryable` and the generated
     * `isRetryable<Enum>` and `retryable<Enum>s`.
     * @default []
     */
    guardNames?: string[];
    /**
     * Whether a `default` branch or final `else` counts as handling the retryable codes.
     * @default false
     */
    allowDefault?: boolean;
    /**
     * A regular expression (flags `iu`): a `default` branch or final `else` carrying a matching
     * comment counts as handling the retryable codes.
     * @default DEFAULT_COMMENT_PATTERN
     */
    defaultCommentPattern?: string;
    /**
     * How many distinct spec codes an if-chain or a run of `if`s must compare one subject with to be
     * a dispatch. Switches are dispatches with one.
     * @default 2
     */
    minimumCodes?: number;
  },
];

export type MessageIds = 'missingRetryableCodes' | 'missingRetryableCodesNoSuggestion' | 'addMissingCases';

export default createRule<Options, MessageIds>({
  name: 'handle-retryable-codes',
  meta: {
    type: 'problem',
    docs: {
      description:
        'Require switches and if-chains over Kakao error codes to handle the retryable (transient) codes',
      recommended: true,
    },
    hasSuggestions: true,
    schema: [
      {
        type: 'object',
        additionalProperties: false,
        properties: {
          errorCodeNames: errorCodeNamesSchema,
          retryableCodes: {
            type: 'array',
            items: { anyOf: [{ type: 'integer' }, { type: 'string', minLength: 1 }] },
            uniqueItems: true,
            description:
              "The codes every dispatch must handle, as numbers or enum member names. Defaults to the spec's codes marked retryable.",
          },
          guardNames: {
            type: 'array',
            items: { type: 'string', minLength: 1 },
            uniqueItems: true,
            description:
              'More names of retry guards (functions, or lists checked with includes/has), in addition to isRetryable and the generated isRetryable<Enum> and retryable<Enum>s.',
          },
          allowDefault: {
            type: 'boolean',
            description: 'Whether a default branch or final else counts as handling the retryable codes.',
          },
          defaultCommentPattern: {
            type: 'string',
            description:
              'A regular expression (case-insensitive): a default branch or final else with a matching comment counts as handling the retryable codes.',
          },
          minimumCodes: {
            type: 'integer',
            minimum: 1,
            description:
              'How many distinct spec codes an if-chain or a run of ifs must compare one subject with to count as a dispatch.',
          },
        },
      },
    ],
    defaultOptions: [
      {
        guardNames: [],
        allowDefault: false,
        defaultCommentPattern: DEFAULT_COMMENT_PATTERN,
        minimumCodes: 2,
      },
    ],
    messages: {
      missingRetryableCodes: 'Retryable {{api}} error codes not handled: {{missing}}.',
      missingRetryableCodesNoSuggestion:
        'Retryable {{api}} error codes not handled: {{missing}}. No suggestion: {{reason}}.',
      addMissingCases:
        'Add the missing retryable codes with a TODO to retry; until then they do what unknown codes do.',
    },
  },
  // Not `[options]`: array destructuring runs the iterator protocol, and this runs for every file,
  // mostly before V8 has optimised it.
  create(context, optionsList) {
    const options = optionsList[0];
    const file = getKakaoFile(context, options.errorCodeNames);
    if (!file) return {};
    const setup = getSetup(options, file);
    if (setup.wanted.length === 0) return {};
    // Every dispatch holds a spec code: found from its codes, not by asking every switch and `if`.
    // The finder and the fixer are made on first use: most files have no code in a check.
    let finder: DispatchFinder | undefined;
    let fixer: MissingCodesFixer | undefined;
    return codeNodeListener(file, CODE_KINDS, (node) => {
      if (!mayBeInDispatch(node, file)) return;
      finder ??= createDispatchFinder(file, setup, {
        allowDefault: options.allowDefault ?? false,
        minimumCodes: options.minimumCodes ?? 2,
      });
      for (const dispatch of finder.dispatchesOfCode(node)) {
        const missing = finder.missingCodes(dispatch);
        if (missing && missing.length > 0) reportDispatch(context, file, dispatch, missing, (fixer ??= createMissingCodesFixer(file)));
      }
    });
  },
});

function reportDispatch(
  context: Readonly<TSESLint.RuleContext<MessageIds, Options>>,
  file: KakaoFile,
  dispatch: Dispatch,
  missing: readonly WantedCode[],
  fixer: MissingCodesFixer,
): void {
  const { node } = dispatch;
  const loc = headLocation(context.sourceCode, node);
  const data = { api: file.index.apiName, missing: formatCodes(missing) };
  const plan = fixer.planSuggestion(dispatch);
  if (typeof plan === 'string') {
    context.report({ node, loc, messageId: 'missingRetryableCodesNoSuggestion', data: { ...data, reason: plan } });
    return;
  }
  context.report({
    node,
    loc,
    messageId: 'missingRetryableCodes',
    data,
    suggest: [{ messageId: 'addMissingCases', fix: (ruleFixer) => fixer.addMissingCodes(ruleFixer, dispatch, plan, missing) }],
  });
}

/** `switch (x)` / `if (x)`: the head, not the whole statement. */
function headLocation(sourceCode: Readonly<TSESLint.SourceCode>, node: TSESTree.SwitchStatement | TSESTree.IfStatement): TSESTree.SourceLocation {
  const bodyStart =
    node.type === AST_NODE_TYPES.SwitchStatement
      ? sourceCode.getTokenAfter(node.discriminant, (token) => token.value === '{')
      : sourceCode.getFirstToken(node.consequent);
  const closingParen = bodyStart ? sourceCode.getTokenBefore(bodyStart) : null;
  return { start: node.loc.start, end: closingParen?.loc.end ?? node.loc.end };
}

const CODE_KINDS = { strings: true, members: true };

function formatCodes(codes: readonly WantedCode[]): string {
  return codes.map(({ value, entry }) => (entry ? `${entry.name} (${String(value)})` : String(value))).join(', ');
}
