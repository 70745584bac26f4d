/**
 * The nodes that write a code, for rules that start from a code and climb to its check
 * (findCodeCheck): a number of the spec (`-401`), a string code (`'KOE320'`, `KOE320:` as a plain
 * key, `'-401'` as some SDKs report it), and `<enum>.<Member>`. Codes are rare, so listening for
 * them costs a fraction of visiting every comparison, `if` and switch; and what a file's text
 * cannot hold is not listened for at all.
 */
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import type { ErrorCodeEntry } from '../../core/spec.js';
import { codeLiteralListener } from './ast.js';
import type { CodeLiteral } from './ast.js';
import { getCodeRef, isStringCodeKey } from './code-checks.js';
import { composeVisitors } from './compose-visitors.js';
import { integerCodeTexts } from './file-mentions.js';
import type { KakaoFile } from './rule-context.js';

/** A string literal, or a property key written as a plain name. */
export type StringCodeNode = TSESTree.StringLiteral | TSESTree.Identifier;

export type CodeNode = CodeLiteral | StringCodeNode | TSESTree.MemberExpression;

export interface CodeNodeKinds {
  /** The numbers to listen for; all the spec's codes when not given. */
  readonly codes?: readonly ErrorCodeEntry[];
  /** String codes and integer codes written as strings. */
  readonly strings: boolean;
  /** `<enum>.<Member>` of the spec's enum and of each string family's. */
  readonly members: boolean;
}

/** Calls `check` with every node of the file that may write a code of the kinds asked for. */
export function codeNodeListener(file: KakaoFile, kinds: CodeNodeKinds, check: (node: CodeNode) => void): TSESLint.RuleListener {
  const literals = codeLiteralListener(kinds.codes ?? file.index.spec.codes, check);
  const strings = kinds.strings && file.mentions.stringCode;
  const members = kinds.members && file.mentions.enumName;
  // Most files get the numbers' listener alone: then composeVisitors is not called at all, as the
  // call and its rest array cost every rule of every file, in code that runs unoptimised
  // (docs/performance.md, fifth round).
  if (!strings && !members) return literals;
  return composeVisitors(literals, strings ? stringCodeListener(file, check) : undefined, members ? enumMemberListener(file, check) : undefined);
}

// ---- string codes ----------------------------------------------------------------------------

function stringCodeListener(file: KakaoFile, check: (node: StringCodeNode) => void): TSESLint.RuleListener {
  const { stringCodes } = file.index;
  const integerCodes = integerCodeTexts(file.index);
  return {
    Literal(node) {
      const { value } = node;
      // getCodeRef's test of a string, before anything else: a listed code, or an integer code's text.
      if (typeof value === 'string' && (stringCodes.has(value) || integerCodes.has(value))) check(node);
    },
    Property(node) {
      // A quoted key is a Literal, seen above.
      if (node.key.type === AST_NODE_TYPES.Identifier && isStringCodeKey(node, file.index)) check(node.key);
    },
  };
}

// ---- enum members --------------------------------------------------------------------------------

function enumMemberListener(file: KakaoFile, check: (node: TSESTree.MemberExpression) => void): TSESLint.RuleListener {
  return {
    MemberExpression(node) {
      if (getCodeRef(node, file)?.isEnumMember) check(node);
    },
  };
}
