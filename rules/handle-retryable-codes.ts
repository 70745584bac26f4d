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
import {
  canCompleteNormally,
  forEachCodeCheck,
  getCallNames,
  getIfChain,
  getStatementList,
  getSubjectKey,
  isElseIf,
  isFunctionNode,
  switchCaseChecks,
} from './utils/dispatch.js';
import type { CodeCheck } from './utils/dispatch.js';

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

export type MessageIds = 'missingRetryableCodes' | 'addMissingCases';

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
  readonly handled: ReadonlySet<number>;
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
      addMissingCases: 'Add a case for each missing retryable code, with a TODO to retry.',
    },
  },
  create(
    context,
    [
      {
        errorCodeNames = DEFAULT_ERROR_CODE_NAMES,
        retryableCodes,
        guardNames = [],
        allowDefault = false,
        defaultCommentPattern = DEFAULT_COMMENT_PATTERN,
        minimumCodes = 2,
      },
    ],
  ) {
    const file = getKakaoFile(context, errorCodeNames);
    if (!file) return {};
    const wanted = resolveWantedCodes(retryableCodes, file);
    if (wanted.length === 0) return {};

    const { sourceCode } = context;
    const { enumName } = file.settings;
    const generated = generatedNames(enumName);
    const guards = new Set(['isRetryable', generated.isRetryable, generated.retryableList, ...guardNames]);
    const commentPattern = new RegExp(defaultCommentPattern, 'iu');
    const isGuardCall = (call: TSESTree.CallExpression) => getCallNames(call).some((name) => guards.has(name));
    const hasGuardCall = (root: Node) => forEachCodeCheck(root, file, () => false, isGuardCall);

    const isComplete = (handled: ReadonlySet<number>) => wanted.every(({ value }) => handled.has(value));

    // --- switches -------------------------------------------------------------------------------

    function analyseSwitch(node: TSESTree.SwitchStatement): Dispatch | undefined {
      const checks = switchCaseChecks(node, file!);
      const specLiterals = new Set<number>();
      let specCodes = 0;
      let anyEnumMember = false;
      for (const { code } of checks) {
        if (!code.entry) continue;
        specCodes++;
        if (code.isEnumMember) anyEnumMember = true;
        else specLiterals.add(code.value);
      }
      // `switch (list.indexOf(x)) { case -1: }` is not a dispatch: the subject must look like a
      // code, or the cases must name enum members or at least two spec codes.
      if (
        specCodes === 0 ||
        !(anyEnumMember || specLiterals.size >= 2 || file!.isErrorCodeExpression(node.discriminant))
      ) {
        return undefined;
      }
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
      const { ifs, finalElse } = getIfChain(head);
      const checks: CodeCheck[] = [];
      for (const ifNode of ifs) {
        forEachCodeCheck(ifNode.test, file!, (check) => {
          checks.push(check);
          return false;
        });
      }
      const guarded = ifs.some((ifNode) => hasGuardCall(ifNode.test));
      if (checks.length === 0 && !guarded) return undefined;
      return { head, finalElse, lastIf: ifs.at(-1)!, checks, guarded };
    }

    /** A chain, or consecutive chains in one statement list, as one dispatch over its main subject. */
    function analyseRun(chains: readonly ChainInfo[]): Dispatch | undefined {
      interface Subject {
        readonly codes: Set<number>;
        readonly specCodes: Set<number>;
      }
      const subjects = new Map<string, Subject>();
      for (const chain of chains) {
        for (const { subject, code } of chain.checks) {
          const key = getSubjectKey(subject, sourceCode);
          let entry = subjects.get(key);
          if (!entry) subjects.set(key, (entry = { codes: new Set(), specCodes: new Set() }));
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
        handled: best[1].codes,
        guarded: chains.some((chain) => chain.guarded),
        defaultBranch: finalElse
          ? { node: finalElse, commentRange: [lastChain.lastIf.consequent.range[1], finalElse.range[1]] }
          : null,
        trailingCommentRange: null,
      };
    }

    function checkStatementList(statements: readonly Statement[]): void {
      let run: ChainInfo[] = [];
      const flush = () => {
        if (run.length > 0) check(analyseRun(run));
        run = [];
      };
      for (const statement of statements) {
        const chain = statement.type === AST_NODE_TYPES.IfStatement ? analyseChain(statement) : undefined;
        if (chain) run.push(chain);
        else flush();
      }
      flush();
    }

    // --- coverage and report ----------------------------------------------------------------------

    function hasPatternComment(range: readonly [number, number]): boolean {
      return sourceCode
        .getAllComments()
        .some(
          (comment) =>
            comment.range[0] >= range[0] && comment.range[1] <= range[1] && commentPattern.test(comment.value.trim()),
        );
    }

    /** The nodes whose guards and checks on the same subject also handle codes: before, around, after. */
    function coveringRegions(dispatch: Dispatch): Node[] {
      const regions: Node[] = [];
      if (dispatch.defaultBranch) {
        regions.push(dispatch.defaultBranch.node);
      } else {
        // Unhandled codes carry on with the statements after the dispatch.
        const list = getStatementList(dispatch.last.parent);
        if (list) regions.push(...list.slice(list.indexOf(dispatch.last) + 1));
      }
      // Statements that run before it, and the conditions it is nested in, up to the function.
      let current: Node = dispatch.first;
      for (let parent: Node | undefined = current.parent; parent; current = parent, parent = parent.parent) {
        if (isFunctionNode(parent)) break;
        const list = getStatementList(parent);
        if (list) {
          const index = list.indexOf(current as Statement);
          if (index > 0) regions.push(...list.slice(0, index));
        } else if (parent.type === AST_NODE_TYPES.IfStatement && parent.test !== current) {
          regions.push(parent.test);
        }
        if (parent.type === AST_NODE_TYPES.StaticBlock) break;
      }
      return regions;
    }

    function check(dispatch: Dispatch | undefined): void {
      if (!dispatch || dispatch.guarded) return;
      let missing = wanted.filter((code) => !dispatch.handled.has(code.value));
      if (missing.length === 0) return;

      const { defaultBranch, trailingCommentRange } = dispatch;
      if (defaultBranch && (allowDefault || hasPatternComment(defaultBranch.commentRange))) return;
      if (trailingCommentRange && hasPatternComment(trailingCommentRange)) return;

      const alsoHandled = new Set<number>();
      for (const region of coveringRegions(dispatch)) {
        const guarded = forEachCodeCheck(
          region,
          file!,
          (found) => {
            if (getSubjectKey(found.subject, sourceCode) === dispatch.subjectKey) alsoHandled.add(found.code.value);
            return false;
          },
          isGuardCall,
        );
        if (guarded) return;
      }
      missing = missing.filter((code) => !alsoHandled.has(code.value));
      if (missing.length === 0) return;

      const { node } = dispatch;
      context.report({
        node,
        loc: headLocation(node),
        messageId: 'missingRetryableCodes',
        data: {
          api: file!.index.apiName,
          missing: missing
            .map(({ value, entry }) => (entry ? `${entry.name} (${value})` : String(value)))
            .join(', '),
        },
        // Switches only: an `else if` for the missing codes would take them away from the final `else`.
        ...(node.type === AST_NODE_TYPES.SwitchStatement && {
          suggest: [{ messageId: 'addMissingCases', fix: (fixer) => addMissingCases(fixer, node, missing) }],
        }),
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

    function addMissingCases(
      fixer: TSESLint.RuleFixer,
      node: TSESTree.SwitchStatement,
      missing: readonly WantedCode[],
    ): TSESLint.RuleFix[] {
      // Enum members where the enum is reachable or importable (one import for all), else literals.
      let importFix: TSESLint.RuleFix | null = null;
      let texts: string[] | undefined = [];
      for (const { value, entry } of missing) {
        const replacement = entry ? file!.fileEnum.replacementAt(node, entry.name) : undefined;
        if (replacement?.kind !== 'fixable') {
          texts.push(String(value));
          continue;
        }
        if (replacement.fixImport && !importFix) {
          importFix = replacement.fixImport(fixer);
          if (!importFix) {
            texts = undefined;
            break;
          }
        }
        texts.push(replacement.text);
      }
      if (!texts) {
        texts = missing.map(({ value }) => String(value));
        importFix = null;
      }

      const { cases } = node;
      const defaultIndex = cases.findIndex((switchCase) => switchCase.test === null);
      const beforeDefault = defaultIndex >= 0 ? cases[defaultIndex - 1] : undefined;
      // Before `default`, unless the case above falls through into it (the new cases would cut it off).
      const insertBefore =
        defaultIndex >= 0 && (!beforeDefault || !canCompleteNormally(beforeDefault.consequent))
          ? cases[defaultIndex]!
          : undefined;
      const reference = insertBefore ?? cases.at(-1)!;
      const todo = `TODO: transient ${file!.index.apiName} error: retry the request.`;
      const caseTexts = texts.map((text) => `case ${text}:`);
      // After the last case, past any comment on its last line: falling into a `break` changes nothing.
      const last = cases.at(-1)!;
      const anchor = insertBefore
        ? undefined
        : (sourceCode
            .getCommentsAfter(last)
            .filter((comment) => comment.loc.start.line === last.loc.end.line)
            .at(-1) ?? last);
      // A switch written on one line gets its new cases on that line too.
      const oneLine = !startsLine(reference) && anchor?.type !== 'Line';

      let text: string;
      if (oneLine) {
        text = `${caseTexts.join(' ')} /* ${todo} */ break;`;
        text = insertBefore ? `${text} ` : ` ${text}`;
      } else {
        const { caseIndent, bodyIndent } = indentation(node, reference);
        const lines = [
          ...caseTexts.map((line) => caseIndent + line),
          `${bodyIndent}// ${todo}`,
          `${bodyIndent}break;`,
        ].join('\n');
        text = insertBefore ? `${lines.slice(caseIndent.length)}\n${caseIndent}` : `\n${lines}`;
      }
      // Before `default` and the comments on the lines above it, which belong to it.
      const leadingComment = oneLine ? undefined : sourceCode.getCommentsBefore(reference).find(startsLine);
      const fix = anchor
        ? fixer.insertTextAfterRange(anchor.range, text)
        : fixer.insertTextBeforeRange((leadingComment ?? reference).range, text);
      return importFix ? [fix, importFix] : [fix];
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

    const checkList = (node: Node) => checkStatementList(getStatementList(node)!);
    return {
      SwitchStatement(node) {
        check(analyseSwitch(node));
      },
      Program: checkList,
      BlockStatement: checkList,
      StaticBlock: checkList,
      TSModuleBlock: checkList,
      SwitchCase: checkList,
      IfStatement(node) {
        // Chains are analysed from their first `if`; `if`s in statement lists with their run.
        if (isElseIf(node) || getStatementList(node.parent)) return;
        const chain = analyseChain(node);
        if (chain) check(analyseRun([chain]));
      },
    };
  },
});

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
