/**
 * The suggestion of handle-retryable-codes: the missing codes added to a dispatch. It keeps what
 * the program does: the added codes do what they did before, what the `default` / final `else`
 * does or, without one, what follows the dispatch. So a function whose every path returns still
 * does (no TS2366), and the TODO marks where the retry goes.
 */
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import type { Dispatch } from '../handle-retryable-codes-utils/dispatches.js';
import type { WantedCode } from '../handle-retryable-codes-utils/setup.js';
import type { CodeValue } from '../utils/code-checks.js';
import type { KakaoFile } from '../utils/rule-context.js';
import { quoteString } from './insert-import.js';

type Node = TSESTree.Node;
type Statement = TSESTree.Statement | TSESTree.ProgramStatement;
type SourceCode = Readonly<TSESLint.SourceCode>;

/** The indentation of a line (1-based). */
export function lineIndent(sourceCode: SourceCode, line: number): string {
  return /^[ \t]*/u.exec(sourceCode.lines[line - 1] ?? '')![0];
}

/** Whether `node` is the first thing on its line. */
export function startsLine(sourceCode: SourceCode, node: Node | TSESTree.Comment): boolean {
  const { line, column } = node.loc.start;
  return lineIndent(sourceCode, line).length === column;
}

/**
 * Where the missing codes go: `default` and the lines above it (the cases fall through into
 * it), after the last case (with `break`), into the final `else` (an `if` with the TODO before
 * its body), after the last branch (`else if`) or after the run (`if`). A string says why no
 * suggestion is safe.
 */
export type Plan =
  | { readonly kind: 'beforeDefault'; readonly defaultCase: TSESTree.SwitchCase }
  | { readonly kind: 'afterLastCase' }
  | { readonly kind: 'intoElse'; readonly finalElse: TSESTree.Statement }
  | { readonly kind: 'elseIf'; readonly lastIf: TSESTree.IfStatement }
  | { readonly kind: 'afterRun' };

export interface MissingCodesFixer {
  /** Where the missing codes go, or a string saying why no suggestion is safe. */
  planSuggestion(dispatch: Dispatch): Plan | string;
  addMissingCodes(fixer: TSESLint.RuleFixer, dispatch: Dispatch, plan: Plan, missing: readonly WantedCode[]): TSESLint.RuleFix[];
}

export function createMissingCodesFixer(file: KakaoFile): MissingCodesFixer {
  const { sourceCode } = file;
  const lineIndentAt = (line: number) => lineIndent(sourceCode, line);
  const nodeStartsLine = (node: Node | TSESTree.Comment) => startsLine(sourceCode, node);

  function planSuggestion(dispatch: Dispatch): Plan | string {
    const { node } = dispatch;
    if (node.type === AST_NODE_TYPES.SwitchStatement) {
      const defaultCase = node.cases.find((switchCase) => switchCase.test === null);
      return defaultCase ? { kind: 'beforeDefault', defaultCase } : { kind: 'afterLastCase' };
    }
    // The added condition reads the subject once more: only where reading it again does nothing.
    if (!isPlainReference(dispatch.subject)) {
      return `reading ${sourceCode.getText(dispatch.subject)} once more in an added condition could change what the program does`;
    }
    if (dispatch.defaultBranch) return { kind: 'intoElse', finalElse: dispatch.defaultBranch.node as TSESTree.Statement };
    if (dispatch.first !== dispatch.last) return { kind: 'afterRun' };
    const lastIf = dispatch.lastIf!;
    if (endsInOpenIf(lastIf.consequent)) {
      return 'an else added after the last branch would belong to the if nested in it';
    }
    return { kind: 'elseIf', lastIf };
  }

  function addMissingCodes(
    fixer: TSESLint.RuleFixer,
    dispatch: Dispatch,
    plan: Plan,
    missing: readonly WantedCode[],
  ): TSESLint.RuleFix[] {
    const { texts, importFix } = codeTexts(fixer, dispatch.node, missing);
    const fixes =
      dispatch.node.type === AST_NODE_TYPES.SwitchStatement
        ? [addMissingCases(fixer, dispatch.node, plan, texts)]
        : addMissingComparisons(fixer, dispatch, plan, texts);
    return importFix ? [...fixes, importFix] : fixes;
  }

  /** Enum members where the enum is reachable or importable (one import for all), else literals. */
  function codeTexts(
    fixer: TSESLint.RuleFixer,
    node: Node,
    missing: readonly WantedCode[],
  ): { texts: string[]; importFix: TSESLint.RuleFix | null } {
    let importFix: TSESLint.RuleFix | null = null;
    let importedEnum: string | undefined;
    const texts: string[] = [];
    for (const { value, entry, family } of missing) {
      const replacement = entry ? (family ? file.fileEnum.family(family) : file.fileEnum).replacementAt(node, entry.name) : undefined;
      const enumName = family?.enumName ?? file.settings.enumName;
      // One suggestion adds at most one import: a second enum to import is written as literals.
      if (replacement?.kind !== 'fixable' || (replacement.fixImport && importedEnum !== undefined && importedEnum !== enumName)) {
        texts.push(literalText(value));
        continue;
      }
      if (replacement.fixImport && !importFix) {
        importFix = replacement.fixImport(fixer);
        importedEnum = enumName;
        if (!importFix) return { texts: missing.map(({ value: code }) => literalText(code)), importFix: null };
      }
      texts.push(replacement.text);
    }
    return { texts, importFix };
  }

  function literalText(value: CodeValue): string {
    return typeof value === 'number' ? String(value) : quoteString(value, "'");
  }

  function todoText(): string {
    return `TODO: transient ${file.index.apiName} error: retry the request.`;
  }

  function addMissingCases(
    fixer: TSESLint.RuleFixer,
    node: TSESTree.SwitchStatement,
    plan: Plan,
    texts: readonly string[],
  ): TSESLint.RuleFix {
    const todo = todoText();
    const caseTexts = texts.map((text) => `case ${text}:`);
    if (plan.kind === 'beforeDefault') {
      // Labels between a case and `default` do not cut a fall-through: the case still runs into it.
      const { defaultCase } = plan;
      const oneLine = !nodeStartsLine(defaultCase);
      if (oneLine) return fixer.insertTextBefore(defaultCase, `${caseTexts.join(' ')} /* ${todo} */ `);
      const { caseIndent, bodyIndent } = indentation(node, defaultCase);
      const lines = [...caseTexts.map((line) => caseIndent + line), `${bodyIndent}// ${todo}`].join('\n');
      // Before the comments on the lines above `default`, which belong to it.
      const leadingComment = sourceCode.getCommentsBefore(defaultCase).find(nodeStartsLine);
      return fixer.insertTextBeforeRange(
        (leadingComment ?? defaultCase).range,
        `${lines.slice(caseIndent.length)}\n${caseIndent}`,
      );
    }
    // No `default`: unmatched codes leave the switch, and so do the added ones. After the last
    // case, past any comment on its last line: a case falling into the `break` changes nothing.
    const last = node.cases.at(-1)!;
    const anchor =
      sourceCode
        .getCommentsAfter(last)
        .filter((comment) => comment.loc.start.line === last.loc.end.line)
        .at(-1) ?? last;
    if (!nodeStartsLine(last) && anchor.type !== 'Line') {
      return fixer.insertTextAfterRange(anchor.range, ` ${caseTexts.join(' ')} /* ${todo} */ break;`);
    }
    const { caseIndent, bodyIndent } = indentation(node, last);
    const lines = [...caseTexts.map((line) => caseIndent + line), `${bodyIndent}// ${todo}`, `${bodyIndent}break;`];
    return fixer.insertTextAfterRange(anchor.range, `\n${lines.join('\n')}`);
  }

  function addMissingComparisons(
    fixer: TSESLint.RuleFixer,
    dispatch: Dispatch,
    plan: Plan,
    texts: readonly string[],
  ): TSESLint.RuleFix[] {
    const todo = todoText();
    const subject = sourceCode.getText(dispatch.subject);
    const subjectText = needsParentheses(dispatch.subject) ? `(${subject})` : subject;
    const comparisons = texts.map((text) => `${subjectText} === ${text}`);
    const oneLineIf = `if (${comparisons.join(' || ')}) { /* ${todo} */ }`;
    // One comparison a line, as Prettier writes a long condition.
    const blockIf = (indent: string, unit: string) => {
      const condition =
        comparisons.length === 1
          ? comparisons[0]!
          : `\n${indent}${unit}${comparisons.join(` ||\n${indent}${unit}`)}\n${indent}`;
      return `if (${condition}) {\n${indent}${unit}// ${todo}\n${indent}}`;
    };
    const headIndent = lineIndentAt(dispatch.node.loc.start.line);
    const unit = indentUnit(dispatch.node, headIndent);

    switch (plan.kind) {
      case 'intoElse': {
        // The added `if` does nothing yet: the codes go on into the `else` body as before.
        const { finalElse } = plan;
        if (finalElse.type !== AST_NODE_TYPES.BlockStatement) {
          return [
            fixer.insertTextBefore(finalElse, `{ ${oneLineIf} `),
            fixer.insertTextAfter(finalElse, ' }'),
          ];
        }
        const openingBrace = sourceCode.getFirstToken(finalElse)!;
        if (finalElse.loc.start.line === finalElse.loc.end.line) {
          return [fixer.insertTextAfter(openingBrace, ` ${oneLineIf}`)];
        }
        const first = finalElse.body[0];
        const bodyIndent =
          first && first.loc.start.line > openingBrace.loc.start.line && nodeStartsLine(first)
            ? lineIndentAt(first.loc.start.line)
            : lineIndentAt(openingBrace.loc.start.line) + unit;
        return [fixer.insertTextAfter(openingBrace, `\n${bodyIndent}${blockIf(bodyIndent, unit)}`)];
      }
      case 'elseIf': {
        const { consequent } = plan.lastIf;
        const separator = endsWithTerminator(consequent) ? '' : ';';
        if (dispatch.node.loc.start.line === consequent.loc.end.line) {
          return [fixer.insertTextAfter(consequent, `${separator} else ${oneLineIf}`)];
        }
        const before = consequent.type === AST_NODE_TYPES.BlockStatement ? ' ' : `\n${headIndent}`;
        return [fixer.insertTextAfter(consequent, `${separator}${before}else ${blockIf(headIndent, unit)}`)];
      }
      case 'afterRun': {
        const { last } = dispatch;
        const separator = endsWithTerminator(last) ? '' : ';';
        if (!nodeStartsLine(last)) return [fixer.insertTextAfter(last, `${separator} ${oneLineIf}`)];
        const indent = lineIndentAt(last.loc.start.line);
        return [fixer.insertTextAfter(last, `${separator}\n${indent}${blockIf(indent, unit)}`)];
      }
      default:
        return [];
    }
  }

  /** The indentation one level deeper than `node`'s line, as the file writes it. */
  function indentUnit(node: Node, indent: string): string {
    for (let line = node.loc.start.line + 1; line <= node.loc.end.line; line++) {
      const inner = lineIndentAt(line);
      if (inner.length > indent.length && inner.startsWith(indent)) return inner.slice(indent.length);
    }
    return indent.includes('\t') ? '\t' : '  ';
  }

  /** Whether text can follow `statement` on its line without a `;` between (ASI needs a line break). */
  function endsWithTerminator(statement: Statement): boolean {
    const trailing = trailingStatement(statement);
    return trailing.type === AST_NODE_TYPES.BlockStatement || sourceCode.getLastToken(trailing)?.value === ';';
  }

  function indentation(node: TSESTree.SwitchStatement, reference: TSESTree.SwitchCase) {
    const switchIndent = lineIndentAt(node.loc.start.line);
    const caseIndent = nodeStartsLine(reference) ? lineIndentAt(reference.loc.start.line) : `${switchIndent}  `;
    const unit = caseIndent.startsWith(switchIndent) && caseIndent.length > switchIndent.length
      ? caseIndent.slice(switchIndent.length)
      : '  ';
    for (const switchCase of node.cases) {
      const statement = switchCase.consequent[0];
      if (statement && statement.loc.start.line > switchCase.loc.start.line && nodeStartsLine(statement)) {
        return { caseIndent, bodyIndent: lineIndentAt(statement.loc.start.line) };
      }
    }
    return { caseIndent, bodyIndent: caseIndent + unit };
  }
  return { planSuggestion, addMissingCodes };
}

/** The body a loop, `with` or label statement ends with; undefined for other statements. */
function loopOrLabelBody(statement: Statement): Statement | undefined {
  switch (statement.type) {
    case AST_NODE_TYPES.ForStatement:
    case AST_NODE_TYPES.ForInStatement:
    case AST_NODE_TYPES.ForOfStatement:
    case AST_NODE_TYPES.WhileStatement:
    case AST_NODE_TYPES.WithStatement:
    case AST_NODE_TYPES.LabeledStatement:
      return statement.body;
    default:
      return undefined;
  }
}

/** The statement that ends `statement`: the body of a loop or label, the last branch of an `if`. */
function trailingStatement(statement: Statement): Statement {
  if (statement.type === AST_NODE_TYPES.IfStatement) return trailingStatement(statement.alternate ?? statement.consequent);
  const body = loopOrLabelBody(statement);
  return body ? trailingStatement(body) : statement;
}

/** Whether an `else` written after `statement` would pair with an `if` inside it (a dangling else). */
function endsInOpenIf(statement: Statement): boolean {
  if (statement.type === AST_NODE_TYPES.IfStatement) return statement.alternate === null || endsInOpenIf(statement.alternate);
  const body = loopOrLabelBody(statement);
  return body ? endsInOpenIf(body) : false;
}

/**
 * Whether reading `node` again has no effect: a name, `this`, or a chain of static member
 * accesses on one, through `!`, `?.`, type assertions, `+x` and `Number(x)`.
 */
function isPlainReference(node: Node): boolean {
  switch (node.type) {
    case AST_NODE_TYPES.Identifier:
    case AST_NODE_TYPES.ThisExpression:
      return true;
    case AST_NODE_TYPES.MemberExpression:
      return (
        (!node.computed || node.property.type === AST_NODE_TYPES.Literal) && isPlainReference(node.object)
      );
    case AST_NODE_TYPES.ChainExpression:
    case AST_NODE_TYPES.TSNonNullExpression:
    case AST_NODE_TYPES.TSAsExpression:
    case AST_NODE_TYPES.TSSatisfiesExpression:
    case AST_NODE_TYPES.TSTypeAssertion:
      return isPlainReference(node.expression);
    case AST_NODE_TYPES.UnaryExpression:
      return node.operator === '+' && isPlainReference(node.argument);
    case AST_NODE_TYPES.CallExpression:
      return (
        node.callee.type === AST_NODE_TYPES.Identifier &&
        node.callee.name === 'Number' &&
        node.arguments.length === 1 &&
        isPlainReference(node.arguments[0]!)
      );
    default:
      return false;
  }
}

/** `x as number === y` compares `number === y`: an assertion needs parentheses on the left of `===`. */
function needsParentheses(node: Node): boolean {
  return (
    node.type === AST_NODE_TYPES.TSAsExpression ||
    node.type === AST_NODE_TYPES.TSSatisfiesExpression ||
    node.type === AST_NODE_TYPES.TSTypeAssertion
  );
}

