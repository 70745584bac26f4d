import {
  createRule,
  DEFAULT_ERROR_CODE_NAMES,
  errorCodeNamesSchema,
  codeLiteralListener,
  getCodeLiteralValue,
  getCodeUse,
  getKakaoFile,
} from './utils/index.js';
import type { CodeLiteral } from './utils/index.js';

export type Options = [
  {
    /**
     * Names an identifier or member chain must end in to count as an error-code expression.
     * @default DEFAULT_ERROR_CODE_NAMES
     */
    errorCodeNames?: string[];
  },
];

export type MessageIds = 'magicCode' | 'magicCodeNoEnumModule' | 'magicCodeShadowed' | 'magicCodeNameTaken';

export default createRule<Options, MessageIds>({
  name: 'no-magic-error-code',
  meta: {
    type: 'suggestion',
    docs: {
      description: 'Disallow magic Kakao error-code numbers; use the generated enum',
      recommended: true,
    },
    fixable: 'code',
    schema: [
      {
        type: 'object',
        additionalProperties: false,
        properties: { errorCodeNames: errorCodeNamesSchema },
      },
    ],
    defaultOptions: [{ errorCodeNames: [...DEFAULT_ERROR_CODE_NAMES] }],
    messages: {
      magicCode: 'Magic {{api}} error code {{code}}: use {{replacement}} ({{summary}}).',
      magicCodeNoEnumModule:
        'Magic {{api}} error code {{code}}: use {{enumName}}.{{member}} ({{summary}}). To auto-fix, import {{enumName}} or set settings.kakao.enumModule to the module that exports it.',
      magicCodeShadowed:
        'Magic {{api}} error code {{code}}: use {{enumName}}.{{member}} ({{summary}}). Not auto-fixed: "{{name}}" is shadowed here.',
      magicCodeNameTaken:
        'Magic {{api}} error code {{code}}: use {{enumName}}.{{member}} ({{summary}}). Not auto-fixed: this file already declares another "{{name}}".',
    },
  },
  create(context, [{ errorCodeNames = DEFAULT_ERROR_CODE_NAMES }]) {
    const file = getKakaoFile(context, errorCodeNames);
    if (!file?.mayCheckCodes) return {};
    const { index, fileEnum, settings } = file;

    function check(node: CodeLiteral): void {
      const value = getCodeLiteralValue(node);
      if (value === undefined) return;
      const entry = index.byCode.get(value);
      if (!entry || getCodeUse(node, file!) === undefined) return;

      const data = {
        api: index.apiName,
        code: String(value),
        enumName: settings.enumName,
        member: entry.name,
        summary: entry.summary,
      };
      const replacement = fileEnum.replacementAt(node, entry.name);
      switch (replacement.kind) {
        case 'fixable':
          context.report({
            node,
            messageId: 'magicCode',
            data: { ...data, replacement: replacement.text },
            fix(fixer) {
              const literalFix = fixer.replaceText(node, replacement.text);
              if (!replacement.fixImport) return literalFix;
              // Without its import the replacement would not compile: then no fix at all.
              const importFix = replacement.fixImport(fixer);
              return importFix ? [literalFix, importFix] : null;
            },
          });
          return;
        case 'no-enum-module':
          context.report({ node, messageId: 'magicCodeNoEnumModule', data });
          return;
        case 'shadowed':
          context.report({ node, messageId: 'magicCodeShadowed', data: { ...data, name: replacement.name } });
          return;
        case 'name-taken':
          context.report({ node, messageId: 'magicCodeNameTaken', data: { ...data, name: replacement.name } });
          return;
      }
    }

    return codeLiteralListener(index.spec.codes, check);
  },
});
