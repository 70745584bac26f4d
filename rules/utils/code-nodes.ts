/**
 * The string codes a file may hold: a string family's codes (`'KOE320'`, or a plain key `KOE320:`)
 * and the spec's integer codes written as strings (`'-401'`). Listening to every literal would cost
 * every file; one search of the file's text first decides whether to listen at all.
 */
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { escapeRegExp } from '../utils/ast.js';
import type { SpecIndex } from '../utils/settings.js';

/** A string literal, or a property key written as a plain name. */
export type StringCodeNode = TSESTree.StringLiteral | TSESTree.Identifier;

const textTests = new WeakMap<SpecIndex, RegExp | undefined>();

/** The text of any string code, quoted (or as a word, for a family's code as a plain key). */
function stringCodePattern(index: SpecIndex): RegExp | undefined {
  if (textTests.has(index)) return textTests.get(index);
  const familyCodes = [...index.stringCodes.keys()].map(escapeRegExp);
  const integerCodes = [...index.byCode.keys()].map(String);
  const alternatives = [
    ...(familyCodes.length > 0 ? [`(?<![\\w$])(?:${familyCodes.join('|')})(?![\\w$])`] : []),
    ...(integerCodes.length > 0 ? [`['"\`](?:${integerCodes.join('|')})['"\`]`] : []),
  ];
  const pattern = alternatives.length > 0 ? new RegExp(alternatives.join('|'), 'u') : undefined;
  textTests.set(index, pattern);
  return pattern;
}

export function stringCodeListener(
  sourceCode: Readonly<TSESLint.SourceCode>,
  index: SpecIndex,
  check: (node: StringCodeNode) => void,
): TSESLint.RuleListener {
  if (!stringCodePattern(index)?.test(sourceCode.text)) return {};
  return {
    Literal(node) {
      if (typeof node.value === 'string') check(node);
    },
    Property(node) {
      if (!node.computed && !node.shorthand && node.key.type === AST_NODE_TYPES.Identifier && index.stringCodes.has(node.key.name)) {
        check(node.key);
      }
    },
  };
}
