import { AST_NODE_TYPES } from '@typescript-eslint/utils';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { compareCodes, generatedNames } from '../codegen/names.js';
import type { ErrorCodeEntry } from '../codegen/spec.js';
import {
  createRule,
  DEFAULT_ERROR_CODE_NAMES,
  errorCodeNamesSchema,
  getKakaoFile,
  KakaoSettingsError,
} from './utils/index.js';
import type { KakaoFile } from './utils/index.js';
import { isFunctionNode } from './utils/ast.js';
import { forEachCodeCheck, getSubjectKey, mayHoldCodeCheck } from './utils/code-checks.js';
import type { CodeCheck, CodeFilter, CodeValue } from './utils/code-checks.js';
import { callGoesBy, getIfChain, getStatementList, isElseIf } from './handle-retryable-codes-utils/dispatch.js';
import { createCoverageIndex } from './handle-retryable-codes-utils/coverage.js';

export type Options = [
  {
    /**
     * Names an identifier or member chain must end in to count as an error-code expression.
     * @default DEFAULT_ERROR_CODE_NAMES
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

export const DEFAULT_COMMENT_PATTERN = '^retr(?:y|ied|ies|yable)\\b';

type Node = TSESTree.Node;
type Statement = TSESTree.Statement | TSESTree.ProgramStatement;

/** A code the rule wants handled: a spec entry, or a bare number given in `retryableCodes`. */
interface WantedCode {
  readonly value: number;
  readonly entry: ErrorCodeEntry | undefined;
}

/** Where a dispatch's unhandled codes go: its `default`/final `else`, or the statements after it. */
interface DefaultBranch {
  readonly node: Node;
  /** The source range whose comments may carry the pattern. */
  readonly commentRange: readonly [number, number];
}

interface Dispatch {
  /** The `switch`, or the first `if` of the chain or run: where the report goes. */
  readonly node: TSESTree.SwitchStatement | TSESTree.IfStatement;
  /** The first and last statements of the dispatch (different for a run of `if`s). */
  readonly first: Statement;
  readonly last: Statement;
  readonly subjectKey: string;
  /** The compared expression as written (a switch's discriminant, one comparison's side). */
  readonly subject: Node;
  /** The last `if` of the last chain: where an `else if` goes. Null for a switch. */
  readonly lastIf: TSESTree.IfStatement | null;
  readonly handled: ReadonlySet<CodeValue>;
  /** Its own conditions call a guard. */
  readonly guarded: boolean;
  readonly defaultBranch: DefaultBranch | null;
  /** A switch without `default`: the comments after its last case may carry the pattern. */
  readonly trailingCommentRange: readonly [number, number] | null;
}

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
        errorCodeNames: [...DEFAULT_ERROR_CODE_NAMES],
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
  create(context, [options]) {
    const file = getKakaoFile(context, options.errorCodeNames ?? DEFAULT_ERROR_CODE_NAMES);
    if (!file) return {};
    const { wanted, isAskedAbout, guards, commentPattern } = getSetup(options, file);
    if (wanted.length === 0) return {};
    const { allowDefault = false, minimumCodes = 2 } = options;

    const { sourceCode } = context;
    const isGuardCall = (call: TSESTree.CallExpression) => callGoesBy(call, guards);
    const hasGuardCall = (root: Node) => forEachCodeCheck(root, file, () => false, isGuardCall, isAskedAbout);
    const coverageOf = createCoverageIndex(file, isGuardCall, isAskedAbout);

    const isComplete = (handled: ReadonlySet<CodeValue>) => wanted.every(({ value }) => handled.has(value));

    // --- switches -------------------------------------------------------------------------------

    function analyseSwitch(node: TSESTree.SwitchStatement): Dispatch | undefined {
      // The cases of a code switch (see code-checks.ts); a dispatch needs a spec code among them.
      const checks = file!.checksOf(node);
      if (!checks.some(({ code }) => code.entry)) return undefined;
      const handled = new Set(checks.map(({ code }) => code.value));
      if (isComplete(handled)) return undefined;

      const defaultCase = node.cases.find((switchCase) => switchCase.test === null);
      const guarded =
        hasGuardCall(node.discriminant) ||
        node.cases.some((switchCase) => switchCase.test !== null && hasGuardCall(switchCase.test));

      const closingBrace = sourceCode.getLastToken(node)!;
      let defaultBranch: DefaultBranch | null = null;
      if (defaultCase) {
        const next = node.cases[node.cases.indexOf(defaultCase) + 1];
        // Its own comments: on the lines above `default` (not after the previous case's code), and inside.
        const leading = sourceCode.getCommentsBefore(defaultCase).find(startsLine);
        defaultBranch = {
          node: defaultCase,
          commentRange: [(leading ?? defaultCase).range[0], next ? next.range[0] : closingBrace.range[0]],
        };
      }
      const lastCase = node.cases.at(-1);
      return {
        node,
        first: node,
        last: node,
        subjectKey: getSubjectKey(node.discriminant, sourceCode),
        subject: node.discriminant,
        lastIf: null,
        handled,
        guarded,
        defaultBranch,
        trailingCommentRange:
          !defaultCase && lastCase ? [lastCase.range[1], closingBrace.range[0]] : null,
      };
    }

    // --- if-chains and runs of ifs ----------------------------------------------------------------

    interface ChainInfo {
      readonly head: TSESTree.IfStatement;
      readonly finalElse: TSESTree.Statement | null;
      readonly lastIf: TSESTree.IfStatement;
      readonly checks: readonly CodeCheck[];
      readonly guarded: boolean;
    }

    /** The code checks and guard calls in a chain's conditions; undefined when it has neither. */
    function analyseChain(head: TSESTree.IfStatement): ChainInfo | undefined {
      if (!chainMayHoldCodeCheck(head)) return undefined;
      const { ifs, finalElse } = getIfChain(head);
      const checks: CodeCheck[] = [];
      const onCheck = (check: CodeCheck) => {
        checks.push(check);
        return false;
      };
      // A guard call makes the whole run handled: the checks after it do not matter.
      const guarded = ifs.some((ifNode) => forEachCodeCheck(ifNode.test, file!, onCheck, isGuardCall, isAskedAbout));
      if (checks.length === 0 && !guarded) return undefined;
      return { head, finalElse, lastIf: ifs.at(-1)!, checks, guarded };
    }

    function chainMayHoldCodeCheck(head: TSESTree.IfStatement): boolean {
      for (let node: TSESTree.Statement | null = head; node?.type === AST_NODE_TYPES.IfStatement; node = node.alternate) {
        if (mayHoldCodeCheck(node.test, file!, isGuardCall, isAskedAbout)) return true;
      }
      return false;
    }

    /** A chain, or consecutive chains in one statement list, as one dispatch over its main subject. */
    function analyseRun(chains: readonly ChainInfo[]): Dispatch | undefined {
      interface Subject {
        readonly node: Node;
        readonly codes: Set<CodeValue>;
        readonly specCodes: Set<CodeValue>;
      }
      const subjects = new Map<string, Subject>();
      for (const chain of chains) {
        for (const { subject, code } of chain.checks) {
          const key = getSubjectKey(subject, sourceCode);
          let entry = subjects.get(key);
          if (!entry) subjects.set(key, (entry = { node: subject, codes: new Set(), specCodes: new Set() }));
          entry.codes.add(code.value);
          if (code.entry) entry.specCodes.add(code.value);
        }
      }
      let best: [string, Subject] | undefined;
      for (const pair of subjects) if (!best || pair[1].specCodes.size > best[1].specCodes.size) best = pair;
      if (!best || best[1].specCodes.size < minimumCodes || isComplete(best[1].codes)) return undefined;

      const firstChain = chains[0]!;
      const lastChain = chains.at(-1)!;
      const finalElse = lastChain.finalElse;
      return {
        node: firstChain.head,
        first: firstChain.head,
        last: lastChain.head,
        subjectKey: best[0],
        subject: best[1].node,
        lastIf: lastChain.lastIf,
        handled: best[1].codes,
        guarded: chains.some((chain) => chain.guarded),
        defaultBranch: finalElse
          ? { node: finalElse, commentRange: [lastChain.lastIf.consequent.range[1], finalElse.range[1]] }
          : null,
        trailingCommentRange: null,
      };
    }

    /** Ifs already analysed as part of a run (and ifs that end one). */
    const analysedIfs = new Set<TSESTree.IfStatement>();
    const runCursors = new Map<readonly Statement[], number>();

    /** The run of chains that starts at `head` in `list`: the consecutive ifs that compare codes or call guards. */
    function checkRunFrom(head: TSESTree.IfStatement, list: readonly Statement[]): void {
      const first = analyseChain(head);
      if (!first) return;
      const run = [first];
      // Ifs are visited in source order, so each list is searched from where the last run ended.
      let index = list.indexOf(head, runCursors.get(list) ?? 0) + 1;
      for (let statement = list[index]; statement?.type === AST_NODE_TYPES.IfStatement; statement = list[++index]) {
        analysedIfs.add(statement);
        const chain = analyseChain(statement);
        if (!chain) break;
        run.push(chain);
      }
      runCursors.set(list, index);
      check(analyseRun(run));
    }

    // --- coverage and report ----------------------------------------------------------------------

    function hasPatternComment([start, end]: readonly [number, number]): boolean {
      const comments = sourceCode.getAllComments();
      for (let i = firstCommentFrom(comments, start); i < comments.length; i++) {
        const comment = comments[i]!;
        if (comment.range[1] > end) return false;
        if (commentPattern.test(commentHead(comment.value))) return true;
      }
      return false;
    }

    /**
     * The missing codes that nothing else handles: checks on the same subject in the default branch,
     * or in the statements after the dispatch; before it, or in the conditions it is nested in, up
     * to the function. Undefined when one of those calls a guard.
     */
    function unhandledElsewhere(dispatch: Dispatch, missing: readonly WantedCode[]): WantedCode[] | undefined {
      const { subjectKey } = dispatch;
      let remaining = [...missing];
      const keep = (covered: (code: CodeValue) => boolean) => {
        remaining = remaining.filter(({ value }) => !covered(value));
      };
      const walk = (root: Node): boolean => {
        const found = new Set<CodeValue>();
        const guarded = forEachCodeCheck(
          root,
          file!,
          (check) => {
            if (getSubjectKey(check.subject, sourceCode) === subjectKey) found.add(check.code.value);
            return false;
          },
          isGuardCall,
          isAskedAbout,
        );
        keep((code) => found.has(code));
        return guarded;
      };

      if (dispatch.defaultBranch) {
        if (walk(dispatch.defaultBranch.node)) return undefined;
      } else {
        const list = getStatementList(dispatch.last.parent);
        if (list) {
          const coverage = coverageOf(list);
          const index = coverage.positions.get(dispatch.last)!;
          if (coverage.guardedAfter(index)) return undefined;
          keep((code) => coverage.checkedAfter(subjectKey, code, index));
        }
      }
      let current: Node = dispatch.first;
      for (let parent: Node | undefined = current.parent; parent; current = parent, parent = parent.parent) {
        if (isFunctionNode(parent)) break;
        const list = getStatementList(parent);
        if (list) {
          const coverage = coverageOf(list);
          const index = coverage.positions.get(current as Statement);
          if (index !== undefined) {
            if (coverage.guardedBefore(index)) return undefined;
            keep((code) => coverage.checkedBefore(subjectKey, code, index));
          }
        } else if (parent.type === AST_NODE_TYPES.IfStatement && parent.test !== current) {
          if (walk(parent.test)) return undefined;
        }
        if (parent.type === AST_NODE_TYPES.StaticBlock) break;
      }
      return remaining;
    }

    function check(dispatch: Dispatch | undefined): void {
      if (!dispatch || dispatch.guarded) return;
      const unhandled = wanted.filter((code) => !dispatch.handled.has(code.value));
      if (unhandled.length === 0) return;

      const { defaultBranch, trailingCommentRange } = dispatch;
      if (defaultBranch && (allowDefault || hasPatternComment(defaultBranch.commentRange))) return;
      if (trailingCommentRange && hasPatternComment(trailingCommentRange)) return;

      const missing = unhandledElsewhere(dispatch, unhandled);
      if (!missing || missing.length === 0) return;

      const { node } = dispatch;
      const data = {
        api: file!.index.apiName,
        missing: missing.map(({ value, entry }) => (entry ? `${entry.name} (${value})` : String(value))).join(', '),
      };
      const plan = planSuggestion(dispatch);
      if (typeof plan === 'string') {
        context.report({
          node,
          loc: headLocation(node),
          messageId: 'missingRetryableCodesNoSuggestion',
          data: { ...data, reason: plan },
        });
        return;
      }
      context.report({
        node,
        loc: headLocation(node),
        messageId: 'missingRetryableCodes',
        data,
        suggest: [{ messageId: 'addMissingCases', fix: (fixer) => addMissingCodes(fixer, dispatch, plan, missing) }],
      });
    }

    /** `switch (x)` / `if (x)`: the head, not the whole statement. */
    function headLocation(node: TSESTree.SwitchStatement | TSESTree.IfStatement): TSESTree.SourceLocation {
      const bodyStart =
        node.type === AST_NODE_TYPES.SwitchStatement
          ? sourceCode.getTokenAfter(node.discriminant, (token) => token.value === '{')
          : sourceCode.getFirstToken(node.consequent);
      const closingParen = bodyStart ? sourceCode.getTokenBefore(bodyStart) : null;
      return { start: node.loc.start, end: closingParen?.loc.end ?? node.loc.end };
    }

    // --- suggestion -------------------------------------------------------------------------------
    //
    // The suggestion keeps what the program does: the added codes do what they did before, what the
    // `default` / final `else` does or, without one, what follows the dispatch. So a function whose
    // every path returns still does (no TS2366), and the TODO marks where the retry goes.

    /**
     * Where the missing codes go: `default` and the lines above it (the cases fall through into
     * it), after the last case (with `break`), into the final `else` (an `if` with the TODO before
     * its body), after the last branch (`else if`) or after the run (`if`). A string says why no
     * suggestion is safe.
     */
    type Plan =
      | { readonly kind: 'beforeDefault'; readonly defaultCase: TSESTree.SwitchCase }
      | { readonly kind: 'afterLastCase' }
      | { readonly kind: 'intoElse'; readonly finalElse: TSESTree.Statement }
      | { readonly kind: 'elseIf'; readonly lastIf: TSESTree.IfStatement }
      | { readonly kind: 'afterRun' };

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
      const texts: string[] = [];
      for (const { value, entry } of missing) {
        const replacement = entry ? file!.fileEnum.replacementAt(node, entry.name) : undefined;
        if (replacement?.kind !== 'fixable') {
          texts.push(String(value));
          continue;
        }
        if (replacement.fixImport && !importFix) {
          importFix = replacement.fixImport(fixer);
          if (!importFix) return { texts: missing.map(({ value: code }) => String(code)), importFix: null };
        }
        texts.push(replacement.text);
      }
      return { texts, importFix };
    }

    function todoText(): string {
      return `TODO: transient ${file!.index.apiName} error: retry the request.`;
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
        const oneLine = !startsLine(defaultCase);
        if (oneLine) return fixer.insertTextBefore(defaultCase, `${caseTexts.join(' ')} /* ${todo} */ `);
        const { caseIndent, bodyIndent } = indentation(node, defaultCase);
        const lines = [...caseTexts.map((line) => caseIndent + line), `${bodyIndent}// ${todo}`].join('\n');
        // Before the comments on the lines above `default`, which belong to it.
        const leadingComment = sourceCode.getCommentsBefore(defaultCase).find(startsLine);
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
      if (!startsLine(last) && anchor.type !== 'Line') {
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
      const headIndent = lineIndent(dispatch.node.loc.start.line);
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
            first && first.loc.start.line > openingBrace.loc.start.line && startsLine(first)
              ? lineIndent(first.loc.start.line)
              : lineIndent(openingBrace.loc.start.line) + unit;
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
          if (!startsLine(last)) return [fixer.insertTextAfter(last, `${separator} ${oneLineIf}`)];
          const indent = lineIndent(last.loc.start.line);
          return [fixer.insertTextAfter(last, `${separator}\n${indent}${blockIf(indent, unit)}`)];
        }
        default:
          return [];
      }
    }

    /** The indentation one level deeper than `node`'s line, as the file writes it. */
    function indentUnit(node: Node, indent: string): string {
      for (let line = node.loc.start.line + 1; line <= node.loc.end.line; line++) {
        const inner = lineIndent(line);
        if (inner.length > indent.length && inner.startsWith(indent)) return inner.slice(indent.length);
      }
      return indent.includes('\t') ? '\t' : '  ';
    }

    /** Whether text can follow `statement` on its line without a `;` between (ASI needs a line break). */
    function endsWithTerminator(statement: Statement): boolean {
      const trailing = trailingStatement(statement);
      return trailing.type === AST_NODE_TYPES.BlockStatement || sourceCode.getLastToken(trailing)?.value === ';';
    }

    function lineIndent(line: number): string {
      return /^[ \t]*/u.exec(sourceCode.lines[line - 1] ?? '')![0];
    }

    /** Whether `node` is the first thing on its line. */
    function startsLine(node: Node | TSESTree.Comment): boolean {
      const { line, column } = node.loc.start;
      return lineIndent(line).length === column;
    }

    function indentation(node: TSESTree.SwitchStatement, reference: TSESTree.SwitchCase) {
      const switchIndent = lineIndent(node.loc.start.line);
      const caseIndent = startsLine(reference) ? lineIndent(reference.loc.start.line) : `${switchIndent}  `;
      const unit = caseIndent.startsWith(switchIndent) && caseIndent.length > switchIndent.length
        ? caseIndent.slice(switchIndent.length)
        : '  ';
      for (const switchCase of node.cases) {
        const statement = switchCase.consequent[0];
        if (statement && statement.loc.start.line > switchCase.loc.start.line && startsLine(statement)) {
          return { caseIndent, bodyIndent: lineIndent(statement.loc.start.line) };
        }
      }
      return { caseIndent, bodyIndent: caseIndent + unit };
    }

    // --- visitors ---------------------------------------------------------------------------------

    const visitors: TSESLint.RuleListener = {
      SwitchStatement(node) {
        check(analyseSwitch(node));
      },
    };
    // Only a switch can be a dispatch without error-code names or enum members (over spec literals).
    if (!file.mayCheckCodes) return visitors;
    return {
      ...visitors,
      IfStatement(node) {
        // Chains are analysed from their first `if`; `if`s in statement lists with their run.
        if (isElseIf(node) || analysedIfs.has(node)) return;
        const list = getStatementList(node.parent);
        if (list) {
          checkRunFrom(node, list);
        } else {
          const chain = analyseChain(node);
          if (chain) check(analyseRun([chain]));
        }
      },
    };
  },
});

/** What a rule instance derives from its options and the settings: the same for every file. */
interface Setup {
  readonly wanted: readonly WantedCode[];
  /** The codes a dispatch is judged by: spec codes (for minimumCodes) and the wanted codes. */
  readonly isAskedAbout: CodeFilter;
  readonly guards: ReadonlySet<string>;
  readonly commentPattern: RegExp;
}

const setups = new WeakMap<Options[0], WeakMap<KakaoFile['settings'], Setup>>();

function getSetup(options: Options[0], file: KakaoFile): Setup {
  let bySettings = setups.get(options);
  if (!bySettings) setups.set(options, (bySettings = new WeakMap()));
  let setup = bySettings.get(file.settings);
  if (!setup) {
    const generated = generatedNames(file.settings.enumName);
    const wanted = resolveWantedCodes(options.retryableCodes, file);
    const wantedValues = new Set<CodeValue>(wanted.map(({ value }) => value));
    setup = {
      wanted,
      isAskedAbout: (code) => code.entry !== undefined || wantedValues.has(code.value),
      guards: new Set(['isRetryable', generated.isRetryable, generated.retryableList, ...(options.guardNames ?? [])]),
      commentPattern: compileCommentPattern(options.defaultCommentPattern ?? DEFAULT_COMMENT_PATTERN),
    };
    bySettings.set(file.settings, setup);
  }
  return setup;
}

/** How much of a comment the pattern sees: its first line, cut to this many characters. */
const COMMENT_HEAD_LENGTH = 200;

function commentHead(value: string): string {
  const text = value.trim();
  const lineEnd = text.search(/[\r\n]/u);
  return (lineEnd === -1 ? text : text.slice(0, lineEnd)).slice(0, COMMENT_HEAD_LENGTH);
}

const compiledPatterns = new Map<string, RegExp>();

/** The pattern option compiled once; a bad one throws a one-line error naming the option. */
function compileCommentPattern(pattern: string): RegExp {
  let compiled = compiledPatterns.get(pattern);
  if (compiled) return compiled;
  const fail = (problem: string) =>
    new KakaoSettingsError(`kakao/handle-retryable-codes: options.defaultCommentPattern: ${problem}`);
  try {
    compiled = new RegExp(pattern, 'iu');
  } catch (error) {
    const reason = (error as Error).message.replace(/^Invalid regular expression: \/.*\/[a-z]*: /su, '');
    throw fail(`invalid regular expression ${JSON.stringify(pattern)}: ${reason}`);
  }
  const risky = findNestedRepetition(pattern);
  if (risky !== undefined) {
    throw fail(
      `${JSON.stringify(pattern)} can take exponential time: ${risky} repeats a group that itself repeats or alternates; write it without the nesting`,
    );
  }
  compiledPatterns.set(pattern, compiled);
  return compiled;
}

/**
 * The first repeated group (`(a+)+`, `(a|ab)*`) whose content can match in more than one way per
 * repetition, the shape behind catastrophic backtracking; undefined when there is none. Comments
 * are cut short before matching, which bounds the polynomial cases but not the exponential ones.
 */
function findNestedRepetition(pattern: string): string | undefined {
  interface Group {
    readonly start: number;
    repeats: boolean;
    alternates: boolean;
  }
  const groups: Group[] = [{ start: 0, repeats: false, alternates: false }];
  /** The quantifier at `index`: its length, and whether it allows many repetitions. */
  const quantifierAt = (index: number): { length: number; many: boolean } => {
    const char = pattern[index];
    if (char === '*' || char === '+') return { length: pattern[index + 1] === '?' ? 2 : 1, many: true };
    if (char === '?') return { length: pattern[index + 1] === '?' ? 2 : 1, many: false };
    const braces = /^\{(\d+)(,(\d*))?\}\??/u.exec(pattern.slice(index));
    if (!braces) return { length: 0, many: false };
    const max = braces[2] === undefined ? Number(braces[1]) : braces[3] === '' ? Infinity : Number(braces[3]);
    return { length: braces[0].length, many: max > 10 };
  };
  let index = 0;
  while (index < pattern.length) {
    const char = pattern[index]!;
    const top = groups.at(-1)!;
    if (char === '(') {
      groups.push({ start: index, repeats: false, alternates: false });
      index++;
      continue;
    }
    if (char === '|') {
      top.alternates = true;
      index++;
      continue;
    }
    let atomEnd = index + 1;
    let closed: Group | undefined;
    if (char === '\\') {
      atomEnd = index + 2;
    } else if (char === '[') {
      atomEnd = index + 1;
      while (atomEnd < pattern.length && pattern[atomEnd] !== ']') atomEnd += pattern[atomEnd] === '\\' ? 2 : 1;
      atomEnd++;
    } else if (char === ')' && groups.length > 1) {
      closed = groups.pop();
    }
    const quantifier = quantifierAt(atomEnd);
    const parent = groups.at(-1)!;
    if (closed) {
      if (quantifier.many && (closed.repeats || closed.alternates)) {
        return pattern.slice(closed.start, atomEnd + quantifier.length);
      }
      parent.repeats ||= closed.repeats || quantifier.many;
    } else if (quantifier.many) {
      parent.repeats = true;
    }
    index = atomEnd + quantifier.length;
  }
  return undefined;
}

/** The statement that ends `statement`: the body of a loop or label, the last branch of an `if`. */
function trailingStatement(statement: Statement): Statement {
  switch (statement.type) {
    case AST_NODE_TYPES.IfStatement:
      return trailingStatement(statement.alternate ?? statement.consequent);
    case AST_NODE_TYPES.ForStatement:
    case AST_NODE_TYPES.ForInStatement:
    case AST_NODE_TYPES.ForOfStatement:
    case AST_NODE_TYPES.WhileStatement:
    case AST_NODE_TYPES.WithStatement:
    case AST_NODE_TYPES.LabeledStatement:
      return trailingStatement(statement.body);
    default:
      return statement;
  }
}

/** Whether an `else` written after `statement` would pair with an `if` inside it (a dangling else). */
function endsInOpenIf(statement: Statement): boolean {
  switch (statement.type) {
    case AST_NODE_TYPES.IfStatement:
      return statement.alternate === null || endsInOpenIf(statement.alternate);
    case AST_NODE_TYPES.ForStatement:
    case AST_NODE_TYPES.ForInStatement:
    case AST_NODE_TYPES.ForOfStatement:
    case AST_NODE_TYPES.WhileStatement:
    case AST_NODE_TYPES.WithStatement:
    case AST_NODE_TYPES.LabeledStatement:
      return endsInOpenIf(statement.body);
    default:
      return false;
  }
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

/** The index of the first comment that starts at or after `offset` (comments are in source order). */
function firstCommentFrom(comments: readonly TSESTree.Comment[], offset: number): number {
  let low = 0;
  let high = comments.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (comments[middle]!.range[0] < offset) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** The wanted codes, ordered by |code| like the generated enum. */
function resolveWantedCodes(option: readonly (number | string)[] | undefined, file: KakaoFile): WantedCode[] {
  const { index } = file;
  let codes: WantedCode[];
  if (option === undefined) {
    codes = index.retryable.map((entry) => ({ value: entry.code, entry }));
  } else {
    codes = option.map((item) => {
      if (typeof item === 'number') return { value: item, entry: index.byCode.get(item) };
      const entry = index.byName.get(item);
      if (!entry) {
        throw new KakaoSettingsError(
          `handle-retryable-codes: option retryableCodes: "${item}" is not a code name in the ${index.apiName} spec`,
        );
      }
      return { value: entry.code, entry };
    });
  }
  const seen = new Set<number>();
  return codes
    .filter(({ value }) => !seen.has(value) && seen.add(value))
    .sort((a, b) => compareCodes(a.value, b.value));
}
