import { AST_NODE_TYPES } from '@typescript-eslint/types';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import {
  createRule,
  errorCodeNamesSchema,
  getCodeLiteralValue,
  findCodeCheck,
  getKakaoFile,
} from './utils/index.js';
import type { CodeCheck, CodeLiteral, KakaoFile, MemberType } from './utils/index.js';
import { isComparedWithLiteralType } from './no-magic-error-code-utils/literal-type.js';
import { codeNodeListener } from './utils/code-nodes.js';
import type { CodeNode, StringCodeNode } from './utils/code-nodes.js';

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
  | 'magicCodeString'
  | 'useEnumMember';

export default createRule<Options, MessageIds>({
  name: 'no-magic-error-code',
  meta: {
    type: 'suggestion',
    docs: {
      description: 'Disallow magic Kakao error codes (numbers, and strings such as Kakao Login\'s KOE320); use the generated enums',
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
      magicCodeString:
        'Magic {{api}} error code {{code}}, written as a string: use {{replacement}} ({{summary}}). Not auto-fixed: the enum member is a number, so the string must be made from it; check that the value compared is a string.',
      useEnumMember: 'Replace {{code}} with {{replacement}}.',
    },
  },
  // Not `[{ errorCodeNames }]`: array destructuring runs the iterator protocol (see handle-retryable-codes).
  create(context, optionsList) {
    const { errorCodeNames } = optionsList[0];
    const file = getKakaoFile(context, errorCodeNames);
    if (!file) return {};
    const listener = codeNodeListener(file, CODE_KINDS, (node) => checkCode(context, file, node));
    // A Vue component's template is a tree of its own, visited through the parser's services.
    const services = file.sourceCode.parserServices as
      | { defineTemplateBodyVisitor?: (template: TSESLint.RuleListener, script: TSESLint.RuleListener) => TSESLint.RuleListener }
      | undefined;
    return services?.defineTemplateBodyVisitor?.(listener, listener) ?? listener;
  },
});

type Context = Readonly<TSESLint.RuleContext<MessageIds, Options>>;

const CODE_KINDS = { strings: true, members: false };

/** A code literal that is checked against an error-code expression is magic. */
function checkCode(context: Context, file: KakaoFile, node: CodeNode): void {
  // Only a literal is magic: an enum member is what the fix writes.
  if (node.type === AST_NODE_TYPES.MemberExpression) return;
  // A number not in the spec is no code to name: skip the climb.
  const value = node.type === AST_NODE_TYPES.Identifier ? undefined : getCodeLiteralValue(node);
  if (value !== undefined && !file.index.byCode.has(value)) return;
  const check = findCodeCheck(node, file);
  const entry = check?.code.entry;
  // Most code literals are not checked at all (`indexOf(x) === -1`): the report is a function of its
  // own, compiled when a project first has one to make.
  if (check && entry && !check.code.isEnumMember) reportMagicCode(context, file, node, check, entry);
}

/** Reported with the enum member that names the code, fixed where the member can be written. */
function reportMagicCode(
  context: Context,
  file: KakaoFile,
  node: CodeLiteral | StringCodeNode,
  check: CodeCheck,
  entry: NonNullable<CodeCheck['code']['entry']>,
): void {
  const { index, settings } = file;
  const { family, asString } = check.code;
  const enumName = family?.enumName ?? settings.enumName;
  const code = node.type === AST_NODE_TYPES.Identifier ? node.name : context.sourceCode.getText(node);
  const data = { api: index.apiName, code, enumName, member: entry.name, summary: entry.summary };
  const { fileEnum } = file;
  const replacement = (family ? fileEnum.family(family) : fileEnum).replacementAt(node, entry.name);
  switch (replacement.kind) {
    case 'fixable': {
      const text = asString ? `String(${replacement.text})` : replacement.text;
      // `{ KOE320: f }` takes the member as a computed key; `(-401 as const)` loses the assertion (`as const` takes literals only).
      const isPlainKey = node.parent.type === AST_NODE_TYPES.Property && node.parent.key === node && !node.parent.computed;
      const replaced = isPlainKey ? node : (constAssertionAround(node) ?? node);
      const written = isPlainKey ? `[${text}]` : text;
      const fix = (fixer: TSESLint.RuleFixer) => {
        const literalFix = fixer.replaceText(replaced, written);
        if (!replacement.fixImport) return literalFix;
        // Without its import the replacement would not compile: then no fix at all.
        const importFix = replacement.fixImport(fixer);
        return importFix ? [literalFix, importFix] : null;
      };
      const withReplacement = { ...data, replacement: text };
      const reason = notFixedReason(check.kind, family !== undefined, replacement.memberType, enumName);
      if (reason !== undefined) {
        context.report({ node, messageId: 'magicCodeNotFixed', data: { ...data, reason } });
        return;
      }
      if (asString) {
        // The member is a number: String(member) keeps the comparison with a string, a suggestion to review.
        context.report({ node, messageId: 'magicCodeString', data: withReplacement, suggest: [{ messageId: 'useEnumMember', data: withReplacement, fix }] });
        return;
      }
      const comparedWith = check.kind === 'comparison' || check.kind === 'case' ? check.subject : undefined;
      if (comparedWith && isComparedWithLiteralType(context.sourceCode, comparedWith, check.code.value)) {
        if (family && replacement.memberType === 'enum') {
          const literalReason = `it is compared with a string literal type, which a member of the string enum ${enumName} is not comparable with (generate the module with --style object, whose members are literal types)`;
          context.report({ node, messageId: 'magicCodeNotFixed', data: { ...data, reason: literalReason } });
          return;
        }
        context.report({ node, messageId: 'magicCodeLiteralType', data: withReplacement, suggest: [{ messageId: 'useEnumMember', data: withReplacement, fix }] });
        return;
      }
      context.report({ node, messageId: 'magicCode', data: withReplacement, fix });
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

/** Why a fixable replacement is still not written; undefined when it may be. */
function notFixedReason(kind: CodeCheck['kind'], isStringFamily: boolean, memberType: MemberType, enumName: string): string | undefined {
  if (kind !== 'list') return undefined;
  if (isStringFamily && memberType === 'enum') {
    return `in TypeScript a list of ${enumName} members is a list of a string enum, whose .includes(code) or .has(code) would not take a string (generate the module with --style object, or annotate the list as readonly string[])`;
  }
  if (!isStringFamily && memberType === 'literal') {
    return `in TypeScript a list of ${enumName} members has their literal types, and its .includes(code) or .has(code) would not take a number (generate the module with --style enum, or annotate the list as readonly number[])`;
  }
  return undefined;
}

/** `-401 as const` or `<const>-401` around a code literal. */
function constAssertionAround(node: CodeLiteral | StringCodeNode): TSESTree.Node | undefined {
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
