import { AST_NODE_TYPES } from '@typescript-eslint/types';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import {
  createRule,
  errorCodeNamesSchema,
  codeLiteralListener,
  getCodeLiteralValue,
  findCodeCheck,
  getKakaoFile,
} from './utils/index.js';
import type { CodeLiteral } from './utils/index.js';
import { isComparedWithLiteralType } from './no-magic-error-code-utils/literal-type.js';

export type Options = [
  {
    /**
     * Names an identifier or member chain must end in to count as an error-code expression.
     * Deprecated: set `settings.kakao.errorCodeNames`, which every rule reads; this option, when given, replaces it for this rule.
     */
    errorCodeNames?: string[];
  },
];

export type MessageIds =
  | 'magicCode'
  | 'magicCodeNoEnumModule'
  | 'magicCodeShadowed'
  | 'magicCodeNameTaken'
  | 'magicCodeNotFixed'
  | 'magicCodeLiteralType'
  | 'useEnumMember';

export default createRule<Options, MessageIds>({
  name: 'no-magic-error-code',
  meta: {
    type: 'suggestion',
    docs: {
      description: 'Disallow magic Kakao error-code numbers; use the generated enum',
      recommended: true,
    },
    fixable: 'code',
    hasSuggestions: true,
    schema: [
      {
        type: 'object',
        additionalProperties: false,
        properties: { errorCodeNames: errorCodeNamesSchema },
      },
    ],
    defaultOptions: [{}],
    messages: {
      magicCode: 'Magic {{api}} error code {{code}}: use {{replacement}} ({{summary}}).',
      magicCodeNoEnumModule:
        'Magic {{api}} error code {{code}}: use {{enumName}}.{{member}} ({{summary}}). To auto-fix, import {{enumName}} or set settings.kakao.enumModule to the module that exports it.',
      magicCodeShadowed:
        'Magic {{api}} error code {{code}}: use {{enumName}}.{{member}} ({{summary}}). Not auto-fixed: "{{name}}" is shadowed here.',
      magicCodeNameTaken:
        'Magic {{api}} error code {{code}}: use {{enumName}}.{{member}} ({{summary}}). Not auto-fixed: this file already declares another "{{name}}".',
      magicCodeNotFixed: 'Magic {{api}} error code {{code}}: use {{enumName}}.{{member}} ({{summary}}). Not auto-fixed: {{reason}}.',
      magicCodeLiteralType:
        'Magic {{api}} error code {{code}}: use {{replacement}} ({{summary}}). Not auto-fixed: the code is compared with a literal type, whose narrowing (e.g. an exhaustive switch) the enum member would lose.',
      useEnumMember: 'Replace {{code}} with {{replacement}}.',
    },
  },
  create(context, [{ errorCodeNames }]) {
    const file = getKakaoFile(context, errorCodeNames);
    if (!file?.mayCheckCodes) return {};
    const { index, fileEnum, settings } = file;

    function check(node: CodeLiteral): void {
      const value = getCodeLiteralValue(node);
      if (value === undefined) return;
      const entry = index.byCode.get(value);
      const check = entry ? findCodeCheck(node, file!) : undefined;
      if (!entry || !check) return;

      const data = {
        api: index.apiName,
        code: String(value),
        enumName: settings.enumName,
        member: entry.name,
        summary: entry.summary,
      };
      const replacement = fileEnum.replacementAt(node, entry.name);
      switch (replacement.kind) {
        case 'fixable': {
          if (check.kind === 'list' && replacement.literalTyped) {
            const reason = `in TypeScript a list of ${settings.enumName} members has their literal types, and its .includes(code) or .has(code) would not take a number (generate the module with --style enum, or annotate the list as readonly number[])`;
            context.report({ node, messageId: 'magicCodeNotFixed', data: { ...data, reason } });
            return;
          }
          // `(-401 as const)`: the member replaces the assertion too (`as const` takes literals only).
          const replaced = constAssertionAround(node) ?? node;
          const fix = (fixer: TSESLint.RuleFixer) => {
            const literalFix = fixer.replaceText(replaced, replacement.text);
            if (!replacement.fixImport) return literalFix;
            // Without its import the replacement would not compile: then no fix at all.
            const importFix = replacement.fixImport(fixer);
            return importFix ? [literalFix, importFix] : null;
          };
          const comparedWith = check.kind === 'comparison' || check.kind === 'case' ? check.subject : undefined;
          if (comparedWith && isComparedWithLiteralType(context.sourceCode, comparedWith, value)) {
            const withReplacement = { ...data, replacement: replacement.text };
            context.report({
              node,
              messageId: 'magicCodeLiteralType',
              data: withReplacement,
              suggest: [{ messageId: 'useEnumMember', data: withReplacement, fix }],
            });
            return;
          }
          context.report({ node, messageId: 'magicCode', data: { ...data, replacement: replacement.text }, fix });
          return;
        }
        case 'no-enum-module':
          context.report({ node, messageId: 'magicCodeNoEnumModule', data });
          return;
        case 'shadowed':
          context.report({ node, messageId: 'magicCodeShadowed', data: { ...data, name: replacement.name } });
          return;
        case 'name-taken':
          context.report({ node, messageId: 'magicCodeNameTaken', data: { ...data, name: replacement.name } });
          return;
        case 'not-fixable':
          context.report({ node, messageId: 'magicCodeNotFixed', data: { ...data, reason: replacement.reason } });
          return;
      }
    }

    const listener = codeLiteralListener(index.spec.codes, check);
    // A Vue component's template is a tree of its own, visited through the parser's services.
    const services = context.sourceCode.parserServices as
      | { defineTemplateBodyVisitor?: (template: TSESLint.RuleListener, script: TSESLint.RuleListener) => TSESLint.RuleListener }
      | undefined;
    return services?.defineTemplateBodyVisitor?.(listener, listener) ?? listener;
  },
});

/** `-401 as const` or `<const>-401` around a code literal. */
function constAssertionAround(node: CodeLiteral): TSESTree.Node | undefined {
  const { parent } = node;
  const isConst = (type: TSESTree.TypeNode) =>
    type.type === AST_NODE_TYPES.TSTypeReference && type.typeName.type === AST_NODE_TYPES.Identifier && type.typeName.name === 'const';
  if (
    (parent.type === AST_NODE_TYPES.TSAsExpression || parent.type === AST_NODE_TYPES.TSTypeAssertion) &&
    parent.expression === node &&
    isConst(parent.typeAnnotation)
  ) {
    return parent;
  }
  return undefined;
}
